#!/usr/bin/env node
// Splits the real-questions corpus once, by source, into a training and a sealed test split.
//
//   node scripts/split-corpus.mjs
//
// Reads test/eval/real.jsonl (the first 154 questions: every one was seen while the engine was
// tuned, so all go to training) and test/eval/corpus/*.jsonl (new questions, each with "src", the
// thread it comes from). A source goes to the test split when the first 32 bits of the SHA-256 of
// its "src" fall in the lowest TEST_SHARE of the range: deterministic, independent of the order of
// the files, and a thread never straddles the split. A question whose text is already there (the
// same thread found twice, under two spellings of its source) is left out. Writes test/eval/real-train.jsonl and
// test/eval/real-test.jsonl and prints the counts.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EVAL = join(import.meta.dirname, '..', 'test', 'eval');
/** Share of the new questions' sources held out; the old 154 all train, so the test split is about a fifth of the whole. */
const TEST_SHARE = 0.27;

const read = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
/** A question's text as compared for duplicates: lower case, runs of white space as one space. */
const sameText = (q) => q.toLowerCase().replace(/\s+/g, ' ').trim();
/** A GitHub thread's one spelling: `o/r#1` as `github.com-o-r-issues-1` (pull requests are issues too). */
const threadOf = (src) => {
  const m = /^([\w.-]+)\/([\w.-]+)#(\d+)$/.exec(src);
  return (m ? `github.com-${m[1]}-${m[2]}-issues-${m[3]}` : src).toLowerCase().replace(/-pull-/, '-issues-');
};
const words = (q) => new Set(q.toLowerCase().match(/[a-z0-9]+/g) ?? []);
/**
 * Nearly the same words: four fifths of the shorter text's words, at least 20 of them, are in the
 * other (short questions from one page share most of their words and are still different questions).
 */
const nearlySame = (a, b) => {
  const [x, y] = [words(a), words(b)];
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  return small.size >= 20 && [...small].filter((w) => large.has(w)).length >= 0.8 * small.size;
};
const isTest = (src) => createHash('sha256').update(src).digest().readUInt32BE(0) / 2 ** 32 < TEST_SHARE;

const old = read(join(EVAL, 'real.jsonl'));
const corpus = readdirSync(join(EVAL, 'corpus'))
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) => read(join(EVAL, 'corpus', f)));
const missing = corpus.filter((c) => typeof c.src !== 'string' || !c.src);
if (missing.length) throw new Error(`no "src" on ${missing.map((c) => c.id).join(', ')}`);

// One question found twice (in two files, under two spellings of its thread: `github.com-o-r-issues-1`
// and `o/r#1`) is one question: the first copy, in the order read, is kept, so a thread cannot
// straddle the split that way and no kept question changes sides. Twice means the same text, or the
// same thread with nearly the same words (a greeting or a template trimmed differently).
const kept = [...old];
const unique = corpus.filter((c) => {
  const twin = kept.find((k) => sameText(k.q) === sameText(c.q) || (k.src && threadOf(k.src) === threadOf(c.src) && nearlySame(k.q, c.q)));
  if (twin) return (console.log(`${c.id}: the same question as ${twin.id}; left out`), false);
  return (kept.push(c), true);
});

const train = [...old, ...unique.filter((c) => !isTest(c.src))];
const test = unique.filter((c) => isTest(c.src));
const write = (name, cases) => writeFileSync(join(EVAL, name), cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
write('real-train.jsonl', train);
write('real-test.jsonl', test);
const answered = (cases) => cases.filter((c) => c.answered !== false).length;
console.log(
  `train ${train.length} (${answered(train)} answerable), test ${test.length} (${answered(test)} answerable), total ${train.length + test.length}`,
);
