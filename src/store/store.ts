/**
 * The store port: what the bot remembers across restarts and shares between replicas. The core
 * defines it; `adapters/store/` implements it (SQLite by default, PostgreSQL for several
 * replicas). Nothing here imports a database driver.
 *
 * Privacy contract: no row holds a workspace, team, channel or user id in clear; the adapters
 * hand over keyed hashes only (see `keyed-hash.ts`). Questions are kept as normalized text.
 * Times are milliseconds since the epoch.
 */
import type { EscalationStore } from './escalations';
import type { Report, ReportQuery } from './report';
import type { StorePlatform } from './store-platform';

export { STORE_PLATFORMS, type StorePlatform } from './store-platform';

/** One question asked (a row of the question log). */
export interface QuestionRow {
  at: number;
  platform: StorePlatform;
  /** `false` when the knowledge base did not hold the answer. */
  answered: boolean;
  /** The router's intent, e.g. `sla`, `not-found`. */
  intent: string;
  /** `Answer.id`. */
  answerId: string;
  /** The question's normalized text (`normalizeLoggedQuestion`). */
  question: string;
  /** Keyed hashes (32 hex characters), or null when the platform has none. */
  workspace: string | null;
  team: string | null;
  channel: string | null;
  user: string | null;
}

/** One vote: one per (platform, answer, hashed user), the latest wins. */
export interface VoteRow {
  at: number;
  platform: StorePlatform;
  answerId: string;
  /** The question's normalized text; empty with `QUESTION_LOG=off` (a vote then keeps the answer id only). */
  question: string;
  vote: 'up' | 'down';
  /** Keyed hash of the voter's id. */
  user: string;
}

/** Rows a purge deleted. */
export interface PurgeCounts {
  questions: number;
  votes: number;
  keys: number;
  /** `false` when the deleted rows may still be in the database's files (the erase step could not run now). */
  erased?: boolean;
}

/** A batch of buffered writes, applied in one transaction. */
export interface WriteBatch {
  questions: readonly QuestionRow[];
  votes: readonly VoteRow[];
}

export interface Store extends EscalationStore {
  /** `sqlite` or `postgres`: for logs and `/healthz`. */
  readonly kind: string;
  /**
   * Applies a batch in one transaction (all or nothing). Rejects when the database is unreachable
   * or refuses it; the error's `transient: false` says the data itself was refused (retrying cannot
   * help), anything else (busy, locked, timed out, disk full, unreachable) is worth retrying.
   */
  write(batch: WriteBatch): Promise<void>;
  /**
   * Claims a de-duplication key (a Slack event id, an interaction id) until `now + ttlMs`: resolves
   * `true` when no live claim existed (the caller goes on), `false` for a repeat. Atomic across
   * replicas sharing the database.
   */
  claim(key: string, now: number, ttlMs: number): Promise<boolean>;
  /** Deletes questions and votes older than `before`, and keys expired at `now`, and erases them from the files. */
  purge(before: number, now: number): Promise<PurgeCounts>;
  /** The knowledge-gap report over the questions and votes since `query.since`. */
  report(query: ReportQuery): Promise<Report>;
  /**
   * A named setting created once: returns the stored value, or stores `create()` and returns it.
   * Race-free: replicas starting together all get the same value.
   */
  setting(name: string, create: () => string): Promise<string>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
