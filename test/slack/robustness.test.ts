import pino from 'pino';
import type { Answer } from '../../src/index';
import { createSlackApp } from '../../adapters/slack/app';
import { APOLOGY } from '../../adapters/slack/deps';
import { InMemoryFeedbackStore } from '../../src/index';
import { requestPath } from '../../adapters/shared/request-path';
import { raw, slackHeaders } from '../server/helpers/requests';
import { BOT_TOKEN, fixture, realAssistant, settle, SIGNING_SECRET, startHarness, useHarness } from './helpers/harness';
import { eventEnvelope, slashCommand } from './helpers/payloads';
import { formBody } from './helpers/signed-request';

let seq = 0;
/** A mention asking `text`, each with its own `ts`. */
function mention(text = '<@UBOTUSER1> SLA for EKS', extra: Record<string, unknown> = {}) {
  seq += 1;
  return eventEnvelope('app-mention', { text, ts: `1515449522.${String(seq).padStart(6, '0')}`, ...extra });
}

describe('Slack app robustness', () => {
  describe('retried events', () => {
    const h = useHarness();

    it('answers an event once even when Slack retries it (X-Slack-Retry-Num)', async () => {
      const body = JSON.stringify(mention());
      expect((await h.post(body)).status).toBe(200);
      await h.fake.waitFor(() => h.fake.ok('chat.postMessage').length === 1);
      const retry = await h.post(body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
      expect(retry.status).toBe(200);
      await h.post(body, { headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } });
      await h.fake.waitFor(() => h.logs.filter((l) => l.includes('duplicate event ignored')).length === 2);
      // Another event is the sentinel: once its answer is posted, a retry's would have been too.
      await h.post(JSON.stringify(mention('<@UBOTUSER1> lambda timeout limit')));
      await h.fake.waitFor(() => h.fake.ok('chat.postMessage').some((c) => String(c.body.text).includes('15 minutes')));
      expect(h.fake.ok('chat.postMessage')).toHaveLength(2);
    });
  });

  describe('malformed requests', () => {
    const h = useHarness();

    it.each([
      ['bad JSON', '{"type": "event_callback", "event": ', 'application/json'],
      ['a form body sent as JSON', slashCommand('SLA for EKS'), 'application/json'],
      ['an interaction payload that is not JSON', 'payload=%7Bnot-json', 'application/x-www-form-urlencoded'],
      ['a JSON envelope sent as a form', JSON.stringify(mention()), 'application/x-www-form-urlencoded'],
      ['an event_callback without event', '{"type":"event_callback","team_id":"T1DC2JH3J","event_id":"Ev0"}', 'application/json'],
      ['an empty JSON object', '{}', 'application/json'],
      ['an empty body', '', 'application/json'],
    ])('gives a 4xx, never a 5xx, to %s, and answers nothing', async (_name, body, contentType) => {
      const res = await h.post(body, { contentType });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(h.asked()).toBe(0);
    });

    it('answers nothing for a block_actions payload without user', async () => {
      const p = fixture('block-actions');
      delete p.user;
      const res = await h.post(formBody({ payload: JSON.stringify(p) }));
      expect(res.status).toBeLessThan(500);
      await settle();
      expect(h.asked()).toBe(0);
    });

    it('gives 404 to another path and 405 to another method (the router)', async () => {
      const base = h.url.replace('/slack/events', '');
      expect((await fetch(`${base}/other`, { method: 'POST', body: '{}' })).status).toBe(404);
      expect((await fetch(h.url)).status).toBe(405);
    });

    // One path rule (the router's `requestPath`): the listener serves every target the router
    // routes to it, and what the router does not route is a 404 that never reaches it.
    it.each([
      ['/slack/./events', 200],
      ['/slack/events?x=1', 200],
      ['/slack/x/../events', 200],
      ['/slack/events/', 404],
      ['/Slack/events', 404],
      ['/slack/%65vents', 404],
    ])('routes a signed /aws sent to %s as the router decides (%s)', async (path, status) => {
      const body = slashCommand('SLA for EKS');
      const res = await raw(h.url.replace('/slack/events', ''), { path, headers: slackHeaders(SIGNING_SECRET, body), body });
      expect([path, res.status]).toEqual([path, status]);
      expect([path, requestPath(path) === '/slack/events']).toEqual([path, status === 200]);
      if (status === 200) expect(res.body).toContain('99.95%');
    });

    it('keeps serving afterwards', async () => {
      const res = await h.post(slashCommand('SLA for EKS'));
      expect(res.status).toBe(200);
      expect(String(res.json?.text)).toMatch(/99\.95/);
    });
  });

  describe('allowed workspaces', () => {
    const h = useHarness({ allowedTeamIds: ['TALLOWED1'] });

    it('acks a slash command from another workspace with no answer', async () => {
      const res = await h.post(slashCommand('SLA for EKS'));
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      expect(h.asked()).toBe(0);
    });

    it('posts nothing for a mention from another workspace', async () => {
      await h.post(JSON.stringify(mention()));
      await h.fake.waitFor(() => h.logs.some((l) => l.includes('not allowed')));
      await settle();
      expect(h.fake.ok('chat.postMessage')).toEqual([]);
      expect(h.asked()).toBe(0);
    });

    it('answers the allowed workspace', async () => {
      const res = await h.post(slashCommand('SLA for EKS', { team_id: 'TALLOWED1' }));
      expect(String(res.json?.text)).toMatch(/99\.95/);
      const body = mention();
      body.team_id = 'TALLOWED1';
      body.authorizations[0].team_id = 'TALLOWED1';
      await h.post(JSON.stringify(body));
      await h.fake.waitFor(() => h.fake.ok('chat.postMessage').length === 1);
    });
  });

  describe('handler errors', () => {
    let failures = 0;
    // A double that fails while `failures` > 0, with the bot token in its message (must not be logged).
    const assistant = {
      ask(q: string): Answer {
        if (failures > 0) {
          failures -= 1;
          throw new Error(`engine exploded near ${BOT_TOKEN} / ${SIGNING_SECRET}`);
        }
        return realAssistant().ask(q);
      },
    };
    const h = useHarness({ assistant });

    it('posts a short apology in the thread, logs without secrets, and answers the next message', async () => {
      failures = 1;
      await h.post(JSON.stringify(mention()));
      await h.fake.waitFor(() => h.fake.ok('chat.postMessage').length === 1);
      const apology = h.fake.ok('chat.postMessage')[0].body;
      expect(apology).toMatchObject({ channel: 'C123ABC456', text: APOLOGY });
      expect(apology.thread_ts).toBeDefined();
      const logged = h.logs.join('\n');
      expect(logged).toContain('engine exploded');
      expect(logged).not.toContain(BOT_TOKEN);
      expect(logged).not.toContain(SIGNING_SECRET);
      await h.post(JSON.stringify(mention()));
      await h.fake.waitFor(() => h.fake.ok('chat.postMessage').length === 2);
      expect(String(h.fake.ok('chat.postMessage')[1].body.text)).toMatch(/99\.95/);
    });

    it('acks a slash command with the apology, then answers the next one', async () => {
      failures = 1;
      const res = await h.post(slashCommand('SLA for EKS'));
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ response_type: 'ephemeral', text: APOLOGY });
      const next = await h.post(slashCommand('SLA for EKS'));
      expect(String(next.json?.text)).toMatch(/99\.95/);
    });
  });

  describe('Web API failures', () => {
    const h = useHarness();

    it('retries chat.postMessage after a 500 and a 429 (Retry-After) and delivers once', async () => {
      h.fake.failNext('chat.postMessage', 500, 429);
      await h.post(JSON.stringify(mention()));
      await h.fake.waitFor(() => h.fake.ok('chat.postMessage').length === 1);
      expect(h.fake.attempts('chat.postMessage').map((c) => c.status)).toEqual([500, 429, 200]);
    });

    it('logs a final failure without crashing, and keeps serving', async () => {
      h.fake.reset();
      h.fake.failNext('chat.postMessage', 500, 500, 500, 500, 500, 500);
      await h.post(JSON.stringify(mention()));
      await h.fake.waitFor(() => h.logs.some((l) => l.includes('chat.postMessage failed')));
      expect(h.fake.attempts('chat.postMessage')).toHaveLength(4); // 1 + 3 retries
      expect(h.fake.ok('chat.postMessage')).toHaveLength(0);
      const failure = h.logs.find((l) => l.includes('chat.postMessage failed')) as string;
      expect(failure).not.toContain(BOT_TOKEN);
      await h.post(JSON.stringify(mention()));
      await h.fake.waitFor(() => h.fake.ok('chat.postMessage').length === 1);
    });
  });

  describe('lifecycle', () => {
    it('gives 503 before start()', async () => {
      const h = await startHarness({}, { start: false });
      try {
        const res = await h.post(slashCommand('SLA for EKS'));
        expect(res.status).toBe(503);
        expect(h.asked()).toBe(0);
      } finally {
        await h.close();
      }
    });

    it('fails start() when auth.test is rejected', async () => {
      const h = await startHarness({}, { start: false });
      try {
        h.fake.platformErrorNext('auth.test', 'invalid_auth');
        await expect(h.slack.start()).rejects.toThrow(/invalid_auth/);
      } finally {
        await h.close();
      }
    });

    it('needs a signing secret in HTTP mode, and has no requestListener in Socket Mode', () => {
      const common = {
        botToken: BOT_TOKEN,
        assistant: realAssistant(),
        feedbackStore: new InMemoryFeedbackStore(),
        logger: pino({ level: 'silent' }),
      };
      expect(() => createSlackApp(common)).toThrow(/signingSecret is required/);
      const socket = createSlackApp({ ...common, appToken: 'xapp-1-A111-222-abc' });
      expect(socket.requestListener).toBeUndefined();
    });

    it('does not call auth.test when the bot ids are given', async () => {
      const h = await startHarness({ botId: 'BBOTID001', botUserId: 'UBOTUSER1' });
      try {
        const res = await h.post(slashCommand('SLA for EKS'));
        expect(String(res.json?.text)).toMatch(/99\.95/);
        expect(h.fake.attempts('auth.test')).toEqual([]);
      } finally {
        await h.close();
      }
    });
  });
});
