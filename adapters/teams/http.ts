/**
 * The `POST /api/messages` endpoint as a plain `node:http` request listener: it checks the
 * request (cheapest first), reads the body itself (the shared bounded reader), validates the
 * activity (`incoming-activity.ts`), then hands it to the `CloudAdapter`
 * (`TeamsCloudAdapter.processIncoming`: authentication, connector, the bot's turn).
 *
 * Order of checks, so that unauthenticated junk costs almost nothing: path (404), method (405),
 * content type (415), then with auth on the `Authorization` header's presence and shape (a
 * `Bearer` JWT; 401 before a byte of the body is read), the size (413 over `maxBodyBytes`), the
 * nesting and the JSON (400), the activity's shape (400, naming the field at fault), without auth
 * the `serviceUrl` (403 unless on a loopback host or in `allowedServiceUrls`: no blind relay), and
 * only then the token itself (401). Then 200 for a handled activity (even when the reply could not
 * be delivered: that is logged), or the status an `invoke` asks for (400: the app declares no
 * invoke feature). Bad input never yields a 5xx; a 500 means a bug, and is logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity, ActivityHandlerBase, InvokeResponse, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { parseJsonObject } from '../shared/json-body';
import { readBody } from '../shared/read-body';
import { serviceUrlAllowed } from '../shared/loopback';
import { createRedactor, type Redactor, withErrorSerializer } from '../shared/redactor';
import type { TeamsCloudAdapter } from './adapter';
import { checkIncomingActivity, withDateTimestamps } from './incoming-activity';
import { setTurnRequestId } from './turn-request-id';

/** Largest accepted Teams request body: 256 KiB (activities are a few KB). */
export const TEAMS_MAX_BODY_BYTES = 256 * 1024;

/** A Bot Framework `Authorization` header: `Bearer` and a JWT (three base64url parts), at most 16 KB. */
const BEARER_JWT = /^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const MAX_AUTH_HEADER = 16 * 1024;

export interface MessagesListenerOptions {
  /** Runs the turns (`createTeamsAdapter`); only `processIncoming` is used. */
  adapter: Pick<TeamsCloudAdapter, 'processIncoming'>;
  bot: ActivityHandlerBase;
  logger: Logger;
  /** The endpoint path. Default `/api/messages`. */
  path?: string;
  /** Largest accepted body in bytes. Default {@link TEAMS_MAX_BODY_BYTES}. */
  maxBodyBytes?: number;
  /**
   * Whether requests must carry a valid Bot Framework token (an app id is configured). Then any
   * failure before the bot runs (a refused token, or one that cannot be validated at all, e.g.
   * when the signing keys cannot be fetched) is a 401 rather than a server error. Default false.
   */
  authRequired?: boolean;
  /** Redacts logged errors (the app password). Default: one built from `secrets`. */
  redactor?: Redactor;
  /** Values redacted from every logged error (the app password), when no `redactor` is given. */
  secrets?: readonly string[];
  /**
   * Without auth: origins (`https://host:port`) besides loopback hosts that replies may be sent to
   * (`TEAMS_ALLOWED_SERVICE_URLS`, e.g. the Emulator on a Docker host). Default none.
   */
  allowedServiceUrls?: readonly string[];
  /** The id of a request (the server's `requestIdOf`), handed to the bot in the turn state. */
  requestIdOf?: (req: IncomingMessage) => string | undefined;
}

class HttpError extends Error {
  /** `close`: the body was not read, answer with `Connection: close`. */
  constructor(
    readonly status: number,
    message: string,
    readonly close = false,
  ) {
    super(message);
  }
}

/** The body as an activity, or an {@link HttpError} 400 naming what is wrong. */
function parseActivity(body: Buffer): Activity {
  const json = parseJsonObject(body);
  if (!json.ok) throw new HttpError(400, json.error);
  const checked = checkIncomingActivity(json.value);
  if (!checked.ok) throw new HttpError(400, `not an activity: ${checked.problem}`);
  return withDateTimestamps(checked.activity);
}

/**
 * Whether `error` is botbuilder's refusal of a request's credentials: an `AuthenticationError`
 * (botframework-connector's class, which botbuilder does not re-export: recognized by its class
 * name) or any error carrying status 401 or 403.
 */
function isAuthFailure(error: unknown): boolean {
  const e = error as { constructor?: { name?: unknown }; statusCode?: unknown } | null;
  return e?.constructor?.name === 'AuthenticationError' || e?.statusCode === 401 || e?.statusCode === 403;
}

/** The first line of `error`'s message, redacted. */
function firstLine(error: unknown, redactor: Redactor): string {
  return redactor.text(String((error as Error)?.message ?? error)).split('\n')[0];
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent || res.destroyed) return;
  if (body === undefined || body === null || body === '') {
    res.writeHead(status).end();
    return;
  }
  const text = typeof body === 'string' ? JSON.stringify({ error: body }) : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
}

/** One listener's options, resolved once. */
interface Endpoint {
  options: MessagesListenerOptions;
  path: string;
  maxBodyBytes: number;
  redactor: Redactor;
  log: Logger;
}

