/** Labeling a reading for the fit: `passes` applies the shared scorer's rules (test/eval/score.mjs) to one answer. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CAPS, passes, type EvalCase } from '../../scripts/fit/label';
import { renderText, type Answer } from '../../src/index';
import { createAnswer } from '../helpers/answer-factory';

const SCORER = join(__dirname, '..', 'eval', 'score.mjs');

const evalCase = (overrides: Partial<EvalCase> = {}): EvalCase => ({ id: 'c', cat: 'sla', q: 'SLA for EKS', ...overrides });
const sla = createAnswer('sla');
/** An SLA answer whose plain text runs over `chars` characters. */
const longSla = (chars: number): Answer =>
  createAnswer('sla', { parts: [...sla.parts, { type: 'text', text: 'x '.repeat(Math.ceil(chars / 2)) }] });
const notFound = createAnswer('not-found');
const longNotFound = createAnswer('not-found', { parts: [{ type: 'text', text: 'y '.repeat(400) }] });

/** Cases and the answer each is scored on, with whether it passes. */
const SAMPLES: [string, EvalCase, Answer, boolean][] = [
  ['every must present', evalCase({ must: ['99\\.95', 'EKS'] }), sla, true],
  ['a must missing', evalCase({ must: ['99\\.95', '99\\.99'] }), sla, false],
  ['a must matched in another case', evalCase({ must: ['amazon eks'] }), sla, true],
  ['a must_not present, in another case', evalCase({ must_not: ['eks'] }), sla, false],
  ['no must_not present', evalCase({ must_not: ['route 53'] }), sla, true],
  ['answered, refusal expected', evalCase({ answered: false }), sla, false],
  ['refused, refusal expected', evalCase({ answered: false, cat: 'near' }), notFound, true],
  ['refused, answer expected', evalCase({ cat: 'near' }), notFound, false],
  ["over the category's cap", evalCase({ cat: 'sla' }), longSla(700), false],
  ['under a large category cap', evalCase({ cat: 'compare' }), longSla(700), true],
  ["over the category's cap, within the case's max", evalCase({ cat: 'sla', max: 5000 }), longSla(700), true],
  ["within the category's cap, over the case's max", evalCase({ cat: 'noise', max: 50 }), sla, false],
  ['a category without a cap', evalCase({ cat: 'near' }), longSla(5000), true],
  ['a long refusal, refusal expected (no cap)', evalCase({ cat: 'sla', answered: false }), longNotFound, true],
];

describe('passes', () => {
  it.each(SAMPLES)('%s', (_, c, answer, want) => {
    expect(passes(c, answer)).toBe(want);
  });

  it("uses the scorer's caps", () => {
    expect(renderText(longSla(700)).length).toBeGreaterThan(CAPS.sla);
    expect(renderText(longSla(700)).length).toBeLessThan(CAPS.compare);
    expect(CAPS).toEqual({
      sla: 600,
      options: 1000,
      facts: 1000,
      ml: 1000,
      dynamodb: 1500,
      compare: 4000,
      synth: 4000,
      help: 2000,
      noise: 4000,
    });
  });

  describe('against the shared scorer', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'aws-qa-label-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('passes exactly the cases score.mjs passes on the same answers', () => {
      const cases = SAMPLES.map(([, c], i) => ({ ...c, id: `s${i}` }));
      const records = SAMPLES.map(([, , answer], i) => ({ id: `s${i}`, answered: answer.answered, text: renderText(answer) }));
      writeFileSync(join(dir, 'cases.jsonl'), cases.map((c) => JSON.stringify(c)).join('\n'));
      // The command under score: reads its input, then prints the fixed records.
      writeFileSync(
        join(dir, 'fake.js'),
        `require('fs').readFileSync(0);\nprocess.stdout.write(${JSON.stringify(records.map((r) => JSON.stringify(r)).join('\n'))} + '\\n');\n`,
      );
      const run = spawnSync(process.execPath, [SCORER, join(dir, 'cases.jsonl'), '--', process.execPath, join(dir, 'fake.js')], {
        encoding: 'utf8',
      });
      expect(run.stdout).toMatch(/^score \(text\): \d+\/14/m);
      const failed = new Set([...run.stdout.matchAll(/^FAIL (\S+) /gm)].map((m) => m[1]));
      const scorer = cases.map((c) => !failed.has(c.id));
      expect(cases.map((c, i) => passes(c, SAMPLES[i][2]))).toEqual(scorer);
      expect(scorer).toEqual(SAMPLES.map(([, , , want]) => want));
    });
  });
});
