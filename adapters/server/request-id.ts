/**
 * Request context: every HTTP request gets an id (the caller's `X-Request-Id` when it is a sane
 * token, else a fresh random one), echoed in the `x-request-id` response header and attached to
 * the request object ({@link attachRequestContext}). Whoever handles the request reads it with
 * {@link requestIdOf} and passes it on explicitly: the Slack app puts it in Bolt's listener
 * context, the Teams listener in the turn state, and both hand it to `Assistant.ask`, so the access
 * line, the "question answered" line and the adapters' lines about the request carry `reqId`.
 *
 * Not an `AsyncLocalStorage`: on Node 20 an active one installs promise hooks that every promise
 * of every request pays for (measured: about 7% of a signed `/aws` request's CPU). Not a `WeakMap`
 * keyed by the request either: each entry would be an ephemeron (a weak key holding its value)
 * that every young-generation GC has to process while the request lives; the context is a
 * property of the request object under a symbol of this module's own, which nothing else reads.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface RequestContext {
  /** The request id. */
  id: string;
  /** `performance.now()` when the request arrived. */
  started: number;
}

/** Where a request's context is kept on the request object (a symbol: no clash with node's or a framework's fields). */
const CONTEXT = Symbol('aws-qa.requestContext');

type WithContext = IncomingMessage & { [CONTEXT]?: RequestContext };

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

/** Makes `context` the context of `req` (the server does this as a request arrives). */
export function attachRequestContext(req: IncomingMessage, context: RequestContext): void {
  (req as WithContext)[CONTEXT] = context;
}

/** The id of `req` (see {@link attachRequestContext}); `undefined` for a request the server did not see. */
export function requestIdOf(req: IncomingMessage): string | undefined {
  return (req as WithContext)[CONTEXT]?.id;
}