/** A `node:http` request listener serving the Bot Framework messaging endpoint (see the module doc). */
export function createMessagesListener(options: MessagesListenerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const redactor = options.redactor ?? createRedactor(options.secrets ?? []);
  const endpoint: Endpoint = {
    options,
    path: options.path ?? '/api/messages',
    maxBodyBytes: options.maxBodyBytes ?? TEAMS_MAX_BODY_BYTES,
    redactor,
    log: withErrorSerializer(options.logger, {}, redactor),
  };
  return (req, res) => {
    handle(endpoint, req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        if (error.status === 413 || error.close) res.setHeader('connection', 'close');
        endpoint.log.debug({ status: error.status, reason: error.message }, 'teams request refused');
        send(res, error.status, error.message);
      } else {
        endpoint.log.error({ err: error }, 'teams request failed');
        send(res, 500, 'internal error');
      }
    });
  };
}

/** The checks in the module doc's order, then the turn; a refusal is thrown as an {@link HttpError}. */
async function handle(endpoint: Endpoint, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const authorization = checkHead(endpoint, req, res);
  const activity = await readActivity(endpoint, req);
  if (!activity) return;
  checkServiceUrl(endpoint, activity);
  await runTurn(endpoint, authorization, activity, res, endpoint.options.requestIdOf?.(req));
}

/**
 * What can be refused before a byte of the body is read: the path (404), the method (405), the
 * content type (415) and, with auth on, the `Authorization` header's presence and shape (401).
 * Returns that header.
 */
function checkHead(endpoint: Endpoint, req: IncomingMessage, res: ServerResponse): string | undefined {
  const url = (req.url ?? '/').split('?')[0];
  if (url !== endpoint.path) throw new HttpError(404, 'not found');
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    throw new HttpError(405, 'use POST');
  }
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'content-type must be application/json');
  const authorization = req.headers.authorization;
  if (
    endpoint.options.authRequired &&
    (typeof authorization !== 'string' || authorization.length > MAX_AUTH_HEADER || !BEARER_JWT.test(authorization))
  ) {
    throw new HttpError(401, 'unauthorized', !req.complete);
  }
  return authorization;
}

/** The body (at most `maxBodyBytes`: 413) as a valid activity (400 otherwise); `undefined` when the client went away mid-body. */
async function readActivity(endpoint: Endpoint, req: IncomingMessage): Promise<Activity | undefined> {
  const read = await readBody(req, endpoint.maxBodyBytes);
  if (read.ok) return parseActivity(read.body);
  if (!read.aborted) throw new HttpError(read.status, read.error, read.close);
  endpoint.log.debug('teams request aborted mid-body');
  return undefined;
}

/** Without auth, replies go only to loopback `serviceUrl`s and the allowed ones (403 otherwise: no blind relay). */
function checkServiceUrl(endpoint: Endpoint, activity: Activity): void {
  const { options } = endpoint;
  if (options.authRequired || serviceUrlAllowed(activity.serviceUrl, options.allowedServiceUrls)) return;
  endpoint.log.warn(
    { serviceUrl: String(activity.serviceUrl).slice(0, 200) },
    'teams activity refused: without authentication, replies go only to loopback serviceUrls (see TEAMS_ALLOWED_SERVICE_URLS)',
  );
  throw new HttpError(403, 'serviceUrl not allowed without authentication');
}

/**
 * Hands the activity to the adapter (authentication, then the bot's turn) and answers 200, or
 * the status an `invoke` asks for. A failure before the bot ran is a 401 when it is a refused
 * token, or with auth on any failure to validate one; anything else propagates (a 500).
 */
async function runTurn(
  endpoint: Endpoint,
  authorization: string | undefined,
  activity: Activity,
  res: ServerResponse,
  requestId: string | undefined,
): Promise<void> {
  const { options, log } = endpoint;
  let logicRan = false;
  const logic = (context: TurnContext): Promise<void> => {
    logicRan = true;
    setTurnRequestId(context, requestId);
    return options.bot.run(context);
  };
  let result: InvokeResponse | undefined;
  try {
    result = await options.adapter.processIncoming(String(authorization ?? ''), activity, logic);
  } catch (error) {
    // Authentication comes before any bot code: a failure before the bot ran is a refused token
    // (botbuilder's AuthenticationError carries 401/403), or, with auth on, one that could not be
    // validated at all. Errors inside the turn never get here (onTurnError handles them).
    const refused = isAuthFailure(error);
    if (!logicRan && (options.authRequired || refused)) {
      if (refused) log.warn({ reason: firstLine(error, endpoint.redactor) }, 'teams request rejected: not authenticated');
      // Not a refusal of the token as such (signing keys unreachable, a misconfigured app): still
      // no answer without authentication, but worth an error line.
      else log.error({ err: error }, 'teams request rejected: not authenticated (the token could not be validated)');
      send(res, 401, 'unauthorized');
      return;
    }
    throw error;
  }
  // Never echo an error text (it can name internal endpoints); invoke bodies pass through.
  send(res, result?.status ?? 200, result?.body);
}
