/**
 * A fake Slack for Socket Mode on 127.0.0.1 (port 0): one `node:http` server that is both the Web
 * API (`/api/<method>`: `auth.test`, `apps.connections.open` answering `ws://127.0.0.1:PORT/?ticket=N`,
 * `chat.postMessage`, anything else `{ ok: true }`; every call recorded, and `apps.connections.open`
 * can be held or dropped), the `response_url`
 * endpoint (`/response/<id>`, recorded) and the WebSocket server (the `ws` package) the client
 * connects to. The test drives the socket: it sends envelopes and waits for their acks.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface SocketCall {
  method: string;
  body: Record<string, unknown>;
  authorization?: string;
}

/** An ack the client sent over the socket: `{ envelope_id, payload }`. */
export interface Ack {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface SocketSlack {
  /** `SLACK_API_URL`: `http://127.0.0.1:PORT/api/`. */
  apiUrl: string;
  /** A `response_url` at this fake. */
  responseUrl(id: string): string;
  calls: SocketCall[];
  responses: { path: string; body: Record<string, unknown> }[];
  /** WebSocket connections accepted so far (oldest first), with the ticket of their URL. */
  sockets: { ws: WebSocket; ticket: string | null }[];
  acks: Ack[];
  /** Holds the next `apps.connections.open` answer until the returned function is called. */
  holdNextOpen(): () => void;
  /** The next `count` calls of `apps.connections.open` are dropped (the connection destroyed, no answer): a network error. */
  dropNextOpens(count: number): void;
  /** The next `apps.connections.open` answers `url` instead of this fake's WebSocket. */
  nextOpenUrl(url: string): void;
  /** Sends a frame on the newest socket. */
  send(frame: Record<string, unknown>): void;
  /** Resolves when `predicate()` holds (polling every 10 ms), rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

async function readJsonOrForm(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (req.headers['content-type']?.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const body: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  if (typeof body.blocks === 'string') body.blocks = JSON.parse(body.blocks);
  return body;
}

export async function startSocketSlack(): Promise<SocketSlack> {
  const calls: SocketCall[] = [];
  const responses: { path: string; body: Record<string, unknown> }[] = [];
  const sockets: { ws: WebSocket; ticket: string | null }[] = [];
  const acks: Ack[] = [];
  let held: Promise<void> | undefined;
  let drops = 0;
  let override: string | undefined;
  let tickets = 0;
  let ts = 1700000000;
  let base = '';

  const server: Server = createServer(
    (req, res) =>
      void (async () => {
        const body = await readJsonOrForm(req);
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        const send = (value: unknown) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(value));
        };
        if (path.startsWith('/response/')) {
          responses.push({ path, body });
          return send({ ok: true });
        }
        const method = path.slice('/api/'.length);
        calls.push({ method, body, authorization: req.headers.authorization });
        if (method === 'auth.test') {
          return send({ ok: true, team_id: 'T1DC2JH3J', user_id: 'UBOTUSER1', bot_id: 'BBOTID001', user: 'aws-qa' });
        }
        if (method === 'apps.connections.open' && drops > 0) {
          drops -= 1;
          return req.socket.destroy();
        }
        if (method === 'apps.connections.open') {
          const gate = held;
          held = undefined;
          if (gate) await gate;
          tickets += 1;
          const url = override ?? `${base.replace('http:', 'ws:')}/?ticket=t${tickets}`;
          override = undefined;
          return send({ ok: true, url });
        }
        if (method === 'chat.postMessage') {
          ts += 1;
          return send({ ok: true, channel: body.channel, ts: `${ts}.000100` });
        }
        return send({ ok: true });
      })(),
  );
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws, req) => {
    sockets.push({ ws, ticket: new URL(req.url ?? '/', 'http://localhost').searchParams.get('ticket') });
    ws.on('message', (data) => acks.push(JSON.parse(String(data)) as Ack));
    ws.send(JSON.stringify({ type: 'hello', num_connections: sockets.length, connection_info: { app_id: 'A123ABC456' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
    responses,
    sockets,
    acks,
    holdNextOpen() {
      let release = (): void => undefined;
      held = new Promise<void>((resolve) => (release = resolve));
      return () => release();
    },
    dropNextOpens(count) {
      drops = count;
    },
    nextOpenUrl(url) {
      override = url;
    },
    send(frame) {
      const newest = sockets.at(-1);
      if (!newest) throw new Error('socket slack: no WebSocket connection yet');
      newest.ws.send(JSON.stringify(frame));
    },
    async waitFor(predicate, what, timeoutMs = 20_000) {
      const start = Date.now();
      while (!predicate()) {
        if (Date.now() - start > timeoutMs) throw new Error(`socket slack: ${what} did not happen within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async close() {
      for (const { ws } of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
