import { connect } from 'node:net';
import pino from 'pino';
import { MAX_BODY_BYTES } from '../../adapters/server/body-limit';
import { type AppServer, createAppServer } from '../../adapters/server/http-server';
import { requestIdOf } from '../../adapters/server/request-id';
import { raw } from './helpers/requests';

interface Started {
  app: AppServer;
  base: string;
  lines: string[];
  logs(): Record<string, unknown>[];
}

async function start(ready = true): Promise<Started> {
  const lines: string[] = [];
  const logger = pino(
    { level: 'debug', mixin: require('../../adapters/server/request-id').requestFields },
    { write: (l: string) => void lines.push(l) },
  );
  const app = createAppServer({ logger });
  app.mount({
    path: '/echo',
    method: 'POST',
    accept: ['application/json', 'application/x-www-form-urlencoded'],
    buffer: true,
    handler: (req, res) => {
      const r = req as typeof req & { rawBody: Buffer; body?: unknown };
      setTimeout(() => logger.info({ reqId: requestIdOf(req) }, 'handler ran later'), 5); // the id travels with the request
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ bytes: r.rawBody.length, body: r.body ?? null }));
    },
  });
  app.mount({
    path: '/slow',
    method: 'POST',
    accept: ['application/json'],
    buffer: false,
    handler: (req, res) => {
      req.resume();
      const ms = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('ms') ?? 300);
      const timer = setTimeout(() => res.writeHead(200).end('done'), ms);
      res.on('close', () => clearTimeout(timer));
    },
  });
  app.mount({
    path: '/boom',
    method: 'POST',
    accept: ['application/json'],
    buffer: true,
    handler: () => {
      throw new Error('bug');
    },
  });
  app.fallback((req, res) => {
    if (req.url !== '/fallback') return false;
    res.writeHead(200).end('fallback');
    return true;
  });
  const address = await app.listen(0, '127.0.0.1');
  if (ready) app.ready();
  return { app, base: `http://127.0.0.1:${address.port}`, lines, logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const json = { 'content-type': 'application/json' };

describe('createAppServer', () => {
  let s: Started;
  afterEach(async () => {
    await s?.app.close(100);
  });

  describe('/healthz', () => {
    it('is 503 before ready (and so is every route), 200 after', async () => {
      s = await start(false);
      expect(await raw(s.base, { method: 'GET', path: '/healthz' })).toMatchObject({ status: 503, body: '{"status":"starting"}' });
      expect((await raw(s.base, { path: '/echo', headers: json, body: '{}' })).status).toBe(503);
      s.app.ready();
      expect(await raw(s.base, { method: 'GET', path: '/healthz' })).toMatchObject({ status: 200, body: '{"status":"ready"}' });
      expect((await raw(s.base, { method: 'HEAD', path: '/healthz' })).status).toBe(200);
    });

    it('is 503 while shutting down, while requests that still arrive are served', async () => {
      s = await start();
      const closing = s.app.close(2000, 300);
      expect(await raw(s.base, { method: 'GET', path: '/healthz' })).toMatchObject({ status: 503, body: '{"status":"stopping"}' });
      const served = await raw(s.base, { path: '/echo', headers: json, body: '{"a":1}' });
      expect(served.status).toBe(200);
      expect(served.headers.connection).toBe('close');
      expect(await closing).toBe(true);
      expect((await raw(s.base, { method: 'GET', path: '/healthz' })).status).toBe(0); // refused: no longer listening
    });

    it('only answers GET and HEAD', async () => {
      s = await start();
      const res = await raw(s.base, { method: 'POST', path: '/healthz', headers: json, body: '{}' });
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    });
  });

  describe('routing', () => {
    it('is 404 for unknown paths, after the fallback had its chance', async () => {
      s = await start();
      expect((await raw(s.base, { method: 'GET', path: '/nope' })).status).toBe(404);
      expect(await raw(s.base, { method: 'GET', path: '/fallback' })).toMatchObject({ status: 200, body: 'fallback' });
    });

    it('is 405 with Allow for a wrong method on a route', async () => {
      s = await start();
      for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
        const res = await raw(s.base, { method, path: '/echo' });
        expect(res.status).toBe(405);
        expect(res.headers.allow).toBe('POST');
      }
    });

    it('is 400 for a malformed request line, and stays up', async () => {
      s = await start();
      const { port } = new URL(s.base);
      const reply = await new Promise<string>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write('GARBAGE / HTTP/9.9\r\n\r\n'));
        let data = '';
        socket
          .on('data', (d) => {
            data += d.toString();
          })
          .on('close', () => resolve(data))
          .on('error', () => resolve(data));
      });
      expect(reply).toMatch(/^HTTP\/1\.1 400/);
      expect((await raw(s.base, { method: 'GET', path: '/healthz' })).status).toBe(200);
    });

    it('answers 500 (and logs) when a handler throws: a bug, never bad input', async () => {
      s = await start();
      expect((await raw(s.base, { path: '/boom', headers: json, body: '{}' })).status).toBe(500);
      expect(s.logs().some((l) => l.msg === 'request handler failed' && l.level === 50)).toBe(true);
    });
  });

  describe('bodies', () => {
    it('hands the parsed body and the raw bytes to the handler', async () => {
      s = await start();
      const res = await raw(s.base, {
        path: '/echo',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: '{"q":"SLA für EKS ✓"}',
      });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ bytes: Buffer.byteLength('{"q":"SLA für EKS ✓"}'), body: { q: 'SLA für EKS ✓' } });
      const form = await raw(s.base, { path: '/echo', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1&b=2' });
      expect(JSON.parse(form.body)).toEqual({ bytes: 7, body: null });
    });

    it('is 415 for a content type the route does not take, or none', async () => {
      s = await start();
      for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/jsonx']) {
        expect((await raw(s.base, { path: '/echo', headers: { 'content-type': type }, body: '{}' })).status).toBe(415);
      }
      expect((await raw(s.base, { path: '/echo', body: '{}' })).status).toBe(415);
      expect(
        (await raw(s.base, { path: '/slow', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' })).status,
      ).toBe(415);
    });

    it('is 400 for empty bodies, malformed JSON and JSON that is not an object', async () => {
      s = await start();
      for (const body of ['', '{', '{"a":}', 'null', '[1,2]', '"text"', '42', '\u0000\u0001']) {
        const res = await raw(s.base, { path: '/echo', headers: json, body });
        expect([body, res.status]).toEqual([body, 400]);
      }
    });

    it('accepts a body of exactly 1 MB', async () => {
      s = await start();
      const body = `{"pad":"${'x'.repeat(MAX_BODY_BYTES - 10)}"}`;
      expect(Buffer.byteLength(body)).toBe(MAX_BODY_BYTES);
      expect((await raw(s.base, { path: '/echo', headers: json, body })).status).toBe(200);
    });

    it('is 413 over 1 MB, from Content-Length, without reading the body', async () => {
      s = await start();
      const res = await raw(s.base, {
        path: '/echo',
        headers: { ...json, 'content-length': String(50 * MAX_BODY_BYTES) },
        body: '{"a":1}',
      });
      expect(res.status).toBe(413);
      expect(res.headers.connection).toBe('close');
    });

    it('is 413 over 1 MB when the body is streamed without a length, stopping at the limit', async () => {
      s = await start();
      const body = Buffer.alloc(3 * MAX_BODY_BYTES, 'a');
      const before = process.memoryUsage().arrayBuffers;
      const res = await raw(s.base, { path: '/echo', headers: json, body, chunked: 64 * 1024 });
      expect(res.status).toBe(413);
      expect(
        (await raw(s.base, { path: '/slow?ms=1', headers: { ...json, 'content-length': String(MAX_BODY_BYTES + 1) }, body: '{}' })).status,
      ).toBe(413);
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 * MAX_BODY_BYTES);
      expect((await raw(s.base, { method: 'GET', path: '/healthz' })).status).toBe(200);
    });
  });

  describe('request ids and logs', () => {
    it('gives every request an id, in the response, the access line and to the handler (requestIdOf)', async () => {
      s = await start();
      const res = await raw(s.base, { path: '/echo', headers: json, body: '{}' });
      const id = res.headers['x-request-id'] as string;
      expect(id).toMatch(/^[0-9a-f]{16}$/);
      await new Promise((r) => setTimeout(r, 30));
      const mine = s.logs().filter((l) => l.reqId === id);
      expect(mine.map((l) => l.msg).sort()).toEqual(['handler ran later', 'request']);
      expect(mine.find((l) => l.msg === 'request')).toMatchObject({ method: 'POST', path: '/echo', status: 200 });
    });

    it('keeps a sane caller id and replaces an unsafe one', async () => {
      s = await start();
      expect(
        (await raw(s.base, { method: 'GET', path: '/healthz', headers: { 'x-request-id': 'lb-1234.abc' } })).headers['x-request-id'],
      ).toBe('lb-1234.abc');
      const unsafe = await raw(s.base, { method: 'GET', path: '/healthz', headers: { 'x-request-id': 'x"}\\n{"level":60' } });
      expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
    });
  });

  describe('close', () => {
    it('lets an in-flight request finish, then resolves true', async () => {
      s = await start();
      const inflight = raw(s.base, { path: '/slow?ms=400', headers: json, body: '{}' });
      await new Promise((r) => setTimeout(r, 50));
      expect(s.app.inFlight()).toBe(1);
      const started = Date.now();
      expect(await s.app.close(5000)).toBe(true);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(await inflight).toMatchObject({ status: 200, body: 'done' });
    });

    it('drops what is still open after the timeout and resolves false', async () => {
      s = await start();
      const hung = raw(s.base, { path: '/slow?ms=60000', headers: json, body: '{}' });
      await new Promise((r) => setTimeout(r, 50));
      expect(await s.app.close(200)).toBe(false);
      expect((await hung).status).toBe(0);
    });
  });
});
