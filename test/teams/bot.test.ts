import { TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { InMemoryFeedbackStore } from '../../src/index';
import { APOLOGY_TEXT, createTurnErrorHandler } from '../../adapters/teams/adapter';
import { TeamsQaBot, WELCOME_TEXT } from '../../adapters/teams/bot';
import { FEEDBACK_THANKS } from '../../adapters/teams/render';
import { createAnswer } from '../helpers/answer-factory';
import { fakeAssistant, type FakeAssistant } from './helpers/fake-assistant';
import { fixture, TENANT_ID, type ActivityJson } from './helpers/fixtures';
import { memoryLogger } from './helpers/memory-logger';
import { activityCardErrors, allStrings } from './helpers/validate-card';

interface Harness {
  adapter: TestAdapter;
  assistant: FakeAssistant;
  store: InMemoryFeedbackStore;
  logs: ReturnType<typeof memoryLogger>;
  send(activity: ActivityJson): Promise<Partial<Activity>[]>;
}

function harness(options: { allowedTenantIds?: string[]; assistant?: FakeAssistant; replyTimeoutMs?: number } = {}): Harness {
  const logs = memoryLogger();
  const assistant = options.assistant ?? fakeAssistant();
  const store = new InMemoryFeedbackStore();
  const bot = new TeamsQaBot({
    assistant,
    feedbackStore: store,
    logger: logs.logger,
    allowedTenantIds: options.allowedTenantIds,
    replyTimeoutMs: options.replyTimeoutMs,
  });
  const adapter = new TestAdapter((context: TurnContext) => bot.run(context));
  adapter.onTurnError = createTurnErrorHandler({ logger: logs.logger, secrets: ['s3cr3t-app-password'] });
  return {
    adapter,
    assistant,
    store,
    logs,
    async send(activity) {
      adapter.activeQueue.splice(0);
      await adapter.processActivity(activity as Partial<Activity>);
      return [...adapter.activeQueue];
    },
  };
}

const cardTexts = (activity: Partial<Activity>): string => allStrings(activity.attachments).join('\n');

/** Sends `activity` to the bot (a fresh one by default): it must ask exactly `question` and send one reply, which is returned. */
async function onlyReply(activity: ActivityJson, question: string, h: Harness = harness()): Promise<Partial<Activity>> {
  const replies = await h.send(activity);
  expect(h.assistant.questions).toEqual([question]);
  expect(replies).toHaveLength(1);
  return replies[0];
}

/** Sends `activity` to the bot (a fresh one by default): it must send nothing and ask the engine nothing. */
async function expectSilence(activity: ActivityJson, h: Harness = harness()): Promise<void> {
  expect(await h.send(activity)).toEqual([]);
  expect(h.assistant.questions).toEqual([]);
}

describe('TeamsQaBot', () => {
  describe('channel @mention', () => {
    it('asks the question without the bot mention and replies in the thread with a card', async () => {
      const reply = await onlyReply(fixture('channel-mention'), 'SLA for EKS &amp; uptime');
      expect(reply.replyToId).toBe('1699999000001');
      expect(reply.conversation?.id).toBe('19:a6ca2a04bc9c4e52b3ea1c4b3c7a4e9c@thread.tacv2;messageid=1699999000001');
      expect(activityCardErrors(reply)).toEqual([]);
      expect(cardTexts(reply)).toContain('99.95%');
    });

    it('ignores a channel message that does not mention the bot', async () => {
      await expectSilence(fixture('channel-mention', { entities: [], text: 'SLA for EKS' }));
    });

    it('ignores a mention of someone else', async () => {
      const activity = fixture('channel-mention', {
        text: '<at>Adele</at> SLA for EKS',
        entities: [{ type: 'mention', mentioned: { id: '29:adele', name: 'Adele' }, text: '<at>Adele</at>' }],
      });
      await expectSilence(activity);
    });
  });

  describe('group chat', () => {
    it('answers a mention in the conversation (no thread reply)', async () => {
      const reply = await onlyReply(fixture('group-chat-mention'), 'Beanstalk vs App Runner');
      expect(reply.replyToId).toBeUndefined();
    });

    it('stays quiet when not mentioned', async () => {
      await expectSilence(fixture('group-chat-no-mention'));
    });
  });

  describe('personal chat', () => {
    it('answers every message, in the conversation', async () => {
      const reply = await onlyReply(fixture('personal-message'), 'Lambda max execution time');
      expect(reply.replyToId).toBeUndefined();
      expect(reply.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    });
  });

  describe('card submits', () => {
    it('asks the question of a follow-up click in a channel without a mention', async () => {
      const reply = await onlyReply(fixture('card-submit-ask'), 'SLA for ECS');
      expect(reply.replyToId).toBe('1699999000301');
    });

    it('reads the question from a messageBack value delivered as a JSON string', async () => {
      const h = harness();
      await h.send(fixture('card-submit-ask', { text: undefined, value: JSON.stringify({ action: 'ask', question: 'SLA for EC2' }) }));
      expect(h.assistant.questions).toEqual(['SLA for EC2']);
    });

    it('records a vote, updates the card in place with a thank-you and sends no new message', async () => {
      const h = harness();
      const update = jest.spyOn(h.adapter, 'updateActivity');
      const activity = fixture('card-submit-feedback');
      activity.value.answerId = 'sla:SLA for EKS';
      const replies = await h.send(activity);
      expect(replies).toEqual([]);
      expect(h.store.list()).toEqual([
        {
          platform: 'teams',
          question: 'SLA for EKS',
          answerId: 'sla:SLA for EKS',
          vote: 'up',
          user: '7faf80eb-4f63-4a4a-8f1b-2b7e5f3b5d11',
          at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      ]);
      expect(update).toHaveBeenCalledTimes(1);
      const updated = update.mock.calls[0][1];
      expect(updated.id).toBe('1699999000002');
      expect(activityCardErrors(updated)).toEqual([]);
      expect(cardTexts(updated)).toContain(FEEDBACK_THANKS);
      expect(JSON.stringify(updated.attachments)).not.toContain('"action":"feedback"');
    });

    it('records the vote but leaves the card alone when the answer has changed since', async () => {
      const h = harness();
      const update = jest.spyOn(h.adapter, 'updateActivity');
      const activity = fixture('card-submit-feedback');
      activity.value = { ...activity.value, vote: 'down', answerId: 'an-older-answer' };
      expect(await h.send(activity)).toEqual([]);
      expect(h.store.list().map((f) => f.vote)).toEqual(['down']);
      expect(update).not.toHaveBeenCalled();
    });

    it.each([
      ['an unknown vote', { action: 'feedback', vote: 'maybe', answerId: 'x', question: 'q' }],
      ['an unknown action', { action: 'delete-everything' }],
      ['a non-object', 42],
      ['an oversized answer id', { action: 'feedback', vote: 'up', answerId: 'x'.repeat(500), question: 'q' }],
      ['a question longer than any button carries', { action: 'feedback', vote: 'up', answerId: 'x', question: 'q'.repeat(1001) }],
    ])('ignores a submit with %s', async (_what, value) => {
      const h = harness();
      expect(await h.send(fixture('card-submit-feedback', { value }))).toEqual([]);
      expect(h.store.list()).toEqual([]);
      expect(h.assistant.questions).toEqual([]);
    });
  });

  describe('members added', () => {
    it('welcomes with the help card when installed in personal scope', async () => {
      const reply = await onlyReply(fixture('members-added-personal'), 'help');
      expect(cardTexts(reply)).toContain(WELCOME_TEXT.slice(0, 20));
      expect(activityCardErrors(reply)).toEqual([]);
    });

    it('does not welcome in a team channel', async () => {
      await expectSilence(fixture('members-added-channel'));
    });

    it('does not welcome when someone else joins', async () => {
      await expectSilence(fixture('members-added-personal', { membersAdded: [{ id: '29:someone-else' }] }));
    });
  });

  describe('tenant allow-list', () => {
    it('answers an allowed tenant (case-insensitive)', async () => {
      const h = harness({ allowedTenantIds: [TENANT_ID.toUpperCase()] });
      expect(await h.send(fixture('personal-message'))).toHaveLength(1);
    });

    it('gives no answer to another tenant and does not ask the engine', async () => {
      const h = harness({ allowedTenantIds: ['11111111-2222-4333-8444-555555555555'] });
      expect(await h.send(fixture('personal-message'))).toEqual([]);
      expect(await h.send(fixture('members-added-personal'))).toEqual([]);
      expect(h.assistant.questions).toEqual([]);
      expect(h.logs.text()).toContain('tenant not allowed');
    });

    it('gives no answer to an activity without a tenant', async () => {
      const activity = fixture('personal-message', { channelData: {}, conversation: { conversationType: 'personal', id: 'a:1' } });
      await expectSilence(activity, harness({ allowedTenantIds: [TENANT_ID] }));
    });
  });

  describe('shared answers', () => {
    it('renders a frozen (engine-cached) answer once and never mutates the shared card', async () => {
      const shared = createAnswer('sla', { question: 'SLA for EKS', id: 'sla-shared' });
      const freeze = <T>(v: T): T => {
        if (v && typeof v === 'object') {
          Object.values(v).forEach(freeze);
          Object.freeze(v);
        }
        return v;
      };
      freeze(shared);
      const h = harness({ assistant: fakeAssistant(() => shared) });
      const [first] = await h.send(fixture('channel-mention'));
      const before = JSON.stringify(first.attachments);
      const [second] = await h.send(fixture('personal-message'));
      expect(second.attachments).toBe(first.attachments);
      expect(JSON.stringify(second.attachments)).toBe(before);
      expect(first.replyToId).toBe('1699999000001');
      expect(second.replyToId).toBeUndefined();
    });

    it('renders an unfrozen answer afresh each time', async () => {
      const h = harness({ assistant: fakeAssistant(() => createAnswer('sla')) });
      const [first] = await h.send(fixture('personal-message'));
      const [second] = await h.send(fixture('personal-message'));
      expect(second.attachments).not.toBe(first.attachments);
      expect(second.attachments).toEqual(first.attachments);
    });
  });

  describe('failures', () => {
    it('apologises when the engine throws, logs without secrets, and keeps serving', async () => {
      const assistant = fakeAssistant((q) => {
        if (q.includes('boom')) throw new Error('engine exploded with s3cr3t-app-password and Bearer eyJabc.def.ghi');
        return fakeAssistant().ask(q);
      });
      const h = harness({ assistant });
      const replies = await h.send(fixture('personal-message', { text: 'boom' }));
      expect(replies.map((r) => r.text)).toEqual([APOLOGY_TEXT]);
      expect(h.logs.text()).toContain('teams turn failed');
      expect(h.logs.text()).not.toContain('s3cr3t-app-password');
      expect(h.logs.text()).not.toContain('eyJabc');
      expect(await h.send(fixture('personal-message'))).toHaveLength(1);
    });

    it('logs a reply the connector refuses and ends the turn normally', async () => {
      const h = harness();
      jest.spyOn(h.adapter, 'sendActivities').mockRejectedValueOnce(Object.assign(new Error('Internal Server Error'), { statusCode: 500 }));
      await expect(h.adapter.processActivity(fixture('personal-message') as Partial<Activity>)).resolves.toBeUndefined();
      const entry = h.logs.entries().find((e) => e.msg === 'teams reply not delivered');
      expect(entry).toMatchObject({ err: { statusCode: 500 } });
      expect(h.logs.text()).not.toContain(APOLOGY_TEXT);
    });

    it('gives up waiting for a hanging connector after the reply timeout', async () => {
      const h = harness({ replyTimeoutMs: 50 });
      jest.spyOn(h.adapter, 'sendActivities').mockReturnValueOnce(new Promise(() => undefined));
      const started = Date.now();
      await h.adapter.processActivity(fixture('personal-message') as Partial<Activity>);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(h.logs.entries().find((e) => e.msg === 'teams reply not delivered')).toMatchObject({ err: { name: 'TimeoutError' } });
    });
  });
});
