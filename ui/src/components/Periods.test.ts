import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import ComparePanel from './ComparePanel.svelte';
import PeriodDialogs from './PeriodDialogs.svelte';
import PeriodBar from './PeriodBar.svelte';
import Dashboard from './Dashboard.svelte';
import ObjectiveHistory from './ObjectiveHistory.svelte';
import HistoryPanel from './HistoryPanel.svelte';
import type { HistoryEntry } from '../bindings/HistoryEntry';
import type { Change } from '../bindings/Change';
import { app } from '../lib/state.svelte';
import type { View } from '../bindings/View';
import type { Period } from '../bindings/Period';
import type { Comparison } from '../bindings/Comparison';

const q1: Period = { id: 1, label: '2026-Q1', as_of: '2026-03-31', state: 'closed', closed_at: '2026-04-10T08:00:00Z', checksum: 'a'.repeat(64) };
const q2: Period = { id: 2, label: '2026-Q2', as_of: '2026-06-30', state: 'open', closed_at: null, checksum: null };

function view(viewing: Period | null = null): View {
  return {
    file: { path: '/tmp/r.jalon', name: 'r.jalon' },
    report: {
      strategy: { title: 'S', period: '', language: 'en', method: 'mean_of_children', reporting_period: '2026-Q2', as_of: '2026-06-30' },
      axes: [{ id: 1, number: 4, title: 'A', actions: [{ id: 10, number: 14, title: 'B', published_progress: null, objectives: [
        { id: 100, number: 30, part: null, title: 'O30', status: 'in_progress', progress: 80, achievement: '', next_steps: 'x', lead: '', due_date: '', weight: 1, indicator: null },
      ] }] }],
    },
    figures: { strategy: 80, axes: { 1: 80 }, actions: { 10: 80 }, objectives: { 100: 80 } },
    warnings: [], periods: [q1, q2], viewing,
    deltas: { against: '2026-Q1', strategy: 5, axes: { 1: 5 }, actions: { 10: 5 }, objectives: { 100: -3 } },
    can_undo: false, can_redo: false, recent: [], notice: null, migrated: null,
  };
}

const comparison: Comparison = {
  from: '2026-Q1', to: '2026-Q2',
  strategy: { from: 75, to: 80, delta: 5 },
  axes: [
    { number: 4, title: 'A', progress: { from: 75, to: 80, delta: 5 } },
    { number: 7, title: 'Still', progress: { from: 10, to: 10, delta: 0 } },
  ],
  actions: [{ number: 14, title: 'B', progress: { from: 75, to: 80, delta: 5 } }],
  objectives: [{
    reference: { number: 30, part: null }, action: 14, title: 'O30',
    progress: { from: 75, to: 80, delta: 5 }, status_from: 'not_started', status_to: 'in_progress',
    achievement: [{ kind: 'same', text: 'Sites ' }, { kind: 'removed', text: 'planned' }, { kind: 'added', text: 'opened' }],
    next_steps: [],
  }],
  unchanged: 3,
};

const tick = () => new Promise((r) => setTimeout(r, 0));

/** Opens the Close period dialog on the open quarter, once its checks have come back. */
async function openCloseDialog() {
  app.setLang('en');
  app.show(view());
  render(PeriodDialogs);
  app.dialog = { kind: 'closePeriod' };
  await tick();
  await tick();
}

afterEach(() => {
  cleanup();
  clearMocks();
  app.dialog = null;
});

