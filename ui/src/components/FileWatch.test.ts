import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import FileWatch from './FileWatch.svelte';
import { app } from '../lib/state.svelte';
import type { View } from '../bindings/View';

function view(title: string): View {
  return {
    file: { path: '/home/ana/r.jalon', name: 'r.jalon' },
    report: {
      strategy: { title, period: '', language: 'en', method: 'mean_of_children', reporting_period: '', as_of: '' },
      axes: [],
    },
    figures: { strategy: null, axes: {}, actions: {}, objectives: {} },
    warnings: [], can_undo: false, can_redo: false, recent: [], periods: [], viewing: null, deltas: null, notice: null, migrated: null,
  };
}

// Fake timers: the looks happen when the test says, however loaded the machine is.
/** Read through a call: TypeScript would keep the message narrowed to what a test set. */
const message = () => app.message;
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  cleanup();
  clearMocks();
});

describe('FileWatch', () => {
  it('shows the report read again when the shell says the file changed, with a notice, and only then', async () => {
    const answers: (View | null)[] = [null, view('Changed by the CLI'), null];
    let asked = 0;
    mockIPC((cmd) => {
      if (cmd !== 'reread_if_changed') throw new Error(cmd);
      asked += 1;
      return answers.shift() ?? null;
    });
    app.setLang('en');
    app.show(view('Before'));
    app.message = null;
    render(FileWatch, { every: 20 });
    await wait(30);
    expect(app.view?.report.strategy.title).toBe('Before');
    expect(message()).toBeNull();
    await wait(40);
    expect(app.view?.report.strategy.title).toBe('Changed by the CLI');
    expect(message()?.text).toBe('Another program changed r.jalon: Jalon read it again. A form left open keeps what you typed.');
    app.message = null;
    await wait(60);
    expect(message()).toBeNull();
    expect(asked).toBeGreaterThanOrEqual(3);
  });

  it('looks at once when the window gains focus', async () => {
    let asked = 0;
    mockIPC(() => {
      asked += 1;
      return null;
    });
    render(FileWatch, { every: 60000 });
    window.dispatchEvent(new Event('focus'));
    await wait(10);
    expect(asked).toBe(1);
  });
});
