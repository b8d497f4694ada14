import { describe, expect, it } from 'vitest';
import type { Warning } from '../bindings/Warning';
import { noticeText, warningText } from './messages';
import { translate } from './i18n';
import { catalogueKeys } from './i18n';

const o30 = { number: 30, part: null };
const o32 = { number: 32, part: { index: 1, count: 2 } };

// One warning of each code, as the core sends them.
const every: Warning[] = [
  { code: 'completed_below100', objective: o30, action: null, progress: 90 },
  { code: 'full_but_not_completed', objective: o30, action: null, status: 'in_progress' },
  { code: 'not_started_above_zero', objective: o30, action: null, progress: 5 },
  { code: 'in_progress_without_next_steps', objective: o32, action: null },
  { code: 'published_differs', objective: null, action: 14, published: 64, computed: 65 },
  { code: 'page_disagrees', objective: o30, action: null, line: 12, on: { kind: 'status', summary: 'completed', detail: 'in_progress' } },
  { code: 'page_disagrees', objective: o30, action: 14, line: 12, on: { kind: 'action', summary: 14, detail: 15 } },
  { code: 'page_disagrees', objective: o30, action: 14, line: 12, on: { kind: 'detail_only' } },
  { code: 'count_differs', objective: null, action: null, stated: 46, found: 45 },
  { code: 'assumed', objective: o30, action: null, progress: 100 },
  { code: 'kept', objective: o30, action: null, progress: 75 },
  { code: 'texts_unchanged', objective: o30, action: null },
  { code: 'progress_went_down', objective: o30, action: null, from: 60, to: 40 },
];

describe('warnings in words', () => {
  it('read in the person’s language whatever the report’s', () => {
    expect(warningText('en', every[0])).toBe('Objective 30 is Completed but at 90%');
    expect(warningText('fr', every[0])).toBe('Objectif 30 est Terminé mais à 90\u00a0%');
    expect(warningText('fr', every[3])).toBe('Objectif 32 (1/2) est En cours sans prochaines étapes');
    expect(warningText('fr', every[4])).toBe('Action 14\u00a0: la page publiée indique 64\u00a0%, le calcul donne 65\u00a0%');
    expect(warningText('fr', every[12])).toBe('Objectif 30 a reculé de 60\u00a0% à 40\u00a0%');
  });

  it('give every code a sentence in both languages, with no parameter left unfilled', () => {
    for (const lang of ['en', 'fr'] as const) {
      for (const w of every) {
        const text = warningText(lang, w);
        expect(text.length, `${lang} ${w.code}`).toBeGreaterThan(10);
        expect(text, `${lang} ${w.code}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('take the plural by the language’s rule', () => {
    const one: Warning = { code: 'count_differs', objective: null, action: null, stated: 1, found: 2 };
    expect(warningText('en', one)).toBe('the page states 1 objective but holds 2');
    expect(warningText('fr', { ...one, stated: 0 })).toBe('la page annonce 0 objectif mais en contient 2');
    expect(warningText('en', { ...one, stated: 0 })).toBe('the page states 0 objectives but holds 2');
  });
});

describe('French typography', () => {
  it('puts a no-break space before the high signs in every French string', () => {
    for (const key of catalogueKeys.fr) {
      const text = translate('fr', key as never);
      expect(text, key).not.toMatch(/ [:;!?%]/);
    }
    expect(translate('fr', 'chartFileName', { stem: 'a : b' })).toBe('Fichier\u00a0: a : b');
  });
});

describe('notices', () => {
  it('word a template fallback for each role, in the person\'s language with French typography', () => {
    expect(noticeText('en', { code: 'template_fallback', role: 'chart' })).toContain('no layout with a title and a content area');
    expect(noticeText('en', { code: 'template_fallback', role: 'title' })).toContain('no layout for a title slide');
    const fr = noticeText('fr', { code: 'template_fallback', role: 'table' });
    expect(fr).toContain('n’a pas de disposition avec un titre');
    expect(fr).toContain('\u00a0:');
  });
});
