/** Unit words of time and size, and the words that ask about a dimension without a figure. */
import { wordMap, wordSet } from './word-list';

/** What a quantity measures. */
export type Dimension = 'time' | 'size';

/** Unit words, singular and plural and abbreviated, to [dimension, size of one unit in the base unit]. */
export const UNIT_WORDS: ReadonlyMap<string, readonly [Dimension, number]> = wordMap<readonly [Dimension, number]>('UNIT_WORDS', [
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

/** Words that ask about a dimension without a figure ("how long", "memory limit"). */
export const DIMENSION_WORDS: ReadonlyMap<string, Dimension> = wordMap<Dimension>('DIMENSION_WORDS', [
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

/** Signs and words a price is written with ("$5 per TB", "0.40 USD"): with a figure beside them, a text states an amount of money. */
export const CURRENCY_SIGNS = ['$', '€', '£'] as const;
export const CURRENCY_WORDS = wordSet('CURRENCY_WORDS', 'usd eur gbp dollar dollars cent cents euro euros');
