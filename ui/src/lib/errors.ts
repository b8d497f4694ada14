// Errors arrive from the shell as a code with typed parameters (bindings/ErrorData); this is
// where the UI puts them in words, in the language the person chose. Each Record below is
// keyed by the whole union of kinds, so that a kind the Rust side adds and the UI does not word
// fails the type check.
import type { ErrorData } from '../bindings/ErrorData';
import type { Invalid } from '../bindings/Invalid';
import type { Conflict } from '../bindings/Conflict';
import type { Expected } from '../bindings/Expected';
import type { NotReport } from '../bindings/NotReport';
import type { ObjectiveRef } from '../bindings/ObjectiveRef';
import type { CommandError } from '../bindings/CommandError';
import type { WorkbookProblem } from '../bindings/WorkbookProblem';
import { translate, type Key, type Lang } from './i18n';
import { objectiveLabel } from './format';

type Params = Record<string, string | number>;

/** A union member's own string and number fields, as template parameters. */
function plain(o: object): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(o)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

const errorKey: Record<ErrorData['code'], Key> = {
  no_such_file: 'err_no_such_file', already_exists: 'err_already_exists', in_use: 'err_in_use', not_a_report: 'err_not_a_report',
  foreign_schema: 'err_foreign_schema', encoding: 'err_encoding', too_large: 'err_too_large', too_deep: 'err_too_deep',
  too_many_elements: 'err_too_many_elements', too_many_objectives: 'err_too_many_objectives', too_many_references: 'err_too_many_references',
  changed_elsewhere: 'err_changed_elsewhere',
  newer_schema: 'err_newer_schema', invalid: 'err_invalid', conflict: 'err_invalid', unknown_id: 'err_unknown_id',
  parse: 'err_parse', closed_period: 'err_closed_period', tampered: 'err_tampered', bad_row: 'err_bad_row',
  unknown_period: 'err_unknown_period', json: 'err_json', unsupported_format: 'err_unsupported_format',
  database: 'err_database', io: 'err_io', read: 'err_read', write: 'err_write',
  nothing_to_compare: 'err_nothing_to_compare', no_such_axis: 'err_no_such_axis',
  no_such_action: 'err_no_such_action', unknown_chart: 'err_unknown_chart', chart_size: 'err_chart_size', chart: 'err_chart',
  workbook: 'err_workbook',
};
const workbookKey: Record<WorkbookProblem['kind'], Key> = {
  too_large: 'wb_too_large', expands: 'wb_expands', unreadable: 'wb_unreadable', encrypted: 'wb_encrypted', unknown_objective: 'wb_unknown_objective', not_a_round_workbook: 'wb_not_a_round_workbook',
  missing_sheet: 'wb_missing_sheet', damaged: 'wb_damaged', formula: 'wb_formula', unknown_status: 'wb_unknown_status',
  bad_progress: 'wb_bad_progress', row_added: 'wb_row_added', other_report: 'wb_other_report', other_round: 'wb_other_round', stale: 'wb_stale',
};

/** Why a returned round workbook is refused. */
export function workbookText(lang: Lang, p: WorkbookProblem): string {
  const params = plain(p);
  if (p.kind === 'too_large' || p.kind === 'expands') {
    params.size = p.size.toLocaleString(lang);
    params.limit = p.limit.toLocaleString(lang);
  }
  return translate(lang, workbookKey[p.kind], params);
}
const invalidKey: Record<Invalid['kind'], Key> = {
  empty: 'inv_empty', not_a_date: 'inv_not_a_date', not_a_decimal: 'inv_not_a_decimal', percent: 'inv_percent',
  out_of_range: 'inv_out_of_range', numbers_start_at_one: 'inv_numbers_start_at_one',
  target_is_baseline: 'inv_target_is_baseline', rising_needs_higher_target: 'inv_rising_needs_higher_target',
  falling_needs_lower_target: 'inv_falling_needs_lower_target', part_not_valid: 'inv_part_not_valid',
  part_and_parts_together: 'inv_part_and_parts_together', period_needs_label: 'inv_period_needs_label',
  period_needs_as_of: 'inv_period_needs_as_of', same_as_closing: 'inv_same_as_closing',
  no_such_lead: 'inv_no_such_lead', next_not_guessed: 'inv_next_not_guessed', as_of_not_after: 'inv_as_of_not_after', past_not_before: 'inv_past_not_before',
  not_hex: 'inv_not_hex', twice: 'inv_twice', no_such_workbook: 'inv_no_such_workbook',
};
const conflictKey: Record<Conflict['kind'], Key> = {
  twice: 'conf_twice', already_exists: 'conf_already_exists', objective_not_split: 'conf_objective_not_split',
  part_twice: 'conf_part_twice', part_counts: 'conf_part_counts', already_in_parts: 'conf_already_in_parts',
  open_label_closed: 'conf_open_label_closed', next_label_closed: 'conf_next_label_closed',
  label_taken: 'conf_label_taken', closed_cannot_be_replaced: 'conf_closed_cannot_be_replaced',
  rounds_cannot_be_replaced: 'conf_rounds_cannot_be_replaced',
};
const expectedKey: Record<Exclude<Expected['kind'], 'label' | 'status'>, Key> = {
  axis_first: 'exp_axis_first', axis_or_objective: 'exp_axis_or_objective', axis_before_action: 'exp_axis_before_action',
  action_before_objective: 'exp_action_before_objective', progress_after_action: 'exp_progress_after_action',
  axis_action_or_objective: 'exp_axis_action_or_objective', axis_together: 'exp_axis_together',
  action_once: 'exp_action_once', progress_line: 'exp_progress_line', once_in_summary: 'exp_once_in_summary',
  once_in_detail: 'exp_once_in_detail', context_opens_detail: 'exp_context_opens_detail',
  objective_then_context: 'exp_objective_then_context', axis_line: 'exp_axis_line', action_line: 'exp_action_line',
  progress_of: 'exp_progress_of', progress_range: 'exp_progress_range', whole_percentage: 'exp_whole_percentage',
};
const notReportKey: Record<NotReport['kind'], Key> = {
  not_sqlite: 'nr_not_sqlite', other_program: 'nr_other_program', damaged: 'nr_damaged',
};

