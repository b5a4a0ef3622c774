/**
 * The local playground's HTTP handler: a page where someone without a Slack app or Teams tenant
 * asks questions and sees each answer as Slack and as Teams would show it, side by side.
 *
 * Routes (everything else returns `false`, and the server answers 404):
 * - `GET /` — the page (`index.html` from the built assets);
 * - `GET /playground/<file>` — the bundle and stylesheet built by `build-client.ts`;
 * - `POST /playground/ask` — `{ question, conversation? }` → `{ answer, intent, slack, teams, knowledge? }`,
 *   where `slack` is `renderSlack(answer)` and `teams` is `renderTeams(answer)`, exactly what the
 *   bots would send, and `knowledge` says which knowledge is served and why a reload was refused,
 *   if one was; questions sharing a `conversation` id are read in the context of the ones before
 *   (the conversation key is `web:<id>`, which no Slack or Teams key can equal);
 * - `POST /playground/feedback` — `{ answerId, question, vote, from? }` → recorded in the feedback
 *   store with platform `web`.
 *
 * Every route answers only to this machine's host names and `publicHost` (403 otherwise: DNS
 * rebinding), and, with a `token`, only to requests carrying it as the HTTP Basic password (401
 * with a `WWW-Authenticate` challenge: the browser asks once; the user name is ignored). The POST
 * routes admit their body through the one admission path (`../shared/admission.ts`) with
 * {@link playgroundAdmission}: cross-origin refused before reading (403), JSON in UTF-8 (415),
 * at most {@link PLAYGROUND_MAX_BODY_BYTES} (413), a JSON object (400), then the route's zod schema (400).
 *
 * Bad input never gets a 5xx: 400 (malformed JSON, schema errors, question empty or over 4,000
 * characters), 403 (cross-origin POST, another host), 405 (wrong method), 413 (body over 64 KB), 415 (not JSON).
 * A 500 means the engine itself failed; it is logged and the server stays up.
 *
 * ```ts
 * const playground = createPlaygroundHandler({ assistant: () => current, feedbackStore, logger });
 * app.fallback(playground); // the server's router hands it the request's path (`requestPath`)
 * ```
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Assistant, ConversationRecall, FeedbackStore } from '../../src/index';
import { renderSlack } from '../slack/render';
import { renderTeams } from '../teams/render';
import { type Admission, admit, answerRefusal, refusal } from '../shared/admission';
import { parseJsonObject } from '../shared/json-body';
import { respond } from '../shared/respond';
import { hostPolicy } from './host-check';
import { askRequestSchema, describeIssues, feedbackRequestSchema } from './schemas';
import { defaultAssetsDir, readAsset } from './static-assets';

export interface PlaygroundOptions {
  /**
   * The current assistant; called per request, because the server swaps it when the knowledge
   * changes. Its `recall`, when it has one (the server's), is awaited before a question in a conversation.
   */
  assistant: () => Assistant & Partial<ConversationRecall>;
  /** Where 👍/👎 votes go (platform `web`, user {@link PLAYGROUND_USER}). */
  feedbackStore: FeedbackStore;
  logger: Logger;
  /** Directory of the built page. Default: `<repo>/dist/web` (written by `npm run build`). */
  assetsDir?: string;
  /** Largest accepted request body in bytes. Default {@link PLAYGROUND_MAX_BODY_BYTES}. */
  maxBodyBytes?: number;
  /** A host name served besides loopback names (`PUBLIC_HOST`). */
  publicHost?: string;
  /** `PLAYGROUND_TOKEN`: when set, every playground request must carry it (HTTP Basic password). */
  token?: string;
  /**
   * Which knowledge is served, and the last reload refused since the last good one (the server's
   * `LiveAssistant`): sent with every answer, so the page says when a change was not taken and why.
   */
  knowledgeStatus?: () => PlaygroundKnowledgeStatus;
  /** The id of a request (the server's `requestIdOf`), for the question log line. */
  requestIdOf?: (req: IncomingMessage) => string | undefined;
}

/** `knowledge` in an answer's response: the version served, and a refused reload's problems. */
export interface PlaygroundKnowledgeStatus {
  version: string;
  rejected?: { at: string; problems: string[] };
}

/**
 * Handles the request and returns `true`, or returns `false` when `path` (the router's
 * `requestPath` of the request: the handler never parses the URL itself) is not the playground's.
 */
export type PlaygroundHandler = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

