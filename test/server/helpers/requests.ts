/**
 * Requests the way the platforms send them: raw HTTP (any method, headers, body; a reset after
 * the response arrived is not an error), Slack-signed posts, and Teams message activities.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Write the body in chunks of this size without a Content-Length (chunked encoding). */
  chunked?: number;
}

/** One HTTP request to `base` (`http://127.0.0.1:PORT`). Status 0 when the connection failed before a response. */
export function raw(base: string, options: RawRequest = {}): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: RawResponse): void => {
      if (!settled) {
        settled = true;
        resolve(r);
      }
    };
    const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body);
    const headers: Record<string, string> = { ...options.headers };
    if (body && !options.chunked && headers['content-length'] === undefined) headers['content-length'] = String(body.length);
    const req = request(
      { host: url.hostname, port: url.port, method: options.method ?? 'POST', path: options.path ?? '/', headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        const finish = (): void =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.on('end', finish);
        res.on('error', finish);
        res.on('aborted', finish);
      },
    );
    req.on('error', () => done({ status: 0, headers: {}, body: '' }));
    if (body && options.chunked) {
      for (let i = 0; i < body.length && !req.destroyed; i += options.chunked) req.write(body.subarray(i, i + options.chunked));
      req.end();
    } else {
      req.end(body);
    }
  });
}

/** Slack's `v0=` HMAC-SHA256 signature of `body` at `timestamp`. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Headers Slack sends with `body`, signed with `secret` (content type from the body's shape unless given). */
export function slackHeaders(secret: string, body: string, contentType?: string): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    'content-type': contentType ?? (body.trimStart().startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded'),
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(secret, timestamp, body),
  };
}

/** POSTs `body` to `/slack/events`, signed with `secret` as Slack signs it. */
export function postSlack(base: string, secret: string, body: string): Promise<RawResponse> {
  return raw(base, { path: '/slack/events', headers: slackHeaders(secret, body), body });
}

/** POSTs `activity` to `/api/messages` as JSON, without a token (local mode, or to be refused). */
export function postActivity(base: string, activity: Record<string, unknown>): Promise<RawResponse> {
  return raw(base, { path: '/api/messages', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
}

/** An Events API `app_mention` envelope asking `text`. */
export function slackMention(text: string, eventId = `Ev${Math.random().toString(36).slice(2, 10).toUpperCase()}`): string {
  return JSON.stringify({
    token: 'verification-token-unused',
    team_id: 'T0001',
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    event: {
      type: 'app_mention',
      user: 'U0001',
      text: `<@UBOT> ${text}`,
      ts: '1700000000.000100',
      channel: 'C0001',
      event_ts: '1700000000.000100',
    },
    authorizations: [{ team_id: 'T0001', user_id: 'UBOT', is_bot: true }],
  });
}

/** Slack's documented slash command payload (`test/fixtures/slack/slash-command.json`). */
const SLASH_COMMAND = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'slack', 'slash-command.json'), 'utf8')) as Record<
  string,
  string
>;

/** A `/aws` slash command form body asking `text`: the documented payload, its `response_url` on loopback (never Slack). */
export function slackCommand(text: string): string {
  return new URLSearchParams({ ...SLASH_COMMAND, text, response_url: 'http://127.0.0.1:9/response' }).toString();
}

/** A personal-chat Teams message activity asking `text`, replying to `serviceUrl`. */
export function teamsMessage(serviceUrl: string, text: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: `act-${Math.random().toString(36).slice(2, 10)}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:user-1', name: 'Alice', aadObjectId: '00000000-0000-0000-0000-0000000000a1' },
    conversation: { id: 'a:personal-conversation-1', conversationType: 'personal', tenantId: '00000000-0000-0000-0000-0000000000f1' },
    recipient: { id: '28:bot-1', name: 'aws-qa' },
    channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000f1' } },
    locale: 'en-US',
    text,
    ...overrides,
  };
}

/** Resolves once `predicate()` holds (polling); rejects after `ms`. */
export async function waitFor(predicate: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