describe('periods in the UI', () => {
  it('compares the last closed period with the open one, with deltas and word changes', async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd !== 'compare_periods') throw new Error(cmd);
      asked.push(args);
      return comparison;
    });
    app.setLang('en');
    app.show(view());
    render(ComparePanel);
    await tick();
    await tick();
    expect(asked[0]).toEqual({ from: 1, to: 2 });
    const row = screen.getByTestId('compare-action-14');
    expect(row.textContent).toContain('75%');
    expect(row.textContent).toContain('▲ +5');
    const o = screen.getByTestId('compare-objective-30');
    expect(o.querySelector('del')?.textContent).toBe('planned');
    expect(o.querySelector('ins')?.textContent).toBe('opened');
    expect(o.textContent).toContain('Not started');
    expect(screen.getByText('3 other objectives did not change.')).toBeTruthy();
    // Levels that did not move are folded away until asked for.
    expect(screen.queryByTestId('compare-axis-7')).toBeNull();
    await fireEvent.click(screen.getByLabelText('Only the levels that moved'));
    expect(screen.getByTestId('compare-axis-7').textContent).toContain('= 0');
  });

  it('shows the checks before closing, links them, and closes anyway with the next label', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === 'close_checks') {
        return {
          closing: '2026-Q2',
          checks: [{ code: 'texts_unchanged', objective: { number: 30, part: null }, action: null }],
          next_label: '2026-Q3', next_as_of: '2026-09-30',
        };
      }
      if (cmd === 'close_period') {
        const v = view();
        return {
          strategy: { ...v.report.strategy, reporting_period: '2026-Q3' },
          periods: [q1, { ...q2, state: 'closed' }, { ...q2, id: 3, label: '2026-Q3' }],
          deltas: null, can_undo: false, can_redo: false,
        };
      }
      throw new Error(cmd);
    });
    await openCloseDialog();
    // The finding is a code; the UI words it in the person's language.
    expect(screen.getByTestId('close-checks').textContent).toContain(
      'Objective 30: achievement and next steps unchanged since the previous period',
    );
    expect(screen.getByText('Go to Objective 30')).toBeTruthy();
    expect((screen.getByLabelText('Next period') as HTMLInputElement).value).toBe('2026-Q3');
    const confirm = screen.getByTestId('confirm-close-period');
    expect(confirm.textContent?.trim()).toBe('Close anyway');
    await fireEvent.click(confirm);
    await tick();
    expect(calls.at(-1)).toEqual(['close_period', { nextLabel: '2026-Q3', nextAsOf: '2026-09-30' }]);
    expect(app.message?.text).toBe('2026-Q2 is closed; 2026-Q3 is open.');
    expect(app.dialog).toBeNull();
  });

  it('marks the next period field the shell refuses', async () => {
    mockIPC((cmd) => {
      if (cmd === 'close_checks') return { checks: [], next_label: '', next_as_of: '' };
      if (cmd === 'close_period') {
        throw {
          code: 'invalid', field: 'next as of', message: 'next as of: "soon" is not a date of the form YYYY-MM-DD',
          error: { code: 'invalid', field: 'next as of', reason: { kind: 'not_a_date', value: 'soon' } },
        };
      }
      throw new Error(cmd);
    });
    await openCloseDialog();
    expect(screen.getByTestId('close-checks-none')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('confirm-close-period'));
    await tick();
    expect(screen.getByText('Name the next period.')).toBeTruthy();
    await fireEvent.input(screen.getByLabelText('Next period'), { target: { value: 'Autumn' } });
    await fireEvent.click(screen.getByTestId('confirm-close-period'));
    await tick();
    const asOf = screen.getByLabelText('Next period: data as of');
    expect(asOf.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('“soon” is not a date of the form YYYY-MM-DD')).toBeTruthy();
  });

  it('opens the earlier-edition form empty, refuses it by field, and names the kept period once closed', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === 'import_past_page') return { view: view(), outcome: { objectives: 17, warnings: [] } };
      throw new Error(cmd);
    });
    app.setLang('en');
    app.show(view());
    render(PeriodDialogs);
    app.dialog = { kind: 'pastPage' };
    await tick();
    const label = screen.getByLabelText('Period label (such as 2025-Q4)') as HTMLInputElement;
    const asOf = screen.getByLabelText('Data as of (YYYY-MM-DD)') as HTMLInputElement;
    expect([label.value, asOf.value]).toEqual(['', '']);
    await fireEvent.click(screen.getByTestId('choose-past-page'));
    await tick();
    expect(screen.getByText('Name the period.')).toBeTruthy();
    expect(screen.getByText('A date as YYYY-MM-DD.')).toBeTruthy();
    expect(calls, 'nothing is asked of the shell while a field is refused').toEqual([]);
    await fireEvent.input(label, { target: { value: ' 2025-Q2 ' } });
    await fireEvent.input(asOf, { target: { value: '2025-06-30' } });
    await fireEvent.click(screen.getByTestId('choose-past-page'));
    await tick();
    await tick();
    expect(calls).toEqual([['import_past_page', { title: 'Import an earlier edition of the page', label: ' 2025-Q2 ', asOf: '2025-06-30' }]]);
    expect(app.dialog).toBeNull();
    // The form empties as the dialog closes; the message still names the period typed.
    expect(app.message?.text).toBe('Kept 17 objective entries as period 2025-Q2.');
    app.dialog = { kind: 'pastPage' };
    await tick();
    const again = screen.getByLabelText('Period label (such as 2025-Q4)') as HTMLInputElement;
    expect(again.value, 'the form opens empty again').toBe('');
  });

  it('reads a closed period without any way to edit it, and shows the arrows in words', async () => {
    mockIPC(() => {
      throw new Error('no call expected');
    });
    app.setLang('en');
    app.show(view(q1));
    render(PeriodBar);
    render(Dashboard);
    expect(screen.getByTestId('read-only-banner').textContent).toContain('2026-Q1, closed on 2026-04-10');
    expect(screen.queryByTestId('close-period')).toBeNull();
    expect(screen.queryByTestId('edit-report')).toBeNull();
    expect(screen.queryByTestId('add-objective-14')).toBeNull();
    expect(screen.getByTestId('action-delta-14').getAttribute('aria-label')).toBe('up 5 points since 2026-Q1');
  });

  it('reads changes of place in an objective history: added, renumbered, moved, deleted', async () => {
    const entry = (change: Change): HistoryEntry => ({
      at: '2026-05-02T09:30:00Z', period: '2026-Q2', level: 'objective', subject_id: 100, reference: { number: 30, part: null },
      change, words: [],
    });
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      asked.push([cmd, args]);
      if (cmd === 'objective_history') {
        return [
          entry({ kind: 'deleted', title: 'Open a help desk' }),
          entry({ kind: 'moved', from: 14, to: 15 }),
          entry({ kind: 'renumbered', from: { number: 29, part: null }, to: { number: 30, part: { index: 1, count: 2 } } }),
          entry({ kind: 'added', to: 14 }),
        ];
      }
    });
    app.lang = 'en';
    render(ObjectiveHistory, { objectiveId: 100 });
    const details = screen.getByTestId('history') as HTMLDetailsElement;
    details.open = true;
    await fireEvent(details, new Event('toggle'));
    await tick();
    await tick();
    expect(asked).toEqual([['objective_history', { id: 100 }]]);
    // Field | change, as the two last cells read.
    const rows = screen.getAllByTestId('history-entry').map((r) =>
      [...r.querySelectorAll('td')].slice(2).map((c) => c.textContent!.replace(/\s+/g, ' ').trim()).join(' | '));
    expect(rows).toEqual([
      'Deleted | Open a help desk',
      'Action | Action 14 → Action 15',
      'Number | Objective 29 → Objective 30 (1/2)',
      'Added | to Action 14',
    ]);
    expect(screen.getAllByTestId('history-entry')[0].querySelector('del')?.textContent).toBe('Open a help desk');
  });

  it('lists a period\'s changes with their objectives, pages through them, and follows the period bar', async () => {
    const entry = (subject_id: number, number: number, change: Change,
      level: HistoryEntry['level'] = 'objective'): HistoryEntry => ({
      at: '2026-05-02T09:30:00Z', period: '2026-Q2', level, subject_id, reference: { number, part: null },
      change, words: [],
    });
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd !== 'period_history') throw new Error(cmd);
      asked.push(args);
      const { limit } = args as { limit: number };
      const all = [
        entry(100, 30, { kind: 'edited', field: 'progress', old: 75, new: 80 }),
        entry(555, 31, { kind: 'deleted', title: 'Gone objective' }),
        entry(0, 0, { kind: 'edited', field: 'method', old: 'mean_of_children', new: 'flat' }, 'strategy'),
        entry(10, 14, { kind: 'added', to: 4 }, 'action'),
        entry(10, 14, { kind: 'renumbered', from: { number: 13, part: null }, to: { number: 14, part: null } }, 'action'),
      ];
      return { entries: limit >= 400 ? all : all.slice(0, 1), total: all.length };
    });
    app.setLang('en');
    app.show(view());
    app.tab = 'history';
    render(HistoryPanel);
    await tick();
    await tick();
    expect(asked).toEqual([{ period: 2, limit: 200 }]);
    expect(screen.getByTestId('journal-count').textContent).toContain('Showing the latest 1 of 5 changes.');
    const cells = [...screen.getByTestId('history-entry').querySelectorAll('td')].map((c) => c.textContent!.trim());
    expect(cells.slice(1)).toEqual(['2026-Q2', 'Objective 30', 'Progress', '75% → 80%']);

    await fireEvent.click(screen.getByTestId('journal-more'));
    await tick();
    await tick();
    expect(asked.at(-1)).toEqual({ period: 2, limit: 400 });
    expect(screen.getByTestId('journal-count').textContent?.trim()).toBe('5 changes.');
    expect(screen.queryByTestId('journal-more')).toBeNull();
    // Item | field | change, for the strategy and an action.
    const read = (r: HTMLElement) => [...r.querySelectorAll('td')].slice(2).map((c) => c.textContent!.replace(/\s+/g, ' ').trim()).join(' | ');
    const all = screen.getAllByTestId('history-entry');
    expect(read(all[2])).toBe('Strategy | Roll-up method | Mean of the levels below (as the published dashboard) → Flat: mean of every objective below');
    expect(read(all[3])).toBe('Action 14 | Added | to Axis 4');
    expect(read(all[4])).toBe('Action 14 | Number | Action 13 → Action 14');
    expect(all[3].querySelector('button'), 'only objectives are links').toBeNull();
    const deleted = all[1];
    expect(deleted.textContent).toContain('Objective 31');
    expect(deleted.querySelector('button'), 'no link to a deleted objective').toBeNull();
    expect(deleted.querySelector('del')?.textContent).toBe('Gone objective');

    await fireEvent.change(screen.getByTestId('journal-period'), { target: { value: 'all' } });
    await tick();
    expect(asked.at(-1)).toEqual({ period: null, limit: 200 });

    // An objective of the report is a link to its row; a deleted one is only named.
    await fireEvent.click(screen.getByTestId('history-go'));
    expect(app.tab).toBe('dashboard');

    // The period bar chooses the period on screen: the journal follows it.
    app.show(view(q1));
    await tick();
    await tick();
    expect(asked.at(-1)).toEqual({ period: 1, limit: 200 });
  });
});
