/**
 * Quantities in questions and in the knowledge base's values: a number with a unit of time or
 * size ("30-minute job", "15 minutes max", "400 KB", "2 hrs"), converted to one base unit per
 * dimension so that a question's figure can be held against a stated limit. The unit words and
 * the words that ask about a dimension ("how long", "memory") are the lexicon's (`lexicon/units.ts`).
 */
import { plainWords } from '../text/tokens';
import { DIMENSION_WORDS, UNIT_WORDS as UNITS, type Dimension } from './lexicon';

export type { Dimension };

export interface Quantity {
  value: number;
  dimension: Dimension;
  /** The value in the dimension's base unit (seconds; bytes). */
  base: number;
  /** As written ("30-minute", "15 minutes"). */
  text: string;
}

/** The unit's usual name (`minutes`, `KB`), singular for 1. */
function unitName(dimension: Dimension, size: number, value: number): string {
  const names: Record<Dimension, Record<number, string>> = {
    time: { 0.001: 'ms', 1: 'second', 60: 'minute', 3600: 'hour', 86400: 'day' },
    size: { 1: 'byte', 1024: 'KB', [1024 ** 2]: 'MB', [1024 ** 3]: 'GB', [1024 ** 4]: 'TB' },
  };
  const name = names[dimension][size];
  return dimension === 'time' && size >= 1 && value !== 1 ? `${name}s` : name;
}

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
  // Every quantity starts with a digit of the NFKC form `plainWords` reads (`３０` is `30`): a text with none has none.
  if (!/\d/.test(text) && !/\d/.test(text.normalize('NFKC'))) return out;
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
