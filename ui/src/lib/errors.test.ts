import { describe, expect, it } from 'vitest';
import type { ErrorData } from '../bindings/ErrorData';
import { errorText, invalidText } from './errors';

const o = { number: 30, part: null };
// One error of each code, and every kind of reason, conflict and expectation.
const every: ErrorData[] = [
  { code: 'no_such_file', path: '/r.jalon' },
  { code: 'already_exists', path: '/r.jalon' },
  { code: 'not_a_report', path: '/r.jalon', reason: { kind: 'not_sqlite' } },
  { code: 'not_a_report', path: '/r.jalon', reason: { kind: 'other_program' } },
  { code: 'not_a_report', path: '/r.jalon', reason: { kind: 'damaged', detail: 'x' } },
  { code: 'newer_schema', path: '/r.jalon', found: 9, supported: 4 },
  { code: 'foreign_schema', path: '/r.jalon', objects: [
    { kind: 'extra', object: 'trigger', name: 'planted' }, { kind: 'missing', object: 'trigger', name: 'period_frozen' },
    { kind: 'changed', object: 'table', name: 'objective' }, { kind: 'extra', object: 'view', name: 'v' },
  ] },
  { code: 'encoding' },
  { code: 'changed_elsewhere' },
  { code: 'too_large', size: 20000000, limit: 16777216 },
  { code: 'too_deep', depth: 600, limit: 512 },
  { code: 'too_many_elements', count: 300000, limit: 250000 },
  { code: 'too_many_objectives', count: 60000, limit: 50000 },
  { code: 'too_many_references', count: 600000, limit: 500000 },
  { code: 'workbook', file: 'Ana.xlsx', problem: { kind: 'bad_progress', cell: 'Objectives!K2', found: '150' } },
  { code: 'unknown_id', kind: 'objective', id: 3 },
  { code: 'closed_period', label: '2026-Q1' },
  { code: 'tampered', label: '2026-Q1' },
  { code: 'bad_row', table: 'objective', row: 7, reason: 'status: unknown status "finished"' },
  { code: 'unknown_period', label: '1999-Q1' },
  { code: 'json', detail: 'x' },
  { code: 'unsupported_format', found: 'jalon/9', supported: 'jalon/4' },
  { code: 'database', detail: 'x' },
  { code: 'io', detail: 'x' },
  { code: 'read', path: '/p.txt', detail: 'x' },
  { code: 'write', path: '/p.txt', detail: 'x' },
  { code: 'nothing_to_compare' },
  { code: 'no_such_axis', number: 9 },
  { code: 'no_such_action', number: 9 },
  { code: 'unknown_chart', stem: 'pie' },
  { code: 'chart_size', width: 10, height: 10 },
  { code: 'chart', detail: 'x' },
  ...([
    { kind: 'empty' }, { kind: 'not_a_date', value: 'x' }, { kind: 'not_a_decimal', value: 'x' },
    { kind: 'percent', value: 150 }, { kind: 'out_of_range', min: 1, max: 1000, value: 0 },
    { kind: 'numbers_start_at_one' }, { kind: 'target_is_baseline' }, { kind: 'rising_needs_higher_target' },
    { kind: 'falling_needs_lower_target' }, { kind: 'part_not_valid', index: 3, count: 2 },
    { kind: 'part_and_parts_together' }, { kind: 'period_needs_label' }, { kind: 'period_needs_as_of' },
    { kind: 'same_as_closing', label: 'Q' }, { kind: 'next_not_guessed', open: 'Q' },
    { kind: 'as_of_not_after', date: 'd', label: 'Q' }, { kind: 'past_not_before', label: 'Q', as_of: 'd' },
  ] as const).map((reason) => ({ code: 'invalid' as const, field: 'progress', reason })),
  ...([
    { kind: 'twice', level: 'axis', number: 4 }, { kind: 'already_exists', level: 'objective', number: 30 },
    { kind: 'objective_not_split', number: 30 }, { kind: 'part_twice', number: 30, part: 1 },
    { kind: 'part_counts', number: 30 }, { kind: 'already_in_parts', number: 30 },
    { kind: 'open_label_closed', label: 'Q' }, { kind: 'next_label_closed', label: 'Q' },
    { kind: 'label_taken', label: 'Q' }, { kind: 'closed_cannot_be_replaced' },
  ] as const).map((conflict) => ({ code: 'conflict' as const, conflict })),
  ...([
    { kind: 'axis_first' }, { kind: 'axis_or_objective' }, { kind: 'axis_before_action' },
    { kind: 'action_before_objective' }, { kind: 'progress_after_action' }, { kind: 'axis_action_or_objective' },
    { kind: 'axis_together', axis: 4 }, { kind: 'action_once', action: 14 }, { kind: 'progress_line' },
    { kind: 'once_in_summary', objective: o }, { kind: 'once_in_detail', objective: o },
    { kind: 'context_opens_detail', objective: o }, { kind: 'objective_then_context' },
    { kind: 'label', label: 'context', objective: o }, { kind: 'label', label: 'axe', objective: o },
    { kind: 'label', label: 'action', objective: o }, { kind: 'label', label: 'status', objective: o },
    { kind: 'label', label: 'achievement', objective: o }, { kind: 'axis_line', objective: o },
    { kind: 'action_line', objective: o }, { kind: 'status', objective: o, labelled: true },
    { kind: 'progress_of', objective: o }, { kind: 'progress_range' }, { kind: 'whole_percentage' },
  ] as const).map((expected) => ({ code: 'parse' as const, line: 12, expected, found: '' })),
  { code: 'in_use', path: 'C:\\Users\\ana\\r.jalon' },
];

describe('errors in words', () => {
  it('word every error in both languages, with every parameter filled and French typography', () => {
    for (const e of every) {
      const [en, fr] = [errorText('en', e), errorText('fr', e)];
      expect(en, JSON.stringify(e)).not.toMatch(/[{}]|undefined/);
      expect(fr, JSON.stringify(e)).not.toMatch(/[{}]|undefined/);
      expect(fr, JSON.stringify(e)).not.toMatch(/ [:;%»]|« /);
    }
  });

  it('read as the core writes them in English, and in French for a French reader', () => {
    const refused: ErrorData = { code: 'invalid', field: 'Objective 30: progress', reason: { kind: 'percent', value: 150 } };
    expect(errorText('en', refused)).toBe('Objective 30: progress: must be a whole percent from 0 to 100, got 150');
    expect(invalidText('fr', { kind: 'percent', value: 150 })).toBe('doit être un pourcentage entier de 0 à 100, reçu 150');
    const parse: ErrorData = { code: 'parse', line: 7, expected: { kind: 'label', label: 'context', objective: o }, found: 'STATUS' };
    expect(errorText('en', parse)).toBe('line 7: expected CONTEXT after Objective 30, found “STATUS”');
    expect(errorText('fr', parse)).toBe('ligne 7\u00a0: attendu CONTEXTE après Objectif 30, trouvé “STATUS”');
    expect(errorText('fr', { code: 'conflict', conflict: { kind: 'already_exists', level: 'axis', number: 4 } }))
      .toBe('Axe 4 existe déjà');
    expect(errorText('fr', every[6])).toBe('/r.jalon\u00a0: refusé, son schéma n’est pas celui de Jalon (ajout\u00a0: déclencheur planted\u00a0; absence\u00a0: déclencheur period_frozen\u00a0; modification\u00a0: table objective\u00a0; ajout\u00a0: vue v)\u00a0; le fichier est laissé tel quel');
  });
});
