/**
 * A fake Bot Framework connector (the service Teams exposes at `serviceUrl`) on 127.0.0.1: it
 * records `POST /v3/conversations/:id/activities[/:replyToId]`,
 * `PUT /v3/conversations/:id/activities/:activityId` and `POST /v3/conversations` (a new
 * conversation, recorded with `conversationId` `''`), answers `{ id }`, and can be told to fail.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  /** For POST: the activity replied to (`/activities/:replyToId`); for PUT: the activity updated. */
  activityId?: string;
  authorization?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface FakeConnector {
  /** `http://127.0.0.1:PORT/` — use as the activities' `serviceUrl`. */
  url: string;
  calls: ConnectorCall[];
  /** Answer requests for `conversationId` with `status` (all conversations when omitted); `undefined` heals. */
  fail(status: number | undefined, conversationId?: string): void;
  /** Hold requests for `conversationId` unanswered until `close()` (simulates a timeout). */
  hang(conversationId: string): void;
  /** Resolves once `count` calls were recorded (rejects after `ms`). */
  waitForCalls(count: number, ms?: number): Promise<ConnectorCall[]>;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;
/** `POST /v3/conversations`: createConversation (e.g. a new post in a channel). */
const CREATE = /^\/v3\/conversations\/?$/;

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const failing = new Map<string, number>();
  const hanging = new Set<string>();
  const held: ServerResponse[] = [];
  let n = 0;
  const waiters: (() => void)[] = [];

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      const m = ROUTE.exec(path) ?? (req.method === 'POST' && CREATE.test(path) ? ([path, ''] as const) : null);
      if (!m) {
        res.writeHead(404).end();
        return;
      }
      const conversationId = decodeURIComponent(m[1]);
      const raw = Buffer.concat(chunks).toString('utf8');
      calls.push({
        method: req.method ?? '',
        path,
        conversationId,
        activityId: m[2] ? decodeURIComponent(m[2]) : undefined,
        authorization: req.headers.authorization,
        body: raw ? JSON.parse(raw) : undefined,
      });
      waiters.splice(0).forEach((w) => w());
      if (hanging.has(conversationId)) {
        held.push(res);
        return;
      }
      const status = failing.get(conversationId) ?? failing.get('*');
      if (status) {
        res
          .writeHead(status, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { code: 'ServiceError', message: 'boom' } }));
        return;
      }
      n += 1;
      const created = conversationId === '' ? { activityId: `post-${n}` } : {};
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `reply-${n}`, ...created }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    fail(status, conversationId = '*') {
      if (status === undefined) failing.delete(conversationId);
      else failing.set(conversationId, status);
    },
    hang(conversationId) {
      hanging.add(conversationId);
    },
    async waitForCalls(count, ms = 5000) {
      const deadline = Date.now() + ms;
      while (calls.length < count) {
        if (Date.now() > deadline) throw new Error(`fake connector: ${calls.length} calls after ${ms} ms, want ${count}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50).unref();
        });
      }
      return calls;
    },
    close() {
      // Release held requests with a non-retryable status, so no client retries outlive the test.
      for (const res of held.splice(0)) res.writeHead(400).end();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
