/**
 * The one admission path (`adapters/shared/admission.ts`), through the real routes of a real
 * server: Slack (`POST /slack/events`), Teams (`POST /api/messages`, without auth) and the
 * playground (`POST /playground/ask`) refuse the same bad bodies the same way (415, 413 from the
 * declared length and while streaming, 400), each at its own limit, and authenticate before they
 * read (Slack's signature headers, the playground's same-origin check) and before they parse
 * (Slack's HMAC).
 */
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { startedForAll } from '../helpers/lifecycle';
import { startFakeConnector, startFakeSlack } from './helpers/fakes';
import { raw, type RawResponse, slackHeaders, teamsMessage } from './helpers/requests';
import { baseEnv, type InProcess, startInProcess } from './helpers/server';

const SIGNING_SECRET = 'a1d2m3i4s5s6i7o8n9t0e1s2t3s4e5c6';

interface RouteCase {
  name: string;
  path: string;
  limit: number;
  /** Headers that pass the route's authentication for `body` (Slack: signed). */
  headers: (body: string | Buffer, contentType?: string) => Record<string, string>;
  /** A body of exactly `size` bytes the route reads and parses, then refuses as not its kind of object (400). */
  padded: (size: number) => string;
}

const pad = (prefix: string, size: number, suffix = '"}'): string =>
  `${prefix}${'x'.repeat(size - prefix.length - suffix.length)}${suffix}`;

const ROUTES: RouteCase[] = [
  {
    name: 'Slack',
    path: '/slack/events',
    limit: 1024 * 1024,
    headers: (body, type = 'application/json') => ({ 'content-type': type, ...signed(body) }),
    padded: (size) => pad('{"pad":"', size),
  },
  {
    name: 'Teams',
    path: '/api/messages',
    limit: 256 * 1024,
    headers: (_body, type = 'application/json') => ({ 'content-type': type }),
    padded: (size) => pad('{"pad":"', size),
  },
  {
    name: 'playground',
    path: '/playground/ask',
    limit: 64 * 1024,
    headers: (_body, type = 'application/json') => ({ 'content-type': type }),
    padded: (size) => pad('{"question":"', size),
  },
];

/** Sends the headers and more than `limit` bytes of body, never ending it: resolves with the response the server gives without waiting for the end. */
function overflowOpen(base: string, path: string, headers: Record<string, string>, limit: number): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method: 'POST', path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(16 * 1024, 'x');
    for (let sent = 0; sent <= limit; sent += chunk.length) req.write(chunk);
  });
}

