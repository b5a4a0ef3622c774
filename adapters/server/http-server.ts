/**
 * The one `node:http` server and its routing. Contract:
 * - `GET|HEAD /healthz`: 200 `{"status":"ready"}` (plus `healthDetails`, e.g. `"store":"degraded"`) once {@link AppServer.ready} was called, 503
 *   `{"status":"starting"|"stopping"}` before that and from {@link AppServer.close} on.
 * - With a host policy (local mode), a request whose `Host` (or `Origin`) is not this machine's
 *   gets 403 before anything else (DNS rebinding: a web page must not drive the bot).
 * - Routing: the request target's path is decided once, by `requestPath` (`../shared/request-path.ts`:
 *   the URL parser's path: `.` and `..` segments resolved, the query and fragment dropped, nothing
 *   else normalized, so `/api/./messages` and `/api/messages?x=1` are `/api/messages`, while
 *   `/api/messages/` and `/API/messages` are not). No handler looks at the path again: what the
 *   router hands a route is served by it.
 * - Mounted routes (`POST /slack/events`, `POST /api/messages`): 405 for another method (with
 *   `Allow`), then the route's handler, which admits the body its own declared way through the one
 *   admission path (`../shared/admission.ts`: 415, 401, 413, 400).
 * - Then the fallback (the playground), given the same path, which returns `true` when it took the request.
 * - Else 404. Before ready, everything but `/healthz` gets 503 + `Retry-After`. While stopping,
 *   requests still arriving are served, with `Connection: close`.
 *
 * Every request gets an id (in `x-request-id`, attached to the request for its handler: see
 * `request-id.ts`) and one access log line when it ends (debug for 2xx/3xx and for requests the client abandoned, info for
 * 4xx, error for 5xx). A handler that
 * throws is logged and answered 500: bad input must never get there.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestPath } from '../shared/request-path';
import { refuse, respond } from '../shared/respond';
import type { Logger } from './logger';
import { attachRequestContext, type RequestContext, requestIdFor } from './request-id';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface Route {
  /** Exact path, e.g. `/slack/events`. */
  path: string;
  /** The one method served (others get 405). */
  method: 'POST';
  /** Admits the body its own way (`../shared/admission.ts`) and answers. */
  handler: Handler;
}

/** The fallback: given the routed path, it answers and returns `true`, or returns `false` (then 404). */
export type Fallback = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

export type Health = 'starting' | 'ready' | 'stopping';

export interface AppServerOptions {
  logger: Logger;
  /** Extra fields of the `/healthz` body (e.g. `store: "ok" | "degraded"`); they never change its status. */
  healthDetails?: () => Record<string, unknown>;
  /**
   * When given, every request but `/healthz` must satisfy it (else 403): local mode passes
   * `hostPolicy` (loopback names, plus a configured public host).
   */
  hostAllowed?: (req: IncomingMessage) => boolean;
  /** A request (headers and body) must arrive within this many ms. Default 30,000. */
  requestTimeoutMs?: number;
}

/** How often idle and slow connections are checked against the request timeout. */
const CONNECTION_CHECK_MS = 1000;

export interface AppServer {
  server: Server;
  readonly health: Health;
  /** Adds a route (replacing one on the same path). */
  mount(route: Route): void;
  /** Sets the handler tried after the routes; it returns `true` when it handled the request. */
  fallback(handler: Fallback): void;
  /** Listens; resolves with the bound address. */
  listen(port: number, host: string): Promise<AddressInfo>;
  /** `/healthz` turns 200 and routes are served. */
  ready(): void;
  /** Requests being handled right now. */
  inFlight(): number;
  /**
   * Health turns 503 at once; after `delayMs` (default 0; requests are still served meanwhile) the
   * server stops accepting connections, lets in-flight requests finish and resolves `true`; if
   * some are still open `timeoutMs` later, it drops them and resolves `false`.
   */
  close(timeoutMs: number, delayMs?: number): Promise<boolean>;
}

/** The state one server's request handling shares: its routes, fallback, health and open responses. */
interface ServerState {
  readonly options: AppServerOptions;
  readonly routes: Map<string, Route>;
  fallback?: Fallback;
  health: Health;
  readonly active: Set<ServerResponse>;
}

/** `/healthz`: 200 when ready, 503 otherwise, with the health details. */
function serveHealth(state: ServerState, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'use GET', false, { allow: 'GET, HEAD' });
  respond(res, state.health === 'ready' ? 200 : 503, { status: state.health, ...state.options.healthDetails?.() });
}

/** A mounted route: 405 for another method, else its handler. */
function serveRoute(route: Route, req: IncomingMessage, res: ServerResponse): void {
  if (req.method === route.method) return route.handler(req, res);
  req.resume();
  refuse(res, 405, `use ${route.method}`, false, { allow: route.method });
}

