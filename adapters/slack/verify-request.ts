/**
 * Slack request authentication before anything is parsed. Unauthenticated input must cost almost
 * nothing, so the checks run cheapest first:
 *
 * 1. {@link checkSignatureHeaders}: the headers alone (no body read): a `v0=` signature of 64 hex
 *    digits and a timestamp within five minutes of now. Missing or stale: 401 at once.
 * 2. {@link verifySignature}: the HMAC-SHA256 over the raw bytes, compared in constant time.
 * 3. {@link checkEnvelope}: only then is the body parsed, and a signed body must still be a
 *    payload Bolt can route: a JSON object with a `type`, or a form whose `payload` is one (with a
 *    non-empty `actions` list for `block_actions`), or a slash command. Anything else is a 400
 *    here instead of an unhandled rejection inside Bolt (`payload=null`, `payload=5`, `{}`).
 *
 * Slack's `ssl_check=1` form (unsigned by design) passes step 1 and 2 as Bolt expects it to; Bolt
 * strips anything else from such a body.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** How far a request timestamp may be from now (Slack's recommendation, and Bolt's). */
export const MAX_CLOCK_SKEW_S = 300;

export interface Refusal {
  status: 400 | 401;
  reason: string;
}

const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const SSL_CHECK = /^(?:[^&]*&)*ssl_check=1(?:&|$)/;

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const v = headers[name];
  return typeof v === 'string' ? v : undefined;
};

/** True for Slack's unsigned `ssl_check=1` form (a short body; decided on the raw bytes). */
export function isSslCheck(contentType: string, body: Buffer): boolean {
  return contentType === 'application/x-www-form-urlencoded' && body.length <= 1024 && SSL_CHECK.test(body.toString('latin1'));
}

/** Step 1: refuses a request whose signature headers are missing, malformed or stale. */
export function checkSignatureHeaders(headers: IncomingHttpHeaders, nowMs = Date.now()): Refusal | undefined {
  const signature = header(headers, 'x-slack-signature');
  const timestamp = header(headers, 'x-slack-request-timestamp');
  if (!signature || !timestamp) return { status: 401, reason: 'missing Slack signature headers' };
  if (!SIGNATURE.test(signature) || !/^\d{1,12}$/.test(timestamp)) return { status: 401, reason: 'malformed Slack signature headers' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_S) return { status: 401, reason: 'stale Slack request timestamp' };
  return undefined;
}

/** Step 2: true when `body` carries a valid signature for `secret` (headers already checked by step 1). */
export function verifySignature(secret: string, headers: IncomingHttpHeaders, body: Buffer): boolean {
  const signature = header(headers, 'x-slack-signature') ?? '';
  const timestamp = header(headers, 'x-slack-request-timestamp') ?? '';
  const expected = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest();
  const given = Buffer.from(signature.slice(3), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a signed body is: a slash command, or anything else Bolt routes (events, interactions, `ssl_check`). */
export type PayloadKind = 'command' | 'other';

/** Step 3: the signed body is something Bolt can route (and which kind); else a 400 naming what is wrong. */
export function checkEnvelope(
  contentType: string,
  body: Buffer,
  parseJson: (bytes: Buffer) => { ok: true; value: Record<string, unknown> } | { ok: false; error: string },
): Refusal | { kind: PayloadKind } {
  if (body.length === 0) return { status: 400, reason: 'empty request body' };
  if (contentType === 'application/json') {
    const parsed = parseJson(body);
    if (!parsed.ok) return { status: 400, reason: parsed.error };
    if (typeof parsed.value.type !== 'string') return { status: 400, reason: 'event payload has no type' };
    return OTHER;
  }
  const form = new URLSearchParams(body.toString('utf8'));
  const payload = form.get('payload');
  if (payload === null) {
    if (form.get('ssl_check') === '1') return OTHER;
    return form.get('command') ? COMMAND : { status: 400, reason: 'form has neither a payload nor a command' };
  }
  const parsed = parseJson(Buffer.from(payload, 'utf8'));
  if (!parsed.ok) return { status: 400, reason: `payload: ${parsed.error.replace('request body', 'payload')}` };
  const value = parsed.value;
  if (typeof value.type !== 'string') return { status: 400, reason: 'payload has no type' };
  if (value.type === 'block_actions') {
    if (!Array.isArray(value.actions) || value.actions.length === 0 || !value.actions.every(isObject))
      return { status: 400, reason: 'block_actions payload without actions' };
    if (!isObject(value.user) || typeof value.user.id !== 'string') return { status: 400, reason: 'block_actions payload without a user' };
  }
  return OTHER;
}

const COMMAND = { kind: 'command' } as const;
const OTHER = { kind: 'other' } as const;
