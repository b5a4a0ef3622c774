/**
 * A full run with configured (fake) secrets at the most verbose log level: Slack and Teams
 * requests of every outcome are driven through the real process, then its whole stdout and
 * stderr are searched for the secret values. None may appear.
 */
import { startedForAll, stoppedAfterEach } from '../helpers/lifecycle';
import { startFakeSlack } from './helpers/fakes';
import { raw, slackCommand, slackHeaders, slackMention } from './helpers/requests';
import { spawnServer, stopSpawned } from './helpers/server';

const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-98765-43210-RedactionTestBotTokenZ9',
  SLACK_SIGNING_SECRET: '0f9e8d7c6b5a49382716aabbccddeeff',
  MicrosoftAppPassword: 'Rdx8Q~redaction.test-app-password_42',
};

describe('log redaction (full run)', () => {
  const slack = startedForAll(startFakeSlack);
  const spawn = stoppedAfterEach(spawnServer, (s) => stopSpawned(s, 'SIGKILL'));

  it('never writes a configured secret, whatever the requests did', async () => {
    const server = await spawn({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'trace',
      KNOWLEDGE_WATCH: 'false',
      SLACK_API_URL: slack().apiUrl,
      MicrosoftAppId: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
      ...SECRETS,
    });
    const post = (path: string, body: string, headers: Record<string, string>) => raw(server.url, { path, headers, body });
    const secret = SECRETS.SLACK_SIGNING_SECRET;

    // Slack: a slash command, a mention answered through the Web API, a mention whose post fails, forgeries.
    const command = slackCommand('SLA for EKS');
    expect((await post('/slack/events', command, slackHeaders(secret, command))).status).toBe(200);
    const mention = slackMention('compare ECS and EKS');
    expect((await post('/slack/events', mention, slackHeaders(secret, mention))).status).toBe(200);
    await slack().waitFor(() => slack().calls.some((c) => c.path.includes('chat.postMessage')));
    slack().platformErrorNext('chat.postMessage', 'invalid_auth');
    const failing = slackMention('SLA for Lambda');
    expect((await post('/slack/events', failing, slackHeaders(secret, failing))).status).toBe(200);
    await slack().waitFor(() => slack().calls.filter((c) => c.path.includes('chat.postMessage')).length >= 2);
    expect(
      (
        await post('/slack/events', command, {
          ...slackHeaders('wrong-secret-0000', command),
          authorization: `Bearer ${SECRETS.SLACK_BOT_TOKEN}`,
        })
      ).status,
    ).toBe(401);
    expect((await post('/slack/events', 'payload=%7B', slackHeaders(secret, 'payload=%7B'))).status).toBeLessThan(500);

    // Teams (authenticated): no token, a malformed one, one carrying the password.
    const activity = JSON.stringify({
      type: 'message',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      conversation: { id: 'c' },
      from: { id: 'u' },
      recipient: { id: 'b' },
      text: 'hi',
    });
    const json = { 'content-type': 'application/json' };
    expect((await post('/api/messages', activity, json)).status).toBe(401);
    expect((await post('/api/messages', activity, { ...json, authorization: 'Bearer not-a-jwt' })).status).toBe(401);
    expect((await post('/api/messages', activity, { ...json, authorization: `Basic ${SECRETS.MicrosoftAppPassword}` })).status).toBe(401);

    await new Promise((r) => setTimeout(r, 200));
    server.proc.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const output = `${server.lines.join('\n')}\n${server.stderr()}`;
    expect(slack().calls.find((c) => c.path.includes('chat.postMessage'))?.authorization).toBe(`Bearer ${SECRETS.SLACK_BOT_TOKEN}`); // the secret was in play
    expect(server.lines.length).toBeGreaterThan(30); // trace level: Bolt and the Web API client had their say
    expect(output).toContain('question answered');
    expect(output).toMatch(/invalid_auth/);
    for (const [name, value] of Object.entries(SECRETS)) {
      expect([name, output.includes(value)]).toEqual([name, false]);
      expect([name, output.includes(value.slice(0, 20))]).toEqual([name, false]);
    }
  });

  it('refuses proxy credentials in SLACK_API_URL at startup without echoing them', async () => {
    const apiUrl = slack().apiUrl.replace('http://', 'http://proxyuser:Pr0xyPassw0rd@');
    await expect(
      spawnServer({
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'trace',
        SLACK_API_URL: apiUrl,
        SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN,
        SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET,
      }),
    ).rejects.toThrow(/exited \(1\)[\s\S]*SLACK_API_URL: must not carry credentials/);
    await expect(
      spawnServer({
        PORT: '0',
        HOST: '127.0.0.1',
        SLACK_API_URL: apiUrl,
        SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN,
        SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET,
      }),
    ).rejects.not.toThrow(/Pr0xyPassw0rd|proxyuser/);
  });
});
