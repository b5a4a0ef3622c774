/**
 * Word-level text handling shared by the index, the fact scorer and the router: one tokenizer,
 * one stemmer (Porter, from `natural`, imported by submodule: the package root is slow and noisy);
 * the stop words and abbreviations are the lexicon's (`language/lexicon`).
 */
import PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer');
import { ABBREVIATIONS, STOP_WORDS } from '../language/lexicon';
import { BoundedMemo } from '../util/bounded-memo';
import { MAX_WORD_LENGTH } from './word-length';

/**
 * Lower-case word tokens. Keeps dotted and slashed technical words whole (`node.js`, `99.95`,
 * `.net`, `blue/green`), splits on everything else, and adds the parts of camelCase
 * identifiers (`UserMedia` → `usermedia`, `user`, `media`). A word longer than `MAX_WORD_LENGTH`
 * (`word-length.ts`: pasted hashes, keyboard mashing) is skipped.
 */
export function words(text: string): string[] {
  const out: string[] = [];
  const raw = text.normalize('NFKC').split(/[^\p{L}\p{N}./#+_-]+/u);
  for (let w of raw) {
    if (w.length > MAX_WORD_LENGTH) continue;
    w = w.replace(/^[-_/+#]+|[.\-_/+]+$/g, '').replace(/^\.(?!\p{L})/u, '');
    if (!w) continue;
    const parts = w.split(/[-_]/).filter(Boolean);
    const lower = w.toLowerCase();
    if (parts.length > 1) {
      out.push(lower.replace(/[-_]/g, ''));
      for (const p of parts) out.push(...camelWords(p));
    } else {
      out.push(...camelWords(w));
    }
    if (lower.includes('/') && !/^\d/.test(lower)) out.push(...lower.split('/').filter(Boolean));
  }
  return out;
}

function camelWords(w: string): string[] {
  const lower = w.toLowerCase();
  const pieces = w.split(/(?<=[a-z])(?=[A-Z])/);
  return pieces.length > 1 ? [lower, ...pieces.map((p) => p.toLowerCase())] : [lower];
}

/**
 * Porter stem of a lower-case word, applied until stable (`containerized` → `container` →
 * `contain`, like `containers`); numbers and dotted words are kept as they are.
 */
export function stem(word: string): string {
  return stemMemo.get(word, porterUntilStable);
}

function porterUntilStable(word: string): string {
  if (/[\d./#+]/.test(word)) return word;
  let s = PorterStemmer.stem(word);
  for (let i = 0; i < 2; i += 1) {
    const next = PorterStemmer.stem(s);
    if (next === s) break;
    s = next;
  }
  return s;
}

/** Stems are memoized (the Porter stemmer is regex-heavy and words repeat). */
const stemMemo = new BoundedMemo<string, string>(100_000);

/**
 * The stem memo's entries, for a snapshot: a process restoring them never runs the stemmer on the
 * knowledge base's words. Taken right after a build (as the CLI does), they are the knowledge
 * base's words; taken later, they also hold words of questions asked in between.
 */
export function stemEntries(): [string, string][] {
  return stemMemo.entries();
}

/** Seeds the stem memo with entries from {@link stemEntries} (stems are pure: a seeded entry equals a computed one). */
export function seedStems(entries: Iterable<readonly [string, string]>): void {
  for (const [word, s] of entries) {
    if (stemMemo.full) break;
    stemMemo.set(word, s);
  }
}

/**
 * Content tokens: plain words (compounds kept whole: `DynamoDB` is one word here; abbreviations
 * expanded: `app` → `application`) minus stop words,
 * stemmed. Order kept, duplicates removed.
 */
export function contentStems(text: string, extraStops: ReadonlySet<string> = new Set()): string[] {
  const seen = new Set<string>();
  for (const w of plainWords(text).flatMap((x) => (ABBREVIATIONS.get(x) ?? x).split(' '))) {
    if (STOP_WORDS.has(w) || extraStops.has(w)) continue;
    const s = stem(w);
    if (extraStops.has(s)) continue;
    seen.add(s);
  }
  return [...seen];
}

/**
 * Plain lower-case words in order, no splitting of compounds and no stemming: the positions
 * the entity scanner and the router count in. `Beanstalk vs. App-Runner?` → `beanstalk vs app-runner`;
 * a slash separates (`eks/ecs` → `eks`, `ecs`); an `@` inside a word keeps it whole (`lambda@edge`).
 */
export function plainWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}.\-+#@]+/u)
    .map((w) => w.replace(/^[-+#@]+|[.\-+@]+$/g, '').replace(/^\.(?!\p{L})/u, ''))
    .filter((w) => w.length > 0 && w.length <= MAX_WORD_LENGTH);
}
