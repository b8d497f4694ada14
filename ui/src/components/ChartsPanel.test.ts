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

  it('previews the deck slide by slide with its layouts, shows a slide large, and exports on the layout chosen', async () => {
    const asked: Record<string, unknown>[] = [];
    const slide = (n: number, title: string, layout: string) => ({
      number: n, title, layout, fallback: false,
      svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 540"><text>${title}</text></svg>`,
    });
    mockIPC((cmd, args) => {
      const a = args as { options: Record<string, unknown> };
      if (cmd === 'chart_previews') return [];
      if (cmd === 'choose_template') return '/tmp/ministry.pptx';
      if (cmd === 'deck_preview') {
        asked.push(a.options);
        const table = (a.options.layouts as { role: string; name: string }[] | undefined)?.find((c) => c.role === 'table')?.name ?? 'Titre seul';
        return {
          slides: [slide(1, 'Strategy', 'Titre'), slide(2, 'Overview', 'Titre seul'), slide(3, 'Axis 4: key actions', table)],
          roles: [
            { role: 'title', layout: 'Titre', fallback: false },
            { role: 'chart', layout: 'Titre seul', fallback: false },
            { role: 'table', layout: table, fallback: false },
            { role: 'text', layout: 'Titre seul', fallback: false },
          ],
          layouts: ['Titre', 'Titre seul', 'Titre et contenu'],
        };
      }
      if (cmd === 'export_deck') {
        asked.push({ export: a.options });
        return { path: '/tmp/deck.pptx', bytes: 10, notices: [] };
      }
      throw new Error(cmd);
    });
    localStorage.clear();
    app.setLang('en');
    app.show(view());
    render(ChartsPanel);
    await fireEvent.click(screen.getByText('Choose template…'));
    await tick();
    await fireEvent.click(screen.getByText('Preview deck'));
    await tick();
    await tick();
    expect(asked[0]).toMatchObject({ format: 'pptx', template: '/tmp/ministry.pptx', layouts: [] });
    const thumbs = screen.getAllByTestId('deck-slide');
    expect(thumbs.map((t) => t.getAttribute('aria-label'))).toEqual([
      'Slide 1: Strategy — layout “Titre”',
      'Slide 2: Overview — layout “Titre seul”',
      'Slide 3: Axis 4: key actions — layout “Titre seul”',
    ]);

    await fireEvent.click(thumbs[1]);
    const large = screen.getByTestId('deck-slide-large');
    expect(large.querySelector('h2')?.textContent).toBe('Slide 2 of 3');
    expect(large.querySelector('svg text')?.textContent).toBe('Overview');
    await fireEvent.click(screen.getByText('Next slide'));
    expect(large.querySelector('h2')?.textContent).toBe('Slide 3 of 3');
    await fireEvent.click(screen.getByTestId('deck-slide-close'));
    expect(screen.queryByTestId('deck-slide-large')).toBeNull();

    // A layout of the template for each kind of slide.
    expect(['Title slide on', 'Chart slides on', 'Table slides on', 'List slides on'].map((l) => screen.getByLabelText(l).tagName)).toEqual(['SELECT', 'SELECT', 'SELECT', 'SELECT']);
    // Another layout for the table slides draws the preview again, and the export takes it.
    await fireEvent.change(screen.getByLabelText('Table slides on'), { target: { value: 'Titre et contenu' } });
    await tick();
    await tick();
    expect(asked.at(-1)).toMatchObject({ layouts: [{ role: 'table', name: 'Titre et contenu' }] });
    expect(screen.getAllByTestId('deck-slide').map((t) => t.getAttribute('data-layout'))).toEqual(['Titre', 'Titre seul', 'Titre et contenu']);
    await fireEvent.click(screen.getByText('Export deck…'));
    await tick();
    expect(asked.at(-1)).toMatchObject({ export: { template: '/tmp/ministry.pptx', layouts: [{ role: 'table', name: 'Titre et contenu' }] } });
  });
});