/** Largest playground request body: 64 KB (a 4,000-character question is at most 16 KB as UTF-8). */
export const PLAYGROUND_MAX_BODY_BYTES = 64 * 1024;

/** The `user` recorded with playground votes. */
export const PLAYGROUND_USER = 'playground';

/**
 * The page's Content-Security-Policy: scripts, styles and requests only from this server
 * (nothing from a CDN); inline `style` attributes are allowed because the Adaptive Cards renderer
 * sets them. No inline scripts, no frames.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const COMMON_HEADERS = { 'referrer-policy': 'no-referrer', 'cache-control': 'no-cache' };

/** The playground's error body: `{ error: { status, message, …extra } }` (the page shows `message` and `issues`). */
const errorBody = (status: number, message: string, extra: Record<string, unknown> = {}): unknown => ({
  error: { status, message, ...extra },
});

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): void {
  respond(res, status, errorBody(status, message, extra), { ...COMMON_HEADERS, ...headers });
}

/** A POST from another site (its `Origin` is not this host, or the browser says cross-site). */
function isCrossOrigin(req: IncomingMessage): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

/**
 * The playground POSTs' admission: JSON in UTF-8 (requiring JSON also means a cross-site form or
 * `fetch` cannot post without a CORS preflight, which the playground never answers), a
 * cross-origin POST refused before reading (403), at most `maxBodyBytes`, a JSON object.
 */
export function playgroundAdmission(maxBodyBytes: number): Admission<Record<string, unknown>> {
  return {
    accept: ['application/json'],
    maxBodyBytes,
    authenticate: (req) => (isCrossOrigin(req) ? refusal(403, 'cross-origin requests are not accepted') : { ok: true, value: undefined }),
    parse(raw) {
      const json = parseJsonObject(raw);
      return json.ok ? json : refusal(400, json.error);
    },
  };
}

/** The route of a request path: the page, an asset name, an endpoint, or none of ours. */
type Route = { kind: 'page' } | { kind: 'asset'; name: string } | { kind: 'ask' } | { kind: 'feedback' } | undefined;

function routeOf(path: string): Route {
  if (path === '/' || path === '/index.html') return { kind: 'page' };
  if (path === '/playground/ask') return { kind: 'ask' };
  if (path === '/playground/feedback') return { kind: 'feedback' };
  if (path.startsWith('/playground/')) return { kind: 'asset', name: path.slice('/playground/'.length) };
  return undefined;
}

/** What every route of one handler works with: its options resolved once. */
interface Playground {
  options: PlaygroundOptions;
  log: Logger;
  assetsDir: string;
  admission: Admission<Record<string, unknown>>;
  hostAllowed: (req: IncomingMessage) => boolean;
  authorized: (req: IncomingMessage) => boolean;
}

/** Creates the playground handler; see the module doc for routes and statuses. */
export function createPlaygroundHandler(options: PlaygroundOptions): PlaygroundHandler {
  const playground: Playground = {
    options,
    log: options.logger.child({ component: 'playground' }),
    assetsDir: options.assetsDir ?? defaultAssetsDir(),
    admission: playgroundAdmission(options.maxBodyBytes ?? PLAYGROUND_MAX_BODY_BYTES),
    hostAllowed: hostPolicy(options.publicHost),
    authorized: basicPasswordCheck(options.token),
  };
  return (req, res, path) => {
    const route = routeOf(path);
    if (!route) return false;
    handle(playground, req, res, route).catch((error: unknown) => {
      playground.log.error({ err: error, path }, 'playground request failed');
      if (!res.headersSent) sendError(res, 500, 'the playground failed to answer; see the server log');
      else res.destroy();
    });
    return true;
  };
}

/**
 * Whether a request carries `token` as its HTTP Basic password (the user name is ignored),
 * compared in constant time; every request passes when there is no token.
 */
