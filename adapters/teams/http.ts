/**
 * The `POST /api/messages` endpoint as a plain `node:http` request listener: it reads and checks
 * the body itself (bounded, validated: `incoming-activity.ts`), then hands the activity to the
 * `CloudAdapter` (`TeamsCloudAdapter.processIncoming`: authentication, connector, the bot's turn).
 * No Express or Restify needed.
 *
 * Status codes: 404 other paths, 405 other methods, 415 not JSON, 413 over `maxBodyBytes`, 400
 * empty / malformed JSON / not an activity (with the field at fault), 401 when the request cannot
 * be authenticated (auth on; checked before any bot code runs), then 200 for a handled activity
 * (even when the reply could not be delivered: that is logged), or the status an `invoke` asks
 * for (400: the app declares no invoke feature). Bad input never yields a 5xx; a 500 means a bug,
 * and is logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity, ActivityHandlerBase, InvokeResponse, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { TeamsCloudAdapter } from './adapter';
import { checkIncomingActivity, withDateTimestamps } from './incoming-activity';
import { describeError } from './log';

export interface MessagesListenerOptions {
  /** Runs the turns (`createTeamsAdapter`); only `processIncoming` is used. */
  adapter: Pick<TeamsCloudAdapter, 'processIncoming'>;
  bot: ActivityHandlerBase;
  logger: Logger;
  /** The endpoint path. Default `/api/messages`. */
  path?: string;
  /** Largest accepted body in bytes. Default 256 KiB (Teams activities are a few KB). */
  maxBodyBytes?: number;
  /**
   * Whether requests must carry a valid Bot Framework token (an app id is configured). Then any
   * failure before the bot runs (a refused token, or one that cannot be validated at all, e.g.
   * when the signing keys cannot be fetched) is a 401 rather than a server error. Default false.
   */
  authRequired?: boolean;
  /** Values redacted from every logged error (the app password). */
  secrets?: readonly string[];
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Reads the whole body, up to `max` bytes (413 beyond). */
function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) return Promise.reject(new HttpError(413, `body over ${max} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpError(413, `body over ${max} bytes`));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    // A client that goes away mid-body is not a server failure.
    req.on('error', () => reject(new HttpError(400, 'request body could not be read')));
  });
}

/** The body as an activity, or an {@link HttpError} 400 naming what is wrong. */
function parseActivity(body: Buffer): Activity {
  if (body.length === 0) throw new HttpError(400, 'empty body');
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'body is not valid JSON');
  }
  const checked = checkIncomingActivity(json);
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
function firstLine(error: unknown, secrets: readonly string[]): string {
  return String(describeError(error, secrets).message).split('\n')[0];
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

/** A `node:http` request listener serving the Bot Framework messaging endpoint (see the module doc). */
export function createMessagesListener(options: MessagesListenerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const path = options.path ?? '/api/messages';
  const max = options.maxBodyBytes ?? 256 * 1024;
  const log = options.logger;
  const secrets = options.secrets ?? [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = (req.url ?? '/').split('?')[0];
    if (url !== path) throw new HttpError(404, 'not found');
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      throw new HttpError(405, 'use POST');
    }
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') throw new HttpError(415, 'content-type must be application/json');
    const activity = parseActivity(await readBody(req, max));
    let logicRan = false;
    const logic = (context: TurnContext): Promise<void> => {
      logicRan = true;
      return options.bot.run(context);
    };
    let result: InvokeResponse | undefined;
    try {
      result = await options.adapter.processIncoming(String(req.headers.authorization ?? ''), activity, logic);
    } catch (error) {
      // Authentication comes before any bot code: a failure before the bot ran is a refused token
      // (botbuilder's AuthenticationError carries 401/403), or, with auth on, one that could not be
      // validated at all. Errors inside the turn never get here (onTurnError handles them).
      const refused = isAuthFailure(error);
      if (!logicRan && (options.authRequired || refused)) {
        if (refused) log.warn({ reason: firstLine(error, secrets) }, 'teams request rejected: not authenticated');
        // Not a refusal of the token as such (signing keys unreachable, a misconfigured app): still
        // no answer without authentication, but worth an error line.
        else log.error({ err: describeError(error, secrets) }, 'teams request rejected: not authenticated (the token could not be validated)');
        send(res, 401, 'unauthorized');
        return;
      }
      throw error;
    }
    // Never echo an error text (it can name internal endpoints); invoke bodies pass through.
    send(res, result?.status ?? 200, result?.body);
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        if (error.status === 413) res.setHeader('connection', 'close');
        log.debug({ status: error.status, reason: error.message }, 'teams request refused');
        send(res, error.status, error.message);
      } else {
        log.error({ err: describeError(error, secrets) }, 'teams request failed');
        send(res, 500, 'internal error');
      }
    });
  };
}
