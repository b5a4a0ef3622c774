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

/**
 * Fresh ids: 8 random hex digits drawn once per process, then a counter in 8 hex digits (16 hex
 * digits in all, as before). Unique within the process and, with overwhelming probability, across
 * replicas; ids are for correlating log lines, not secrets. Drawing 8 random bytes per request
 * instead cost a `getrandom` system call each (about 3% of a signed `/aws` request's CPU).
 */
const PREFIX = randomBytes(4).toString('hex');
let counter = 0;

/** The next fresh id (see {@link PREFIX}). */
export function nextRequestId(): string {
  counter = (counter + 1) >>> 0;
  return PREFIX + counter.toString(16).padStart(8, '0');
}

/** The id for `req`: its `X-Request-Id` header when sane, else a fresh one ({@link nextRequestId}: 16 hex digits). */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SANE_ID.test(given) ? given : nextRequestId();
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
