import { en, type Catalogue, type Key } from './i18n/en';
import { fr } from './i18n/fr';

export type Lang = 'en' | 'fr';
export type { Key };

const catalogues: Record<Lang, Catalogue> = { en, fr };

/** The system locale decides the first language; the person's choice is remembered. */
export function initialLang(stored: string | null, navigatorLanguage: string | undefined): Lang {
  if (stored === 'en' || stored === 'fr') return stored;
  return navigatorLanguage?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/**
 * French typography, done once here rather than by hand in each string: the space before
 * ":", ";", "!", "?", "%" and "»", and after "«", becomes a no-break space, so that the sign
 * never starts or ends a line alone.
 * Only the template is set this way; what a person typed (a parameter) is left as it is.
 */
export function typeset(lang: Lang, template: string): string {
  if (lang !== 'fr') return template;
  return template.replace(/ ([:;!?%»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}

export function translate(lang: Lang, key: Key, params: Record<string, string | number> = {}): string {
  const template = typeset(lang, catalogues[lang][key]);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function plural(
  lang: Lang, n: number, one: Key, many: Key, params: Record<string, string | number> = {},
): string {
  // French treats 0 and 1 as singular; English only 1.
  const singular = lang === 'fr' ? n <= 1 : n === 1;
  return translate(lang, singular ? one : many, { ...params, n });
}

export function countsLine(lang: Lang, axes: number, actions: number, objectives: number): string {
  return translate(lang, 'counts', {
    axes: plural(lang, axes, 'axisOne', 'axisMany'),
    actions: plural(lang, actions, 'actionOne', 'actionMany'),
    objectives: plural(lang, objectives, 'objectiveOne', 'objectiveMany'),
  });
}

export const catalogueKeys = { en: Object.keys(en), fr: Object.keys(fr) };
