#!/usr/bin/env node
// Splits the real-questions corpus once, by source, into a training and a sealed test split.
//
//   node scripts/split-corpus.mjs
//
// Reads test/eval/real.jsonl (the first 154 questions: every one was seen while the engine was
// tuned, so all go to training) and test/eval/corpus/*.jsonl (new questions, each with "src", the
// thread it comes from). A source goes to the test split when the first 32 bits of the SHA-256 of
// its "src" fall in the lowest TEST_SHARE of the range: deterministic, independent of the order of
// the files, and a thread never straddles the split. Writes test/eval/real-train.jsonl and
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
const isTest = (src) => createHash('sha256').update(src).digest().readUInt32BE(0) / 2 ** 32 < TEST_SHARE;

const old = read(join(EVAL, 'real.jsonl'));
const corpus = readdirSync(join(EVAL, 'corpus'))
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) => read(join(EVAL, 'corpus', f)));
const missing = corpus.filter((c) => typeof c.src !== 'string' || !c.src);
if (missing.length) throw new Error(`no "src" on ${missing.map((c) => c.id).join(', ')}`);

const train = [...old, ...corpus.filter((c) => !isTest(c.src))];
const test = corpus.filter((c) => isTest(c.src));
const write = (name, cases) => writeFileSync(join(EVAL, name), cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
write('real-train.jsonl', train);
write('real-test.jsonl', test);
const answered = (cases) => cases.filter((c) => c.answered !== false).length;
console.log(
  `train ${train.length} (${answered(train)} answerable), test ${test.length} (${answered(test)} answerable), total ${train.length + test.length}`,
);