const objective = (lang: Lang, r: ObjectiveRef) => objectiveLabel(translate(lang, 'objective'), r.number, r.part);

/** Why a value is refused, alone: what a form shows beside its field. */
export function invalidText(lang: Lang, r: Invalid): string {
  return translate(lang, invalidKey[r.kind], plain(r));
}

function conflictText(lang: Lang, c: Conflict): string {
  const what = 'level' in c
    ? objectiveLabel(translate(lang, c.level === 'strategy' ? 'compareStrategy' : c.level), c.number, null)
    : 'number' in c ? objective(lang, { number: c.number, part: null }) : '';
  return translate(lang, conflictKey[c.kind], { ...plain(c), what });
}

function expectedText(lang: Lang, e: Expected): string {
  const what = 'objective' in e ? objective(lang, e.objective) : '';
  if (e.kind === 'label') return translate(lang, `exp_label_${e.label}` as Key, { what });
  if (e.kind === 'status') return translate(lang, e.labelled ? 'exp_status_labelled' : 'exp_status', { what });
  return translate(lang, expectedKey[e.kind], { ...plain(e), what });
}

/** An error in the person's language. */
export function errorText(lang: Lang, e: ErrorData): string {
  const t = (params: Params) => translate(lang, errorKey[e.code], { ...plain(e), ...params });
  switch (e.code) {
    case 'not_a_report':
      return t({ reason: translate(lang, notReportKey[e.reason.kind], plain(e.reason)) });
    case 'invalid':
      return t({ reason: invalidText(lang, e.reason) });
    case 'foreign_schema': {
      const sep = lang === 'fr' ? '\u00a0; ' : '; ';
      const objects = e.objects.map((d) => translate(lang, `schema_${d.kind}` as Key, {
        object: translate(lang, `schema_${d.object}` as Key), name: d.name,
      })).join(sep);
      return t({ objects });
    }
    case 'too_large':
      return t({ size: e.size.toLocaleString(lang), limit: e.limit.toLocaleString(lang) });
    case 'too_deep':
      return t({ depth: e.depth.toLocaleString(lang), limit: e.limit.toLocaleString(lang) });
    case 'too_many_elements':
    case 'too_many_objectives':
    case 'too_many_references':
      return t({ count: e.count.toLocaleString(lang), limit: e.limit.toLocaleString(lang) });
    case 'conflict':
      return conflictText(lang, e.conflict);
    case 'workbook':
      return t({ problem: workbookText(lang, e.problem) });
    case 'parse':
      return t({
        expected: expectedText(lang, e.expected),
        found: e.found === '' ? translate(lang, 'err_parse_end') : `“${e.found}”`,
      });
    default:
      return t({});
  }
}

/** What a command's failure says: a refused value's reason alone when the form marks its
 *  field, the whole error otherwise. Anything that is not a command error is shown as is. */
export function commandErrorText(lang: Lang, err: unknown, atField = false): string {
  if (typeof err === 'object' && err !== null && 'error' in err) {
    const e = (err as CommandError).error;
    if (atField && e.code === 'invalid') return invalidText(lang, e.reason);
    return errorText(lang, e);
  }
  if (typeof err === 'object' && err !== null && 'message' in err) return String((err as { message: unknown }).message);
  return String(err);
}
