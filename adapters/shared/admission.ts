/**
 * The one way a request body is admitted, for every route that takes one (Slack's events, Teams'
 * messages, the playground's POSTs). A route declares an {@link Admission}: the media types it
 * takes, its body limit, how it authenticates from the headers, what it verifies over the raw
 * bytes, and its parser. {@link admit} runs them in this order, cheapest and least trusting first:
 *
 * 1. the media type (415; a `charset` other than UTF-8 is refused too: every body is read as UTF-8);
 * 2. `authenticate`, from the headers alone, before a byte of the body is read (401/403); it may
 *    lower the limit for this request (Slack's unsigned `ssl_check` form: 1 KB);
 * 3. the limit, once: a declared `Content-Length` over it is refused before reading, a body growing
 *    past it stops being read at once (413, `Connection: close`; `read-body.ts`);
 * 4. `verify`, over the raw bytes, before anything parses them (Slack's HMAC: 401);
 * 5. `parse` (400 naming what is wrong: empty, not UTF-8, too deep, malformed, not what the route
 *    takes).
 *
 * Nothing here throws or writes: the route answers a refusal with {@link answerRefusal} (the one
 * response writer), or serves the parsed value.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from './read-body';
import { refuse, respond } from './respond';

/** Why a request is not admitted: its status and a reason safe to send back. */
export interface Refusal {
  ok: false;
  status: 400 | 401 | 403 | 413 | 415;
  error: string;
}

/** A value a step passed on, or its refusal. */
export type Checked<T> = { ok: true; value: T } | Refusal;

/** What `authenticate` passes on to `verify` and `parse`; `maxBodyBytes` lowers the route's limit for this request. */
export type Pass<P> = { ok: true; value: P; maxBodyBytes?: number };

/** One route's admission (see the module doc for the order the steps run in). */
export interface Admission<T, P = undefined> {
  /** Media types taken, lower-case, without parameters. */
  accept: readonly string[];
  /** Largest body, in bytes. */
  maxBodyBytes: number;
  /** From the headers alone (nothing read yet). Default: everyone passes, with `undefined`. */
  authenticate?: (req: IncomingMessage, type: string) => Pass<P> | Refusal;
  /** Over the raw bytes, before any parsing. */
  verify?: (raw: Buffer, req: IncomingMessage, pass: P) => Refusal | undefined;
  /** The body as the route's value; the bytes may be empty. */
  parse: (raw: Buffer, type: string, pass: P) => Checked<T>;
}

/** A refusal of {@link admit}: `close` when the body was not read to its end; `aborted` when the client went away mid-body. */
export type AdmitRefusal = Refusal & { close: boolean; aborted?: boolean };

/** Shorthand for a {@link Refusal}. */
export const refusal = (status: Refusal['status'], error: string): Refusal => ({ ok: false, status, error });

/**
 * The media type of `req` (`application/json`), lower-cased, without parameters; `''` when absent,
 * `undefined` when it names a charset other than UTF-8.
 */
function mediaType(req: IncomingMessage): string | undefined {
  const header = req.headers['content-type'];
  // The usual header, a bare lower-case type (Slack's forms and JSON): nothing to split or lower-case.
  if (header === 'application/json' || header === 'application/x-www-form-urlencoded') return header;
  const [type, ...params] = String(header ?? '')
    .split(';')
    .map((part) => part.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='));
  return charset === undefined || /^charset="?utf-8"?$/.test(charset) ? type : undefined;
}

/** Runs `admission` on `req` (see the module doc). Resolves with the parsed value or a refusal; never rejects. */
export async function admit<T, P>(req: IncomingMessage, admission: Admission<T, P>): Promise<Checked<T> | AdmitRefusal> {
  const type = mediaType(req);
  if (type === undefined || !admission.accept.includes(type)) {
    const got = JSON.stringify(String(req.headers['content-type'] ?? '').slice(0, 100));
    return { ...refusal(415, `content type must be ${admission.accept.join(' or ')} (UTF-8), got ${got}`), close: !req.complete };
  }
  const pass: Pass<P> | Refusal = admission.authenticate?.(req, type) ?? { ok: true, value: undefined as P };
  if (!pass.ok) return { ...pass, close: !req.complete };
  const read = await readBody(req, pass.maxBodyBytes ?? admission.maxBodyBytes);
  if (!read.ok) return { ...refusal(read.status, read.error), close: read.close, ...(read.aborted ? { aborted: true } : {}) };
  const unverified = admission.verify?.(read.body, req, pass.value);
  if (unverified) return { ...unverified, close: false };
  return admission.parse(read.body, type, pass.value);
}

/** How a route words its refusals' body. Default `{"error": reason}`. */
export type RefusalBody = (status: number, reason: string) => unknown;

/**
 * Answers a refusal of {@link admit} (or any {@link Refusal}) and logs it at debug; a client that
 * went away mid-body gets nothing (a debug line).
 */
export function answerRefusal(
  res: ServerResponse,
  refused: Refusal & { close?: boolean; aborted?: boolean },
  log: { debug: (fields: object, message: string) => void },
  body?: RefusalBody,
): void {
  if (refused.aborted) return log.debug({ status: refused.status }, 'client went away mid-body');
  log.debug({ status: refused.status, reason: refused.error }, 'request refused');
  const close = refused.close === true;
  if (body) respond(res, refused.status, body(refused.status, refused.error), close ? { connection: 'close' } : {});
  else refuse(res, refused.status, refused.error, close);
}
