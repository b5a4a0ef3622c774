/**
 * Signed Slack traffic to a whole server (the real Bolt receiver): mentions (with an event id, and
 * retry headers when it is a retry) and 👍/👎 clicks, plus the environment that turns Slack on
 * with the Web API at a loopback fake.
 */
import { encodeValue, FEEDBACK_DOWN_ACTION, FEEDBACK_UP_ACTION } from '../../../adapters/slack/actions';
import { raw, type RawResponse, slackHeaders, slackMention } from '../../server/helpers/requests';

export const SECRET = 'store-test-signing-secret-9c41e07d';
export const TOKEN = 'xoxb-111-222-storeTestBotToken';

/** Slack in HTTP mode, Web API at `apiUrl`. */
export const slackEnv = (apiUrl: string): Record<string, string> => ({
  SLACK_BOT_TOKEN: TOKEN,
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: apiUrl,
});

/** An `app_mention` asking `text` delivered to `base`; `retry` adds Slack's retry headers. */
export function mention(base: string, text: string, eventId: string, retry = 0): Promise<RawResponse> {
  const body = slackMention(text, eventId);
  const headers = {
    ...slackHeaders(SECRET, body),
    ...(retry > 0 ? { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' } : {}),
  };
  return raw(base, { path: '/slack/events', headers, body });
}

/** A signed 👍/👎 click on the answer `answerId` to `question`, by `user`. */
export function voteClick(
  base: string,
  o: { answerId: string; question: string; vote: 'up' | 'down'; user: string; triggerId: string; responseUrl: string },
): Promise<RawResponse> {
  const payload = {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'example' },
    user: { id: o.user, team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'unused',
    container: { type: 'message', message_ts: '1700000000.000200', channel_id: 'C0001', is_ephemeral: false },
    trigger_id: o.triggerId,
    channel: { id: 'C0001', name: 'general' },
    response_url: o.responseUrl,
    message: { type: 'message', text: 'answer', ts: '1700000000.000200', blocks: [] },
    actions: [
      {
        action_id: o.vote === 'up' ? FEEDBACK_UP_ACTION : FEEDBACK_DOWN_ACTION,
        block_id: 'aws_qa_feedback',
        type: 'button',
        value: encodeValue({ q: o.question, a: o.answerId }),
        action_ts: '1700000001.000300',
      },
    ],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return raw(base, { path: '/slack/events', headers: slackHeaders(SECRET, body), body });
}

/** `chat.postMessage` calls the fake received. */
export const posts = (calls: { path: string }[]): number => calls.filter((c) => c.path.includes('chat.postMessage')).length;
