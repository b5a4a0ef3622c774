/**
 * The one bounded request-body reader, step 3 of every route's admission (`admission.ts`: Slack,
 * Teams, the playground), each with its own limit. It never rejects and never buffers past the limit:
 *
 * - a declared `Content-Length` over the limit is refused before a byte is read;
 * - a body growing past the limit stops being read at once (413; the caller closes the connection);
 * - a client that goes away mid-body is `aborted` (nothing to answer; at most a debug line).
 */
import type { IncomingMessage } from 'node:http';

export type BodyRead =
  | { ok: true; body: Buffer }
  | {
      ok: false;
      status: 400 | 413;
      error: string;
      /** The rest of the body was not read: answer with `Connection: close`. */
      close: boolean;
      /** The client went away mid-body: there is no one to answer. */
      aborted?: boolean;
    };

/** True when `req` declares a body over `limit` bytes (decided from the header, nothing read). */
function declaredTooLarge(req: IncomingMessage, limit: number): boolean {
  const declared = req.headers['content-length'];
  return declared !== undefined && Number(declared) > limit;
}

/** The 413 message every route uses. */
const tooLarge = (limit: number): string => `request body over ${limit} bytes`;

/** Reads `req`'s whole body, at most `limit` bytes (see the module doc). Resolves, never rejects. */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  if (declaredTooLarge(req, limit)) return Promise.resolve({ ok: false, status: 413, error: tooLarge(limit), close: true });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyRead): void => {
      if (done) return;
      done = true;
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted).off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.pause();
        finish({ ok: false, status: 413, error: tooLarge(limit), close: true });
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = (): void => finish({ ok: true, body: Buffer.concat(chunks, size) });
    const onAborted = (): void => finish({ ok: false, status: 400, error: 'request aborted', close: true, aborted: true });
    const onError = onAborted;
    const onClose = (): void => {
      if (!req.complete) onAborted();
    };
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted).on('close', onClose);
  });
}
