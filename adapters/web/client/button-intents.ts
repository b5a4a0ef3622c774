/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * What a click on a rendered button means in the playground, read from the payload exactly as
 * each platform would deliver it to the bot:
 * - Slack: the button's `action_id` and `value` (see `adapters/slack/actions.ts`): `aws_qa_ask_<n>`
 *   with `{"q": question}`, `aws_qa_feedback_up|down` with `{"q": question, "a": answerId}`;
 * - Teams: the `Action.Submit` `data` (see `adapters/teams/submit-data.ts`): `{ action: 'ask',
 *   question }` or `{ action: 'feedback', vote, answerId, question }`.
 *
 * The ids are repeated here rather than imported, to keep zod and Node code out of the browser
 * bundle; `test/web/button-intents.test.ts` decodes every button of real rendered answers, so a
 * change on either side that breaks the mapping fails the tests.
 */

/** A follow-up / "Did you mean" click, a vote, or a button the playground cannot act on. */
export type ButtonIntent =
  | { kind: 'ask'; question: string }
  | { kind: 'feedback'; vote: 'up' | 'down'; answerId: string; question: string }
  | { kind: 'unsupported'; reason: string };

/** `action_id` of Slack follow-up / clarify buttons: `aws_qa_ask_0`, `aws_qa_ask_1`, … */
const SLACK_ASK_ACTION = /^aws_qa_ask_\d+$/;
/** `action_id` of the Slack 👍/👎 buttons. */
const SLACK_FEEDBACK_ACTION = /^aws_qa_feedback_(up|down)$/;
/** `action_id` of the Slack "Share in channel" button. */
const SLACK_SHARE_ACTION = 'aws_qa_share';

function parseJson(text: string | undefined): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** The intent of a Slack button with `actionId` and `value`. */
export function slackButtonIntent(actionId: string, value: string | undefined): ButtonIntent {
  const data = parseJson(value);
  if (SLACK_ASK_ACTION.test(actionId)) {
    return isRecord(data) && nonEmpty(data.q)
      ? { kind: 'ask', question: data.q }
      : { kind: 'unsupported', reason: `malformed value on ${actionId}` };
  }
  const vote = SLACK_FEEDBACK_ACTION.exec(actionId)?.[1];
  if (vote === 'up' || vote === 'down') {
    return isRecord(data) && nonEmpty(data.a) && typeof data.q === 'string'
      ? { kind: 'feedback', vote, answerId: data.a, question: data.q }
      : { kind: 'unsupported', reason: `malformed value on ${actionId}` };
  }
  if (actionId === SLACK_SHARE_ACTION)
    return { kind: 'unsupported', reason: '"Share in channel" reposts an ephemeral answer in Slack; nothing to do here' };
  return { kind: 'unsupported', reason: `unknown Slack action ${actionId}` };
}

/** The intent of a Teams `Action.Submit` with `data`. */
export function teamsSubmitIntent(data: unknown): ButtonIntent {
  const value = typeof data === 'string' ? parseJson(data) : data;
  if (isRecord(value) && value.action === 'ask' && nonEmpty(value.question)) return { kind: 'ask', question: value.question };
  if (
    isRecord(value) &&
    value.action === 'feedback' &&
    (value.vote === 'up' || value.vote === 'down') &&
    nonEmpty(value.answerId) &&
    typeof value.question === 'string'
  ) {
    return { kind: 'feedback', vote: value.vote, answerId: value.answerId, question: value.question };
  }
  return { kind: 'unsupported', reason: 'unknown Teams submit data' };
}
