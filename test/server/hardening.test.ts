/**
 * Issue 12 on the whole server (in process): unauthenticated junk is refused before it is parsed,
 * aborted uploads are no error, local mode answers only to this machine's host names, the
 * playground beside production settings needs its token, and the request timeout is what the
 * docs say. Each test reproduces a failure of the code before the fix.
 */
import { connect } from 'node:net';
import pino from 'pino';
import { createAppServer } from '../../adapters/server/http-server';
import { startedForAll, stoppedAfterEach } from '../helpers/lifecycle';
import { startFakeSlack } from './helpers/fakes';
import { postSlack, raw, slackHeaders, slackMention } from './helpers/requests';
import { baseEnv, startInProcess } from './helpers/server';

const BOT_TOKEN = 'xoxb-42-4242-hardeningBotToken';
const SIGNING_SECRET = '0123456789abcdef0123456789abcdef';
const APP_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const APP_PASSWORD = 'hardening-app-password-0123';

/** Writes `head` (and `body`) on a raw socket; resolves with the status, or 0 when the server closed without one, and the time it took. */
function rawExchange(
  url: string,
  head: string,
  body = '',
  options: { destroyAfterMs?: number; timeoutMs?: number } = {},
): Promise<{ status: number; ms: number }> {
  const { hostname, port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(head + body);
      if (options.destroyAfterMs !== undefined) setTimeout(() => socket.destroy(), options.destroyAfterMs);
    });
    let text = '';
    const done = (status: number): void => {
      socket.destroy();
      resolve({ status, ms: Date.now() - started });
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (m) done(Number(m[1]));
    });
    socket.on('close', () => done(0));
    socket.on('error', () => done(0));
    socket.setTimeout(options.timeoutMs ?? 5000, () => done(-1));
  });
}

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('server hardening (issue 12)', () => {
  const slack = startedForAll(startFakeSlack);
  const start = stoppedAfterEach(startInProcess, (s) => s.stop());

  const production = (extra: Record<string, string> = {}) =>
    baseEnv({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack().apiUrl,
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: APP_PASSWORD,
      LOG_LEVEL: 'debug',
      ...extra,
    });

  describe('item 1: authentication before parsing', () => {
    it('/slack/events never parses a body whose signature is wrong', async () => {
      const server = await start(production());
      const deep = `{"type":"event_callback","x":${'['.repeat(300_000)}${']'.repeat(300_000)}}`;
      const parse = jest.spyOn(JSON, 'parse');
      try {
        const headers = { ...slackHeaders(SIGNING_SECRET, deep), 'x-slack-signature': `v0=${'f'.repeat(64)}` };
        const res = await raw(server.url, { path: '/slack/events', headers, body: deep });
        expect(res.status).toBe(401);
        expect(parse.mock.calls.filter(([text]) => typeof text === 'string' && text.length > 10_000)).toEqual([]);
      } finally {
        parse.mockRestore();
      }
    });

    it('/slack/events and /api/messages answer 401 to a request without credentials before its body arrives', async () => {
      const server = await start(production());
      for (const path of ['/slack/events', '/api/messages']) {
        const head = `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 200000\r\n\r\n`;
        const res = await rawExchange(server.url, head, '{"type":');
        expect({ path, status: res.status }).toEqual({ path, status: 401 });
        expect(res.ms).toBeLessThan(1000);
      }
    });

    it('a signed mention still gets its answer', async () => {
      const server = await start(production());
      const body = slackMention('SLA for EKS');
      expect((await postSlack(server.url, SIGNING_SECRET, body)).status).toBe(200);
      await slack().waitFor(() => slack().calls.some((c) => c.path.includes('chat.postMessage')));
    });
  });

  describe('item 2: aborted uploads', () => {
    it('a client going away mid-body is a debug line at most, never an error with a stack', async () => {
      const server = await start(production());
      const body = slackMention('SLA for EKS');
      const headers = slackHeaders(SIGNING_SECRET, body);
      const head = `POST /slack/events HTTP/1.1\r\nhost: 127.0.0.1\r\n${Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}content-length: ${body.length}\r\n\r\n`;
      const before = server.lines.length;
      await Promise.all(Array.from({ length: 20 }, () => rawExchange(server.url, head, body.slice(0, 40), { destroyAfterMs: 30 })));
      await wait(200);
      const lines = server.logs().slice(before);
      expect(lines.filter((l) => Number(l.level) > 20)).toEqual([]);
      expect(lines.filter((l) => l.msg === 'request' && l.aborted === true).length).toBeGreaterThan(0);
      expect(JSON.stringify(lines)).not.toMatch(/"stack"|"level":50/);
    });
  });

  describe('item 9: local mode serves this machine only', () => {
    it('refuses a forged Host or Origin (DNS rebinding) with 403 on every route', async () => {
      const server = await start(baseEnv({ PLAYGROUND: 'true' }));
      const ask = JSON.stringify({ question: 'SLA for EKS' });
      const json = { 'content-type': 'application/json' };
      const forged: Record<string, string>[] = [
        { host: 'evil.example' },
        { host: 'evil.example:3978' },
        { host: '127.0.0.1.evil.example' },
        { origin: 'http://evil.example', host: 'localhost' },
      ];
      for (const headers of forged) {
        expect((await raw(server.url, { path: '/playground/ask', headers: { ...json, ...headers }, body: ask })).status).toBe(403);
        expect((await raw(server.url, { path: '/api/messages', headers: { ...json, ...headers }, body: '{}' })).status).toBe(403);
        expect((await raw(server.url, { method: 'GET', path: '/', headers })).status).toBe(403);
      }
      for (const host of ['localhost', `localhost:${new URL(server.url).port}`, '127.0.0.1', '[::1]:3978']) {
        expect((await raw(server.url, { path: '/playground/ask', headers: { ...json, host }, body: ask })).status).toBe(200);
      }
      expect((await raw(server.url, { method: 'GET', path: '/healthz', headers: { host: 'evil.example' } })).status).toBe(200);
    });

    it('also answers the configured PUBLIC_HOST', async () => {
      const server = await start(baseEnv({ PLAYGROUND: 'true', PUBLIC_HOST: 'qa.example.com' }));
      const ask = JSON.stringify({ question: 'SLA for EKS' });
      const res = await raw(server.url, {
        path: '/playground/ask',
        headers: { 'content-type': 'application/json', host: 'qa.example.com:8080', origin: 'http://qa.example.com:8080' },
        body: ask,
      });
      expect(res.status).toBe(200);
      expect(
        (
          await raw(server.url, {
            path: '/playground/ask',
            headers: { 'content-type': 'application/json', host: 'other.example.com' },
            body: ask,
          })
        ).status,
      ).toBe(403);
    });
  });

  describe('item 11: local mode on a non-loopback interface', () => {
    it('is refused at startup unless LOCAL_ALLOW_REMOTE says so, and then warned about loudly', async () => {
      await expect(startInProcess(baseEnv({ HOST: '0.0.0.0' }))).rejects.toThrow(
        /HOST: is 0\.0\.0\.0, not loopback.*LOCAL_ALLOW_REMOTE=1/s,
      );
      const server = await start(baseEnv({ HOST: '0.0.0.0', LOCAL_ALLOW_REMOTE: '1' }));
      const warning = server.logs().find((l) => /LOCAL MODE ON A NON-LOOPBACK INTERFACE/.test(String(l.msg)));
      expect(warning).toMatchObject({ level: 40 });
    });
  });

  describe('item 12: the playground beside production credentials', () => {
    it('is refused on a public interface without PLAYGROUND_TOKEN', async () => {
      await expect(startInProcess(production({ HOST: '0.0.0.0', PLAYGROUND: '1' }))).rejects.toThrow(
        /PLAYGROUND: is on beside production settings/,
      );
    });

    it('with PLAYGROUND_TOKEN asks for it (HTTP Basic), and answers with it', async () => {
      const token = 'playground-token-abcdef0123';
      const server = await start(production({ HOST: '127.0.0.1', PLAYGROUND: '1', PLAYGROUND_TOKEN: token }));
      const ask = JSON.stringify({ question: 'SLA for EKS' });
      const json = { 'content-type': 'application/json' };
      const page = await raw(server.url, { method: 'GET', path: '/' });
      expect(page.status).toBe(401);
      expect(page.headers['www-authenticate']).toMatch(/^Basic realm=/);
      const basic = (password: string) => `Basic ${Buffer.from(`anyone:${password}`).toString('base64')}`;
      expect(
        (
          await raw(server.url, {
            path: '/playground/ask',
            headers: { ...json, authorization: basic('wrong-token-abcdef0123') },
            body: ask,
          })
        ).status,
      ).toBe(401);
      expect(
        (await raw(server.url, { path: '/playground/ask', headers: { ...json, authorization: basic(token) }, body: ask })).status,
      ).toBe(200);
      expect(server.lines.join('\n')).not.toContain(token);
    });
  });
});

describe('item 16: the request timeout is what it says', () => {
  it('closes a request whose body never completes within the timeout (checked every second, not every 30 s)', async () => {
    const app = createAppServer({ logger: pino({ level: 'silent' }), requestTimeoutMs: 1500 });
    app.mount({ path: '/x', method: 'POST', handler: (req, res) => void req.resume().on('end', () => res.end('{}')) });
    const address = await app.listen(0, '127.0.0.1');
    app.ready();
    try {
      const head = 'POST /x HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n';
      const res = await rawExchange(`http://127.0.0.1:${address.port}`, head, '{"a":', { timeoutMs: 8000 });
      expect(res.status).toBe(408);
      expect(res.ms).toBeGreaterThanOrEqual(1400);
      expect(res.ms).toBeLessThan(3500);
    } finally {
      await app.close(100);
    }
  });
});
