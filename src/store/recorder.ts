/**
 * Turns what the adapters see into store rows: each answered question (through
 * {@link StoreRecorder.question}, called once per question by the server) and each vote (the
 * {@link FeedbackStore} port the adapters already use). Ids are hashed here, with the
 * deployment's key, before anything is queued; question text is normalized. Nothing here waits
 * on the database: rows go to the {@link WriteBuffer}.
 *
 * `QUESTION_LOG`: `all` (default) logs every question, `unanswered` only those the knowledge base
 * could not answer, `off` none. Votes are recorded whatever the mode (a vote is an explicit act).
 */
import type { Feedback, FeedbackStore } from '../feedback/feedback-store';
import type { AskContext } from './asker';
import type { IdHasher } from './keyed-hash';
import { normalizeLoggedQuestion } from './logged-question';
import type { StorePlatform } from './store';
import type { BufferedRow } from './write-buffer';

export const QUESTION_LOG_MODES = ['all', 'unanswered', 'off'] as const;
export type QuestionLogMode = (typeof QUESTION_LOG_MODES)[number];

/** One answered question, as the server's per-question hook sees it (with who asked it, from {@link AskContext}). */
export interface AnsweredQuestion extends AskContext {
  platform: StorePlatform;
  /** The question as asked (raw platform text; normalized here). */
  question: string;
  intent: string;
  answer: { id: string; answered: boolean };
}

export interface StoreRecorderOptions {
  buffer: { add(row: BufferedRow): void };
  hash: IdHasher;
  /** Default `all`. */
  questionLog?: QuestionLogMode;
  now?: () => number;
}

export class StoreRecorder implements FeedbackStore {
  private readonly now: () => number;
  private readonly mode: QuestionLogMode;

  constructor(private readonly options: StoreRecorderOptions) {
    this.now = options.now ?? Date.now;
    this.mode = options.questionLog ?? 'all';
  }

  /** Queues one question for the log (per `QUESTION_LOG`); never throws, never waits. */
  question(event: AnsweredQuestion): void {
    if (event.log === false || this.mode === 'off' || (this.mode === 'unanswered' && event.answer.answered)) return;
    const { asker } = event;
    const question = normalizeLoggedQuestion(event.question);
    if (!question) return;
    const h = (kind: 'workspace' | 'team' | 'channel' | 'user', id: string | undefined): string | null =>
      id ? this.options.hash(kind, id) : null;
    this.options.buffer.add({
      kind: 'question',
      row: {
        at: this.now(),
        platform: event.platform,
        answered: event.answer.answered,
        intent: event.intent.slice(0, 64),
        answerId: event.answer.id.slice(0, 128),
        question,
        workspace: h('workspace', asker?.workspace),
        team: h('team', asker?.team),
        channel: h('channel', asker?.channel),
        user: h('user', asker?.user),
      },
    });
  }

  /** The feedback port: queues the vote with the voter's id hashed. */
  async record(feedback: Feedback): Promise<void> {
    this.options.buffer.add({
      kind: 'vote',
      row: {
        at: Date.parse(feedback.at) || this.now(),
        platform: feedback.platform,
        answerId: feedback.answerId.slice(0, 128),
        question: normalizeLoggedQuestion(feedback.question),
        vote: feedback.vote,
        user: this.options.hash('user', feedback.user),
      },
    });
  }
}
