/**
 * What the playground's JSON endpoints accept, as zod schemas.
 * Unknown keys are rejected, so a typo in a client shows up as a 400 instead of being ignored.
 */
import { z } from 'zod';
import { MAX_QUESTION_LENGTH } from '../../src/index';

/**
 * `POST /playground/ask`: `{ question, conversation? }`. `question`: 1..4,000 characters after
 * trimming. `conversation`: the page's conversation id (8..64 letters, digits, `-` or `_`; a new
 * one per "New conversation"): questions sharing it are one conversation, each read in the
 * context of the ones before; without it a question stands alone.
 */
export const askRequestSchema = z.strictObject({
  question: z
    .string()
    .trim()
    .min(1, 'question is empty')
    .max(MAX_QUESTION_LENGTH, `question is longer than ${MAX_QUESTION_LENGTH} characters`),
  conversation: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'conversation must be 8 to 64 letters, digits, - or _')
    .optional(),
});

/**
 * `POST /playground/feedback`: a 👍/👎 on the answer `answerId` given to `question`. `from` says
 * which rendering the click came from (`slack` or `teams`), for the log; the vote is recorded
 * with platform `web` either way.
 */
export const feedbackRequestSchema = z.strictObject({
  answerId: z.string().min(1).max(200),
  question: z.string().max(MAX_QUESTION_LENGTH),
  vote: z.enum(['up', 'down']),
  from: z.enum(['slack', 'teams']).optional(),
});

/** `{ path: message }` lines of a zod error, for a 400 response that says what is wrong. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(body)'}: ${issue.message}`);
}
