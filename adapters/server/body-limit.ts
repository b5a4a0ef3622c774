/**
 * The request-body gate in front of the platform handlers: the content type must be one the route
 * accepts (else 415), the body must be at most {@link MAX_BODY_BYTES} (else 413, decided from
 * `Content-Length` before reading, or as soon as the running count passes the limit: the body is
 * never buffered beyond the limit: `../shared/read-body.ts`, the one bounded reader), and it must
 * not be empty (400); a JSON body must not nest too deep and must parse to an object (400).
 *
 * What passes is attached to the request the way the platform libraries look for it: `rawBody`
 * (a Buffer: Bolt's `HTTPReceiver` uses it instead of reading the stream, and verifies the Slack
 * signature over it) and, for JSON, `body` (botbuilder's `CloudAdapter.process` requires it).
 */
import type { IncomingMessage } from 'node:http';
import { parseJsonObject } from '../shared/json-body';
import { readBody } from '../shared/read-body';

/** Largest accepted request body: 1 MB. Slack and Teams payloads are a few KB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A request after the gate: the raw body, and the parsed JSON object when the body was JSON. */
export type GatedRequest = IncomingMessage & { rawBody: Buffer; body?: Record<string, unknown> };

export type GateResult =
  | { ok: true; req: GatedRequest }
  | {
      ok: false;
      status: 400 | 413 | 415;
      error: string;
      /** The rest of the body was not read: close the connection. */ close: boolean;
      /** The client went away mid-body: nothing to answer (a debug line at most). */ aborted?: boolean;
    };

/** The media type of `req` (`application/json`), lower-cased, without parameters; `''` when absent. */
export function mediaType(req: IncomingMessage): string {
  return String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
}

/**
 * Checks `req` against `accepted` media types and the size limit, reads its body (the shared
 * bounded reader) and attaches it. Never rejects: a client gone mid-body is `aborted`.
 */
export async function gateBody(req: IncomingMessage, accepted: readonly string[], limit = MAX_BODY_BYTES): Promise<GateResult> {
  const type = mediaType(req);
  if (!accepted.includes(type)) {
    return { ok: false, status: 415, error: `content type must be ${accepted.join(' or ')}`, close: !req.complete };
  }
  const read = await readBody(req, limit);
  if (!read.ok) return read;
  const raw = read.body;
  if (raw.length === 0) return { ok: false, status: 400, error: 'empty request body', close: false };
  const gated = req as GatedRequest;
  gated.rawBody = raw;
  if (type === 'application/json') {
    const parsed = parseJsonObject(raw);
    if (!parsed.ok) return { ok: false, status: 400, error: parsed.error, close: false };
    gated.body = parsed.value;
  }
  return { ok: true, req: gated };
}
