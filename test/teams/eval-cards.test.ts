/**
 * Every question of the dev eval set, answered by the real engine and rendered for Teams: each
 * card is valid Adaptive Card 1.5 within the size budget, and the Teams payload carries the facts
 * the scorer looks for whenever the plain-text answer does (the same rules as test/eval/score.mjs
 * with --format teams: every string of the payload, after decoding &lt; &gt; &amp;).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAssistant, renderText, type Assistant } from '../../src/index';
import { TEAMS_LIMITS, messageBytes } from '../../adapters/teams/card-limits';
import { renderTeams } from '../../adapters/teams/render';
import { activityCardErrors, allStrings } from './helpers/validate-card';

interface EvalCase {
  id: string;
  q: string;
  must?: string[];
  must_not?: string[];
  answered?: boolean;
}

const root = join(__dirname, '..', '..');
const cases: EvalCase[] = readFileSync(join(root, 'test', 'eval', 'dev.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as EvalCase);
const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Why `body` fails `c` (the scorer's rules, minus the text-only length cap), or null. */
function verdict(c: EvalCase, answered: boolean, body: string): string | null {
  if (answered !== (c.answered ?? true)) return `answered=${answered}`;
  for (const m of c.must ?? []) if (!new RegExp(m, 'i').test(body)) return `missing /${m}/`;
  for (const m of c.must_not ?? []) if (new RegExp(m, 'i').test(body)) return `has /${m}/`;
  return null;
}

let assistant: Assistant;
beforeAll(() => {
  assistant = createAssistant({ knowledgeDir: join(root, 'knowledge') });
});

describe('Teams cards for the dev eval questions', () => {
  it.each(cases.map((c) => [c.id, c]))('%s: valid card, within budget, facts present when the text has them', (_id, c) => {
    const answer = assistant.ask(c.q);
    const activity = renderTeams(answer);
    expect(activityCardErrors(activity)).toEqual([]);
    expect(messageBytes(activity)).toBeLessThanOrEqual(TEAMS_LIMITS.cardBytes);
    const textVerdict = verdict(c, answer.answered, renderText(answer));
    const teamsVerdict = verdict(c, answer.answered, allStrings(activity).map(decode).join('\n'));
    if (textVerdict === null) expect(teamsVerdict).toBeNull();
  });

  it('renders 200 random questions as valid cards', () => {
    const words = [
      'sla',
      'eks',
      'ecs',
      'lambda',
      'vs',
      'compare',
      'beanstalk',
      'app runner',
      'pricing',
      'limits',
      '<at>Bot</at>',
      '&amp;',
      '**',
      '[x](http://e.x)',
      'what',
      'is',
      'the',
      'best',
      'for',
      'dynamodb',
      's3',
      'emr',
      'sagemaker',
      '?',
      '😀',
      'ec2',
    ];
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let i = 0; i < 200; i += 1) {
      const q = Array.from({ length: 1 + Math.floor(next() * 8) }, () => words[Math.floor(next() * words.length)]).join(' ');
      const activity = renderTeams(assistant.ask(q));
      const errors = activityCardErrors(activity);
      if (errors.length) throw new Error(`${JSON.stringify(q)}: ${errors.join('; ')}`);
      expect(messageBytes(activity)).toBeLessThanOrEqual(TEAMS_LIMITS.cardBytes);
    }
  });
});
