/**
 * The one response writer of every HTTP route (the server's own answers, Slack's and Teams'
 * refusals and replies, the playground's pages and answers). Contract:
 *
 * - nothing is written once the response has started or the socket is gone;
 * - no body (`undefined`): headers only, `content-length: 0`;
 * - a `string`: `text/plain; charset=utf-8`; a `Buffer`: as is (name its type in `headers`);
 *   anything else: JSON (`application/json; charset=utf-8`);
 * - always `content-length`, `x-content-type-options: nosniff` and `cache-control: no-store`
 *   unless `headers` says otherwise (header names are case-insensitive: `headers` wins).
 *
 * A `HEAD` request gets the same headers without the body (Node drops it).
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

const DEFAULTS: OutgoingHttpHeaders = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };

/** Writes `status`, `body` and `headers` (see the module doc). */
export function respond(res: ServerResponse, status: number, body?: unknown, headers: OutgoingHttpHeaders = {}): void {
  if (res.headersSent || res.destroyed) return;
  const bytes =
    body === undefined
      ? undefined
      : Buffer.isBuffer(body)
        ? body
        : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  const type = body === undefined || Buffer.isBuffer(body) ? {} : { 'content-type': typeof body === 'string' ? TEXT : JSON_TYPE };
  const given = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  res.writeHead(status, { ...DEFAULTS, ...type, 'content-length': String(bytes?.length ?? 0), ...given });
  res.end(bytes);
}

/** A refusal: `status` with `{"error": reason}`, and `Connection: close` when the rest of the body was not read. */
export function refuse(res: ServerResponse, status: number, reason: string, close = false, headers: OutgoingHttpHeaders = {}): void {
  respond(res, status, { error: reason }, close ? { ...headers, connection: 'close' } : headers);
}

const TEXT = 'text/plain; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
