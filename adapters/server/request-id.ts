/**
 * Request context: every HTTP request gets an id (the caller's `X-Request-Id` when it is a sane
 * token, else a fresh random one), echoed in the `x-request-id` response header and kept in an
 * `AsyncLocalStorage` for the whole request, including work the adapters start from it. The
 * logger's mixin ({@link requestFields}) adds `reqId` to every log line written in that context,
 * so the adapters' own lines carry it without knowing about it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface RequestContext {
  /** The request id. */
  id: string;
  /** `performance.now()` when the request arrived. */
  started: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** A caller-supplied id is used only when it matches this (no log injection, bounded length). */
const SANE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The id for `req`: its `X-Request-Id` header when sane, else 16 random hex digits. */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SANE_ID.test(given) ? given : randomBytes(8).toString('hex');
}

/** Runs `fn` with `context` as the current request context. */
export function withRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The fields the logger mixes into every line: `{ reqId }` inside a request, nothing outside. */
export function requestFields(): Record<string, unknown> {
  const ctx = storage.getStore();
  return ctx ? { reqId: ctx.id } : {};
}
