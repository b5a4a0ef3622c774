/**
 * What the listeners share: the core's ports, the logger, the secrets to keep out of logs, and
 * the few helpers every listener uses (ask, apologize, log a failure).
 */
import type { AllMiddlewareArgs } from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';
import type { Answer, AskContext, Assistant, ConversationRecall, EscalationLog, FeedbackStore, Report, ReportQuery } from '../../src/index';
import type { SlackMessage } from './render';

/** What the Home tab (`app-home.ts`) needs besides the assistant: who the admins are and how to read the report. */
export interface SlackHome {
  /** Slack user ids who see the gap report (`SLACK_ADMIN_USER_IDS`). */
  admins: ReadonlySet<string>;
  /** The store's report (absent: admins see that no store is configured). */
  report?: (query: ReportQuery) => Promise<Report>;
  now?: () => number;
}

/** "Ask the experts" (`experts.ts`): the experts' channel and where escalations are recorded. */
export interface SlackExperts {
  /** The channel id (`C…`/`G…`) the questions go to. */
  channel: string;
  log: EscalationLog;
}

/** The Web API client Bolt hands to listeners. */
export type SlackClient = AllMiddlewareArgs['client'];

export interface ListenerDeps {
  /**
   * The answer engine: `ask`, and `recall` when the server keeps conversations (awaited before a
   * question whose context names its `thread`).
   */
  assistant: Pick<Assistant, 'ask'> & Partial<ConversationRecall>;
  feedbackStore: FeedbackStore;
  logger: PinoLogger;
  /** Values that must never appear in a log line (tokens, signing secret). */
  secrets: readonly string[];
  /** The experts' channel (`SLACK_EXPERTS_CHANNEL`); absent: no "Ask the experts" button. */
  experts?: SlackExperts;
  /** The Home tab's admins and report (`SLACK_ADMIN_USER_IDS`); absent: the Home tab shows no report. */
  home?: SlackHome;
}

/** What the user sees when answering failed. */
export const APOLOGY = 'Sorry, something went wrong while answering that. Please try again in a moment.';

/** The apology as a message. */
export const apologyMessage = (): SlackMessage => ({
  text: APOLOGY,
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:warning: ${APOLOGY}` } }],
});

/**
 * Asks `raw` (a platform message, mentions included) on behalf of `ask` (who asked, the request
 * id). A blank question (`/aws`, a bare @mention) gets the core's help answer.
 */
export function answerFor(deps: ListenerDeps, raw: string, ask: AskContext): Answer {
  return deps.assistant.ask(raw, ask);
}

/**
 * Like {@link answerFor}, in the conversation `ask.thread` names: waits (bounded, see
 * `ConversationRecall`) for its earlier turns when the server shares them between replicas.
 */
export async function answerInContext(deps: ListenerDeps, raw: string, ask: AskContext): Promise<Answer> {
  await deps.assistant.recall?.(ask);
  return deps.assistant.ask(raw, ask);
}

/** Logs `error` at error level with `what` happened and safe `context` (the adapter's logger serializes and redacts `err`). */
export function logFailure(deps: ListenerDeps, what: string, error: unknown, context: Record<string, unknown> = {}): void {
  deps.logger.error({ ...context, err: error }, `slack: ${what}`);
}

/** True when `error` is a Web API platform error with one of `codes` (e.g. `not_in_channel`). */
export function isPlatformError(error: unknown, codes: readonly string[]): boolean {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' && codes.includes(data.error);
}