describe('admission through the real routes', () => {
  const slack = startedForAll(startFakeSlack);
  const connector = startedForAll(startFakeConnector);
  const server = startedForAll(
    () =>
      startInProcess(
        baseEnv({
          SLACK_BOT_TOKEN: 'xoxb-42-4242-admissionTestToken',
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: slack().apiUrl,
          TEAMS_ALLOW_UNAUTHENTICATED: 'true',
          PLAYGROUND: 'true',
        }),
      ),
    (s: InProcess) => s.stop(),
  );
  const post = (route: RouteCase, body: string | Buffer, headers: Record<string, string>): Promise<RawResponse> =>
    raw(server().url, { path: route.path, headers, body });

  describe.each(ROUTES)('$name', (route) => {
    it.each([['text/plain'], ['application/xml'], ['application/json; charset=latin1'], ['']])(
      'is 415 for the content type %j',
      async (type) => {
        const body = '{"type":"message"}';
        const headers = { ...route.headers(body), 'content-type': type };
        if (type === '') delete (headers as Record<string, string | undefined>)['content-type'];
        const res = await post(route, body, headers);
        expect(res.status).toBe(415);
        expect(res.body).toContain('content type must be');
      },
    );

    it.each([
      ['an empty body', ''],
      ['malformed JSON', '{"a":'],
      ['a JSON array', '[1,2]'],
      ['JSON null', 'null'],
      ['nesting 65 deep', `${'['.repeat(65)}${']'.repeat(65)}`],
    ])('is 400 for %s', async (_what, body) => {
      const res = await post(route, body, route.headers(body));
      expect(res.status).toBe(400);
    });

    it('is 400 for a body that is not UTF-8', async () => {
      const body = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
      const res = await post(route, body, route.headers(body));
      expect(res.status).toBe(400);
      expect(res.body).toContain('UTF-8');
    });

    it('reads a body of exactly its limit (then refuses it as the wrong object: 400, not 413)', async () => {
      const body = route.padded(route.limit);
      expect(Buffer.byteLength(body)).toBe(route.limit);
      expect((await post(route, body, route.headers(body))).status).toBe(400);
    });

    it('is 413 from a declared length over its limit, before reading, and closes the connection', async () => {
      const res = await post(route, '{}', { ...route.headers('{}'), 'content-length': String(route.limit + 1) });
      expect(res.status).toBe(413);
      expect(res.headers.connection).toBe('close');
    });

    it('is 413 as soon as a streamed body passes its limit, without waiting for the rest', async () => {
      const res = await overflowOpen(server().url, route.path, { ...route.headers(''), 'transfer-encoding': 'chunked' }, route.limit);
      expect(res.status).toBe(413);
      expect(res.headers.connection).toBe('close');
    });
  });

  it('the playground is given the path as the router reads it', async () => {
    const ask = (path: string) =>
      raw(server().url, { path, headers: { 'content-type': 'application/json' }, body: '{"question":"SLA for EKS"}' });
    expect((await ask('/playground/./ask?x=1')).status).toBe(200);
    expect((await ask('/x/../playground/ask#top')).status).toBe(200);
    expect((await ask('/playground/%61sk')).status).toBe(405); // an asset name (GET only), not the ask endpoint
  });

  describe('authentication comes before reading and parsing', () => {
    it('Slack: 401 without signature headers, before the declared length is even looked at', async () => {
      const res = await raw(server().url, {
        path: '/slack/events',
        headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) },
        body: '{}',
      });
      expect(res.status).toBe(401);
    });

    it('Slack: 401 for a wrong signature over a malformed body (the HMAC before the parser)', async () => {
      const headers = slackHeaders('another-secret-of-thirty-two-ch!', '{"a":');
      expect((await raw(server().url, { path: '/slack/events', headers, body: '{"a":' })).status).toBe(401);
    });

    it('playground: 403 cross-origin before reading, whatever the declared length', async () => {
      const res = await raw(server().url, {
        path: '/playground/ask',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example', 'content-length': String(50 * 1024 * 1024) },
        body: '{}',
      });
      expect(res.status).toBe(403);
    });

    it('all three still answer a good request afterwards', async () => {
      const command = 'command=%2Faws&text=SLA+for+EKS&user_id=U1&team_id=T0001&channel_id=C1&response_url=http%3A%2F%2F127.0.0.1%3A1%2F';
      const slackRes = await raw(server().url, { path: '/slack/events', headers: slackHeaders(SIGNING_SECRET, command), body: command });
      expect([slackRes.status, slackRes.body]).toEqual([200, expect.stringContaining('99.95%')]);
      const activity = JSON.stringify(teamsMessage(connector().url, 'SLA for EKS'));
      expect(
        (await raw(server().url, { path: '/api/messages', headers: { 'content-type': 'application/json' }, body: activity })).status,
      ).toBe(200);
      const ask = await raw(server().url, {
        path: '/playground/ask',
        headers: { 'content-type': 'application/json' },
        body: '{"question":"SLA for EKS"}',
      });
      expect(ask.status).toBe(200);
    });
  });
});

/** Slack's signature headers over `body`'s bytes, signed now with the server's secret. */
function signed(body: string | Buffer): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:`).update(body).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${signature}` };
}
