/**
 * Signed requests to a Slack endpoint, as Slack sends them: `X-Slack-Signature` is
 * `v0=` + HMAC-SHA256(signing secret, `v0:{timestamp}:{raw body}`), in hex.
 */
import { createHmac } from 'node:crypto';

/** Slack's request signature of `body` at `timestamp` (seconds). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  secret: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Default `application/json` for a string body starting with `{`, else form-urlencoded. */
  contentType?: string;
  /** Replace the signature (forgeries). */
  signature?: string;
  headers?: Record<string, string>;
}

export interface PostResult {
  status: number;
  text: string;
  /** Parsed JSON body, when it is JSON. */
  json?: Record<string, unknown>;
  /** The response's `content-type` header ('' when absent). */
  contentType: string;
  ms: number;
}

/** POSTs `body` signed with `secret` to `url`. */
export async function signedPost(url: string, body: string, options: SignedPostOptions): Promise<PostResult> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const contentType = options.contentType ?? (body.trimStart().startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded');
  const started = Date.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(options.secret, timestamp, body),
      ...options.headers,
    },
    body,
  });
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, contentType: res.headers.get('content-type') ?? '', ms: Date.now() - started };
}

/** A form body (`a=1&b=2`) from fields. */
export const formBody = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();

/** An interactivity body: form field `payload` holding the JSON payload. */
export const interactionBody = (payload: unknown): string => formBody({ payload: JSON.stringify(payload) });
