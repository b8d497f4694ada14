// The UI's one state: the view the shell sent last, and what the person is looking at.
import { SvelteSet } from 'svelte/reactivity';
import { commandErrorText, errorText } from './errors';
import { api, isCommandError, type View, type Saved, type ObjectiveFields, type WorkbookReview } from './api';
import { initialLang, translate, type Key, type Lang } from './i18n';
import type { Objective } from '../bindings/Objective';
import type { PeriodChange } from '../bindings/PeriodChange';
import type { Action } from '../bindings/Action';
import type { Axis } from '../bindings/Axis';

export type DialogSpec =
  | { kind: 'editor'; objectiveId: number }
  | { kind: 'trace'; level: 'strategy' | 'axis' | 'action'; number: number | null; label: string }
  | { kind: 'rename'; level: 'axis' | 'action'; id: number }
  | { kind: 'delete'; level: 'axis' | 'action' | 'objective'; id: number; label: string }
  | { kind: 'moveObjective'; id: number }
  | { kind: 'moveAction'; id: number }
  | { kind: 'split'; id: number }
  | { kind: 'strategy' }
  | { kind: 'closePeriod' }
  | { kind: 'pastPage' };

export type Message = { kind: 'info' | 'error'; text: string; details?: string[] };

export interface Located {
  axis: Axis;
  action: Action;
  objective: Objective;
}

function storedLang(): string | null {
  try {
    return localStorage.getItem('jalon.lang');
  } catch {
    return null;
  }
}

export class AppState {
  view = $state<View | null>(null);
  /** Counts the changes of the report on screen (a view shown, an edit saved): the one signal
   *  on which the panels that read more than the view (history, rounds, comparison) read again. */
  revision = $state(0);
  lang = $state<Lang>(initialLang(storedLang(), globalThis.navigator?.language));
  tab = $state<'dashboard' | 'checks' | 'charts' | 'compare' | 'history' | 'round'>('dashboard');
  /** Returned workbooks read for review and not applied yet; kept while the person looks
   *  at other tabs. */
  reviews = $state<WorkbookReview[]>([]);
  filterAxis = $state<number | null>(null);
  expanded = new SvelteSet<number>();
  dialog = $state<DialogSpec | null>(null);
  message = $state<Message | null>(null);
  /** An objective to bring into view and focus once the dashboard shows it. */
  focusObjective = $state<number | null>(null);

  /** A closed period is on screen: nothing can be edited. */
  get readOnly(): boolean {
    return this.view?.viewing != null;
  }

  /** A period's label, or a word for a period not named yet. */
  periodName = (label: string) => (label.trim() === '' ? this.t('periodUnnamed') : label);

  t = (key: Key, params: Record<string, string | number> = {}) => translate(this.lang, key, params);

  setLang(lang: Lang) {
    this.lang = lang;
    // A message was written in the language it came in; it would read oddly after a switch.
    this.message = null;
    try {
      localStorage.setItem('jalon.lang', lang);
    } catch {
      // Private storage may be off; the choice then lasts for this session only.
    }
    document.documentElement.lang = lang;
  }

  /** Runs a command; an error becomes a message and is returned for callers that mark fields. */
  async run<T>(call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch (e) {
      this.message = { kind: 'error', text: commandErrorText(this.lang, e) };
      this.afterError(e);
      return undefined;
    }
  }

  /** After a refusal because another program changed the file, the shell has read it again:
   *  the screen shows it afresh (the message saying why stays). */
  afterError(e: unknown) {
    if (isCommandError(e) && e.code === 'reloaded') {
      const message = this.message;
      void api.load().then((v) => {
        this.show(v);
        this.message = message;
      });
    }
  }

  show(view: View | null | undefined) {
    if (!view) return;
    this.view = view;
    this.revision++;
    if (view.notice) this.message = { kind: 'error', text: errorText(this.lang, view.notice) };
    else if (view.migrated) {
      this.message = { kind: 'info', text: this.t('migrated', { from: view.migrated.from, backup: view.migrated.backup }) };
    }
    if (this.filterAxis !== null && !view.report.axes.some((a) => a.id === this.filterAxis)) {
      this.filterAxis = null;
    }
  }

  /** After a closing: the new reporting period and date, the periods and the arrows; the rest
   *  of the view is unchanged (the shell does not send it again). */
  applyClosed(change: PeriodChange) {
    if (!this.view) return;
    this.show({
      ...this.view,
      report: { ...this.view.report, strategy: change.strategy },
      periods: change.periods,
      viewing: null,
      deltas: change.deltas,
      can_undo: change.can_undo,
      can_redo: change.can_redo,
    });
  }

  applySaved(id: number, fields: ObjectiveFields, saved: Saved) {
    const view = this.view;
    if (!view) return;
    const found = this.locate(id);
    if (found) {
      // The shell stores what an indicator gives; mirror it so the screen matches the file.
      found.objective.title = fields.title.trim();
      Object.assign(found.objective, { ...fields, title: fields.title.trim() });
      found.objective.progress = saved.figures.objectives[id] ?? fields.progress;
    }
    view.figures = saved.figures;
    view.warnings = saved.warnings;
    view.deltas = saved.deltas;
    view.can_undo = saved.can_undo;
    view.can_redo = saved.can_redo;
    this.revision++;
  }

  /** The id of the objective with this number and part in the report on screen. */
  findObjective(number: number, part: { index: number } | null): number | null {
    for (const a of this.view?.report.axes ?? [])
      for (const c of a.actions)
        for (const o of c.objectives)
          if (o.number === number && (o.part?.index ?? null) === (part?.index ?? null)) return o.id;
    return null;
  }

  /** Shows a closed period read-only, or the open one again with null. */
  async viewPeriod(id: number | null) {
    const v = await this.run(() => api.viewPeriod(id));
    if (v) {
      this.expanded.clear();
      // "Saved." and the like were about the period left behind.
      this.message = null;
      this.show(v);
    }
  }

  locate(objectiveId: number): Located | null {
    for (const axis of this.view?.report.axes ?? []) {
      for (const action of axis.actions) {
        const objective = action.objectives.find((o) => o.id === objectiveId);
        if (objective) return { axis, action, objective };
      }
    }
    return null;
  }

  async undo() {
    if (!this.view?.can_undo) return;
    const v = await this.run(api.undo);
    if (v) {
      this.show(v);
      this.message = { kind: 'info', text: this.t('undone') };
    }
  }

  async redo() {
    if (!this.view?.can_redo) return;
    const v = await this.run(api.redo);
    if (v) {
      this.show(v);
      this.message = { kind: 'info', text: this.t('redone') };
    }
  }

  goToObjective(id: number) {
    this.tab = 'dashboard';
    const found = this.locate(id);
    if (found && this.filterAxis !== null && this.filterAxis !== found.axis.id) {
      this.filterAxis = null;
    }
    this.expanded.add(id);
    this.focusObjective = id;
    // On a large report the row renders only once its action is near the view.
    if (found) queueMicrotask(() => document.getElementById(`action-${found.action.id}`)?.scrollIntoView());
  }
}

export const app = new AppState();
