/**
 * Interactive element ids and button values: what the renderer puts on buttons and what the
 * action handlers decode. Values are compact JSON validated with zod on the way back in (a click
 * payload is user-controlled input), and always fit in Slack's 2,000-character button value.
 */
import { z } from 'zod';
import { parseButtonPayload } from '../shared/button-payload';
import { SLACK_LIMITS } from './limits';

/** `action_id` prefix of follow-up and "Did you mean" buttons: `aws_qa_ask_0`, `aws_qa_ask_1`, … */
export const ASK_ACTION_PREFIX = 'aws_qa_ask_';
/** Matches every follow-up / clarify button's `action_id`. */
export const ASK_ACTION_PATTERN = /^aws_qa_ask_\d+$/;
/** `action_id` of the 👍 button. */
export const FEEDBACK_UP_ACTION = 'aws_qa_feedback_up';
/** `action_id` of the 👎 button. */
export const FEEDBACK_DOWN_ACTION = 'aws_qa_feedback_down';
/** Matches both feedback buttons. */
export const FEEDBACK_ACTION_PATTERN = /^aws_qa_feedback_(up|down)$/;
/** `action_id` of the "Share in channel" button on ephemeral slash-command answers. */
export const SHARE_ACTION = 'aws_qa_share';
/** `action_id` of the "Ask the experts" button (with `SLACK_EXPERTS_CHANNEL`). */
export const EXPERTS_ACTION = 'aws_qa_experts';
/** Matches every `action_id` this app puts on a button (one Bolt listener dispatches them). */
export const APP_ACTION_PATTERN = /^aws_qa_/;

/** `block_id` of the actions block holding follow-up / clarify buttons (a suffix `_1`… when split). */
export const SUGGEST_BLOCK_ID = 'aws_qa_suggest';
/** `block_id` of the actions block holding the 👍/👎 (and share) buttons. */
export const FEEDBACK_BLOCK_ID = 'aws_qa_feedback';
/** `block_id` of the context block that replaces the feedback buttons after a vote. */
export const FEEDBACK_DONE_BLOCK_ID = 'aws_qa_feedback_done';
/** `block_id` of the actions block that keeps the share button after a vote. */
export const SHARE_BLOCK_ID = 'aws_qa_share';
/** `block_id` of the actions block holding the "Ask the experts" button. */
export const EXPERTS_BLOCK_ID = 'aws_qa_experts';
/** `block_id` of the context block that replaces it once the question was sent. */
export const EXPERTS_DONE_BLOCK_ID = 'aws_qa_experts_done';

/** A question to ask: follow-up, clarify and share buttons. */
export const askValueSchema = z.object({ q: z.string().min(1) });

/** A vote target: the question and the `Answer.id` it got. */
export const feedbackValueSchema = z.object({ q: z.string(), a: z.string().min(1) });

/**
 * Serializes `value` as JSON within {@link SLACK_LIMITS.buttonValue}: when too long, the question
 * `q` is shortened at a word boundary until it fits (a question that long is cut by the engine
 * anyway; `MAX_QUESTION_LENGTH` is 4,000 while a button value holds 2,000).
 */
export function encodeValue<T extends { q: string }>(value: T): string {
  const json = JSON.stringify(value);
  if (json.length <= SLACK_LIMITS.buttonValue) return json;
  const fits = (n: number) => JSON.stringify({ ...value, q: value.q.slice(0, n) }).length <= SLACK_LIMITS.buttonValue;
  let lo = 0;
  let hi = value.q.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  const space = value.q.lastIndexOf(' ', lo);
  const end = space > lo / 2 ? space : lo;
  return JSON.stringify({ ...value, q: value.q.slice(0, end) });
}

/** Parses a button value with `schema`; `undefined` when it is not JSON (within the button value's limit) or not of that shape. */
export function decodeValue<T>(raw: unknown, schema: z.ZodType<T>): T | undefined {
  return parseButtonPayload(raw, schema, { maxJsonLength: SLACK_LIMITS.buttonValue });
}
