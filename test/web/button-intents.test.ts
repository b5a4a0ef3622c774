/**
 * The playground reads buttons back from the payloads the real renderers produce: every
 * follow-up, "Did you mean" and 👍/👎 button of every kind of answer, on both platforms.
 */
import { ASK_ACTION_PREFIX, FEEDBACK_DOWN_ACTION, FEEDBACK_UP_ACTION, SHARE_ACTION } from '../../adapters/slack/actions';
import { renderSlack, shareButton } from '../../adapters/slack/render';
import { renderTeams } from '../../adapters/teams/render';
import { slackButtonIntent, teamsSubmitIntent, type ButtonIntent } from '../../adapters/web/client/button-intents';
import { answerActions, type Answer } from '../../src/index';
import { allSampleAnswers, createAnswer } from '../helpers/answer-factory';

interface Found {
  label: string;
  intent: ButtonIntent;
}

function slackButtons(answer: Answer): Found[] {
  return renderSlack(answer)
    .blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []))
    .map((e) => e as { action_id: string; value?: string; text: { text: string } })
    .map((e) => ({ label: e.text.text, intent: slackButtonIntent(e.action_id, e.value) }));
}

function teamsButtons(answer: Answer): Found[] {
  const card = renderTeams(answer).attachments?.[0]?.content as { body: { type: string; actions?: { title: string; data: unknown }[] }[] };
  return card.body
    .flatMap((el) => (el.type === 'ActionSet' ? (el.actions ?? []) : []))
    .map((a) => ({ label: a.title, intent: teamsSubmitIntent(a.data) }));
}

/** What a platform's buttons should mean for `answer`: its suggestions, then a vote pair when rateable. */
function expectedAsks(answer: Answer): ButtonIntent[] {
  const suggestions = answer.kind === 'clarify' ? [...answer.choices, ...answer.followUps] : answer.followUps;
  return suggestions.map((s) => ({ kind: 'ask', question: s.question }));
}

const votes = (answer: Answer): ButtonIntent[] =>
  (['up', 'down'] as const).map((vote) => ({ kind: 'feedback', vote, answerId: answer.id, question: answer.question }));

describe('button intents', () => {
  describe.each([
    ['Slack', slackButtons],
    ['Teams', teamsButtons],
  ])('%s buttons, as rendered', (_platform, buttons) => {
    it.each(allSampleAnswers().map((a) => [a.kind, a] as const))('reads every button of a %s answer', (_, answer) => {
      const intents = buttons(answer).map((b) => b.intent);
      const { rateable } = answerActions(answer);
      expect(intents).toEqual([...expectedAsks(answer), ...(rateable ? votes(answer) : [])]);
    });
  });

  describe('slackButtonIntent', () => {
    it("uses the Slack adapter's action ids", () => {
      expect(slackButtonIntent(`${ASK_ACTION_PREFIX}7`, '{"q":"SLA for EKS"}')).toEqual({ kind: 'ask', question: 'SLA for EKS' });
      expect(slackButtonIntent(FEEDBACK_UP_ACTION, '{"q":"x","a":"id1"}')).toMatchObject({ kind: 'feedback', vote: 'up' });
      expect(slackButtonIntent(FEEDBACK_DOWN_ACTION, '{"q":"x","a":"id1"}')).toMatchObject({ kind: 'feedback', vote: 'down' });
      const share = shareButton('q');
      expect(slackButtonIntent(share.action_id ?? '', share.value)).toMatchObject({ kind: 'unsupported' });
      expect(SHARE_ACTION).toBe(share.action_id);
    });

    it.each([
      ['a malformed value', `${ASK_ACTION_PREFIX}0`, '{"q":'],
      ['an empty question', `${ASK_ACTION_PREFIX}0`, '{"q":""}'],
      ['a vote without answer id', FEEDBACK_UP_ACTION, '{"q":"x"}'],
      ['an unknown action', 'someone_else', '{"q":"x"}'],
    ])('treats %s as unsupported', (_, actionId, value) => {
      expect(slackButtonIntent(actionId, value).kind).toBe('unsupported');
    });
  });

  describe('teamsSubmitIntent', () => {
    it('reads the messageBack value string as well as the object', () => {
      expect(teamsSubmitIntent('{"action":"ask","question":"SLA for EKS"}')).toEqual({ kind: 'ask', question: 'SLA for EKS' });
    });

    it.each([
      ["another card's data", { verb: 'refresh' }],
      ['a vote that is not up or down', { action: 'feedback', vote: 'meh', answerId: 'a', question: 'q' }],
      ['a blank question', { action: 'ask', question: ' ' }],
      ['nothing', undefined],
    ])('treats %s as unsupported', (_, data) => {
      expect(teamsSubmitIntent(data).kind).toBe('unsupported');
    });
  });

  it('maps a long follow-up question to the full question, not the shortened label', () => {
    const question = `Compare ${'very '.repeat(30)}long EKS vs ECS`;
    const answer = createAnswer('sla', { followUps: [{ label: question, question }] });
    expect(slackButtons(answer)[0].intent).toEqual({ kind: 'ask', question });
    expect(teamsButtons(answer)[0].intent).toEqual({ kind: 'ask', question });
  });
});
