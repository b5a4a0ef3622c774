/**
 * Quantities in questions and in the knowledge base's values: a number with a unit of time or
 * size ("30-minute job", "15 minutes max", "400 KB", "2 hrs"), converted to one base unit per
 * dimension so that a question's figure can be held against a stated limit. Language knowledge:
 * unit words and the words that ask about a dimension ("how long", "memory"), declared here once.
 */
import { plainWords } from '../text/tokens';

export type Dimension = 'time' | 'size';

export interface Quantity {
  value: number;
  dimension: Dimension;
  /** The value in the dimension's base unit (seconds; bytes). */
  base: number;
  /** As written ("30-minute", "15 minutes"). */
  text: string;
}

/** Unit words, singular and plural and abbreviated, to [dimension, size of one unit in the base unit]. */
const UNITS: ReadonlyMap<string, readonly [Dimension, number]> = new Map<string, readonly [Dimension, number]>([
  ...['ms', 'millisecond', 'milliseconds'].map((u) => [u, ['time', 0.001]] as const),
  ...['s', 'sec', 'secs', 'second', 'seconds'].map((u) => [u, ['time', 1]] as const),
  ...['m', 'min', 'mins', 'minute', 'minutes'].map((u) => [u, ['time', 60]] as const),
  ...['h', 'hr', 'hrs', 'hour', 'hours'].map((u) => [u, ['time', 3600]] as const),
  ...['d', 'day', 'days'].map((u) => [u, ['time', 86400]] as const),
  ...['b', 'byte', 'bytes'].map((u) => [u, ['size', 1]] as const),
  ...['kb', 'kib', 'kilobyte', 'kilobytes'].map((u) => [u, ['size', 1024]] as const),
  ...['mb', 'mib', 'megabyte', 'megabytes'].map((u) => [u, ['size', 1024 ** 2]] as const),
  ...['gb', 'gib', 'gigabyte', 'gigabytes'].map((u) => [u, ['size', 1024 ** 3]] as const),
  ...['tb', 'tib', 'terabyte', 'terabytes'].map((u) => [u, ['size', 1024 ** 4]] as const),
]);

/** The unit's usual name (`minutes`, `KB`), singular for 1. */
function unitName(dimension: Dimension, size: number, value: number): string {
  const names: Record<Dimension, Record<number, string>> = {
    time: { 0.001: 'ms', 1: 'second', 60: 'minute', 3600: 'hour', 86400: 'day' },
    size: { 1: 'byte', 1024: 'KB', [1024 ** 2]: 'MB', [1024 ** 3]: 'GB', [1024 ** 4]: 'TB' },
  };
  const name = names[dimension][size];
  return dimension === 'time' && size >= 1 && value !== 1 ? `${name}s` : name;
}

/** Words that ask about a dimension without a figure ("how long", "memory limit"). */
const DIMENSION_WORDS: ReadonlyMap<string, Dimension> = new Map<string, Dimension>([
  ...[
    'long',
    'longer',
    'longest',
    'duration',
    'timeout',
    'timeouts',
    'time',
    'runtime',
    'minutes',
    'minute',
    'hours',
    'hour',
    'seconds',
    'execution',
    'last',
    'lasts',
  ].map((w) => [w, 'time'] as const),
  ...[
    'big',
    'bigger',
    'biggest',
    'large',
    'larger',
    'largest',
    'size',
    'sizes',
    'memory',
    'ram',
    'storage',
    'disk',
    'kb',
    'mb',
    'gb',
    'tb',
    'payload',
  ].map((w) => [w, 'size'] as const),
]);

/** Whether a word is a unit of time or size (`minutes`, `kb`). */
export function isUnitWord(word: string): boolean {
  return UNITS.has(word.toLowerCase());
}

/**
 * The quantities written in `text`, in order: a number followed by a unit word, with or without
 * a space or hyphen between them ("30 min", "30-minute", "400KB").
 */
export function quantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  const ws = plainWords(text).flatMap((w) => w.split(/(?<=\d)(?=[a-z])|-/).filter(Boolean));
  for (let i = 0; i < ws.length; i += 1) {
    if (!/^\d+(?:\.\d+)?$/.test(ws[i])) continue;
    const unit = UNITS.get(ws[i + 1] ?? '');
    if (!unit) continue;
    const value = Number(ws[i]);
    out.push({ value, dimension: unit[0], base: value * unit[1], text: `${ws[i]} ${unitName(unit[0], unit[1], value)}` });
    i += 1;
  }
  return out;
}

/** The dimension a question asks about: from its quantities first, else from its words; undefined when none. */
export function askedDimension(text: string, qs: Quantity[] = quantities(text)): Dimension | undefined {
  if (qs.length > 0) return qs[0].dimension;
  const ws = plainWords(text);
  for (let i = 0; i < ws.length; i += 1) {
    // "how long", "how big": the word after "how" decides; otherwise any dimension word.
    const d = DIMENSION_WORDS.get(ws[i]);
    if (d) return d;
  }
  return undefined;
}
