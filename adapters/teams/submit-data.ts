/**
 * What the card's `Action.Submit` buttons carry, and how a click is read back.
 *
 * - Ask (follow-up and "Did you mean" buttons): `messageBack`, so Teams shows the question in the
 *   chat as if the user had typed it and sends it to the bot as the activity `text`; the same
 *   `{ action: 'ask', question }` is also in the submit data (and in `msteams.value`), so the bot
 *   can tell a click from a typed message even in a channel, where a click carries no @mention.
 * - Feedback (👍/👎): a plain submit; the bot receives `{ action: 'feedback', vote, answerId,
 *   question }` as the activity `value`, with no text and nothing shown in the chat.
 * - "Ask the experts": a plain submit `{ action: 'experts', answerId, question, voted }` (`voted`:
 *   the button was shown after a 👎, so the card it confirms on keeps its "thanks" line).
 *
 * A click payload is user-controlled input: {@link parseSubmitValue} validates it with zod.
 */
import { z } from 'zod';
import { MAX_QUESTION_LENGTH } from '../../src/index';
import { parseButtonPayload } from '../shared/button-payload';
import { TEAMS_LIMITS, truncateText } from './card-limits';

const askSubmitSchema = z.object({
  action: z.literal('ask'),
  question: z.string().trim().min(1).max(MAX_QUESTION_LENGTH),
});

const feedbackSubmitSchema = z.object({
  action: z.literal('feedback'),
  vote: z.enum(['up', 'down']),
  answerId: z.string().min(1).max(200),
  /** At most what {@link feedbackData} puts on a button: a longer one is forged, and not stored. */
  question: z.string().max(TEAMS_LIMITS.submitQuestion),
});

const expertsSubmitSchema = z.object({
  action: z.literal('experts'),
  answerId: z.string().min(1).max(200),
  question: z.string().trim().min(1).max(TEAMS_LIMITS.submitQuestion),
  voted: z.boolean().optional(),
});

const submitValueSchema = z.discriminatedUnion('action', [askSubmitSchema, feedbackSubmitSchema, expertsSubmitSchema]);

type AskSubmit = z.infer<typeof askSubmitSchema>;
export type FeedbackSubmit = z.infer<typeof feedbackSubmitSchema>;
export type ExpertsSubmit = z.infer<typeof expertsSubmitSchema>;
export type SubmitValue = z.infer<typeof submitValueSchema>;

/** Longest JSON string accepted as a submit value (Teams may deliver `msteams.value` as a string). */
const MAX_VALUE_JSON = 16 * 1024;

/**
 * Reads an activity `value` as one of our submit payloads: an object, or a JSON string of one.
 * Returns `undefined` for anything else (no value, another card's data, a forged payload).
 */
export function parseSubmitValue(value: unknown): SubmitValue | undefined {
  return parseButtonPayload(value, submitValueSchema, { maxJsonLength: MAX_VALUE_JSON, acceptObject: true });
}

/** The `data` of an ask button: a `messageBack` that shows and sends `question`. */
export function askData(question: string): Record<string, unknown> {
  const q = truncateText(question, TEAMS_LIMITS.submitQuestion);
  const value: AskSubmit = { action: 'ask', question: q };
  return { msteams: { type: 'messageBack', text: q, displayText: q, value: JSON.stringify(value) }, ...value };
}

/** The `data` of a 👍/👎 button for the answer `answerId` given to `question`. */
export function feedbackData(vote: 'up' | 'down', answerId: string, question: string): FeedbackSubmit {
  return { action: 'feedback', vote, answerId, question: truncateText(question, TEAMS_LIMITS.submitQuestion) };
}

/** The `data` of an "Ask the experts" button for the answer `answerId` given to `question` (`voted`: shown after a 👎). */
export function expertsData(answerId: string, question: string, voted = false): ExpertsSubmit {
  return { action: 'experts', answerId, question: truncateText(question, TEAMS_LIMITS.submitQuestion), ...(voted ? { voted } : {}) };
}
