import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import ObjectiveEditor from './ObjectiveEditor.svelte';
import { app } from '../lib/state.svelte';
import type { View } from '../bindings/View';

function view(): View {
  return {
    file: { path: '/tmp/r.jalon', name: 'r.jalon' },
    report: {
      strategy: { title: 'S', period: '', language: 'en', method: 'mean_of_children', reporting_period: '', as_of: '' },
      axes: [{ id: 1, number: 4, title: 'A', actions: [{ id: 10, number: 14, title: 'B', published_progress: null, objectives: [
        { id: 101, number: 34, part: null, title: 'O34', status: 'in_progress', progress: 5, achievement: '', next_steps: 'x', lead: '', due_date: '', weight: 1, indicator: null },
      ] }] }],
    },
    figures: { strategy: 5, axes: { 1: 5 }, actions: { 10: 5 }, objectives: { 101: 5 } },
    warnings: [], can_undo: false, can_redo: false, recent: [], periods: [], viewing: null, deltas: null, notice: null, migrated: null,
  };
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('ObjectiveEditor', () => {
  it('refuses 150 at the field and sends nothing', async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
    });
    app.setLang('en');
    app.show(view());
    render(ObjectiveEditor, { objectiveId: 101 });
    const field = screen.getByLabelText('Progress (%)') as HTMLInputElement;
    await fireEvent.input(field, { target: { value: '150' } });
    await fireEvent.click(screen.getByText('Save'));
    expect(screen.getByText('Progress must be from 0 to 100.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(calls).toEqual([]);
  });

  it('saves a valid progress through update_objective and updates the figures', async () => {
    let sent: unknown = null;
    mockIPC((cmd, args) => {
      if (cmd !== 'update_objective') throw new Error(cmd);
      sent = args;
      return { figures: { strategy: 35, axes: { 1: 35 }, actions: { 10: 35 }, objectives: { 101: 35 } }, warnings: [], can_undo: true, can_redo: false };
    });
    app.setLang('en');
    app.show(view());
    render(ObjectiveEditor, { objectiveId: 101 });
    await fireEvent.input(screen.getByLabelText('Progress (%)'), { target: { value: '35' } });
    await fireEvent.click(screen.getByText('Save'));
    await new Promise((r) => setTimeout(r, 0));
    expect((sent as { id: number; fields: { progress: number } }).fields.progress).toBe(35);
    expect((sent as { id: number }).id).toBe(101);
    expect(app.view!.figures.actions[10]).toBe(35);
    expect(app.locate(101)!.objective.progress).toBe(35);
  });

  it('shows a field error the shell sends back beside that field', async () => {
    mockIPC(() => {
      throw {
        code: 'invalid', message: 'weight: must be a whole number from 1 to 1000, got 0', field: 'weight',
        error: { code: 'invalid', field: 'weight', reason: { kind: 'out_of_range', min: 1, max: 1000, value: 0 } },
      };
    });
    app.setLang('en');
    app.show(view());
    render(ObjectiveEditor, { objectiveId: 101 });
    await fireEvent.click(screen.getByText('Save'));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.getByText('must be a whole number from 1 to 1000, got 0')).toBeTruthy();
  });

  it('words the refusal in the person\'s language, not the shell\'s', async () => {
    mockIPC(() => {
      throw {
        code: 'invalid', message: 'weight: must be a whole number from 1 to 1000, got 0', field: 'weight',
        error: { code: 'invalid', field: 'weight', reason: { kind: 'out_of_range', min: 1, max: 1000, value: 0 } },
      };
    });
    app.setLang('fr');
    app.show(view());
    render(ObjectiveEditor, { objectiveId: 101 });
    await fireEvent.click(screen.getByText('Enregistrer'));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.getByText('doit être un nombre entier de 1 à 1000, reçu 0')).toBeTruthy();
    app.setLang('en');
  });
});

describe('ObjectiveEditor indicator', () => {
  it('refuses a baseline that is not a number, at its field', async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
    });
    app.setLang('en');
    app.show(view());
    render(ObjectiveEditor, { objectiveId: 101 });
    await fireEvent.click(screen.getByLabelText('Progress comes from an indicator'));
    await fireEvent.input(screen.getByLabelText('Baseline'), { target: { value: 'twelve' } });
    await fireEvent.input(screen.getByLabelText('Current value'), { target: { value: '15' } });
    await fireEvent.input(screen.getByLabelText('Target'), { target: { value: '20' } });
    await fireEvent.click(screen.getByText('Save'));
    expect(screen.getByText('Enter a number such as 12.5.')).toBeTruthy();
    expect(screen.getByLabelText('Baseline').getAttribute('aria-invalid')).toBe('true');
    expect(calls).toEqual([]);
  });

  it('sends the indicator and shows the progress it gives', async () => {
    let sent: { fields: { indicator: unknown } } | null = null;
    mockIPC((cmd, args) => {
      sent = args as never;
      return { figures: { strategy: 60, axes: { 1: 60 }, actions: { 10: 60 }, objectives: { 101: 60 } }, warnings: [], can_undo: true, can_redo: false };
    });
    app.setLang('en');
    app.show(view());
    render(ObjectiveEditor, { objectiveId: 101 });
    await fireEvent.click(screen.getByLabelText('Progress comes from an indicator'));
    await fireEvent.input(screen.getByLabelText('Baseline'), { target: { value: '30' } });
    await fireEvent.input(screen.getByLabelText('Current value'), { target: { value: '42' } });
    await fireEvent.input(screen.getByLabelText('Target'), { target: { value: '50' } });
    await fireEvent.click(screen.getByText('Save'));
    await new Promise((r) => setTimeout(r, 0));
    expect(sent!.fields.indicator).toEqual({ baseline: '30', current: '42', target: '50', unit: '', direction: 'rising' });
    expect(app.locate(101)!.objective.progress).toBe(60);
  });
});
