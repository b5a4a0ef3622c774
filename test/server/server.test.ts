import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StartupError, startServer } from '../../adapters/server/main';
import { ConfigError } from '../../adapters/server/config';
import { startedForAll, stoppedAfterEach } from '../helpers/lifecycle';
import { startFakeConnector, startFakeSlack } from './helpers/fakes';
import { postActivity, postSlack, raw, slackCommand, slackHeaders, slackMention, teamsMessage } from './helpers/requests';
import { baseEnv, KNOWLEDGE_DIR, ROOT, startInProcess } from './helpers/server';

const BOT_TOKEN = 'xoxb-42-4242-serverTestBotToken';
const SIGNING_SECRET = 'c3f1d2e4a5b6978812345678deadbeef';

describe('server (in process)', () => {
  const connector = startedForAll(startFakeConnector);
  const slack = startedForAll(startFakeSlack);
  const start = stoppedAfterEach(startInProcess, (s) => s.stop());

  describe('zero-setup local mode', () => {
    it('starts with no configuration and says what it serves and where', async () => {
      const server = await start({ PORT: '0' });
      expect(server.config.local).toBe(true);
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const port = new URL(server.url).port;
      const messages = server.logs().map((l) => String(l.msg));
      expect(messages).toEqual(
        expect.arrayContaining([
          `teams: POST http://localhost:${port}/api/messages without auth: connect the Bot Framework Emulator to it with an empty app id and password`,
          expect.stringMatching(/^slack: disabled \(set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET .*SLACK_APP_TOKEN \(Socket Mode\)\)$/),
          expect.stringMatching(new RegExp(`^playground: http://localhost:${port}/ `)),
          'cli: npx aws-qa ask "SLA for EKS" (answers from the same knowledge base, no server needed)',
          `ready: serving on http://localhost:${port}`,
        ]),
      );
      expect((await raw(server.url, { method: 'GET', path: '/healthz' })).status).toBe(200);
    });

    it('answers a Teams activity on /api/messages without auth, replying through the connector', async () => {
      const server = await start({ PORT: '0' });
      const before = connector().calls.length;
      const res = await postActivity(server.url, teamsMessage(connector().url, 'SLA for EKS'));
      expect(res.status).toBe(200);
      const reply = connector()
        .calls.slice(before)
        .find((c) => c.path.startsWith('/v3/conversations/'));
      expect(reply?.authorization).toBeUndefined(); // no auth in local mode
      expect(reply?.body).toContain('99.95%');
      const line = server.logs().find((l) => l.msg === 'question answered');
      expect(line).toMatchObject({ platform: 'teams', intent: 'sla', answered: true, reqId: res.headers['x-request-id'] });
    });

    it('serves the playground ask endpoint in local mode', async () => {
      const server = await start({ PORT: '0' });
      const res = await raw(server.url, {
        path: '/playground/ask',
        headers: { 'content-type': 'application/json' },
        body: '{"question":"SLA for EKS"}',
      });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ intent: 'sla', answer: { kind: 'sla' } });
      expect(server.logs().find((l) => l.msg === 'question answered')).toMatchObject({ platform: 'web', intent: 'sla' });
    });
  });

  describe('Slack in HTTP mode', () => {
    const slackEnv = (): Record<string, string> =>
      baseEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack().apiUrl });

    it('mounts /slack/events, answers /aws in the acknowledgement and mentions through the Web API', async () => {
      const server = await start(slackEnv());
      expect(server.config.local).toBe(false);
      expect(server.served).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^slack: POST http:\/\/localhost:\d+\/slack\/events/),
          'teams: disabled (set MicrosoftAppId and MicrosoftAppPassword, see docs/deploy.md)',
        ]),
      );
      const command = slackCommand('SLA for EKS');
      const ack = await postSlack(server.url, SIGNING_SECRET, command);
      expect(ack.status).toBe(200);
      expect(ack.body).toContain('99.95%');

      const mention = slackMention('SLA for EKS');
      const before = slack().calls.length;
      expect((await postSlack(server.url, SIGNING_SECRET, mention)).status).toBe(200);
      await slack().waitFor(() =>
        slack()
          .calls.slice(before)
          .some((c) => c.path.includes('chat.postMessage')),
      );
      expect(slack().calls.find((c) => c.path.includes('chat.postMessage'))?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
      expect(server.logs().filter((l) => l.msg === 'question answered' && l.platform === 'slack')).toHaveLength(2);
    });

    it('rejects unsigned requests, wrong content types and the Teams route (not configured)', async () => {
      const server = await start(slackEnv());
      const command = slackCommand('SLA for EKS');
      expect(
        (await raw(server.url, { path: '/slack/events', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: command }))
          .status,
      ).toBe(401);
      expect(
        (
          await raw(server.url, {
            path: '/slack/events',
            headers: { ...slackHeaders(SIGNING_SECRET, command), 'content-type': 'text/plain' },
            body: command,
          })
        ).status,
      ).toBe(415);
      expect((await raw(server.url, { path: '/api/messages', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(
        404,
      );
      expect((await raw(server.url, { method: 'GET', path: '/' })).status).toBe(404); // no playground outside local mode
    });
  });

  describe('startup failures', () => {
    it('reports every configuration problem before listening', async () => {
      const lines: string[] = [];
      const started = startServer({
        env: { PORT: 'x', SLACK_BOT_TOKEN: BOT_TOKEN },
        cwd: ROOT,
        signals: false,
        destination: { write: (l: string) => void lines.push(l) },
      });
      await expect(started).rejects.toThrow(ConfigError);
      await expect(started).rejects.toThrow(/PORT: .*\n {2}SLACK_SIGNING_SECRET: /);
      await expect(started).rejects.not.toThrow(BOT_TOKEN);
      expect(lines).toEqual([]);
    });

    it('refuses to start on an invalid knowledge base, logging every problem with file:line', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'aws-qa-bad-kb-'));
      cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
      writeFileSync(join(dir, 'broken.md'), '# Broken\n\n## Question without an answer?\n');
      const lines: string[] = [];
      try {
        await expect(
          startServer({ env: baseEnv({ KNOWLEDGE_DIR: dir }), signals: false, destination: { write: (l: string) => void lines.push(l) } }),
        ).rejects.toThrow(StartupError);
        const fatal = lines
          .map((l) => JSON.parse(l) as Record<string, unknown>)
          .filter((l) => l.level === 60)
          .map((l) => l.msg);
        expect(fatal).toEqual([
          'knowledge: broken.md:3: question "Question without an answer?" has no answer under it',
          expect.stringContaining('the knowledge base is invalid'),
        ]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
