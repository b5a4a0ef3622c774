/**
 * Feedback port: adapters record 👍/👎 votes through this interface; storage is pluggable.
 * The server passes the store's `StoreRecorder` (src/store/recorder.ts: the voter's id hashed,
 * written off the request path to SQLite or PostgreSQL, one vote per platform, answer and user).
 * The in-memory store below is for tests and embedding (bounded, newest kept).
 */

/** One vote on one answer. */
export interface Feedback {
  /** Platform the vote came from. */
  platform: 'slack' | 'teams' | 'web' | 'cli';
  /** The question the answer was given for. */
  question: string;
  /** `Answer.id` of the answer voted on. */
  answerId: string;
  vote: 'up' | 'down';
  /** Platform user id (Slack `U…`, Teams AAD object id or `29:…`). */
  user: string;
  /** ISO-8601 time of the vote. */
  at: string;
}

export interface FeedbackStore {
  record(feedback: Feedback): Promise<void>;
}

/** Keeps the last `capacity` votes (default 10,000) in memory; `list()` returns them oldest first. */
export class InMemoryFeedbackStore implements FeedbackStore {
  private readonly items: Feedback[] = [];

  constructor(private readonly capacity = 10_000) {}

  async record(feedback: Feedback): Promise<void> {
    this.items.push({ ...feedback });
    if (this.items.length > this.capacity) this.items.splice(0, this.items.length - this.capacity);
  }

  list(): readonly Feedback[] {
    return this.items;
  }
}
