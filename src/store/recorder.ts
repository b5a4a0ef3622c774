/**
 * Turns what the adapters see into store rows: each answered question (through
 * {@link StoreRecorder.question}, called once per question by the server) and each vote (the
 * {@link FeedbackStore} port the adapters already use). Ids are hashed here, with the
 * deployment's key, before anything is queued; question text is normalized. Nothing here waits
 * on the database: rows go to the {@link WriteBuffer}.
 *
 * `QUESTION_LOG`: `all` (default) logs every question, `unanswered` only those the knowledge base
 * could not answer, `off` none. Votes are recorded whatever the mode (a vote is an explicit act);
 * with `off` a vote keeps the answer id only, never the question's text.
 *
 * Every field is checked here, at the store's edge (`stored-fields.ts`): a row with a bad field (a
 * forged answer id holding a NUL byte, say) is refused alone, counted through `refused`, and never
 * queued beside good rows.
 */
import type { Feedback, FeedbackStore } from '../feedback/feedback-store';
import type { AskContext } from './asker';
import type { IdHasher } from './keyed-hash';
import { normalizeLoggedQuestion } from './logged-question';
import type { StorePlatform } from './store';
import { questionRowProblem, voteRowProblem } from './stored-fields';
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
  /** Called with the field at fault for each row refused at the edge (never with its value). */
  refused?: (kind: BufferedRow['kind'], field: string) => void;
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
    const row = {
      at: this.now(),
      platform: event.platform,
      answered: event.answer.answered,
      intent: String(event.intent).slice(0, 64),
      answerId: String(event.answer.id).slice(0, 128),
      question,
      workspace: h('workspace', asker?.workspace),
      team: h('team', asker?.team),
      channel: h('channel', asker?.channel),
      user: h('user', asker?.user),
    };
    const problem = questionRowProblem(row);
    if (problem) this.options.refused?.('question', problem);
    else this.options.buffer.add({ kind: 'question', row });
  }

  /** The feedback port: queues the vote with the voter's id hashed (refused alone when a field is bad). */
  async record(feedback: Feedback): Promise<void> {
    const row = {
      at: Date.parse(feedback.at) || this.now(),
      platform: feedback.platform,
      answerId: String(feedback.answerId),
      question: this.mode === 'off' ? '' : normalizeLoggedQuestion(String(feedback.question ?? '')),
      vote: feedback.vote,
      user: this.options.hash('user', String(feedback.user)),
    };
    const problem = voteRowProblem(row);
    if (problem) this.options.refused?.('vote', problem);
    else this.options.buffer.add({ kind: 'vote', row });
  }
}
