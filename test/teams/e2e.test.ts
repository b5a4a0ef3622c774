/**
 * End to end over HTTP on loopback: documented Teams payloads POSTed to /api/messages of the real
 * CloudAdapter + bot, with the real engine over knowledge/, replies recorded by a fake connector.
 */
import { join } from 'node:path';
import { createAssistant, type Assistant } from '../../src/index';
import { FEEDBACK_THANKS } from '../../adapters/teams/render';
import { WELCOME_TEXT } from '../../adapters/teams/bot';
import { requestPath } from '../../adapters/shared/request-path';
import { fixture, BOT_ID } from './helpers/fixtures';
import { startTeamsServer, type TeamsServer } from './helpers/teams-server';
import { activityCardErrors, allStrings } from './helpers/validate-card';

let assistant: Assistant;
let t: TeamsServer;

beforeAll(() => {
  assistant = createAssistant({ knowledgeDir: join(__dirname, '..', '..', 'knowledge') });
});
beforeEach(async () => {
  t = await startTeamsServer(assistant);
});
afterEach(async () => {
  await t.close();
});

const CHANNEL_THREAD = '19:a6ca2a04bc9c4e52b3ea1c4b3c7a4e9c@thread.tacv2;messageid=1699999000001';
const strings = (body: unknown): string => allStrings(body).join('\n');
const PERSONAL = /^a:1Hb7/;

/** Posts a personal-chat question and waits for its answer: whatever the activities before it caused has reached the connector by then. */
async function sentinel(): Promise<void> {
  const before = t.connector.calls.length;
  expect((await t.postActivity(fixture('personal-message', { id: '1699999000999' }))).status).toBe(200);
  await t.connector.waitForCalls(before + 1);
  expect(t.connector.calls.at(-1)?.conversationId).toMatch(PERSONAL);
}

