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

/** Default body limit: 64 KB (a 4,000-character question is at most 16 KB as UTF-8). */
export const MAX_BODY_BYTES = 64 * 1024;

export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413 | 415; message: string };

/** True when `header` is `application/json`, optionally with a UTF-8 `charset` parameter. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((s) => s.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || /^charset="?utf-8"?$/.test(p));
}

/**
 * Reads and parses `req`'s body as JSON. Stops buffering as soon as the limit is passed (the
 * rest of the body is drained and discarded, so the 413 response can still be delivered).
 */
export function readJsonBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<BodyResult> {
  return new Promise((resolve) => {
    if (!isJsonContentType(req.headers['content-type'])) {
      req.resume();
      resolve({ ok: false, status: 415, message: `expected Content-Type application/json, got ${JSON.stringify(req.headers['content-type'] ?? '')}` });
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume();
      resolve({ ok: false, status: 413, message: `body of ${declared} bytes exceeds the limit of ${maxBytes} bytes` });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyResult): void => {
      if (done) return;
      done = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        finish({ ok: false, status: 413, message: `body exceeds the limit of ${maxBytes} bytes` });
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => finish({ ok: false, status: 400, message: 'request body could not be read' }));
    req.on('aborted', () => finish({ ok: false, status: 400, message: 'request aborted' }));
    req.on('end', () => {
      if (done) return;
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
      } catch {
        return finish({ ok: false, status: 400, message: 'body is not valid UTF-8' });
      }
      if (text.trim() === '') return finish({ ok: false, status: 400, message: 'empty body, expected a JSON object' });
      try {
        finish({ ok: true, value: JSON.parse(text) as unknown });
      } catch (error) {
        finish({ ok: false, status: 400, message: `malformed JSON: ${(error as Error).message}` });
      }
    });
  });
}
