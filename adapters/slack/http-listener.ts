/**
 * HTTP mode's request listener in front of Bolt's `HTTPReceiver` (see `SlackApp.requestListener`
 * for every status): 503 until the app has started; otherwise the request is admitted by the one
 * admission path (`../shared/admission.ts`) with Slack's declaration, {@link slackAdmission}, and
 * only then handed to Bolt (whose own signature check is therefore off).
 *
 * The listener serves whatever the server routed to it: which paths are Slack's is decided once,
 * by the server's router (`../shared/request-path.ts`); Bolt's own routing sees the same path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, type HTTPReceiver } from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';
import { type Admission, admit, answerRefusal, refusal } from '../shared/admission';
import { parseJsonObject } from '../shared/json-body';
import { respond } from '../shared/respond';
import { checkEnvelope, checkSignatureHeaders, isSslCheck, type PayloadKind, type Refusal, verifySignature } from './verify-request';

/** All of an unsigned ssl_check that Bolt is given. */
const SSL_CHECK_BODY = Buffer.from('ssl_check=1');
/** Largest unsigned body read, and only as a possible `ssl_check` form. */
const SSL_CHECK_MAX_BYTES = 1024;
const FORM = 'application/x-www-form-urlencoded';

export interface HttpListenerOptions {
  /** The receiver of events, interactions and `ssl_check`. */
  receiver: HTTPReceiver;
  /** The receiver of slash commands (an app of their own, see `app.ts`); default `receiver`. */
  commandReceiver?: HTTPReceiver;
  signingSecret: string;
  /** Largest request body in bytes (413 beyond). */
  maxBodyBytes: number;
  logger: PinoLogger;
  /** Whether the app has started and not stopped: 503 (with `Retry-After: 1`) otherwise. */
  ready: () => boolean;
}

/** What the headers said: signed (verify the HMAC), or unsigned and only possibly an `ssl_check` (else `refused`). */
type Signed = { signed: true } | { signed: false; refused: Refusal; type: string };

/** What Bolt is handed: the body (the bare ssl_check when unsigned) and which app routes it. */
interface SlackRequest {
  body: Buffer;
  kind: PayloadKind;
}

const refused = (r: Refusal) => refusal(r.status, r.reason);

/**
 * Slack's admission: JSON (events) or forms (commands, interactivity), `maxBodyBytes`; the
 * signature headers before reading (401; an unsigned short form is read, at most 1 KB, as a
 * possible `ssl_check`), the HMAC over the raw bytes before parsing (401), then the envelope Bolt
 * can route (400). See `verify-request.ts`.
 */
export function slackAdmission(signingSecret: string, maxBodyBytes: number): Admission<SlackRequest, Signed> {
  return {
    accept: ['application/json', FORM],
    maxBodyBytes,
    authenticate(req, type) {
      const early = checkSignatureHeaders(req.headers);
      if (!early) return { ok: true, value: { signed: true } };
      const maybeSslCheck = type === FORM && Number(req.headers['content-length'] ?? 0) <= SSL_CHECK_MAX_BYTES;
      if (!maybeSslCheck) return refused(early);
      return { ok: true, value: { signed: false, refused: early, type }, maxBodyBytes: SSL_CHECK_MAX_BYTES };
    },
    verify(raw, req, pass) {
      if (!pass.signed) return isSslCheck(pass.type, raw) ? undefined : refused(pass.refused);
      return verifySignature(signingSecret, req.headers, raw) ? undefined : refusal(401, 'invalid Slack signature');
    },
    parse(raw, type, pass) {
      // Unsigned, so nothing else in it may reach Bolt (whose own check, which strips a smuggled
      // `payload` or `command` from an ssl_check, is off): Bolt sees the bare ssl_check.
      if (!pass.signed) return { ok: true, value: { body: SSL_CHECK_BODY, kind: 'other' } };
      const envelope = checkEnvelope(type, raw, (bytes) => parseJsonObject(bytes));
      return 'status' in envelope ? refused(envelope) : { ok: true, value: { body: raw, kind: envelope.kind } };
    },
  };
}

/** The `node:http` listener for HTTP mode; see the module doc. A failure it did not expect is a 500 (or a reset once answering). */
export function createHttpListener(options: HttpListenerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const admission = slackAdmission(options.signingSecret, options.maxBodyBytes);
  const log = { debug: (fields: object, message: string) => options.logger.debug(fields, `slack: ${message}`) };
  return (req, res) => {
    if (!options.ready()) {
      req.resume();
      return respond(res, 503, undefined, { 'retry-after': '1' });
    }
    admit(req, admission)
      .then((admitted) => {
        if (!admitted.ok) return answerRefusal(res, admitted, log);
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody = admitted.value.body;
        dispatch(options, req, res, admitted.value.kind === 'command' ? options.commandReceiver : undefined);
      })
      .catch((error: unknown) => {
        options.logger.error({ err: error }, 'slack: request dispatch failed');
        if (!res.headersSent) respond(res, 500);
        else res.destroy();
      });
  };
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
    if (res.headersSent) res.end();
    else respond(res, deferred ? 404 : 500);
  }
}
