/**
 * Who is asking, for the question log. An adapter passes it with each question
 * (`Assistant.ask(question, { asker })`), and the store's recorder hashes the ids before
 * anything is queued. Ids are in clear here, in memory only, for the length of one call.
 *
 * The context travels as an argument rather than in an `AsyncLocalStorage`: on Node 20 an
 * active `AsyncLocalStorage` installs promise hooks that every promise of every request pays for
 * (Bolt creates dozens per request).
 */
import type { Turn } from '../conversation/turn';

export interface Asker {
  /** Slack workspace (`T…`) or enterprise (`E…`); Teams tenant. */
  workspace?: string;
  /** Teams team id (channels). */
  team?: string;
  channel?: string;
  user?: string;
}

/** What an adapter knows about one question besides its text. */
export interface AskContext {
  /** Who asked (absent: the question is logged without ids). */
  asker?: Asker;
  /** The id of the request that carried the question, for its log line (`reqId`). */
  requestId?: string;
  /** `false`: not a person's question (a card re-rendered after a vote, a welcome): not logged. */
  log?: boolean;
  /**
   * The conversation the question belongs to, as the adapter names it (a Slack thread or DM, a
   * Teams conversation): an opaque key, in clear, in memory only. The core ignores it; the server
   * keeps each conversation's turns under a keyed hash of it and passes them as `turns`.
   */
  thread?: string;
  /** The conversation's earlier turns, oldest first: the question is read in their context. */
  turns?: readonly Turn[];
}
