// Typed calls to the desktop shell. Every type here is generated from Rust (ui/src/bindings).
import { invoke } from '@tauri-apps/api/core';
import type { View } from '../bindings/View';
import type { About } from '../bindings/About';
import type { DeckPreview } from '../bindings/DeckPreview';
import type { LayoutChoice } from '../bindings/LayoutChoice';
import type { Role } from '../bindings/Role';
import type { Saved } from '../bindings/Saved';
import type { Imported } from '../bindings/Imported';
import type { CommandError } from '../bindings/CommandError';
import type { ObjectiveFields } from '../bindings/ObjectiveFields';
import type { Strategy } from '../bindings/Strategy';
import type { Subject } from '../bindings/Subject';
import type { Trace } from '../bindings/Trace';
import type { ChartScope } from '../bindings/ChartScope';
import type { ChartSettings } from '../bindings/ChartSettings';
import type { ChartFormat } from '../bindings/ChartFormat';
import type { ChartPreview } from '../bindings/ChartPreview';
import type { ChartsExported } from '../bindings/ChartsExported';
import type { CloseChecks } from '../bindings/CloseChecks';
import type { Comparison } from '../bindings/Comparison';
import type { HistoryEntry } from '../bindings/HistoryEntry';
import type { HistoryPage } from '../bindings/HistoryPage';
import type { PeriodChange } from '../bindings/PeriodChange';
import type { CsvProfile } from '../bindings/CsvProfile';
import type { Written } from '../bindings/Written';
import type { Round } from '../bindings/Round';
import type { DeckOptions } from '../bindings/DeckOptions';
import type { RoundStarted } from '../bindings/RoundStarted';
import type { WorkbookReview } from '../bindings/WorkbookReview';
import type { RoundDecision } from '../bindings/RoundDecision';
import type { RoundApplied } from '../bindings/RoundApplied';

export type { View, Saved, Imported, CommandError, ObjectiveFields, Strategy, Subject, Trace, CsvProfile, Written };
export type { ChartScope, ChartSettings, ChartFormat, ChartPreview, ChartsExported };
export type { CloseChecks, Comparison, HistoryEntry };
export type { Round, RoundStarted, WorkbookReview, RoundDecision, RoundApplied, DeckOptions };
export type { DeckPreview, LayoutChoice, Role, About };

export function isCommandError(e: unknown): e is CommandError {
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

export const api = {
  load: () => invoke<View>('load'),
  updateObjective: (id: number, fields: ObjectiveFields) =>
    invoke<Saved>('update_objective', { id, fields }),
  updateStrategy: (strategy: Strategy) => invoke<View>('update_strategy', { strategy }),
  addAxis: (title: string) => invoke<View>('add_axis', { title }),
  renameAxis: (id: number, number: number, title: string) =>
    invoke<View>('rename_axis', { id, number, title }),
  deleteAxis: (id: number) => invoke<View>('delete_axis', { id }),
  moveAxis: (id: number, index: number) => invoke<View>('move_axis', { id, index }),
  addAction: (axisId: number, title: string) => invoke<View>('add_action', { axisId, title }),
  renameAction: (id: number, number: number, title: string) =>
    invoke<View>('rename_action', { id, number, title }),
  deleteAction: (id: number) => invoke<View>('delete_action', { id }),
  moveAction: (id: number, axisId: number, index: number) =>
    invoke<View>('move_action', { id, axisId, index }),
  addObjective: (actionId: number, title: string) =>
    invoke<View>('add_objective', { actionId, title }),
  deleteObjective: (id: number) => invoke<View>('delete_objective', { id }),
  moveObjective: (id: number, actionId: number, index: number) =>
    invoke<View>('move_objective', { id, actionId, index }),
  splitObjective: (id: number, parts: number) => invoke<View>('split_objective', { id, parts }),
  trace: (subject: Subject) => invoke<Trace | null>('trace', { subject }),
  undo: () => invoke<View>('undo'),
  redo: () => invoke<View>('redo'),
  newReport: (title: string) => invoke<View | null>('new_report', { title }),
  openReport: (title: string) => invoke<View | null>('open_report', { title }),
  openRecent: (path: string) => invoke<View>('open_recent', { path }),
  saveCopyAs: (title: string) => invoke<string | null>('save_copy_as', { title }),
  importPage: (title: string) => invoke<Imported | null>('import_page', { title }),
  importJson: (title: string) => invoke<Imported | null>('import_json', { title }),
  exportJson: (title: string) => invoke<string | null>('export_json', { title }),
  chartPreviews: (scope: ChartScope, settings: ChartSettings) =>
    invoke<ChartPreview[]>('chart_previews', { scope, settings }),
  exportChart: (stem: string, settings: ChartSettings, title: string) =>
    invoke<string[] | null>('export_chart', { stem, settings, title }),
  exportCharts: (scope: ChartScope, settings: ChartSettings, title: string) =>
    invoke<ChartsExported | null>('export_charts', { scope, settings, title }),
  viewPeriod: (id: number | null) => invoke<View>('view_period', { id }),
  closeChecks: () => invoke<CloseChecks>('close_checks'),
  closePeriod: (nextLabel: string, nextAsOf: string) =>
    invoke<PeriodChange>('close_period', { nextLabel, nextAsOf }),
  comparePeriods: (from: number, to: number) => invoke<Comparison>('compare_periods', { from, to }),
  objectiveHistory: (id: number) => invoke<HistoryEntry[]>('objective_history', { id }),
  periodHistory: (period: number | null, limit: number) => invoke<HistoryPage>('period_history', { period, limit }),
  importPastPage: (title: string, label: string, asOf: string) =>
    invoke<Imported | null>('import_past_page', { title, label, asOf }),
  publish: (title: string) => invoke<Written | null>('publish', { title }),
  exportCsv: (profile: CsvProfile, title: string) =>
    invoke<Written | null>('export_csv', { profile, title }),
  exportDeck: (options: DeckOptions, title: string) => invoke<Written | null>('export_deck', { options, title }),
  deckPreview: (options: DeckOptions) => invoke<DeckPreview>('deck_preview', { options }),
  takeHandedFile: () => invoke<string | null>('take_handed_file'),
  about: () => invoke<About>('about'),
  rereadIfChanged: () => invoke<View | null>('reread_if_changed'),
  chooseTemplate: (title: string) => invoke<string | null>('choose_template', { title }),
  startRound: (due: string, leads: string[], title: string) =>
    invoke<RoundStarted | null>('start_round', { due, leads, title }),
  reviewRound: (title: string) => invoke<WorkbookReview[]>('review_round', { title }),
  applyRound: (file: string, sha256: string, decisions: RoundDecision[]) =>
    invoke<RoundApplied>('apply_round', { file, sha256, decisions }),
  rounds: () => invoke<Round[]>('rounds'),
};
