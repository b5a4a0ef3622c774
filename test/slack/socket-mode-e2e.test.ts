/**
 * Socket Mode end to end on loopback: the real server (`adapters/server/main.ts`, spawned with the
 * loopback guard preloaded) with `SLACK_APP_TOKEN` and `SLACK_API_URL` at a fake Slack, which
 * answers `apps.connections.open` with its own `ws://127.0.0.1:PORT/` and serves the WebSocket.
 * Over that socket: `hello`, a `/aws` command (acknowledged with the answer), an `app_mention`
 * (answered with `chat.postMessage`), a 👍 click (the vote replaces the buttons), then Slack's
 * `disconnect` (a second `apps.connections.open`, a second socket, `/healthz` down meanwhile).
 * A control case shows the guard is in the path: a WebSocket URL past loopback is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseEnv, type Spawned, spawnServer, stopSpawned } from '../server/helpers/server';
import { BOT_TOKEN, fixture } from './helpers/harness';
import { type Ack, type SocketSlack, startSocketSlack } from './helpers/socket-slack';

const GUARD = join(__dirname, '..', 'server', 'helpers', 'loopback-guard.js');
const APP_TOKEN = 'xapp-1-A123ABC456-1234567890-socketModeTestToken';

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

describe('Socket Mode over a real WebSocket', () => {
  let slack: SocketSlack;
  let server: Spawned;
  let dataDir: string;
  let envelopes = 0;

  beforeAll(async () => {
    slack = await startSocketSlack();
    dataDir = mkdtempSync(join(tmpdir(), 'aws-qa-socket-'));
    server = await spawnServer(
      baseEnv({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_APP_TOKEN: APP_TOKEN,
        SLACK_API_URL: slack.apiUrl,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'debug',
      }),
      { preload: [GUARD], timeoutMs: 60_000 },
    );
  }, 90_000);

  afterAll(async () => {
    await stopSpawned(server);
    await slack?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Sends an envelope of `type` with `payload` on the newest socket; resolves with its ack. */
  async function deliver(type: string, payload: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<Ack> {
    envelopes += 1;
    const envelopeId = `env-${envelopes}`;
    slack.send({ envelope_id: envelopeId, type, payload, accepts_response_payload: type === 'slash_commands', ...extra });
    await slack.waitFor(() => slack.acks.some((a) => a.envelope_id === envelopeId), `the ack of ${type}`);
    return slack.acks.find((a) => a.envelope_id === envelopeId)!;
  }

  const health = async (): Promise<Record<string, unknown>> =>
    (await fetch(`${server.url}/healthz`)).json() as Promise<Record<string, unknown>>;
  const posts = () => slack.calls.filter((c) => c.method === 'chat.postMessage');

  it('opens the socket through SLACK_API_URL with the app token and says so on /healthz', async () => {
    const opens = slack.calls.filter((c) => c.method === 'apps.connections.open');
    expect(opens).toHaveLength(1);
    expect(opens[0].authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(slack.calls.find((c) => c.method === 'auth.test')?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(slack.sockets.map((s) => s.ticket)).toEqual(['t1']);
    await slack.waitFor(() => server.lines.some((l) => l.includes('Socket Mode connected')), 'the connected log line');
    expect(await health()).toMatchObject({ status: 'ready', slackSocket: 'connected' });
  });

  it('acknowledges /aws with the answer in the ack payload', async () => {
    const ack = await deliver('slash_commands', { ...fixture('slash-command'), text: 'SLA for EKS' });
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(ack.payload?.blocks)).toContain('99.95%');
  });

  let posted: Record<string, unknown>;

  it('answers an app_mention with chat.postMessage in its thread', async () => {
    const event = fixture('app-mention');
    const ack = await deliver('events_api', event, { retry_attempt: 0, retry_reason: '' });
    expect(ack.payload ?? {}).toEqual({});
    await slack.waitFor(() => posts().length === 1, 'chat.postMessage');
    posted = posts()[0].body;
    expect(posted).toMatchObject({ channel: 'C123ABC456', thread_ts: '1515449522.000016' });
    expect(String(posted.text)).toContain('99.95%');
    expect(posts()[0].authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it('records a 👍 click and replaces the buttons with the thanks line', async () => {
    const blocks = posted.blocks as { elements?: Button[] }[];
    const up = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'aws_qa_feedback_up');
    expect(up).toBeDefined();
    const click = fixture('block-actions');
    click.message = { ...click.message, text: posted.text, blocks };
    click.actions = [{ ...up, block_id: 'aws_qa_feedback', type: 'button', action_ts: '1548426417.840180' }];
    click.response_url = slack.responseUrl('vote');
    await deliver('interactive', click);
    await slack.waitFor(() => slack.responses.some((r) => r.path === '/response/vote'), 'the response_url post');
    const replaced = slack.responses.find((r) => r.path === '/response/vote')!.body;
    expect(replaced.replace_original).toBe(true);
    expect(JSON.stringify(replaced.blocks)).toContain('Thanks for the feedback');
    expect(JSON.stringify(replaced.blocks)).not.toContain('aws_qa_feedback_up');
  });

  it('reconnects after a disconnect frame: a second apps.connections.open, /healthz down until hello', async () => {
    const release = slack.holdNextOpen();
    slack.send({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'applink-1' } });
    await slack.waitFor(
      () => slack.calls.filter((c) => c.method === 'apps.connections.open').length === 2,
      'a second apps.connections.open',
    );
    expect(await health()).toMatchObject({ status: 'ready', slackSocket: 'reconnecting' });
    release();
    await slack.waitFor(() => slack.sockets.length === 2, 'a second WebSocket');
    expect(slack.sockets[1].ticket).toBe('t2');
    await slack.waitFor(() => server.lines.filter((l) => l.includes('Socket Mode connected')).length === 2, 'the second connected line');
    expect(await health()).toMatchObject({ slackSocket: 'connected' });
    const ack = await deliver('slash_commands', { ...fixture('slash-command'), text: 'SLA for Lambda' });
    expect(JSON.stringify(ack.payload?.blocks)).toContain('Lambda');
  }, 60_000);

  it('never tried to reach past loopback, and logged no question text', () => {
    expect(server.stderr()).not.toContain('LOOPBACK-GUARD');
    const log = server.lines.join('\n');
    expect(log).not.toContain('What is the SLA for EKS');
    expect(log).not.toContain('SLA for Lambda');
    expect(log).not.toContain(APP_TOKEN);
  });
});

describe('the loopback guard around Socket Mode', () => {
  it('refuses a WebSocket URL past loopback in the process under test (the check above can fail), and the client recovers', async () => {
    const slack = await startSocketSlack();
    const dataDir = mkdtempSync(join(tmpdir(), 'aws-qa-socket-guard-'));
    let server: Spawned | undefined;
    try {
      slack.nextOpenUrl('wss://192.0.2.10/link/?ticket=elsewhere');
      server = await spawnServer(
        baseEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl, DATA_DIR: dataDir }),
        { preload: [GUARD], timeoutMs: 60_000 },
      );
      expect(server.stderr()).toContain('LOOPBACK-GUARD refused 192.0.2.10:443');
      expect(slack.calls.filter((c) => c.method === 'apps.connections.open')).toHaveLength(2);
      expect(slack.sockets.map((s) => s.ticket)).toEqual(['t2']);
    } finally {
      await stopSpawned(server);
      await slack.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
