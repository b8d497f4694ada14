import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import HandedFile from './HandedFile.svelte';
import { app } from '../lib/state.svelte';
import type { View } from '../bindings/View';

function view(name: string): View {
  return {
    file: { path: `/home/ana/${name}`, name },
    report: {
      strategy: { title: 'S', period: '', language: 'en', method: 'mean_of_children', reporting_period: '', as_of: '' },
      axes: [],
    },
    figures: { strategy: null, axes: {}, actions: {}, objectives: {} },
    warnings: [], can_undo: false, can_redo: false, recent: [], periods: [], viewing: null, deltas: null, notice: null, migrated: null,
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** The shell: a queue of handed files, and open_recent answering with the file's view. */
function shell(queue: string[]) {
  const opened: string[] = [];
  mockIPC(
    (cmd, args) => {
      if (cmd === 'take_handed_file') return queue.pop() ?? null;
      if (cmd === 'open_recent') {
        const path = (args as { path: string }).path;
        opened.push(path);
        return view(path.split('/').pop()!);
      }
      throw new Error(cmd);
    },
    { shouldMockEvents: true },
  );
  return opened;
}

afterEach(async () => {
  cleanup();
  // The listener is taken off once its promise settles: after that, the mocks may go.
  await tick();
  clearMocks();
  app.dialog = null;
});

describe('HandedFile', () => {
  it('opens a file handed before the UI listened (a cold start), as Open… would', async () => {
    const opened = shell(['/home/ana/q3.jalon']);
    app.setLang('en');
    app.show(view('demo.jalon'));
    render(HandedFile);
    await tick();
    await tick();
    expect(opened).toEqual(['/home/ana/q3.jalon']);
    expect(app.view?.file.name).toBe('q3.jalon');
    expect(app.message?.text).toBe('Opened q3.jalon.');
  });

  it('asks first when a form is open, and opens only on confirmation', async () => {
    const queue: string[] = [];
    const opened = shell(queue);
    app.setLang('en');
    app.show(view('demo.jalon'));
    app.dialog = { kind: 'editor', objectiveId: 7 };
    render(HandedFile);
    await tick();
    queue.push('/home/ana/q4.jalon');
    await emit('jalon://file-handed');
    await tick();
    await tick();
    expect(opened).toEqual([]);
    expect(screen.getByText('Open q4.jalon?')).toBeTruthy();
    expect(app.dialog).toEqual({ kind: 'editor', objectiveId: 7 });

    await fireEvent.click(screen.getByText('Keep editing'));
    expect(screen.queryByText('Open q4.jalon?')).toBeNull();
    expect(opened).toEqual([]);

    queue.push('/home/ana/q4.jalon');
    await emit('jalon://file-handed');
    await tick();
    await tick();
    await fireEvent.click(screen.getByTestId('confirm-handed'));
    await tick();
    expect(opened).toEqual(['/home/ana/q4.jalon']);
    expect(app.dialog).toBeNull();
    expect(app.view?.file.name).toBe('q4.jalon');
  });
});
