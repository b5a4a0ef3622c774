/**
 * The `POST /api/messages` endpoint as a plain `node:http` request listener: it reads and checks
 * the body itself (bounded), then hands the activity to botbuilder's `CloudAdapter.process`
 * through a minimal request/response shim (no Express or Restify needed).
 *
 * Status codes: 404 other paths, 405 other methods, 415 not JSON, 413 over `maxBodyBytes`, 400
 * empty / malformed JSON / not an activity (with the field at fault), then whatever the adapter
 * says: 401 without a valid token when auth is on, 200 for a handled activity (even when the
 * reply could not be delivered: that is logged), 400 for an `invoke` (the app declares none).
 * Bad input never yields a 5xx; a 500 means a bug, and is logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActivityHandlerBase, CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import { z } from 'zod';
import { describeError } from './log';

export interface MessagesListenerOptions {
  adapter: CloudAdapter;
  bot: ActivityHandlerBase;
  logger: Logger;
  /** The endpoint path. Default `/api/messages`. */
  path?: string;
  /** Largest accepted body in bytes. Default 256 KiB (Teams activities are a few KB). */
  maxBodyBytes?: number;
  /**
   * Whether requests must carry a valid Bot Framework token (an app id is configured). Then a
   * token that cannot be validated at all (e.g. the signing keys cannot be fetched) is refused
   * with 401 rather than reported as a server error. Default false.
   */
  authRequired?: boolean;
}

/** The fields of an incoming activity that the adapter and the bot rely on; the rest passes through. */
export const incomingActivitySchema = z.looseObject({
  type: z.string().min(1),
  channelId: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.looseObject({ id: z.string().min(1) }),
  from: z.looseObject({ id: z.string().min(1) }),
  recipient: z.looseObject({ id: z.string().min(1) }),
  id: z.string().optional(),
  text: z.string().optional(),
  entities: z.array(z.looseObject({ type: z.string() })).optional(),
  membersAdded: z.array(z.looseObject({ id: z.string() })).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
});

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

/** The body as an activity object, or an {@link HttpError} 400 naming what is wrong. */
function parseActivity(body: Buffer): Record<string, unknown> {
  if (body.length === 0) throw new HttpError(400, 'empty body');
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'body is not valid JSON');
  }
  const parsed = incomingActivitySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, `not an activity: ${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`);
  }
  return json as Record<string, unknown>;
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
    let status = 200;
    let body: unknown;
    let logicRan = false;
    const logic = (context: Parameters<ActivityHandlerBase['run']>[0]): Promise<void> => {
      logicRan = true;
      return options.bot.run(context);
    };
    const shim = {
      socket: req.socket,
      status(code: number) { status = code; },
      header(name: string, value: unknown) { if (!res.headersSent) res.setHeader(name, String(value)); },
      send(payload: unknown) { body = payload; },
      end() { /* written below, once process() has returned */ },
    };
    await options.adapter.process({ body: activity, headers: req.headers, method: 'POST' }, shim, logic);
    if (status >= 500 && options.authRequired && !logicRan) {
      // The adapter authenticates before any bot code runs: a failure before the bot ran that is not
      // an AuthenticationError (signing keys unreachable, token unparseable) still means not authenticated.
      log.warn({ status }, 'teams token could not be validated; refused');
      status = 401;
    }
    if (status === 401 || status === 403) log.warn({ status }, 'teams request rejected: not authenticated');
    else if (status >= 500) log.error({ status }, 'teams request failed');
    // Never echo the adapter's error text (it can name internal endpoints); invoke bodies pass through.
    send(res, status, status === 401 ? 'unauthorized' : status >= 500 ? 'internal error' : body);
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        if (error.status === 413) res.setHeader('connection', 'close');
        log.debug({ status: error.status, reason: error.message }, 'teams request refused');
        send(res, error.status, error.message);
      } else {
        log.error({ err: describeError(error) }, 'teams request failed');
        send(res, 500, 'internal error');
      }
    });
  };
}