describe('Teams bot over HTTP', () => {
  describe('channel @mention', () => {
    it('replies in the message thread with a valid card answering the question', async () => {
      const res = await t.postActivity(fixture('channel-mention'));
      expect(res.status).toBe(200);
      const [call] = await t.connector.waitForCalls(1);
      expect(call.method).toBe('POST');
      expect(call.path).toBe(`/v3/conversations/${encodeURIComponent(CHANNEL_THREAD)}/activities/1699999000001`);
      expect(call.conversationId).toBe(CHANNEL_THREAD);
      expect(call.activityId).toBe('1699999000001');
      expect(call.body.replyToId).toBe('1699999000001');
      expect(call.body.from.id).toBe(BOT_ID);
      expect(activityCardErrors(call.body)).toEqual([]);
      expect(strings(call.body.attachments)).toMatch(/99\.95%/);
      expect(call.body.summary).toMatch(/EKS/);
      expect(call.authorization).toBeUndefined();
      expect(t.connector.calls).toHaveLength(1);
    });
  });

  describe('group chat', () => {
    it('answers a mention in the conversation itself', async () => {
      expect((await t.postActivity(fixture('group-chat-mention'))).status).toBe(200);
      const [call] = await t.connector.waitForCalls(1);
      expect(call.path).toBe(`/v3/conversations/${encodeURIComponent('19:meeting_b2a4c6d8e0f1a3b5c7d9e1f3a5b7c9d1@thread.v2')}/activities`);
      expect(call.body.replyToId).toBeUndefined();
      expect(strings(call.body.attachments)).toMatch(/App Runner/);
      expect(find(call.body, 'Table')).toHaveLength(1);
    });

    it('answers nothing when the bot is not mentioned', async () => {
      expect((await t.postActivity(fixture('group-chat-no-mention'))).status).toBe(200);
      await sentinel();
      expect(t.connector.calls).toHaveLength(1); // the sentinel's answer alone
    });
  });

  describe('personal chat', () => {
    it('answers in the conversation', async () => {
      expect((await t.postActivity(fixture('personal-message'))).status).toBe(200);
      const [call] = await t.connector.waitForCalls(1);
      expect(call.conversationId).toMatch(/^a:1Hb7/);
      expect(call.activityId).toBeUndefined();
      expect(strings(call.body.attachments)).toMatch(/15 min/);
      expect(activityCardErrors(call.body)).toEqual([]);
    });
  });

  describe('repeated question', () => {
    it('sends the same card again, unchanged by the first send', async () => {
      await t.postActivity(fixture('personal-message'));
      await t.postActivity(fixture('personal-message', { id: '1699999000299' }));
      const [first, second] = await t.connector.waitForCalls(2);
      expect(second.body.attachments).toEqual(first.body.attachments);
      expect(activityCardErrors(second.body)).toEqual([]);
    });
  });

  describe('card submit', () => {
    it('asks the follow-up question and answers it in the thread', async () => {
      expect((await t.postActivity(fixture('card-submit-ask'))).status).toBe(200);
      const [call] = await t.connector.waitForCalls(1);
      expect(call.activityId).toBe('1699999000301');
      expect(strings(call.body.attachments)).toMatch(/99\.99%/);
    });

    it('records feedback and updates the card in place, with no new answer', async () => {
      const answer = assistant.ask('SLA for EKS');
      const activity = fixture('card-submit-feedback');
      activity.value.answerId = answer.id;
      expect((await t.postActivity(activity)).status).toBe(200);
      const [call] = await t.connector.waitForCalls(1);
      expect(call.method).toBe('PUT');
      expect(call.conversationId).toBe(CHANNEL_THREAD);
      expect(call.activityId).toBe('1699999000002');
      expect(strings(call.body.attachments)).toContain(FEEDBACK_THANKS);
      expect(activityCardErrors(call.body)).toEqual([]);
      expect(t.store.list()).toEqual([
        expect.objectContaining({ platform: 'teams', vote: 'up', answerId: answer.id, question: 'SLA for EKS' }),
      ]);
      await sentinel();
      expect(t.connector.calls.filter((c) => c.method === 'POST' && !PERSONAL.test(c.conversationId))).toEqual([]);
    });
  });

  describe('members added', () => {
    it('welcomes in personal scope', async () => {
      expect((await t.postActivity(fixture('members-added-personal'))).status).toBe(200);
      const [call] = await t.connector.waitForCalls(1);
      expect(call.method).toBe('POST');
      expect(strings(call.body.attachments)).toContain(WELCOME_TEXT.slice(0, 30));
      expect(activityCardErrors(call.body)).toEqual([]);
    });

    it('says nothing in a team channel', async () => {
      expect((await t.postActivity(fixture('members-added-channel'))).status).toBe(200);
      await sentinel();
      expect(t.connector.calls).toHaveLength(1); // the sentinel's answer alone
    });
  });

  describe('malformed requests', () => {
    const json = { 'content-type': 'application/json' };
    it.each([
      ['bad JSON', { headers: json, body: '{"type":"message",' }, 400],
      ['an empty body', { headers: json, body: '' }, 400],
      ['a JSON array', { headers: json, body: '[]' }, 400],
      ['JSON null', { headers: json, body: 'null' }, 400],
      ['no activity type', { headers: json, body: JSON.stringify({ ...fixture('personal-message'), type: undefined }) }, 400],
      ['no conversation', { headers: json, body: JSON.stringify({ ...fixture('personal-message'), conversation: undefined }) }, 400],
      ['no serviceUrl', { headers: json, body: JSON.stringify({ ...fixture('personal-message'), serviceUrl: undefined }) }, 400],
      [
        'a non-http serviceUrl',
        { headers: json, body: JSON.stringify({ ...fixture('personal-message'), serviceUrl: 'file:///etc/passwd' }) },
        400,
      ],
      ['entities that are not objects', { headers: json, body: JSON.stringify({ ...fixture('channel-mention'), entities: ['x'] }) }, 400],
      ['a text/plain content type', { headers: { 'content-type': 'text/plain' }, body: JSON.stringify(fixture('personal-message')) }, 415],
      ['no content type', { headers: {}, body: JSON.stringify(fixture('personal-message')) }, 415],
      [
        'a body over the limit',
        { headers: json, body: JSON.stringify({ ...fixture('personal-message'), text: 'x'.repeat(300 * 1024) }) },
        413,
      ],
      ['GET', { method: 'GET' }, 405],
      ['another path', { path: '/api/other', headers: json, body: '{}' }, 404],
    ])('answers %s with a 4xx and posts nothing', async (_what, request, status) => {
      const res = await t.raw(request);
      expect(res.status).toBe(status);
      expect(t.connector.calls).toEqual([]);
    });

    // One path rule (the router's `requestPath`): the listener serves every target the router
    // routes to it; what the router does not route is a 404 that never reaches it.
    it.each([
      ['/api/./messages', 200],
      ['/api/messages?x=1', 200],
      ['/api/x/../messages', 200],
      ['/api/messages/', 404],
      ['/API/messages', 404],
      ['/api/%6Dessages', 404],
    ])('routes an activity sent to %s as the router decides (%s)', async (path, status) => {
      const body = JSON.stringify({ ...fixture('personal-message'), serviceUrl: t.connector.url });
      const res = await t.raw({ path, headers: json, body });
      expect([path, res.status]).toEqual([path, status]);
      expect([path, requestPath(path) === '/api/messages']).toEqual([path, status === 200]);
      expect([path, t.connector.calls.length > 0]).toEqual([path, status === 200]); // answered through the connector, or never reached
    });

    it('names the field at fault', async () => {
      const res = await t.raw({ headers: json, body: JSON.stringify({ ...fixture('personal-message'), conversation: { id: 7 } }) });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).error).toMatch(/conversation\.id/);
    });

    it('still answers a good request afterwards', async () => {
      await t.raw({ headers: json, body: '{oops' });
      expect((await t.postActivity(fixture('personal-message'))).status).toBe(200);
      await t.connector.waitForCalls(1);
    });
  });

  describe('connector failures', () => {
    it('logs a 500 from the connector, returns 2xx, and answers the next request', async () => {
      const first = fixture('personal-message', { conversation: { conversationType: 'personal', tenantId: 't', id: 'a:broken' } });
      t.connector.fail(500, 'a:broken');
      const res = await t.postActivity(first);
      expect(res.status).toBeGreaterThanOrEqual(200);
      expect(res.status).toBeLessThan(300);
      expect(t.connector.calls.some((c) => c.conversationId === 'a:broken')).toBe(true);
      expect(t.logs.entries().some((e) => e.msg === 'teams reply not delivered')).toBe(true);
      const second = await t.postActivity(fixture('personal-message'));
      expect(second.status).toBe(200);
      await t.connector.waitForCalls(1 + t.connector.calls.filter((c) => c.conversationId === 'a:broken').length);
      expect(t.connector.calls.filter((c) => c.conversationId !== 'a:broken')).toHaveLength(1);
    });
  });
});

describe('Teams bot over HTTP, connector timeout', () => {
  it('stops waiting for a hanging connector, logs it and still returns 2xx', async () => {
    const s = await startTeamsServer(assistant, { replyTimeoutMs: 300 });
    try {
      s.connector.hang('a:hanging');
      const started = Date.now();
      const res = await s.postActivity(fixture('personal-message', { conversation: { conversationType: 'personal', id: 'a:hanging' } }));
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(s.logs.entries().find((e) => e.msg === 'teams reply not delivered')).toMatchObject({ err: { type: 'TimeoutError' } });
      expect((await s.postActivity(fixture('personal-message'))).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

function find(node: unknown, type: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((n) => find(n, type, out));
  else if (node && typeof node === 'object') {
    if ((node as { type?: unknown }).type === type) out.push(node);
    Object.values(node).forEach((v) => find(v, type, out));
  }
  return out;
}
