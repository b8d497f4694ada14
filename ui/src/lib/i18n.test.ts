import { describe, expect, it } from 'vitest';
import { catalogueKeys, countsLine, initialLang, translate } from './i18n';

describe('catalogues', () => {
  it('have the same keys in both languages, none empty', () => {
    expect([...catalogueKeys.fr].sort()).toEqual([...catalogueKeys.en].sort());
    for (const key of catalogueKeys.en) {
      expect(translate('en', key as never).length, key).toBeGreaterThan(0);
      expect(translate('fr', key as never).length, key).toBeGreaterThan(0);
    }
  });

  it('fill in parameters', () => {
    expect(translate('en', 'goTo', { what: 'Objective 4' })).toBe('Go to Objective 4');
    expect(translate('fr', 'goTo', { what: 'Objectif 4' })).toBe('Aller à Objectif 4');
  });

  it('write the header counts with singulars and plurals', () => {
    expect(countsLine('en', 4, 17, 46)).toBe('4 axes, 17 key actions and 46 objectives');
    expect(countsLine('en', 1, 1, 1)).toBe('1 axis, 1 key action and 1 objective');
    expect(countsLine('fr', 4, 17, 46)).toBe('4 axes, 17 actions clés et 46 objectifs');
  });

  it('start from the system locale unless the person chose', () => {
    expect(initialLang(null, 'fr-FR')).toBe('fr');
    expect(initialLang(null, 'en-GB')).toBe('en');
    expect(initialLang('en', 'fr-FR')).toBe('en');
    expect(initialLang(null, undefined)).toBe('en');
  });
});
