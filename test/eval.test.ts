/**
 * The answer-quality gate: the sample questions (copied from shared/eval), the held-out-style probe
 * set, the real questions from public threads, and questions on knowledge files the engine was
 * never tuned on (`fixtures/knowledge-unseen` and `fixtures/knowledge-unseen2`, each asked beside
 * the real knowledge base), scored by the shared scorer over the built CLI in every format; none
 * may score below its committed figure (`test/eval/figures.json`).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { knowledgeCopy } from './helpers/knowledge';
import { tempDir } from './helpers/temp-dir';

const root = join(__dirname, '..');
/** The knowledge directory each set is asked against: the real one, or the real one plus files it has never seen. */
const knowledgeFor: Record<string, () => string> = {
  unseen: () => withFixture('knowledge-unseen'),
  unseen2: () => withFixture('knowledge-unseen2'),
};
/** A copy of the real knowledge base with a fixture's files beside it. */
function withFixture(fixture: string): string {
  const dir = knowledgeCopy();
  cpSync(join(__dirname, 'fixtures', fixture), dir, { recursive: true });
  return dir;
}
const figures = JSON.parse(readFileSync(join(__dirname, 'eval', 'figures.json'), 'utf8')) as Record<string, number>;

/**
 * Runs the shared scorer on one set. Its report goes to a file, not a pipe: the scorer ends with
 * `process.exit`, which drops whatever it has not yet written to a pipe once the report outgrows the
 * pipe's buffer (the real-train set's list of failures does), and the score line is written last.
 */
function score(set: string, format: string): { passed: number; total: number; failures: string[] } {
  const report = join(tempDir('aws-qa-eval-'), 'report.txt');
  const fd = openSync(report, 'w');
  const r = spawnSync(
    process.execPath,
    [
      join(__dirname, 'eval', 'score.mjs'),
      join(__dirname, 'eval', `${set}.jsonl`),
      '--format',
      format,
      '--',
      process.execPath,
      join(root, 'bin', 'aws-qa.js'),
      'batch',
      ...(knowledgeFor[set] ? ['--knowledge', knowledgeFor[set]()] : []),
    ],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'] },
  );
  closeSync(fd);
  const stdout = readFileSync(report, 'utf8');
  const m = /score \(\w+\): (\d+)\/(\d+)/.exec(stdout);
  if (!m) throw new Error(`no score line:\n${stdout}\n${r.stderr}`);
  return { passed: Number(m[1]), total: Number(m[2]), failures: stdout.split('\n').filter((l) => l.startsWith('FAIL')) };
}

describe('answer quality', () => {
  const cases = ['dev', 'probe', 'spec', 'real', 'real-train', 'unseen', 'unseen2'].flatMap((set) =>
    ['text', 'slack', 'teams'].map((format) => [set, format] as const),
  );
  it.each(cases)('%s set in %s format scores at least its committed figure', (set, format) => {
    if (format !== 'text' && !existsSync(join(root, 'dist', 'adapters', format, 'render.js')))
      throw new Error(`the ${format} renderer is not built`);
    const { passed, total, failures } = score(set, format);
    expect(total).toBeGreaterThanOrEqual(figures[set]);
    // On failure, the questions that fail are printed with the figure.
    expect({ passed: Math.min(passed, figures[set]), failures: passed >= figures[set] ? [] : failures }).toEqual({
      passed: figures[set],
      failures: [],
    });
  });

  it('the sample set is the shared one, unchanged', () => {
    const shared = join(root, '..', 'shared', 'eval', 'dev.jsonl');
    if (!existsSync(shared)) return;
    expect(readFileSync(join(__dirname, 'eval', 'dev.jsonl'), 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });
});
