/**
 * The answer-quality gate: the sample questions (copied from shared/eval) scored by the same
 * scorer, over the built CLI, in every format whose renderer exists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const score = (format: string) => spawnSync(
  process.execPath,
  [join(__dirname, 'eval', 'score.mjs'), join(__dirname, 'eval', 'dev.jsonl'), '--format', format, '--', process.execPath, join(root, 'bin', 'aws-qa.js'), 'batch'],
  { cwd: root, encoding: 'utf8' },
);

describe('answer quality on the sample questions', () => {
  it.each(['text', 'slack', 'teams'])('passes at least 48 of 50 in %s format', (format) => {
    if (format !== 'text' && !existsSync(join(root, 'dist', 'adapters', format, 'render.js'))) {
      throw new Error(`the ${format} renderer is not built`);
    }
    const r = score(format);
    const m = /score \(\w+\): (\d+)\/(\d+)/.exec(r.stdout);
    if (!m) throw new Error(`no score line:\n${r.stdout}\n${r.stderr}`);
    expect({ passed: Number(m[1]), failures: r.stdout.split('\n').filter((l) => l.startsWith('FAIL')) })
      .toEqual({ passed: expect.any(Number), failures: expect.any(Array) });
    expect(Number(m[1])).toBeGreaterThanOrEqual(48);
  });
});
