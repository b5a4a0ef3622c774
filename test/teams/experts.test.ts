/**
 * "Ask the experts" in Teams: real activities POSTed to the real CloudAdapter + bot, the connector
 * faked on loopback. The action on a not-found card and after a 👎, the new conversation in the
 * experts' channel (an `<at>` mention of the asker, the question, the answer, the closest entries),
 * the confirmation in the card, once per asker and answer, and a failed post.
 */
import { join } from 'node:path';
import { createAssistant, memoryEscalations, type Assistant } from '../../src/index';
import { EXPERTS_FAILED_TEXT } from '../../adapters/teams/experts';
import { EXPERTS_REPEAT_TEXT, EXPERTS_SENT_TEXT, renderTeamsCard } from '../../adapters/teams/render';
import { expertsData } from '../../adapters/teams/submit-data';
import { fixture, TENANT_ID } from './helpers/fixtures';
import { startTeamsServer, type TeamsServer } from './helpers/teams-server';
import { activityCardErrors, allStrings } from './helpers/validate-card';

const EXPERTS = '19:e1e2e3e4e5e6e7e8e9e0aabbccddeeff@thread.tacv2';
const NOT_FOUND = 'SLA for Route 53';
const strings = (body: unknown): string => allStrings(body).join('\n');
const hasExpertsAction = (body: unknown): boolean => strings(body).includes('Ask the experts');

let assistant: Assistant;
let t: TeamsServer;

beforeAll(() => {
  assistant = createAssistant({ knowledgeDir: join(__dirname, '..', '..', 'knowledge') });
});
afterEach(async () => {
  await t?.close();
});

/** A click on "Ask the experts" under the card `1699999000002` (the fixture's feedback click, re-valued). */
function pressExperts(question = NOT_FOUND, from?: Record<string, string>, voted = false) {
  const answer = assistant.ask(question);
  return fixture('card-submit-feedback', {
    id: `press-${Math.random()}`,
    value: expertsData(answer.id, question, voted),
    ...(from ? { from } : {}),
  });
}

describe('Ask the experts (Teams)', () => {
  describe('with TEAMS_EXPERTS_CHANNEL', () => {
    beforeEach(async () => {
      t = await startTeamsServer(assistant, { experts: { channel: EXPERTS, log: memoryEscalations() } });
    });

    it('puts a valid "Ask the experts" action on a not-found answer, and on no other answer', async () => {
      await t.postActivity(fixture('channel-mention', { text: `<at>AWS QA</at> ${NOT_FOUND}` }));
      const [notFound] = await t.connector.waitForCalls(1);
      expect(hasExpertsAction(notFound.body)).toBe(true);
      expect(activityCardErrors(notFound.body)).toEqual([]);
      await t.postActivity(fixture('channel-mention'));
      const calls = await t.connector.waitForCalls(2);
      expect(hasExpertsAction(calls[1].body)).toBe(false);
    });

    it('starts a conversation in the experts channel with an <at> mention, the question, the answer and the closest entries; confirms in the card', async () => {
      expect((await t.postActivity(pressExperts())).status).toBe(200);
      const calls = await t.connector.waitForCalls(2);
      const [create, update] = calls;
      expect(create.method).toBe('POST');
      expect(create.path).toBe('/v3/conversations');
      expect(create.body.isGroup).toBe(true);
      expect(create.body.channelData).toEqual({ channel: { id: EXPERTS }, tenant: { id: TENANT_ID } });
      expect(create.body.tenantId).toBe(TENANT_ID);
      const post = create.body.activity;
      expect(post.text).toBe('<at>Megan Bowen</at> asked the experts:');
      expect(post.entities).toEqual([
        {
          type: 'mention',
          text: '<at>Megan Bowen</at>',
          mentioned: {
            id: '29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw',
            name: 'Megan Bowen',
          },
        },
      ]);
      expect(activityCardErrors(post)).toEqual([]);
      const card = strings(post.attachments);
      expect(card).toContain(NOT_FOUND);
      expect(card).toContain('Not in the knowledge base');
      expect(card).toMatch(/Closest in the knowledge base\n[^]*aws-qa\.md › /);
      // In place: the card the button was on, with the confirmation instead of the button.
      expect(update.method).toBe('PUT');
      expect(update.activityId).toBe('1699999000002');
      expect(strings(update.body)).toContain(EXPERTS_SENT_TEXT);
      expect(hasExpertsAction(update.body)).toBe(false);
      expect(activityCardErrors(update.body)).toEqual([]);
    });

    it('sends once when the same person presses twice', async () => {
      await t.postActivity(pressExperts());
      await t.connector.waitForCalls(2);
      await t.postActivity(pressExperts());
      const calls = await t.connector.waitForCalls(3);
      expect(calls.filter((c) => c.path === '/v3/conversations')).toHaveLength(1);
      expect(strings(calls[2].body)).toContain(EXPERTS_REPEAT_TEXT);
    });

    it('tells the asker when the post failed, logs it without the question, and lets them try again', async () => {
      t.connector.fail(403, ''); // refused (the app is not in that team): not retried
      await t.postActivity(pressExperts('SLA for Amazon Kinesis'));
      await t.connector.waitForCalls(2);
      const told = t.connector.calls.find((c) => c.path !== '/v3/conversations');
      expect(told?.body.text).toBe(EXPERTS_FAILED_TEXT);
      expect(t.logs.entries().some((e) => e.msg === 'teams: posting to the experts channel failed')).toBe(true);
      expect(t.logs.text()).not.toMatch(/kinesis/i);
      t.connector.fail(undefined, '');
      const before = t.connector.calls.length;
      await t.postActivity(pressExperts('SLA for Amazon Kinesis'));
      await t.connector.waitForCalls(before + 2);
      expect(t.connector.calls.slice(before).some((c) => c.path === '/v3/conversations')).toBe(true);
    });

    it('offers the action after a 👎 (the card keeps its thanks), not after a 👍', async () => {
      const eks = assistant.ask('SLA for EKS');
      const vote = (v: 'up' | 'down') =>
        fixture('card-submit-feedback', {
          id: `vote-${v}`,
          value: { action: 'feedback', vote: v, answerId: eks.id, question: 'SLA for EKS' },
        });
      await t.postActivity(vote('down'));
      const [down] = await t.connector.waitForCalls(1);
      expect(hasExpertsAction(down.body)).toBe(true);
      expect(strings(down.body)).toContain('Thanks for the feedback!');
      expect(activityCardErrors(down.body)).toEqual([]);
      await t.postActivity(vote('up'));
      const calls = await t.connector.waitForCalls(2);
      expect(hasExpertsAction(calls[1].body)).toBe(false);
    });
  });

  describe('without TEAMS_EXPERTS_CHANNEL', () => {
    beforeEach(async () => {
      t = await startTeamsServer(assistant);
    });

    it('shows no action on a not-found answer, and ignores a forged press', async () => {
      await t.postActivity(fixture('channel-mention', { text: `<at>AWS QA</at> ${NOT_FOUND}` }));
      const [reply] = await t.connector.waitForCalls(1);
      expect(hasExpertsAction(reply.body)).toBe(false);
      expect((await t.postActivity(pressExperts())).status).toBe(200);
      expect(t.connector.calls).toHaveLength(1);
      expect(renderTeamsCard(assistant.ask(NOT_FOUND))).toEqual(renderTeamsCard(assistant.ask(NOT_FOUND), {}));
    });
  });
});
