import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderText } from '../../src/index';
import { renderSlack } from '../../adapters/slack/render';
import { realAssistant } from './helpers/harness';
import { allStrings, decodeMrkdwn, slackViolations } from './helpers/slack-limits';

interface EvalCase {
  id: string;
  q: string;
  must?: string[];
  must_not?: string[];
}
const cases: EvalCase[] = readFileSync(join(__dirname, '../eval/dev.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as EvalCase);

/** The eval scorer's check (test/eval/score.mjs): every `must` matches, no `must_not` does. */
const passes = (c: EvalCase, body: string): boolean =>
  (c.must ?? []).every((m) => new RegExp(m, 'i').test(body)) && !(c.must_not ?? []).some((m) => new RegExp(m, 'i').test(body));

describe('renderSlack over real answers', () => {
  it('has dev questions to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const answer = realAssistant().ask(c.q);

    it('stays within Slack limits, with text set, in every variant', () => {
      expect(slackViolations(renderSlack(answer))).toEqual([]);
      expect(slackViolations(renderSlack(answer, { share: true }))).toEqual([]);
      expect(slackViolations(renderSlack(answer, { askedBy: 'U2CERLKJA' }))).toEqual([]);
      expect(slackViolations(renderSlack(answer, { share: true, vote: 'up' }))).toEqual([]);
    });

    it('carries the facts wherever the plain text does (eval scorer check)', () => {
      const payload = decodeMrkdwn(allStrings(renderSlack(answer)).join('\n'));
      const text = passes(c, renderText(answer));
      expect({ text, slack: passes(c, payload) }).toEqual({ text, slack: text ? true : expect.any(Boolean) });
    });
  });
});
