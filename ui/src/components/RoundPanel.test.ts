import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import RoundPanel from './RoundPanel.svelte';
import { app } from '../lib/state.svelte';
import type { View } from '../bindings/View';
import type { WorkbookReview } from '../bindings/WorkbookReview';
import type { Round } from '../bindings/Round';

function view(): View {
  return {
    file: { path: '/tmp/r.jalon', name: 'r.jalon' },
    report: {
      strategy: { title: 'S', period: '', language: 'en', method: 'mean_of_children', reporting_period: '2026-Q2', as_of: '2026-06-30' },
      axes: [{ id: 1, number: 4, title: 'A', actions: [{ id: 10, number: 14, title: 'B', published_progress: null, objectives: [
        { id: 100, number: 30, part: null, title: 'O30', status: 'in_progress', progress: 40, achievement: 'Sites planned', next_steps: 'x', lead: 'Ana', due_date: '', weight: 1, indicator: null },
        { id: 101, number: 31, part: null, title: 'O31', status: 'in_progress', progress: 10, achievement: '', next_steps: '', lead: '', due_date: '', weight: 1, indicator: null },
      ] }] }],
    },
    figures: { strategy: 25, axes: { 1: 25 }, actions: { 10: 25 }, objectives: { 100: 40, 101: 10 } },
    warnings: [], periods: [], viewing: null, deltas: null,
    can_undo: false, can_redo: false, recent: [], notice: null, migrated: null,
  };
}

const review: WorkbookReview = {
  file: '/home/o/back/Ana.xlsx', lead: 'Ana', round_id: 'r'.repeat(32), sha256: 'f'.repeat(64),
  objectives: [{
    id: 100, reference: { number: 30, part: null }, title: 'O30', comment: 'Two sites slipped.',
    changes: [
      { field: 'progress', conflict: false, diff: [], issued: { kind: 'progress', value: 40 }, proposed: { kind: 'progress', value: 55 }, current: { kind: 'progress', value: 40 } },
      { field: 'achievement', conflict: false, issued: { kind: 'text', value: 'Sites planned' }, proposed: { kind: 'text', value: 'Sites opened' }, current: { kind: 'text', value: 'Sites planned' },
        diff: [{ kind: 'same', text: 'Sites ' }, { kind: 'removed', text: 'planned' }, { kind: 'added', text: 'opened' }] },
      { field: 'status', conflict: true, diff: [], issued: { kind: 'status', value: 'in_progress' }, proposed: { kind: 'status', value: 'completed' }, current: { kind: 'status', value: 'abandoned' } },
    ],
  }],
};

const rounds: Round[] = [{
  id: 'a1b2c3d4'.repeat(4), started_at: '2026-11-01T09:00:00Z', due: '2026-11-15', state: 'open',
  workbooks: [
    { lead: 'Ana', file_name: 'Ana.xlsx', issued_at: '2026-11-01T09:00:00Z', state: 'overdue', returned_sha256: null },
    { lead: '', file_name: 'No lead.xlsx', issued_at: '2026-11-01T09:00:00Z', state: 'imported', returned_sha256: 'e'.repeat(64) },
  ],
}];

const tick = () => new Promise((r) => setTimeout(r, 0));

type Call = { cmd: string; args: Record<string, unknown> };

function mount(): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> });
    if (cmd === 'rounds') return rounds;
    if (cmd === 'review_round') return [review];
    if (cmd === 'apply_round') return { objectives: 1, conflicts_left: 0 };
    if (cmd === 'load') return view();
    if (cmd === 'start_round') return { round_id: 'x'.repeat(32), files: ['/o/Ana.xlsx', '/o/No lead.xlsx'] };
    return null;
  });
  app.setLang('en');
  app.reviews = [];
  app.show(view());
  render(RoundPanel);
  return calls;
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('the round panel', () => {
  it('lists each round with its workbooks in words, overdue included', async () => {
    mount();
    await tick();
    const table = screen.getByTestId('round-status');
    expect(table.querySelector('caption')?.textContent).toContain('Round a1b2c3d4, started 2026-11-01 (due 2026-11-15)');
    const states = screen.getAllByTestId('workbook-state').map((e) => e.textContent);
    expect(states).toEqual(['Overdue', 'Imported']);
    expect(table.textContent).toContain('No lead');
  });

  it('starts a round for the chosen leads with the due date', async () => {
    const calls = mount();
    await fireEvent.click(screen.getByTestId('round-start'));
    await fireEvent.input(screen.getByTestId('round-due'), { target: { value: '2026-12-15' } });
    // Leave out the objectives without a lead.
    await fireEvent.click(screen.getByLabelText('No lead'));
    await fireEvent.click(screen.getByTestId('round-write'));
    await tick();
    const start = calls.find((c) => c.cmd === 'start_round');
    expect(start?.args).toMatchObject({ due: '2026-12-15', leads: ['Ana'] });
    expect(app.message?.text).toBe('2 workbooks written');
  });

  it('shows a review with word diffs, refuses to apply while a conflict has no choice, then sends each decision', async () => {
    const calls = mount();
    await fireEvent.click(screen.getByTestId('round-import'));
    await tick();
    expect(screen.getByText('Workbook of Ana (Ana.xlsx)')).toBeTruthy();
    expect(screen.getByText('Two sites slipped.')).toBeTruthy();
    expect(document.querySelector('.review .diff del')?.textContent).toBe('planned');
    expect(document.querySelector('.review .diff ins')?.textContent).toBe('opened');

    await fireEvent.click(screen.getByTestId('review-apply'));
    await tick();
    expect(screen.getByTestId('review-problems').textContent).toContain(
      'Objective 30, Status: choose between the report’s value and the lead’s',
    );
    expect(calls.some((c) => c.cmd === 'apply_round')).toBe(false);

    const [progress, achievement, status] = screen.getAllByTestId('change');
    // Edit the progress to something that is not a whole number: refused by field name.
    await fireEvent.click(progress.querySelector('input[value="edit"]')!);
    const box = progress.querySelector('input[type="text"]') as HTMLInputElement;
    await fireEvent.input(box, { target: { value: '55.5' } });
    await fireEvent.click(status.querySelector('input[value="keep"]')!);
    await fireEvent.click(screen.getByTestId('review-apply'));
    await tick();
    expect(screen.getByTestId('review-problems').textContent).toContain('Objective 30, Progress: Enter a whole number from 0 to 100.');

    await fireEvent.input(box, { target: { value: '60' } });
    await fireEvent.click(achievement.querySelector('input[value="refuse"]')!);
    await fireEvent.click(screen.getByTestId('review-apply'));
    await tick();
    await tick();
    const applied = calls.find((c) => c.cmd === 'apply_round');
    expect(applied?.args).toEqual({
      file: '/home/o/back/Ana.xlsx',
      sha256: 'f'.repeat(64),
      decisions: [
        { objective_id: 100, field: 'progress', value: { kind: 'progress', value: 60 } },
        { objective_id: 100, field: 'status', value: { kind: 'status', value: 'abandoned' } },
      ],
    });
    expect(app.reviews).toEqual([]);
    expect(app.message?.text).toBe('Ana.xlsx: 1 objective updated');
  });
});
