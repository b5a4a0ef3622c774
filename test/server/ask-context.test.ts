/**
 * Who asked and which request carried the question travel explicitly (`AskContext`), not in an
 * `AsyncLocalStorage`: through the real server, a Slack slash command, a Slack mention and a Teams
 * message each leave one question row with the asker's ids as keyed hashes (never in clear), and
 * the "question answered" line carries the request id the response names.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type Fake, type FakeSlack, startFakeConnector, startFakeSlack } from './helpers/fakes';
import { raw, slackCommand, slackHeaders, slackMention, teamsMessage, waitFor } from './helpers/requests';
import { baseEnv, type InProcess, startInProcess } from './helpers/server';

const BOT_TOKEN = 'xoxb-42-4242-askContextBotToken';
const SIGNING_SECRET = 'a0c1d2e3f405162738495a6b7c8d9eaf';

interface QuestionRow {
  platform: string;
  question: string;
  workspace_hash: string | null;
  channel_hash: string | null;
  user_hash: string | null;
}

describe('ask context through the server', () => {
  let server: InProcess | undefined;
  let connector: Fake;
  let slack: FakeSlack;
  let dataDir: string;
  beforeAll(async () => {
    connector = await startFakeConnector();
    slack = await startFakeSlack();
  });
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'aws-qa-ask-context-'));
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });
  afterAll(async () => {
    await connector.close();
    await slack.close();
  });

  const start = (): Promise<InProcess> =>
    startInProcess(
      baseEnv({
        DATA_DIR: dataDir,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      }),
    );

  const answeredLines = (s: InProcess) => s.logs().filter((l) => l.msg === 'question answered');

  it('logs each question with hashed ids and its request id', async () => {
    server = await start();
    const command = slackCommand('SLA for EKS');
    const ack = await raw(server.url, { path: '/slack/events', headers: slackHeaders(SIGNING_SECRET, command), body: command });
    expect(ack.status).toBe(200);
    expect(answeredLines(server).at(-1)).toMatchObject({ platform: 'slack', reqId: ack.headers['x-request-id'] });

    const mention = slackMention('compare SQS vs SNS');
    const event = await raw(server.url, { path: '/slack/events', headers: slackHeaders(SIGNING_SECRET, mention), body: mention });
    expect(event.status).toBe(200);
    await waitFor(() => answeredLines(server!).length === 2, 5000, 'the mention answered');
    expect(answeredLines(server).at(-1)).toMatchObject({ platform: 'slack', reqId: event.headers['x-request-id'] });

    const teams = await raw(server.url, {
      path: '/api/messages',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(teamsMessage(connector.url, 'SLA for Lambda')),
    });
    expect(teams.status).toBe(200);
    expect(answeredLines(server).at(-1)).toMatchObject({ platform: 'teams', reqId: teams.headers['x-request-id'] });

    await server.stop(); // flushes the question log
    server = undefined;
    const db = new Database(join(dataDir, 'aws-qa.db'), { readonly: true });
    const rows = db
      .prepare('SELECT platform, question, workspace_hash, channel_hash, user_hash FROM questions ORDER BY id')
      .all() as QuestionRow[];
    db.close();
    expect(rows.map((r) => [r.platform, r.question])).toEqual([
      ['slack', 'sla for eks'],
      ['slack', 'compare sqs vs sns'],
      ['teams', 'sla for lambda'],
    ]);
    for (const r of rows) {
      for (const hash of [r.workspace_hash, r.channel_hash, r.user_hash]) expect(hash).toMatch(/^[0-9a-f]{32}$/);
    }
    // Three different workspaces (the command's, the mention's, the Teams tenant): three hashes.
    expect(new Set(rows.map((r) => r.workspace_hash)).size).toBe(3);
    const dump = JSON.stringify(rows);
    const form = new URLSearchParams(slackCommand('x'));
    const clearIds = [form.get('team_id'), form.get('channel_id'), form.get('user_id'), 'T0001', 'C0001', 'U0001'];
    for (const clear of [...clearIds, '29:user-1', '00000000-0000-0000-0000-0000000000f1']) expect(dump).not.toContain(clear);
  });

  it('never lets an unsigned POST reach a Slack listener, whatever spelling of the path', async () => {
    server = await start();
    const command = slackCommand('SLA for EKS');
    const unsigned = { 'content-type': 'application/x-www-form-urlencoded' };
    for (const path of [
      '/slack/events',
      '/slack/./events',
      '/slack/x/../events',
      '/slack/events?x=1',
      '/slack/%65vents',
      '/slack/events/',
    ]) {
      const res = await raw(server.url, { path, headers: unsigned, body: command });
      expect([401, 404]).toContain(res.status);
    }
    expect(answeredLines(server)).toHaveLength(0);
    // Signed, a dot-segment spelling of the endpoint is the endpoint.
    const res = await raw(server.url, { path: '/slack/./events', headers: slackHeaders(SIGNING_SECRET, command), body: command });
    expect(res.status).toBe(200);
    expect(answeredLines(server)).toHaveLength(1);
  });

  it('answers a blank /aws with the help answer, whose share button asks "help"', async () => {
    server = await start();
    const command = slackCommand('   ');
    const ack = await raw(server.url, { path: '/slack/events', headers: slackHeaders(SIGNING_SECRET, command), body: command });
    expect(ack.status).toBe(200);
    expect(answeredLines(server).at(-1)).toMatchObject({ intent: 'help' });
    expect(ack.body).toContain('What I can answer');
    expect(ack.body).toContain(JSON.stringify(JSON.stringify({ q: 'help' })).slice(1, -1));
  });
});
