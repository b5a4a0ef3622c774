/**
 * `npm run answers:diff`: the comparison and its report on answers made up here (a real run builds
 * a ref, which takes longer than a test should), and the refusals of the command itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const script = join(root, 'scripts', 'answers-diff.mjs');

/** Runs `code` as an ES module that imported the script's exports as `m`; returns what it printed as JSON. */
function withModule(code: string): unknown {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `import * as m from ${JSON.stringify(script)};\n${code}`], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe('answers:diff', () => {
  it('reports the questions whose text, answered or intent differ, and only those', () => {
    const questions = ['same', 'text', 'answered', 'intent', 'error'];
    const before = [
      { answered: true, intent: 'sla', text: 'a\nb\nc' },
      { answered: true, intent: 'sla', text: 'SLA: 99.95%' },
      { answered: true, intent: 'lookup', text: 'x' },
      { answered: true, intent: 'lookup', text: 'y' },
      { answered: true, intent: 'sla', text: 'z' },
    ];
    const after = [
      { ...before[0], confidence: 0.5, answer_id: 'other' },
      { answered: true, intent: 'sla', text: 'SLA: 99.9%' },
      { answered: false, intent: 'lookup', text: 'x' },
      { answered: true, intent: 'facet', text: 'y' },
      { error: 'line 5: internal error: boom' },
    ];
    const diffs = withModule(
      `console.log(JSON.stringify(m.differences(${JSON.stringify(questions)}, ${JSON.stringify(before)}, ${JSON.stringify(after)})))`,
    );
    expect((diffs as { q: string }[]).map((d) => d.q)).toEqual(['text', 'answered', 'intent', 'error']);
  });

  it('prints the changed lines of the text with both summaries', () => {
    const d = {
      q: 'SLA for EKS',
      before: { answered: true, intent: 'sla', text: 'EKS\n• 99.95%\nSource' },
      after: { answered: true, intent: 'sla', text: 'EKS\n• 99.9%\nSource' },
    };
    const text = withModule(`console.log(JSON.stringify(m.formatDifference(${JSON.stringify(d)}, 'main (abc)')))`) as string;
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        '• SLA for EKS',
        '    main (abc): answered: true, intent: sla',
        '    working tree: answered: true, intent: sla',
        '    -• 99.95%',
        '    +• 99.9%',
      ]),
    );
  });

  it('reads the q (or question) of every line, each question once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'answers-diff-'));
    try {
      const a = join(dir, 'a.jsonl');
      const b = join(dir, 'b.jsonl');
      writeFileSync(a, '{"q": "one"}\n\n{"q": "two"}\n');
      writeFileSync(b, '{"question": "two"}\n{"question": "three"}\n');
      expect(withModule(`console.log(JSON.stringify(m.readQuestions(${JSON.stringify([a, b])})))`)).toEqual(['one', 'two', 'three']);
      writeFileSync(b, '{"id": 1}\n');
      expect(() => withModule(`m.readQuestions(${JSON.stringify([b])})`)).toThrow(/b\.jsonl:1: no "q"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [[], 2, /give one git ref/],
    [['HEAD', 'main'], 2, /give one git ref/],
    [['--frob', 'HEAD'], 2, /usage: npm run answers:diff/],
    [['no-such-ref-anywhere'], 1, /"no-such-ref-anywhere" is not a commit of this repository/],
  ])('refuses %j (exit %d)', (args, status, message) => {
    const r = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(status);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
