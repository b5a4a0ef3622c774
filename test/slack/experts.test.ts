/**
 * "Ask the experts" in Slack, through the real Bolt receiver (signed requests) with the Web API
 * faked on loopback: the button on a "not in the knowledge base" answer and after a 👎, the post to
 * the experts' channel (question, a real mention of the asker, the bot's answer, the closest
 * entries), the confirmation in place, once per asker and answer, and a failed post.
 */
import { renderSlack } from '../../adapters/slack/render';
import { EXPERTS_ALREADY_SENT, EXPERTS_FAILED, EXPERTS_SENT } from '../../adapters/slack/experts';
import { memoryEscalations } from '../../src/index';
import { realAssistant, useHarness } from './helpers/harness';
import { buttonClick, eventEnvelope, slashCommand } from './helpers/payloads';
import { interactionBody } from './helpers/signed-request';
import { slackViolations } from './helpers/slack-limits';

type Payload = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const EXPERTS = 'CEXPERTS01';
const NOT_FOUND = 'SLA for Route 53';
const ASKER = 'UA8RXUSPL'; // the fixture's user

const hasExpertsButton = (blocks: unknown): boolean => JSON.stringify(blocks ?? []).includes('"action_id":"aws_qa_experts"');

describe('Ask the experts (Slack)', () => {
  describe('with SLACK_EXPERTS_CHANNEL', () => {
    const h = useHarness({ experts: { channel: EXPERTS, log: memoryEscalations() } }, { resetEachTest: true });
    const expertPosts = () => h.fake.ok('chat.postMessage').filter((c) => c.body.channel === EXPERTS);
    let clicks = 0;

    /** A click on "Ask the experts" under the not-found answer the bot posted in a channel. */
    function pressExperts(question = NOT_FOUND, user = ASKER): Payload {
      const answer = realAssistant().ask(question);
      const p = buttonClick(
        'aws_qa_experts',
        JSON.stringify({ q: question, a: answer.id }),
        `${(clicks += 1)}.4242.experts`,
        h.fake.responseUrl(),
      );
      p.user.id = user;
      p.message.blocks = renderSlack(answer, { experts: true }).blocks;
      return p;
    }
    const send = async (payload: Payload) => expect((await h.post(interactionBody(payload))).status).toBe(200);

    it('puts the button on a "not in the knowledge base" answer to /aws, and on no other answer', async () => {
      const notFound = await h.post(slashCommand(NOT_FOUND));
      expect(realAssistant().ask(NOT_FOUND).kind).toBe('not-found');
      expect(hasExpertsButton(notFound.json?.blocks)).toBe(true);
      expect(slackViolations({ text: notFound.json?.text as string, blocks: notFound.json?.blocks as never })).toEqual([]);
      const answered = await h.post(slashCommand('SLA for EKS'));
      expect(hasExpertsButton(answered.json?.blocks)).toBe(false);
    });

    it('puts the button on a not-found answer to a mention', async () => {
      expect((await h.post(JSON.stringify(eventEnvelope('app-mention', { text: `<@U0LAN0Z89> ${NOT_FOUND}` })))).status).toBe(200);
      await h.fake.waitFor(() => h.fake.ok('chat.postMessage').length === 1);
      expect(hasExpertsButton(h.fake.ok('chat.postMessage')[0].body.blocks)).toBe(true);
    });

    it('posts the question, a real mention of the asker, the answer and the closest entries to the experts, and confirms in place', async () => {
      await send(pressExperts());
      await h.fake.waitFor(() => h.fake.responses.length === 1);
      expect(expertPosts()).toHaveLength(1);
      const post = expertPosts()[0].body;
      expect(String(post.text)).toBe(`<@${ASKER}> asked the experts: ${NOT_FOUND}`);
      const blocks = JSON.stringify(post.blocks);
      expect(blocks).toContain(`from <@${ASKER}>`);
      expect(blocks).toContain(`>${NOT_FOUND}`);
      expect(blocks).toContain('*The bot answered:*\\nNot in the knowledge base');
      expect(blocks).toMatch(/\*Closest in the knowledge base:\*\\n• aws-qa\.md › /);
      expect(slackViolations({ text: String(post.text), blocks: post.blocks as never })).toEqual([]);
      // In place: the button becomes the confirmation; the rest of the message stays.
      const replaced = h.fake.responses[0].body;
      expect(replaced.replace_original).toBe(true);
      expect(hasExpertsButton(replaced.blocks)).toBe(false);
      expect(JSON.stringify(replaced.blocks)).toContain(EXPERTS_SENT);
      expect(JSON.stringify(replaced.blocks)).toContain('Not in the knowledge base');
    });

    it('sends once when the same person presses twice', async () => {
      await send(pressExperts('SLA for CloudFront'));
      await h.fake.waitFor(() => h.fake.responses.length === 1);
      await send(pressExperts('SLA for CloudFront'));
      await h.fake.waitFor(() => h.fake.responses.length === 2);
      expect(expertPosts()).toHaveLength(1);
      expect(JSON.stringify(h.fake.responses[1].body)).toContain(EXPERTS_ALREADY_SENT);
      // Another person asking the same is another escalation.
      await send(pressExperts('SLA for CloudFront', 'UOTHER0001'));
      await h.fake.waitFor(() => expertPosts().length === 2 && h.fake.responses.length === 3);
      expect(JSON.stringify(h.fake.responses[2].body)).toContain(EXPERTS_SENT);
    });

    it('tells the asker when the post failed, logs it without the question, and lets them try again', async () => {
      h.fake.platformErrorNext('chat.postMessage', 'not_in_channel');
      await send(pressExperts('SLA for Amazon Kinesis'));
      await h.fake.waitFor(() => h.fake.responses.length === 1);
      expect(h.fake.responses[0].body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: EXPERTS_FAILED });
      const failure = h.logs.find((l) => l.includes('posting to the experts channel failed'));
      expect(failure).toBeDefined();
      expect(failure).toContain('not_in_channel');
      // (Bolt's own debug lines echo Web API bodies; from info up, nothing carries the question.)
      const infoUp = h.logs.filter((l) => (JSON.parse(l) as { level: number }).level >= 30);
      expect(infoUp.join('\n')).not.toMatch(/kinesis/i);
      // The fake records the refused call too (HTTP 200, `ok: false`): the second press is the second call.
      await send(pressExperts('SLA for Amazon Kinesis'));
      await h.fake.waitFor(() => expertPosts().length === 2 && h.fake.responses.length === 2);
      expect(JSON.stringify(h.fake.responses[1].body)).toContain(EXPERTS_SENT);
    });

    it('offers the button after a 👎, not after a 👍', async () => {
      const eks = realAssistant().ask('SLA for EKS');
      const vote = (action: string) => {
        const p = buttonClick(action, JSON.stringify({ q: 'SLA for EKS', a: eks.id }), `${(clicks += 1)}.4242.vote`, h.fake.responseUrl());
        p.message.blocks = renderSlack(eks, { experts: true }).blocks;
        return p;
      };
      await send(vote('aws_qa_feedback_down'));
      await h.fake.waitFor(() => h.fake.responses.length === 1);
      expect(hasExpertsButton(h.fake.responses[0].body.blocks)).toBe(true);
      await send(vote('aws_qa_feedback_up'));
      await h.fake.waitFor(() => h.fake.responses.length === 2);
      expect(expertPosts()).toEqual([]);
      expect(hasExpertsButton(h.fake.responses[1].body.blocks)).toBe(false);
    });
  });

  describe('without SLACK_EXPERTS_CHANNEL', () => {
    const h = useHarness();

    it('shows no button, on a not-found answer or after a 👎', async () => {
      const res = await h.post(slashCommand(NOT_FOUND));
      expect(hasExpertsButton(res.json?.blocks)).toBe(false);
      const eks = realAssistant().ask('SLA for EKS');
      const p = buttonClick('aws_qa_feedback_down', JSON.stringify({ q: 'SLA for EKS', a: eks.id }), '9.4242.down', h.fake.responseUrl());
      p.message.blocks = renderSlack(eks).blocks;
      await h.post(interactionBody(p));
      await h.fake.waitFor(() => h.fake.responses.length === 1);
      expect(hasExpertsButton(h.fake.responses[0].body.blocks)).toBe(false);
    });
  });
});
