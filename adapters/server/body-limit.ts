/**
 * The request-body gate in front of the platform handlers: the content type must be one the route
 * accepts (else 415), the body must be at most {@link MAX_BODY_BYTES} (else 413, decided from
 * `Content-Length` before reading, or as soon as the running count passes the limit: the body is
 * never buffered beyond the limit), and it must not be empty (400); a JSON body must parse to an
 * object (400).
 *
 * What passes is attached to the request the way the platform libraries look for it: `rawBody`
 * (a Buffer: Bolt's `HTTPReceiver` uses it instead of reading the stream, and verifies the Slack
 * signature over it) and, for JSON, `body` (botbuilder's `CloudAdapter.process` requires it).
 */
import type { IncomingMessage } from 'node:http';

/** Largest accepted request body: 1 MB. Slack and Teams payloads are a few KB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A request after the gate: the raw body, and the parsed JSON object when the body was JSON. */
export type GatedRequest = IncomingMessage & { rawBody: Buffer; body?: Record<string, unknown> };

export type GateResult =
  | { ok: true; req: GatedRequest }
  | { ok: false; status: 400 | 413 | 415; error: string; /** The rest of the body was not read: close the connection. */ close: boolean };

/** The media type of `req` (`application/json`), lower-cased, without parameters; `''` when absent. */
export function mediaType(req: IncomingMessage): string {
  return String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Reads at most `limit` bytes of `req`'s body. Resolves `undefined` when the body is larger
 * (reading stops at once: the caller answers 413 and closes the connection).
 */
export function readLimited(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (value: Buffer | undefined, error?: Error): void => {
      if (done) return;
      done = true;
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted);
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.pause();
        finish(undefined);
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = (): void => finish(Buffer.concat(chunks, size));
    const onError = (error: Error): void => finish(undefined, error);
    const onAborted = (): void => finish(undefined, new Error('request aborted'));
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted);
  });
}

/**
 * Checks `req` against `accepted` media types and the size limit, reads its body and attaches it.
 * Rejects only when the client went away mid-body (nothing to answer then).
 */
export async function gateBody(req: IncomingMessage, accepted: readonly string[], limit = MAX_BODY_BYTES): Promise<GateResult> {
  const type = mediaType(req);
  if (!accepted.includes(type)) {
    return { ok: false, status: 415, error: `content type must be ${accepted.join(' or ')}`, close: !req.complete };
  }
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    return { ok: false, status: 413, error: `request body over ${limit} bytes`, close: true };
  }
  const raw = await readLimited(req, limit);
  if (raw === undefined) return { ok: false, status: 413, error: `request body over ${limit} bytes`, close: true };
  if (raw.length === 0) return { ok: false, status: 400, error: 'empty request body', close: false };
  const gated = req as GatedRequest;
  gated.rawBody = raw;
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch {
      return { ok: false, status: 400, error: 'request body is not valid JSON', close: false };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return { ok: false, status: 400, error: 'request body must be a JSON object', close: false };
    }
    gated.body = parsed as Record<string, unknown>;
  }
  return { ok: true, req: gated };
}
