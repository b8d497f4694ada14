import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import ChartsPanel from './ChartsPanel.svelte';
import { app } from '../lib/state.svelte';
import type { View } from '../bindings/View';

function view(): View {
  return {
    file: { path: '/tmp/r.jalon', name: 'r.jalon' },
    report: {
      strategy: { title: 'S', period: '', language: 'en', method: 'mean_of_children', reporting_period: '', as_of: '' },
      axes: [{ id: 1, number: 4, title: 'A', actions: [{ id: 10, number: 14, title: 'B', published_progress: null, objectives: [] }] }],
    },
    figures: { strategy: null, axes: { 1: null }, actions: { 10: null }, objectives: {} },
    warnings: [], can_undo: false, can_redo: false, recent: [], periods: [], viewing: null, deltas: null, notice: null, migrated: null,
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('ChartsPanel', () => {
  it('asks for the previews of the chosen scope and size, and shows each with its alt text', async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd !== 'chart_previews') throw new Error(cmd);
      asked.push(args);
      const a = args as { scope: { kind: string; number?: number } };
      const stem = a.scope.kind === 'axis' ? `axis-${a.scope.number}-actions` : 'strategy-axes';
      return [{ stem, title: `Title of ${stem}`, alt_text: `Alt of ${stem}`, svg: `<svg role="img"><title>${stem}</title></svg>` }];
    });
    app.setLang('en');
    app.show(view());
    render(ChartsPanel);
    await tick();
    expect(asked[0]).toEqual({ scope: { kind: 'strategy' }, settings: { width: 1920, height: 1080, format: 'png', dark: false } });
    expect(screen.getByText('Title of strategy-axes')).toBeTruthy();
    expect(screen.getByText('Alt of strategy-axes')).toBeTruthy();

    await fireEvent.change(screen.getByLabelText('Charts of'), { target: { value: 'axis:4' } });
    await fireEvent.change(screen.getByLabelText('Size'), { target: { value: '1024x768' } });
    await tick();
    expect(asked.at(-1)).toEqual({ scope: { kind: 'axis', number: 4 }, settings: { width: 1024, height: 768, format: 'png', dark: false } });
    expect(screen.getByText('Title of axis-4-actions')).toBeTruthy();
  });

  it('refuses a custom size out of range at the fields, without asking the shell', async () => {
    let calls = 0;
    mockIPC(() => {
      calls += 1;
      return [];
    });
    app.setLang('en');
    app.show(view());
    render(ChartsPanel);
    await tick();
    await fireEvent.change(screen.getByLabelText('Size'), { target: { value: 'custom' } });
    await tick();
    const before = calls;
    const width = screen.getByLabelText('Width (px)') as HTMLInputElement;
    await fireEvent.input(width, { target: { value: '100' } });
    await tick();
    expect(screen.getByRole('alert').textContent).toContain('Width must be 320 to 7680');
    expect(width.getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByText('Export all…') as HTMLButtonElement).disabled).toBe(true);
    expect(calls).toBe(before);
  });

  it('reports the files an Export all wrote', async () => {
    mockIPC((cmd) => {
      if (cmd === 'chart_previews') return [];
      if (cmd === 'export_charts') return { folder: '/tmp/out', files: ['/tmp/out/a.png', '/tmp/out/a.txt'] };
      throw new Error(cmd);
    });
    app.setLang('en');
    app.show(view());
    render(ChartsPanel);
    await fireEvent.click(screen.getByText('Export all…'));
    await tick();
    expect(app.message?.text).toBe('2 files written to /tmp/out.');
    expect(app.message?.details).toEqual(['a.png', 'a.txt']);
  });
});
