/**
 * Follow-ups through the whole server, spawned as `npm start` runs it (Slack over the real Bolt
 * receiver with signed requests and the Web API at a loopback fake; Teams through the real
 * CloudAdapter, replies at a loopback fake connector; the playground's endpoint): a follow-up is
 * answered in the context of its conversation (a Slack thread, a Slack DM, `/aws` by one person in
 * one channel, a Teams channel thread, a Teams personal chat, a playground session) and never in
 * another's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SECRET, slackEnv } from '../store/helpers/slack-traffic';
import { type Fake, type FakeSlack, startFakeConnector, startFakeSlack } from './helpers/fakes';
import { postActivity, raw, slackCommand, slackHeaders, teamsMessage } from './helpers/requests';
import { dmEvent, mentionEvent, nextPost, type Post, slackAskClick, slackEvent } from './helpers/slack-conversation';
import { baseEnv, type Spawned, spawnServer, stopSpawned } from './helpers/server';

let dataDir: string;
let slack: FakeSlack;
let connector: Fake;
let server: Spawned;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'aws-qa-conv-e2e-'));
  [slack, connector] = await Promise.all([startFakeSlack(), startFakeConnector()]);
  server = await spawnServer(baseEnv({ ...slackEnv(slack.apiUrl), TEAMS_ALLOW_UNAUTHENTICATED: '1', PLAYGROUND: '1', DATA_DIR: dataDir }), {
    timeoutMs: 60_000,
  });
}, 90_000);

afterAll(async () => {
  await stopSpawned(server);
  await slack?.close();
  await connector?.close();
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

const post = (event: Record<string, unknown>): Promise<Post> =>
  nextPost(slack, async () => expect(await slackEvent(server.url, event)).toBe(200));
const mention = (text: string, ts: string, threadTs?: string): Promise<Post> => post(mentionEvent(text, ts, threadTs));
const dm = (text: string, ts: string, channel?: string): Promise<Post> => post(dmEvent(text, ts, channel));
const post0 = (send: () => Promise<number>): Promise<Post> => nextPost(slack, async () => expect(await send()).toBe(200));

describe('follow-ups through the server', () => {
  describe('Slack', () => {
    it('answers a follow-up in a channel thread in the context of the thread, and not in another thread', async () => {
      const first = await mention('SLA for EC2', '1700000100.000100');
      expect(first).toMatchObject({ channel: 'C0001', thread_ts: '1700000100.000100' });
      expect(first.text).toMatch(/Availability SLA: EC2/);
      const follow = await mention('and for Lambda?', '1700000100.000200', '1700000100.000100');
      expect(follow.thread_ts).toBe('1700000100.000100');
      expect(follow.text).toMatch(/Availability SLA: Lambda/);
      expect(follow.text).toMatch(/99\.95%/);
      const elsewhere = await mention('and for Lambda?', '1700000100.000300');
      expect(elsewhere.text).toMatch(/^Lambda: overview/); // the question alone: everything about Lambda
    });

    it('answers a follow-up in a DM in the context of the DM, and not in another DM', async () => {
      expect((await dm('pros of Beanstalk', '1700000200.000100')).text).toMatch(/Elastic Beanstalk: pros/);
      expect((await dm('and the cons?', '1700000200.000200')).text).toMatch(/Elastic Beanstalk: cons/);
      expect((await dm('and the cons?', '1700000200.000300', 'D0002')).text).not.toMatch(/Beanstalk: cons/);
    });

    it('asks a follow-up button’s question in the conversation of the message clicked, and keeps its turn there', async () => {
      const root = '1700000400.000100';
      await mention('SLA for EC2', root);
      const click = (question: string, channel: string, ts: string, threadTs?: string): Promise<Post> =>
        post0(() => slackAskClick(server.url, { question, channel, ts, threadTs }));
      // A click on the bot's answer in the thread: read in the thread, and the thread goes on from it.
      const clicked = await click('pros of Beanstalk', 'C0001', '1700000400.000150', root);
      expect(clicked).toMatchObject({ channel: 'C0001', thread_ts: root });
      expect(clicked.text).toMatch(/Elastic Beanstalk: pros/);
      expect((await mention('and the cons?', '1700000400.000200', root)).text).toMatch(/Elastic Beanstalk: cons/);
      // In a DM: the DM's conversation.
      await dm('SLA for EC2', '1700000400.000300', 'D0004');
      expect((await click('and for Lambda?', 'D0004', '1700000400.000350')).text).toMatch(/Availability SLA: Lambda/);
    });

    it('continues one person’s /aws questions in a channel, not another person’s', async () => {
      const command = async (text: string, user: string): Promise<string> => {
        const body = slackCommand(text).replace('user_id=U2CERLKJA', `user_id=${user}`);
        const res = await raw(server.url, { path: '/slack/events', headers: slackHeaders(SECRET, body), body });
        expect(res.status).toBe(200);
        return (JSON.parse(res.body) as { text: string }).text;
      };
      expect(await command('SLA for EC2', 'U0000000A1')).toMatch(/Availability SLA: EC2/);
      expect(await command('and for Lambda?', 'U0000000A1')).toMatch(/Availability SLA: Lambda/);
      expect(await command('and for Lambda?', 'U0000000B2')).toMatch(/^Lambda: overview/);
    });
  });

  describe('Teams', () => {
    const BOT = { id: '28:bot-1', name: 'aws-qa' };
    const CHANNEL = '19:c0ffee00c0ffee00c0ffee00c0ffee00@thread.tacv2';
    const TENANT = '00000000-0000-0000-0000-0000000000f1';
    /** An @mention of the bot in the channel thread whose root is `root`. */
    const channelMention = (text: string, root: string, id: string): Record<string, unknown> =>
      teamsMessage(connector.url, `<at>aws-qa</at> ${text}`, {
        id,
        conversation: { id: `${CHANNEL};messageid=${root}`, conversationType: 'channel', isGroup: true, tenantId: TENANT },
        channelData: { tenant: { id: TENANT }, team: { id: '19:team@thread.tacv2' }, channel: { id: CHANNEL } },
        entities: [{ type: 'mention', mentioned: BOT, text: '<at>aws-qa</at>' }],
      });

    /** The card text of the next reply the connector receives, and the path it went to. */
    async function nextReply(activity: Record<string, unknown>): Promise<{ path: string; text: string }> {
      const before = connector.calls.length;
      expect((await postActivity(server.url, activity)).status).toBe(200);
      await connector.waitFor(() => connector.calls.length > before, 15_000);
      const call = connector.calls[before];
      return { path: decodeURIComponent(call.path), text: call.body };
    }

    it('answers a follow-up in a channel thread in the context of the thread, and not in another thread', async () => {
      const first = await nextReply(channelMention('SLA for EC2', '1700000300001', '1700000300001'));
      expect(first.path).toBe(`/v3/conversations/${CHANNEL};messageid=1700000300001/activities/1700000300001`);
      expect(first.text).toMatch(/Availability SLA: EC2/);
      const follow = await nextReply(channelMention('and for Lambda?', '1700000300001', '1700000300002'));
      expect(follow.text).toMatch(/Availability SLA: Lambda/);
      expect(follow.text).toMatch(/99\.95%/);
      const other = await nextReply(channelMention('and for Lambda?', '1700000300009', '1700000300009'));
      expect(other.text).not.toMatch(/Availability SLA: Lambda/);
      expect(other.text).toMatch(/Lambda: overview/);
    });

    it('answers a follow-up in a personal chat in the context of the chat, and not in another chat', async () => {
      const personal = (text: string, conversation: string): Record<string, unknown> =>
        teamsMessage(connector.url, text, { conversation: { id: conversation, conversationType: 'personal', tenantId: TENANT } });
      expect((await nextReply(personal('SLA for EC2', 'a:chat-one'))).text).toMatch(/Availability SLA: EC2/);
      expect((await nextReply(personal('what are its cons?', 'a:chat-one'))).text).toMatch(/EC2: cons/);
      expect((await nextReply(personal('what are its cons?', 'a:chat-two'))).text).not.toMatch(/EC2: cons/);
    });
  });

  describe('playground', () => {
    const ask = async (body: Record<string, unknown>): Promise<{ status: number; title?: string }> => {
      const res = await raw(server.url, {
        path: '/playground/ask',
        headers: { 'content-type': 'application/json', host: new URL(server.url).host },
        body: JSON.stringify(body),
      });
      return {
        status: res.status,
        title: res.status === 200 ? (JSON.parse(res.body) as { answer: { title: string } }).answer.title : undefined,
      };
    };

    it('continues a conversation until the page starts a new one', async () => {
      expect(await ask({ question: 'SLA for EC2', conversation: 'page-conversation-1' })).toEqual({
        status: 200,
        title: 'Availability SLA: EC2',
      });
      expect(await ask({ question: 'and for Lambda?', conversation: 'page-conversation-1' })).toEqual({
        status: 200,
        title: 'Availability SLA: Lambda',
      });
      expect((await ask({ question: 'and for Lambda?', conversation: 'page-conversation-2' })).title).not.toMatch(/SLA/);
      expect((await ask({ question: 'and for Lambda?' })).title).not.toMatch(/SLA/);
    });

    it('refuses a malformed conversation id with 400', async () => {
      expect((await ask({ question: 'SLA for EC2', conversation: 'short' })).status).toBe(400);
      expect((await ask({ question: 'SLA for EC2', conversation: 'slack:dm:T0001:D0001' })).status).toBe(400);
    });
  });

  it('logs no question text and no conversation key', () => {
    const log = server.lines.join('\n');
    expect(log).toContain('conversations: follow-ups read in context for 15 min');
    for (const secret of ['and for Lambda', 'what are its cons', 'page-conversation-1', '1700000100.000100', 'a:chat-one']) {
      expect(log).not.toContain(secret);
    }
  });
});
