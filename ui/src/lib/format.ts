import type { Key, Lang } from './i18n';
import type { Status } from '../bindings/Status';

// French typography: a no-break space before "%"; English: none.
export function percent(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  return lang === 'fr' ? `${value}\u00a0%` : `${value}%`;
}

/** The catalogue key of each status's label. */
export const statusKey: Record<Status, Key> = {
  not_started: 'notStarted',
  in_progress: 'inProgress',
  completed: 'completed',
  abandoned: 'abandoned',
};

/** A move in points, read without colour: "▲ +5", "▼ −3", "= 0"; empty when there is none. */
export function deltaText(delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return '';
  if (delta > 0) return `▲ +${delta}`;
  if (delta < 0) return `▼ −${-delta}`;
  return '= 0';
}

// "Objective 32 (1/2)"
export function objectiveLabel(
  word: string,
  number: number,
  part: { index: number; count: number } | null,
): string {
  return part ? `${word} ${number} (${part.index}/${part.count})` : `${word} ${number}`;
}

/** Reads a progress typed by a person: a whole number from 0 to 100, or an error key. */
export function parseProgress(raw: string): { value: number } | { error: 'progressWhole' | 'progressRange' } {
  const s = raw.trim();
  if (!/^\d+$/.test(s)) return { error: 'progressWhole' };
  const v = Number(s);
  if (v > 100) return { error: 'progressRange' };
  return { value: v };
}

export function parseWeight(raw: string): { value: number } | { error: 'weightRange' } {
  const s = raw.trim();
  if (!/^\d+$/.test(s)) return { error: 'weightRange' };
  const v = Number(s);
  if (v < 1 || v > 1000) return { error: 'weightRange' };
  return { value: v };
}

/** A decimal as a person types it: "12", "-3.75", "0,5". The core parses it exactly. */
export function isDecimal(raw: string): boolean {
  return /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/.test(raw.trim());
}
