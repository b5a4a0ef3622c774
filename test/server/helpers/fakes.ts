/**
 * Loopback fakes of the two platforms' outbound APIs, for full-server tests:
 * - a Slack Web API (`auth.test`, `chat.postMessage`, anything else `{ ok: true }`), recording
 *   every call with its `Authorization` header; `platformErrorNext` makes the next call of a
 *   method answer `{ ok: false, error }`;
 * - a Bot Framework connector (`POST /v3/conversations/:id/activities[/:replyTo]`), recording
 *   every reply.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  path: string;
  authorization?: string;
  body: string;
}

export interface Fake {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:PORT/`. */
  url: string;
  calls: RecordedCall[];
  /** Resolves once `predicate()` holds (polling every 10 ms); rejects after `ms`. */
  waitFor(predicate: () => boolean, ms?: number): Promise<void>;
  close(): Promise<void>;
}

export interface FakeSlack extends Fake {
  /** `SLACK_API_URL`: `${url}api/`. */
  apiUrl: string;
  platformErrorNext(method: string, error: string): void;
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function startFake(handle: (req: IncomingMessage, body: string) => { status: number; body: unknown }, delayMs = 0): Promise<Fake> {
  const calls: RecordedCall[] = [];
  const server: Server = createServer((req, res) => {
    readAll(req).then(
      (body) => {
        calls.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
        const out = handle(req, body);
        const reply = (): void => void res.writeHead(out.status, { 'content-type': 'application/json' }).end(JSON.stringify(out.body));
        if (delayMs > 0) setTimeout(reply, delayMs);
        else reply();
      },
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    async waitFor(predicate, ms = 5000) {
      const deadline = Date.now() + ms;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error('fake: timed out waiting');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const errors = new Map<string, string[]>();
  let ts = 1_700_000_000;
  const fake = await startFake((req) => {
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
    const error = errors.get(method)?.shift();
    if (error) return { status: 200, body: { ok: false, error } };
    if (method === 'auth.test')
      return { status: 200, body: { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0001', user: 'aws-qa' } };
    if (method === 'chat.postMessage') return { status: 200, body: { ok: true, channel: 'C1', ts: `${(ts += 1)}.000100` } };
    return { status: 200, body: { ok: true } };
  });
  return {
    ...fake,
    apiUrl: `${fake.url}api/`,
    platformErrorNext(method, error) {
      errors.set(method, [...(errors.get(method) ?? []), error]);
    },
  };
}

/** The connector; `delayMs` holds each answer that long (a slow connector keeps the Teams request in flight). */
export async function startFakeConnector(delayMs = 0): Promise<Fake> {
  let n = 0;
  return startFake(
    (req) =>
      /^\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')
        ? { status: 200, body: { id: `reply-${(n += 1)}` } }
        : req.method === 'POST' && /^\/v3\/conversations\/?$/.test(req.url ?? '') // createConversation (a new channel post)
          ? { status: 200, body: { id: `conversation-${(n += 1)}`, activityId: `post-${n}` } }
          : { status: 404, body: {} },
    delayMs,
  );
}
