/**
 * The sealed test split stays sealed: no question of `real-test.jsonl` is also in the training split
 * `real-train.jsonl`, by its thread or by its text (`scripts/split-corpus.mjs`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Case {
  id: string;
  q: string;
  src?: string;
}

const read = (name: string): Case[] =>
  readFileSync(join(__dirname, 'eval', name), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);
const sameText = (q: string): string => q.toLowerCase().replace(/\s+/g, ' ').trim();

describe('the split of the real questions', () => {
  const train = read('real-train.jsonl');
  const test = read('real-test.jsonl');

  it('puts no thread on both sides', () => {
    const trainSources = new Set(train.flatMap((c) => (c.src ? [c.src] : [])));
    expect(test.filter((c) => c.src && trainSources.has(c.src)).map((c) => c.id)).toEqual([]);
  });

  it('puts no text on both sides, and none twice on one side', () => {
    const trainTexts = new Set(train.map((c) => sameText(c.q)));
    expect(test.filter((c) => trainTexts.has(sameText(c.q))).map((c) => c.id)).toEqual([]);
    for (const side of [train, test]) expect(new Set(side.map((c) => sameText(c.q))).size).toBe(side.length);
  });
});
