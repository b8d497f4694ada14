import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { AppState } from './state.svelte';
import type { View } from '../bindings/View';

function demoView(): View {
  return {
    file: { path: '/tmp/r.jalon', name: 'r.jalon' },
    report: {
      strategy: { title: 'S', period: '', language: 'en', method: 'mean_of_children', reporting_period: '', as_of: '' },
      axes: [
        {
          id: 1, number: 4, title: 'Axis four',
          actions: [{
            id: 10, number: 14, title: 'Action fourteen', published_progress: null,
            objectives: [
              { id: 100, number: 30, part: null, title: 'O30', status: 'in_progress', progress: 75, achievement: '', next_steps: 'x', lead: '', due_date: '', weight: 1, indicator: null },
              { id: 101, number: 34, part: null, title: 'O34', status: 'in_progress', progress: 5, achievement: '', next_steps: 'x', lead: '', due_date: '', weight: 1, indicator: null },
            ],
          }],
        },
        { id: 2, number: 5, title: 'Axis five', actions: [] },
      ],
    },
    figures: { strategy: 40, axes: { 1: 40, 2: null }, actions: { 10: 40 }, objectives: { 100: 75, 101: 5 } },
    warnings: [],
    can_undo: false,
    can_redo: false,
    recent: [],
    periods: [],
    viewing: null,
    deltas: null,
    notice: null,
    migrated: null,
  };
}

afterEach(() => clearMocks());

describe('AppState', () => {
  it('patches a saved objective and the figures the shell sent back', () => {
    const app = new AppState();
    app.show(demoView());
    const fields = { title: ' O34 new ', status: 'completed' as const, progress: 35, achievement: 'a', next_steps: 'n', lead: '', due_date: '', weight: 1, indicator: null };
    app.applySaved(101, fields, {
      figures: { strategy: 55, axes: { 1: 55, 2: null }, actions: { 10: 55 }, objectives: { 100: 75, 101: 35 } },
      warnings: [], deltas: null, can_undo: true, can_redo: false,
    });
    const o = app.locate(101)!.objective;
    expect(o.title).toBe('O34 new');
    expect(o.progress).toBe(35);
    expect(o.status).toBe('completed');
    expect(app.view!.figures.actions[10]).toBe(55);
    expect(app.view!.can_undo).toBe(true);
  });

  it('going to an objective from the checks clears a filter that hides it', () => {
    const app = new AppState();
    app.show(demoView());
    app.tab = 'checks';
    app.filterAxis = 2;
    app.goToObjective(100);
    expect(app.tab).toBe('dashboard');
    expect(app.filterAxis).toBeNull();
    expect(app.expanded.has(100)).toBe(true);
    expect(app.focusObjective).toBe(100);
  });

  it('undo calls the shell and shows what it returns; an error becomes a message', async () => {
    const app = new AppState();
    app.show({ ...demoView(), can_undo: true });
    const undone = demoView();
    undone.report.strategy.title = 'After undo';
    mockIPC((cmd) => {
      if (cmd === 'undo') return undone;
      throw new Error(`unexpected ${cmd}`);
    });
    await app.undo();
    expect(app.view!.report.strategy.title).toBe('After undo');

    app.show({ ...demoView(), can_undo: true });
    mockIPC(() => {
      throw { code: 'other', message: 'disk full', field: null };
    });
    await app.undo();
    expect(app.message).toEqual({ kind: 'error', text: 'disk full' });
  });

  it('says in the person\'s language that a report was updated and where the original is kept, or why another could not open', () => {
    const app = new AppState();
    app.setLang('fr');
    app.show({ ...demoView(), migrated: { from: 3, backup: '/d/r.jalon.schema-3.bak' } });
    expect(app.message?.kind).toBe('info');
    expect(app.message?.text).toBe(
      'Ce rapport venait d’une version plus ancienne de Jalon (schéma 3)\u00a0; il a été mis à jour, et l’original est conservé sous /d/r.jalon.schema-3.bak.',
    );
    app.show({ ...demoView(), notice: { code: 'tampered', label: '2026-Q1' } });
    expect(app.message?.kind).toBe('error');
    expect(app.message?.text).toBe('période 2026-Q1\u00a0: son instantané figé a été modifié après la clôture');
  });

  it('a filter on an axis that no longer exists is dropped', () => {
    const app = new AppState();
    app.show(demoView());
    app.filterAxis = 2;
    const v = demoView();
    v.report.axes.pop();
    app.show(v);
    expect(app.filterAxis).toBeNull();
  });
});