function basicPasswordCheck(token: string | undefined): (req: IncomingMessage) => boolean {
  if (!token) return () => true;
  const expected = Buffer.from(token);
  return (req) => {
    const match = /^Basic ([A-Za-z0-9+/=]{1,2048})$/.exec(String(req.headers.authorization ?? ''));
    if (!match) return false;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const given = Buffer.from(decoded.slice(decoded.indexOf(':') + 1));
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
}

/** Host and token first (403, 401), then the method each route takes (405), then the route (a POST's admission: 403 cross-origin, 415, 413, 400). */
async function handle(playground: Playground, req: IncomingMessage, res: ServerResponse, route: NonNullable<Route>): Promise<void> {
  if (!playground.hostAllowed(req)) {
    req.resume();
    return sendError(res, 403, 'host not allowed');
  }
  if (!playground.authorized(req)) {
    req.resume();
    return sendError(
      res,
      401,
      'the playground needs its token (PLAYGROUND_TOKEN)',
      {},
      { 'WWW-Authenticate': 'Basic realm="aws-qa playground", charset="UTF-8"' },
    );
  }
  const isGet = req.method === 'GET' || req.method === 'HEAD';
  if (route.kind === 'page' || route.kind === 'asset') {
    if (!isGet) return sendError(res, 405, `${req.method} not allowed here`, {}, { Allow: 'GET, HEAD' });
    return serveFile(playground, req, res, route.kind === 'page' ? 'index.html' : route.name, route.kind === 'page');
  }
  if (req.method !== 'POST') return sendError(res, 405, `${req.method} not allowed here, use POST`, {}, { Allow: 'POST' });
  return route.kind === 'ask' ? ask(playground, req, res) : feedback(playground, req, res);
}

/** A built asset (the page itself with its CSP); 503 with a hint when the page is not built, 404 for an unknown asset. */
async function serveFile(playground: Playground, req: IncomingMessage, res: ServerResponse, name: string, page: boolean): Promise<void> {
  const { assetsDir } = playground;
  const asset = await readAsset(assetsDir, name);
  if (!asset) {
    if (page) {
      playground.log.warn({ assetsDir }, 'playground page not built');
      return respond(res, 503, `The playground page is not built (no ${name} in ${assetsDir}). Run \`npm run build\`.\n`, COMMON_HEADERS);
    }
    sendError(res, 404, `no playground asset named ${JSON.stringify(name)}`);
    return;
  }
  const headers = { ...COMMON_HEADERS, 'content-type': asset.contentType };
  respond(res, 200, asset.body, page ? { ...headers, 'content-security-policy': PAGE_CSP, 'x-frame-options': 'DENY' } : headers);
}

/**
 * The JSON body validated by `schema`, or `undefined` when the request has been answered instead
 * (4xx from the body reader, 400 naming the schema's issues) or the client went away mid-body.
 */
async function readRequest<T>(
  playground: Playground,
  req: IncomingMessage,
  res: ServerResponse,
  schema: z.ZodType<T>,
  what: string,
): Promise<T | undefined> {
  const body = await admit(req, playground.admission);
  if (!body.ok) {
    answerRefusal(res, body, playground.log, errorBody);
    return undefined;
  }
  const parsed = schema.safeParse(body.value);
  if (parsed.success) return parsed.data;
  sendError(res, 400, `invalid ${what} request`, { issues: describeIssues(parsed.error) });
  return undefined;
}

/** `POST /playground/ask`: the answer, and exactly what Slack and Teams would receive. */
async function ask(playground: Playground, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const request = await readRequest(playground, req, res, askRequestSchema, 'ask');
  if (!request) return;
  const started = performance.now();
  const assistant = playground.options.assistant();
  const context = {
    requestId: playground.options.requestIdOf?.(req),
    ...(request.conversation ? { thread: `web:${request.conversation}` } : {}),
  };
  await assistant.recall?.(context);
  const { answer, intent } = assistant.route(request.question, context);
  const slack = renderSlack(answer);
  const teams = renderTeams(answer);
  playground.log.debug(
    { intent, kind: answer.kind, answered: answer.answered, ms: Math.round(performance.now() - started) },
    'playground answer',
  );
  const knowledge = playground.options.knowledgeStatus?.();
  respond(res, 200, { answer, intent, slack, teams, ...(knowledge ? { knowledge } : {}) }, COMMON_HEADERS);
}

/** `POST /playground/feedback`: the vote, recorded with platform `web` and user {@link PLAYGROUND_USER}. */
async function feedback(playground: Playground, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const request = await readRequest(playground, req, res, feedbackRequestSchema, 'feedback');
  if (!request) return;
  const { answerId, question, vote, from } = request;
  await playground.options.feedbackStore.record({
    platform: 'web',
    question,
    answerId,
    vote,
    user: PLAYGROUND_USER,
    at: new Date().toISOString(),
  });
  playground.log.info({ answerId, vote, from }, 'playground feedback recorded');
  respond(res, 200, { recorded: true }, COMMON_HEADERS);
}
