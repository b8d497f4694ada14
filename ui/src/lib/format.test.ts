import { describe, expect, it } from 'vitest';
import { isDecimal, objectiveLabel, parseProgress, parseWeight, percent } from './format';

describe('percent', () => {
  it('follows each language’s typography', () => {
    expect(percent(65, 'en')).toBe('65%');
    expect(percent(65, 'fr')).toBe('65\u00a0%');
    expect(percent(null, 'fr')).toBe('—');
  });
});

describe('parseProgress', () => {
  it('accepts whole numbers from 0 to 100 only', () => {
    expect(parseProgress(' 35 ')).toEqual({ value: 35 });
    expect(parseProgress('0')).toEqual({ value: 0 });
    expect(parseProgress('100')).toEqual({ value: 100 });
    expect(parseProgress('150')).toEqual({ error: 'progressRange' });
    expect(parseProgress('12.5')).toEqual({ error: 'progressWhole' });
    expect(parseProgress('-1')).toEqual({ error: 'progressWhole' });
    expect(parseProgress('')).toEqual({ error: 'progressWhole' });
  });

  it('refuses weights outside 1..1000', () => {
    expect(parseWeight('1')).toEqual({ value: 1 });
    expect(parseWeight('0')).toEqual({ error: 'weightRange' });
    expect(parseWeight('1001')).toEqual({ error: 'weightRange' });
  });
});

describe('objectiveLabel', () => {
  it('shows parts as the published page does', () => {
    expect(objectiveLabel('Objective', 32, { index: 1, count: 2 })).toBe('Objective 32 (1/2)');
    expect(objectiveLabel('Objectif', 30, null)).toBe('Objectif 30');
  });
});

describe('isDecimal', () => {
  it('accepts what the core parses and nothing else', () => {
    for (const ok of ['12', '-3.75', '0,5', '.5', '+4']) expect(isDecimal(ok), ok).toBe(true);
    for (const bad of ['', '1e3', '1.', '1.2.3', 'twelve', '1 000']) expect(isDecimal(bad), bad).toBe(false);
  });
});
