/**
 * "Ask the experts" through the whole server (real Bolt receiver and CloudAdapter, SQLite store
 * under a throwaway DATA_DIR, Slack Web API and Bot Framework connector faked on loopback): the
 * button on a not-found answer, the post to the experts' channel, and `aws-qa report --json`
 * listing it under `escalated`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPERTS_ACTION, encodeValue } from '../../adapters/slack/actions';
import { startedForAll } from '../helpers/lifecycle';
import { runCli } from '../helpers/run-cli';
import { startFakeConnector, startFakeSlack } from '../server/helpers/fakes';
import { postActivity, raw, slackHeaders, teamsMessage } from '../server/helpers/requests';
import { baseEnv, startInProcess } from '../server/helpers/server';
import { mention, SECRET, slackEnv } from './helpers/slack-traffic';

const root = mkdtempSync(join(tmpdir(), 'aws-qa-experts-server-'));
const fake = startedForAll(startFakeSlack);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const EXPERTS = 'CEXPERTS01';
const postsTo = (channel: string) =>
  fake().calls.filter((c) => c.path.includes('chat.postMessage') && new URLSearchParams(c.body).get('channel') === channel);

/** A signed click on "Ask the experts" under the not-found answer `answerId` to `question`. */
function pressExperts(base: string, o: { question: string; answerId: string; user: string; triggerId: string }) {
  const payload = {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'example' },
    user: { id: o.user, team_id: 'T0001' },
    api_app_id: 'A0001',
    container: { type: 'message', message_ts: '1700000000.000200', channel_id: 'C0001', is_ephemeral: false },
    trigger_id: o.triggerId,
    channel: { id: 'C0001', name: 'general' },
    response_url: `${fake().url}response`,
    message: { type: 'message', text: 'answer', ts: '1700000000.000200', blocks: [] },
    actions: [
      { action_id: EXPERTS_ACTION, block_id: 'aws_qa_experts', type: 'button', value: encodeValue({ q: o.question, a: o.answerId }) },
    ],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return raw(base, { path: '/slack/events', headers: slackHeaders(SECRET, body), body });
}

describe('server: Ask the experts', () => {
  it('Slack: shows the button on a not-found answer, posts to SLACK_EXPERTS_CHANNEL once per asker, and report --json lists it', async () => {
    const dataDir = join(root, 'data');
    const server = await startInProcess(baseEnv({ ...slackEnv(fake().apiUrl), DATA_DIR: dataDir, SLACK_EXPERTS_CHANNEL: EXPERTS }));
    try {
      expect((await mention(server.url, 'SLA for Route 53', 'EvX1')).status).toBe(200);
      await fake().waitFor(() => fake().calls.some((c) => c.path.includes('chat.postMessage')));
      const answer = fake().calls.find((c) => c.path.includes('chat.postMessage'));
      expect(new URLSearchParams(answer?.body).get('blocks')).toContain(`"action_id":"${EXPERTS_ACTION}"`);

      const notFound = server.live.current().ask('SLA for Route 53');
      const press = { question: 'SLA for Route 53', answerId: notFound.id };
      expect((await pressExperts(server.url, { ...press, user: 'U0001', triggerId: 'tx-1' })).status).toBe(200);
      await fake().waitFor(() => postsTo(EXPERTS).length === 1);
      expect(new URLSearchParams(postsTo(EXPERTS)[0].body).get('text')).toBe('<@U0001> asked the experts: SLA for Route 53');
      expect((await pressExperts(server.url, { ...press, user: 'U0001', triggerId: 'tx-2' })).status).toBe(200); // again: once
      expect((await pressExperts(server.url, { ...press, user: 'U0002', triggerId: 'tx-3' })).status).toBe(200);
      await fake().waitFor(() => postsTo(EXPERTS).length === 2 && fake().calls.filter((c) => c.path === '/response').length === 3);
    } finally {
      await server.stop();
    }
    const { code, out } = await runCli(['report', '--json'], { DATA_DIR: dataDir });
    expect(code).toBe(0);
    expect(JSON.parse(out).escalated).toEqual([
      { question: 'sla for route 53', count: 2, lastAsked: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    ]);
    const text = await runCli(['report'], { DATA_DIR: dataDir });
    expect(text.out).toMatch(/Handed to the experts \(1, most escalated first\)\n +2× {2}sla for route 53/);
  }, 30_000);

  it('Teams: shows the action on a not-found answer, posts to TEAMS_EXPERTS_CHANNEL once per asker, and report --json lists it', async () => {
    const dataDir = join(root, 'teams');
    const channel = '19:e1e2e3e4e5e6e7e8e9e0aabbccddeeff@thread.tacv2';
    const connector = await startFakeConnector();
    const server = await startInProcess(
      baseEnv({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', DATA_DIR: dataDir, TEAMS_EXPERTS_CHANNEL: channel }),
    );
    const creates = () => connector.calls.filter((c) => c.path.replace(/\/$/, '') === '/v3/conversations');
    try {
      expect((await postActivity(server.url, teamsMessage(connector.url, 'SLA for Route 53'))).status).toBeLessThan(300);
      await connector.waitFor(() => connector.calls.length === 1);
      expect(connector.calls[0].body).toContain('Ask the experts');
      const notFound = server.live.current().ask('SLA for Route 53');
      const press = (user: string) =>
        teamsMessage(connector.url, '', {
          text: undefined,
          replyToId: 'card-1',
          value: { action: 'experts', answerId: notFound.id, question: 'SLA for Route 53' },
          from: { id: `29:${user}`, name: user, aadObjectId: `00000000-0000-0000-0000-00000000${user}` },
        });
      const updates = () => connector.calls.filter((c) => c.path.endsWith('/activities/card-1'));
      for (const [i, user] of ['00c1', '00c1', '00c2'].entries()) {
        expect((await postActivity(server.url, press(user))).status).toBeLessThan(300);
        await connector.waitFor(() => updates().length === i + 1); // the card confirms each press
      }
      expect(creates()).toHaveLength(2);
      const post = JSON.parse(creates()[0].body) as {
        channelData: { channel: { id: string } };
        activity: { text: string; entities: unknown[] };
      };
      expect(post.channelData.channel.id).toBe(channel);
      expect(post.activity.text).toBe('<at>00c1</at> asked the experts:');
      expect(post.activity.entities).toEqual([{ type: 'mention', text: '<at>00c1</at>', mentioned: { id: '29:00c1', name: '00c1' } }]);
    } finally {
      await server.stop();
      await connector.close();
    }
    const { out } = await runCli(['report', '--json'], { DATA_DIR: dataDir });
    expect(JSON.parse(out).escalated).toEqual([{ question: 'sla for route 53', count: 2, lastAsked: expect.any(String) }]);
  }, 30_000);
});
