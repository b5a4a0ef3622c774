import { connect } from 'node:net';
import pino from 'pino';
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
    handler: (req, res) => {
      setTimeout(() => logger.info({ reqId: requestIdOf(req) }, 'handler ran later'), 5); // the id travels with the request
      let bytes = 0;
      req.on('data', (chunk: Buffer) => (bytes += chunk.length));
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ bytes, url: req.url })));
    },
  });
  app.mount({
    path: '/slow',
    method: 'POST',
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
    handler: () => {
      throw new Error('bug');
    },
  });
  app.fallback((_req, res, path) => {
    if (path !== '/fallback') return false;
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

  describe('the one path rule', () => {
    it.each([
      ['/echo', true],
      ['/echo?x=1', true],
      ['/./echo', true],
      ['/x/../echo', true],
      ['/echo#frag', true],
      ['/echo/', false],
      ['/ECHO', false],
      ['/%65cho', false],
      ['//echo', false],
    ])('routes %s to the /echo handler: %s (else 404), handing it the request untouched', async (target, routed) => {
      s = await start();
      const res = await raw(s.base, { path: target, headers: json, body: '{"a":1}' });
      expect(res.status).toBe(routed ? 200 : 404);
      if (routed) expect(JSON.parse(res.body)).toEqual({ bytes: 7, url: target });
    });

    it('gives the fallback the same path', async () => {
      s = await start();
      expect(await raw(s.base, { method: 'GET', path: '/./fallback?x=1' })).toMatchObject({ status: 200, body: 'fallback' });
      expect((await raw(s.base, { method: 'GET', path: '/fallback/' })).status).toBe(404);
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
