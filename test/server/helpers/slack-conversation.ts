/**
 * Slack traffic in conversations, for full-server tests: signed Events API envelopes (an @mention
 * in a channel, optionally in a thread; a DM) and the text of the `chat.postMessage` each one
 * causes at the fake Web API.
 */
import { SECRET } from '../../store/helpers/slack-traffic';
import { ASK_ACTION_PREFIX, encodeValue } from '../../../adapters/slack/actions';
import type { FakeSlack } from './fakes';
import { raw, slackHeaders } from './requests';

let events = 0;

/** Delivers a signed Events API envelope carrying `event` (from user U0001 in workspace T0001, a fresh event id) to `base`; returns the status. */
export async function slackEvent(base: string, event: Record<string, unknown>): Promise<number> {
  const body = JSON.stringify({
    token: 'unused',
    team_id: 'T0001',
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: `EvConv${process.pid}x${(events += 1)}`,
    event_time: 1_700_000_000,
    event: { user: 'U0001', event_ts: event.ts, ...event },
    authorizations: [{ team_id: 'T0001', user_id: 'UBOT', is_bot: true }],
  });
  return (await raw(base, { path: '/slack/events', headers: slackHeaders(SECRET, body), body })).status;
}

/** An @mention of the bot asking `text` in `channel`, at `ts`, in the thread `threadTs` when given. */
export const mentionEvent = (text: string, ts: string, threadTs?: string, channel = 'C0001'): Record<string, unknown> => ({
  type: 'app_mention',
  text: `<@UBOT> ${text}`,
  ts,
  channel,
  ...(threadTs ? { thread_ts: threadTs } : {}),
});

/** A direct message asking `text` in the DM `channel`, at `ts`. */
export const dmEvent = (text: string, ts: string, channel = 'D0001'): Record<string, unknown> => ({
  type: 'message',
  channel_type: 'im',
  text,
  ts,
  channel,
});

export interface Post {
  text: string;
  channel: string;
  thread_ts?: string;
}

/** Runs `send`, then resolves with the next `chat.postMessage` the fake receives (its fields, JSON or form-encoded). */
export async function nextPost(slack: FakeSlack, send: () => Promise<unknown>): Promise<Post> {
  const posts = (): { body: string }[] => slack.calls.filter((c) => c.path.includes('chat.postMessage'));
  const before = posts().length;
  await send();
  await slack.waitFor(() => posts().length > before, 15_000);
  const body = posts()[before].body;
  const fields = body.trimStart().startsWith('{')
    ? (JSON.parse(body) as Record<string, string>)
    : Object.fromEntries(new URLSearchParams(body));
  return { text: fields.text, channel: fields.channel, thread_ts: fields.thread_ts };
}

let clicks = 0;

/**
 * Delivers a signed click (by user U0001) of a follow-up button asking `question` on the bot's
 * message at `ts` in `channel` (in the thread `threadTs` when given); returns the status.
 */
export async function slackAskClick(
  base: string,
  o: { question: string; channel: string; ts: string; threadTs?: string },
): Promise<number> {
  clicks += 1;
  const payload = {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'example' },
    user: { id: 'U0001', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'unused',
    container: { type: 'message', message_ts: o.ts, channel_id: o.channel, is_ephemeral: false },
    trigger_id: `trigger-${process.pid}-${clicks}`,
    channel: { id: o.channel, name: 'general' },
    response_url: 'https://hooks.slack.com/actions/T0001/1/unused',
    message: { type: 'message', text: 'answer', ts: o.ts, ...(o.threadTs ? { thread_ts: o.threadTs } : {}), blocks: [] },
    actions: [
      {
        action_id: `${ASK_ACTION_PREFIX}0`,
        block_id: 'aws_qa_followups',
        type: 'button',
        value: encodeValue({ q: o.question }),
        action_ts: `1700009999.${clicks}`,
      },
    ],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return (await raw(base, { path: '/slack/events', headers: slackHeaders(SECRET, body), body })).status;
}
