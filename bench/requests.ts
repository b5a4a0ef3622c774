/** The requests the throughput benchmarks send: signed Slack slash commands and Teams message activities, one per question. */
import { createHmac } from 'node:crypto';
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
