/**
 * A fake Slack Web API on 127.0.0.1 (port 0) for end-to-end tests: answers `auth.test`, records
 * every Web API call (form or JSON body decoded, `blocks` parsed) and every post to its
 * `response_url` endpoint (`/response/<anything>`), and can fail the next calls of a method with
 * given HTTP statuses (429 comes with `Retry-After: 0`).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  /** Decoded body; `blocks` parsed from JSON when sent as a form field. */
  body: Record<string, unknown>;
  authorization?: string;
  /** HTTP status the fake answered with. */
  status: number;
}

export interface FakeSlack {
  /** Base URL, e.g. `http://127.0.0.1:PORT`. */
  url: string;
  /** `slackApiUrl` for the WebClient: `${url}/api/`. */
  apiUrl: string;
  /** A fresh `response_url` pointing at this fake. */
  responseUrl(id?: string): string;
  /** Every Web API call, oldest first (failed attempts included, with their status). */
  calls: RecordedCall[];
  /** Every post to a `response_url`, oldest first. */
  responses: { path: string; body: Record<string, unknown> }[];
  /** Successful calls of `method`. */
  ok(method: string): RecordedCall[];
  /** All attempts at `method`, failed ones included. */
  attempts(method: string): RecordedCall[];
  /** The next calls of `method` get these HTTP statuses, in order (then success again). */
  failNext(method: string, ...statuses: number[]): void;
  /** The next calls of `method` get `{ ok: false, error }` with HTTP 200. */
  platformErrorNext(method: string, error: string): void;
  /** Forgets every recorded call and `response_url` post (between tests). */
  reset(): void;
  /** Resolves when `predicate()` is true (polling), rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function decode(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const body: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  for (const key of ['blocks', 'attachments']) {
    if (typeof body[key] === 'string') body[key] = JSON.parse(body[key] as string);
  }
  return body;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const responses: { path: string; body: Record<string, unknown> }[] = [];
  const failures = new Map<string, number[]>();
  const platformErrors = new Map<string, string[]>();
  let ts = 1700000000;

  const server: Server = createServer(
    (req, res) =>
      void (async () => {
        const raw = await readBody(req);
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(body));
        };
        if (path.startsWith('/response/')) {
          responses.push({ path, body: decode(raw, req.headers['content-type']) });
          send(200, { ok: true });
          return;
        }
        if (!path.startsWith('/api/')) return send(404, { ok: false, error: 'unknown_path' });
        const method = path.slice('/api/'.length);
        const call: RecordedCall = {
          method,
          body: decode(raw, req.headers['content-type']),
          authorization: req.headers.authorization,
          status: 200,
        };
        calls.push(call);
        const failing = failures.get(method);
        if (failing && failing.length > 0) {
          call.status = failing.shift() as number;
          return send(call.status, { ok: false, error: 'fake_failure' }, call.status === 429 ? { 'retry-after': '0' } : {});
        }
        const platform = platformErrors.get(method);
        if (platform && platform.length > 0) return send(200, { ok: false, error: platform.shift() });
        if (method === 'auth.test')
          return send(200, {
            ok: true,
            url: 'https://example.slack.com/',
            team: 'Example',
            user: 'aws-qa',
            team_id: 'T1DC2JH3J',
            user_id: 'UBOTUSER1',
            bot_id: 'BBOTID001',
          });
        if (method === 'chat.postMessage' || method === 'chat.postEphemeral') {
          ts += 1;
          return send(200, { ok: true, channel: call.body.channel, ts: `${ts}.000100`, message: { text: call.body.text } });
        }
        return send(200, { ok: true });
      })(),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let responseCount = 0;

  return {
    url,
    apiUrl: `${url}/api/`,
    responseUrl: (id) => `${url}/response/${id ?? `r${(responseCount += 1)}`}`,
    calls,
    responses,
    ok: (method) => calls.filter((c) => c.method === method && c.status === 200),
    attempts: (method) => calls.filter((c) => c.method === method),
    failNext: (method, ...statuses) => failures.set(method, [...(failures.get(method) ?? []), ...statuses]),
    platformErrorNext: (method, error) => platformErrors.set(method, [...(platformErrors.get(method) ?? []), error]),
    reset() {
      calls.length = 0;
      responses.length = 0;
    },
    async waitFor(predicate, timeoutMs = 5000) {
      const start = Date.now();
      while (!predicate()) {
        if (Date.now() - start > timeoutMs) throw new Error(`fake slack: condition not met within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
