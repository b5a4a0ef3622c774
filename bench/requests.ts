/**
 * The requests the benchmarks send: signed Slack slash commands and Teams message activities, one
 * per question (throughput), and the mixed Slack and Teams traffic of the memory benchmark.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type autocannon from 'autocannon';

/** One signed `/aws` slash-command request per question (form body, as Slack sends it), signed now (valid 5 minutes). */
export function signedSlashCommands(questions: string[], secret: string): autocannon.Request[] {
  const ts = Math.floor(Date.now() / 1000);
  return questions.map((text, i) => {
    const body = new URLSearchParams({
      token: 'xyzz0WbapA4vBCDEFasx0q6G',
      team_id: 'T1DC2JH3J',
      team_domain: 'bench',
      channel_id: 'C0BENCH',
      channel_name: 'bench',
      user_id: `U0BENCH${i}`,
      user_name: 'bench',
      command: '/aws',
      text,
      api_app_id: 'A0BENCH',
      response_url: 'https://hooks.slack.com/commands/T1DC2JH3J/1/x',
      trigger_id: `1.2.${i}`,
    }).toString();
    const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
    return {
      method: 'POST',
      path: '/slack/events',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature,
      },
    };
  });
}

/** One personal-chat message activity per question, shaped like Teams sends them, replying to `serviceUrl`. */
export function teamsActivities(questions: string[], serviceUrl: string): autocannon.Request[] {
  return questions.map((text, i) => ({
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({
      type: 'message',
      id: `17000000000${i}`,
      timestamp: '2024-11-14T21:14:00.000Z',
      serviceUrl,
      channelId: 'msteams',
      from: { id: `29:bench-user-${i}`, name: 'Bench User', aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` },
      conversation: { conversationType: 'personal', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', id: `a:bench-${i}` },
      recipient: { id: '28:00000000-0000-4000-8000-00000000b07a', name: 'AWS QA' },
      textFormat: 'plain',
      text,
      channelData: { tenant: { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' } },
      locale: 'en-US',
    }),
  }));
}

/** Slack's signature headers for `body`, signed with `secret` now. */
function signed(secret: string, body: string): Record<string, string> {
  const t = Math.floor(Date.now() / 1000);
  return {
    'x-slack-request-timestamp': String(t),
    'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${t}:${body}`).digest('hex')}`,
  };
}

/**
 * The server's mixed traffic (`server-rss.ts`), cycling through `qs`: `/aws` slash commands and
 * `app_mention` events (each a fresh `event_id`, answered through the fake Web API at `slackUrl`),
 * each signed with `secret` when sent, and Teams personal-chat messages replying to the fake
 * connector at `connectorUrl`.
 */
export function mixedRequests(qs: string[], secret: string, slackUrl: string, connectorUrl: string): autocannon.Request[] {
  let n = 0;
  const next = (): string => qs[(n += 1) % qs.length];
  return [slashCommandRequest(next, secret, slackUrl), mentionRequest(next, secret), teamsRequest(next, connectorUrl)];
}

/** A signed `/aws` slash command asking `next()`, its `response_url` at the fake Web API. */
function slashCommandRequest(next: () => string, secret: string, slackUrl: string): autocannon.Request {
  return {
    method: 'POST',
    path: '/slack/events',
    setupRequest: (req) => {
      const body = new URLSearchParams({
        team_id: 'T0001',
        channel_id: 'C0001',
        user_id: 'U0001',
        command: '/aws',
        text: next(),
        api_app_id: 'A0001',
        response_url: `${slackUrl}response`,
        trigger_id: '1.2.3',
      }).toString();
      return { ...req, body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...signed(secret, body) } };
    },
  };
}

/** A signed `app_mention` event asking `next()`, each with a fresh `event_id`. */
function mentionRequest(next: () => string, secret: string): autocannon.Request {
  return {
    method: 'POST',
    path: '/slack/events',
    setupRequest: (req) => {
      const body = JSON.stringify({
        team_id: 'T0001',
        api_app_id: 'A0001',
        type: 'event_callback',
        event_id: `Ev${randomUUID()}`,
        event_time: 1,
        event: {
          type: 'app_mention',
          user: 'U0001',
          text: `<@UBENCH> ${next()}`,
          ts: '1.000100',
          channel: 'C0001',
          event_ts: '1.000100',
        },
      });
      return { ...req, body, headers: { 'content-type': 'application/json', ...signed(secret, body) } };
    },
  };
}

/** A Teams personal-chat message asking `next()`, replying to the fake connector. */
function teamsRequest(next: () => string, connectorUrl: string): autocannon.Request {
  return {
    method: 'POST',
    path: '/api/messages',
    setupRequest: (req) => ({
      ...req,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: randomUUID(),
        channelId: 'msteams',
        serviceUrl: connectorUrl,
        text: next(),
        from: { id: '29:user' },
        conversation: { id: 'a:bench', conversationType: 'personal' },
        recipient: { id: '28:bot' },
      }),
    }),
  };
}
