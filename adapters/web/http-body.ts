/**
 * Reads a JSON request body within a size limit, for the playground's POST endpoints. Every way a
 * body can be wrong maps to a 4xx status with a message naming the problem; nothing here throws.
 *
 * - 415 when `Content-Type` is not `application/json` (a `charset` parameter is allowed, and
 *   must be UTF-8). Requiring JSON also means a cross-site form or `fetch` cannot post without a
 *   CORS preflight, which the playground never answers.
 * - 413 when `Content-Length` or the bytes received exceed `maxBytes` (default 64 KB).
 * - 400 when the body is empty, not UTF-8 JSON, or the client aborts mid-way.
 */
import type { IncomingMessage } from 'node:http';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../shared/json-body';
import { declaredTooLarge, readBody, tooLarge } from '../shared/read-body';

/** Default body limit: 64 KB (a 4,000-character question is at most 16 KB as UTF-8). */
export const MAX_BODY_BYTES = 64 * 1024;

export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413 | 415; message: string; /** The client went away: nothing to answer. */ aborted?: boolean };

/** True when `header` is `application/json`, optionally with a UTF-8 `charset` parameter. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((s) => s.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || /^charset="?utf-8"?$/.test(p));
}

/**
 * Reads (the shared bounded reader: nothing buffered past the limit) and parses `req`'s body as
 * JSON, too-deep nesting refused before parsing.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<BodyResult> {
  if (!isJsonContentType(req.headers['content-type'])) {
    req.resume();
    return {
      ok: false,
      status: 415,
      message: `expected Content-Type application/json, got ${JSON.stringify(req.headers['content-type'] ?? '')}`,
    };
  }
  if (declaredTooLarge(req, maxBytes)) {
    req.resume();
    return { ok: false, status: 413, message: tooLarge(maxBytes) };
  }
  const read = await readBody(req, maxBytes);
  if (!read.ok) {
    if (read.aborted) return { ok: false, status: 400, message: 'request aborted', aborted: true };
    return { ok: false, status: read.status, message: read.error };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.body);
  } catch {
    return { ok: false, status: 400, message: 'body is not valid UTF-8' };
  }
  if (text.trim() === '') return { ok: false, status: 400, message: 'empty body, expected a JSON object' };
  if (nestedDeeperThan(read.body)) return { ok: false, status: 400, message: `body nests deeper than ${MAX_JSON_DEPTH} levels` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, status: 400, message: `malformed JSON: ${(error as Error).message}` };
  }
}
