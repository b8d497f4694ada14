// Warnings and findings arrive from the core as a code with typed parameters; this is where
// the UI puts them in words, in the language the person chose (not the report's).
import type { Warning } from '../bindings/Warning';
import type { Notice } from '../bindings/Notice';
import type { Status } from '../bindings/Status';
import { plural, translate, type Lang } from './i18n';
import { objectiveLabel, percent, statusKey } from './format';

function statusText(lang: Lang, s: Status): string {
  return translate(lang, statusKey[s]);
}

export function warningText(lang: Lang, w: Warning): string {
  const t = (key: Parameters<typeof translate>[1], params: Record<string, string | number> = {}) =>
    translate(lang, key, params);
  const who = w.objective ? objectiveLabel(t('objective'), w.objective.number, w.objective.part) : '';
  const action = w.action !== null ? `${t('action')} ${w.action}` : '';
  const p = (v: number | null) => percent(v, lang);
  switch (w.code) {
    case 'completed_below100':
      return t('warnCompletedBelow100', { who, p: p(w.progress) });
    case 'full_but_not_completed':
      return t('warnFullButNotCompleted', { who, p: p(100), status: statusText(lang, w.status).toLowerCase() });
    case 'not_started_above_zero':
      return t('warnNotStartedAboveZero', { who, p: p(w.progress) });
    case 'in_progress_without_next_steps':
      return t('warnInProgressWithoutNextSteps', { who });
    case 'published_differs':
      return t('warnPublishedDiffers', { action, published: p(w.published), computed: p(w.computed) });
    case 'page_disagrees':
      switch (w.on.kind) {
        case 'status':
          return t('warnPageStatus', {
            who,
            summary: statusText(lang, w.on.summary),
            detail: statusText(lang, w.on.detail),
            line: w.line,
          });
        case 'action':
          return t('warnPageAction', { who, summary: w.on.summary, detail: w.on.detail, line: w.line });
        case 'detail_only':
          return t('warnPageDetailOnly', { who, line: w.line });
      }
      break;
    case 'count_differs':
      return plural(lang, w.stated, 'warnCountDiffersOne', 'warnCountDiffersMany', { found: w.found });
    case 'assumed':
      return t('warnAssumed', { who, p: p(w.progress) });
    case 'kept':
      return t('warnKept', { who, p: p(w.progress) });
    case 'texts_unchanged':
      return t('warnTextsUnchanged', { who });
    case 'progress_went_down':
      return t('warnProgressWentDown', { who, from: p(w.from), to: p(w.to) });
  }
  return '';
}

/** Something an output was written despite (a template without a layout for some slides). */
export function noticeText(lang: Lang, n: Notice): string {
  switch (n.code) {
    case 'template_fallback':
      return translate(lang, n.role === 'title' ? 'noticeNoTitleLayout' : 'noticeNoContentLayout');
  }
}