/** Health, the host policy, readiness, then the route, the fallback or 404. */
function dispatch(state: ServerState, req: IncomingMessage, res: ServerResponse, path: string): void {
  if (path === '/healthz') return serveHealth(state, req, res);
  const { hostAllowed, logger } = state.options;
  if (hostAllowed && !hostAllowed(req)) {
    logger.debug(
      { host: String(req.headers.host ?? '').slice(0, 100), origin: String(req.headers.origin ?? '').slice(0, 100) },
      'request for another host refused',
    );
    return refuse(res, 403, 'host not allowed', true);
  }
  if (state.health === 'starting') {
    req.resume();
    return refuse(res, 503, 'starting: the knowledge base is loading', false, { 'retry-after': '1' });
  }
  const route = state.routes.get(path);
  if (route) return serveRoute(route, req, res);
  if (state.fallback?.(req, res, path)) return;
  req.resume();
  refuse(res, 404, 'not found');
}

/** The access line when the response closes: debug for 2xx/3xx and abandoned requests, info for 4xx, error for 5xx. */
function logAccess(log: Logger, req: IncomingMessage, res: ServerResponse, context: RequestContext, path: string): void {
  const status = res.statusCode;
  // A request the client abandoned is a debug line: anyone can abort uploads by the thousand.
  const level = !res.writableFinished ? 'debug' : status >= 500 ? 'error' : status >= 400 ? 'info' : 'debug';
  if (!log.isLevelEnabled(level)) return;
  log[level](
    {
      reqId: context.id,
      method: req.method,
      path,
      status,
      ms: Math.round(performance.now() - context.started),
      ...(res.writableFinished ? {} : { aborted: true }),
    },
    'request',
  );
}

/** One request: its id and context, the access line when it closes, then {@link dispatch}. */
function onRequest(state: ServerState, server: Server, req: IncomingMessage, res: ServerResponse): void {
  const log = state.options.logger;
  const context: RequestContext = { id: requestIdFor(req), started: performance.now() };
  attachRequestContext(req, context);
  res.setHeader('x-request-id', context.id);
  if (state.health === 'stopping') res.setHeader('connection', 'close');
  state.active.add(res);
  const path = requestPath(req.url ?? '/');
  // `on`, not `once`: a response closes once, and `once` wraps every listener in a closure of its own.
  res.on('close', () => {
    state.active.delete(res);
    logAccess(log, req, res, context, path ?? String(req.url).slice(0, 200));
    if (state.health === 'stopping') server.closeIdleConnections();
  });
  if (path === undefined) {
    req.resume();
    return refuse(res, 400, 'malformed request target');
  }
  try {
    dispatch(state, req, res, path);
  } catch (error) {
    log.error({ err: error, reqId: context.id, path }, 'request handler failed');
    if (!res.headersSent) refuse(res, 500, 'internal error');
    else res.destroy();
  }
}

/** Creates the server (not listening yet). */
export function createAppServer(options: AppServerOptions): AppServer {
  const log = options.logger;
  const state: ServerState = {
    options,
    routes: new Map(),
    health: 'starting',
    active: new Set(),
  };
  const { active } = state;

  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  // Node checks these timeouts every `connectionsCheckingInterval` (30 s by default: a slow request
  // then lived up to ~60 s); checking every second keeps them what they say.
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(20_000, requestTimeout),
      connectionsCheckingInterval: CONNECTION_CHECK_MS,
    },
    (req, res) => {
      try {
        onRequest(state, server, req, res);
      } catch (error) {
        log.error({ err: error }, 'request handler failed');
        refuse(res, 500, 'internal error');
      }
    },
  );
  // Longer than a load balancer's idle timeout (AWS ALB: 60 s), so the balancer closes first.
  server.keepAliveTimeout = 65_000;
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable && !socket.destroyed) socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    else socket.destroy();
    log.debug({ code: error.code }, 'malformed HTTP request');
  });

  return {
    server,
    get health() {
      return state.health;
    },
    mount(route) {
      state.routes.set(route.path, route);
    },
    fallback(handler) {
      state.fallback = handler;
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    ready() {
      if (state.health === 'starting') state.health = 'ready';
    },
    inFlight: () => active.size,
    async close(timeoutMs, delayMs = 0) {
      state.health = 'stopping';
      for (const res of active) if (!res.headersSent) res.setHeader('connection', 'close');
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return new Promise<boolean>((resolve) => {
        let settled = false;
        const timer = setTimeout(() => {
          if (settled) return;
          settled = true;
          log.warn({ inFlight: active.size }, 'shutdown timeout: dropping the requests still open');
          server.closeAllConnections();
          resolve(false);
        }, timeoutMs);
        timer.unref();
        server.close(() => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(true);
        });
        server.closeIdleConnections();
      });
    },
  };
}
