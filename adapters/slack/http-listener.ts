/**
 * HTTP mode's request listener in front of Bolt's `HTTPReceiver` (see `SlackApp.requestListener`
 * for every status): 503 until the app has started; a `POST` to the endpoint is authenticated
 * before its body is parsed (`verify-request.ts`: headers, then the signature over the raw bytes)
 * and only then handed to Bolt (whose own signature check is therefore off); a `POST` elsewhere
 * is a 404 here, and any other method goes to Bolt as it is (its 404).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, type HTTPReceiver } from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';
import { parseJsonObject } from '../shared/json-body';
import { readBody, tooLarge } from '../shared/read-body';
import { requestPath } from '../shared/request-path';
import { checkEnvelope, checkSignatureHeaders, isSslCheck, type PayloadKind, verifySignature } from './verify-request';

/** The media types Slack posts: JSON (events) and forms (commands, interactivity). */
const SLACK_MEDIA_TYPES = ['application/json', 'application/x-www-form-urlencoded'];
/** All of an unsigned ssl_check that Bolt is given. */
const SSL_CHECK_BODY = Buffer.from('ssl_check=1');
/** Largest unsigned body read, and only as a possible `ssl_check` form. */
const SSL_CHECK_MAX_BYTES = 1024;

export interface HttpListenerOptions {
  /** The receiver of events, interactions and `ssl_check`. */
  receiver: HTTPReceiver;
  /** The receiver of slash commands (an app of their own, see `app.ts`); default `receiver`. */
  commandReceiver?: HTTPReceiver;
  signingSecret: string;
  /** The path of the Events/Interactivity/Commands URL, e.g. `/slack/events`. */
  endpoint: string;
  /** Largest request body in bytes (413 beyond). */
  maxBodyBytes: number;
  logger: PinoLogger;
  /** Whether the app has started and not stopped: 503 (with `Retry-After: 1`) otherwise. */
  ready: () => boolean;
}

/** The `node:http` listener for HTTP mode; see the module doc. A failure it did not expect is a 500 (or a reset once answering). */
export function createHttpListener(options: HttpListenerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (!options.ready()) {
      req.resume();
      res.writeHead(503, { 'retry-after': '1' }).end();
      return;
    }
    // Only POSTs reach a listener, and only unauthenticated ones could: no POST gets to Bolt
    // unless it is for the endpoint and has passed authenticateThenDispatch.
    if (req.method !== 'POST') return dispatch(options, req, res);
    if (requestPath(req.url ?? '/') !== options.endpoint) return refuse(options.logger, res, 404, 'not found', !req.complete);
    authenticateThenDispatch(options, req, res).catch((error: unknown) => {
      options.logger.error({ err: error }, 'slack: request dispatch failed');
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  };
}

/** Answers `status` with `{ error: reason }` (and `Connection: close` when the body was not read), unless already answering. */
function refuse(logger: PinoLogger, res: ServerResponse, status: number, reason: string, close: boolean): void {
  logger.debug({ status, reason }, 'slack: request refused');
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify({ error: reason });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(text);
}

/** Hands the request to Bolt's `receiver` (default: the main one); a request Bolt deferred is a 404, any other throw a logged 500. */
function dispatch(options: HttpListenerOptions, req: IncomingMessage, res: ServerResponse, receiver = options.receiver): void {
  // Every response Bolt writes here is empty or JSON (acks, url_verification, errors without a
  // body; an empty body labelled JSON is harmless), so the type is set up front: the `/aws` ack
  // can then be handed over as JSON text already serialized per answer (Bolt writes a string
  // body as is, and `writeHead` keeps headers set before it).
  res.setHeader('content-type', 'application/json; charset=utf-8');
  try {
    receiver.requestListener(req, res);
  } catch (error) {
    const deferred = (error as { code?: unknown }).code === ErrorCode.HTTPReceiverDeferredRequestError;
    if (!deferred) options.logger.error({ err: error }, 'slack: request dispatch failed');
    if (!res.headersSent) res.writeHead(deferred ? 404 : 500);
    res.end();
  }
}

/** The request's media type, lower-case, without parameters (`''` when absent). */
function mediaType(req: IncomingMessage): string {
  return String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
}

/** Authenticates (headers, then the signature over the raw bytes), then lets Bolt parse and route. */
async function authenticateThenDispatch(options: HttpListenerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { logger } = options;
  const type = mediaType(req);
  if (!SLACK_MEDIA_TYPES.includes(type))
    return refuse(logger, res, 415, `content type must be ${SLACK_MEDIA_TYPES.join(' or ')}`, !req.complete);
  const early = checkSignatureHeaders(req.headers);
  // An unsigned request could still be Slack's ssl_check (a short form): only that is read.
  const maybeSslCheck =
    early && type === 'application/x-www-form-urlencoded' && Number(req.headers['content-length'] ?? 0) <= SSL_CHECK_MAX_BYTES;
  if (early && !maybeSslCheck) return refuse(logger, res, early.status, early.reason, !req.complete);
  const limit = maybeSslCheck ? SSL_CHECK_MAX_BYTES : options.maxBodyBytes;
  const read = await readBody(req, limit);
  if (!read.ok) {
    if (read.aborted) return void logger.debug('slack: client went away mid-body');
    return refuse(logger, res, read.status, read.status === 413 ? tooLarge(limit) : read.error, read.close);
  }
  let kind: PayloadKind = 'other';
  let body = read.body;
  if (early) {
    if (!isSslCheck(type, read.body)) return refuse(logger, res, early.status, early.reason, false);
    // Unsigned, so nothing else in it may reach Bolt (whose own check, which strips a smuggled
    // `payload` or `command` from an ssl_check, is off): Bolt sees the bare ssl_check.
    body = SSL_CHECK_BODY;
  } else {
    if (!verifySignature(options.signingSecret, req.headers, read.body)) return refuse(logger, res, 401, 'invalid Slack signature', false);
    const envelope = checkEnvelope(type, read.body, (bytes) => parseJsonObject(bytes));
    if ('status' in envelope) return refuse(logger, res, envelope.status, envelope.reason, false);
    kind = envelope.kind;
  }
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
  dispatch(options, req, res, kind === 'command' ? options.commandReceiver : undefined);
}
