/**
 * The knowledge-gap report (`aws-qa report`): what was asked that the knowledge base could not
 * answer, what was voted down, what is asked most, and totals per platform. The JSON shape is a
 * public contract: `{ unanswered: [{ question, count, lastAsked }], downvoted: [{ question,
 * answerId, up, down }], top: [{ question, count, answered }], totals: { all, <platform>… },
 * escalated: [{ question, count, lastAsked }] }`.
 */
import type { StorePlatform } from './store-platform';

export interface ReportQuery {
  /** Only rows at or after this time (ms since the epoch). */
  since: number;
  /** Most rows per list. Default 50. */
  limit?: number;
  /**
   * Platforms whose questions and votes fill `unanswered`, `downvoted` and `top`. Default
   * Slack, Teams and the CLI: the playground (`web`) is anonymous and kept apart; its numbers
   * still appear in `totals.web`.
   */
  platforms?: readonly StorePlatform[];
}

export const DEFAULT_REPORT_PLATFORMS: readonly StorePlatform[] = ['slack', 'teams', 'cli'];

export interface UnansweredItem {
  question: string;
  count: number;
  /** ISO-8601. */
  lastAsked: string;
}

export interface DownvotedItem {
  question: string;
  answerId: string;
  up: number;
  down: number;
}

export interface TopItem {
  question: string;
  count: number;
  /** How many of those times it was answered. */
  answered: number;
}

export interface Totals {
  questions: number;
  answered: number;
  unanswered: number;
  up: number;
  down: number;
}

/** Questions handed to the experts ("Ask the experts"): how many askers, the latest when. */
export interface EscalatedItem {
  question: string;
  count: number;
  /** ISO-8601: the latest escalation. */
  lastAsked: string;
}

export interface Report {
  unanswered: UnansweredItem[];
  downvoted: DownvotedItem[];
  top: TopItem[];
  /** `all` (the sum over the query's platforms) plus one entry per platform that has rows, `web` included. */
  totals: Record<string, Totals>;
  /** Questions handed to the experts, most escalated first. */
  escalated: EscalatedItem[];
}

/** Empty totals. */
export const zeroTotals = (): Totals => ({ questions: 0, answered: 0, unanswered: 0, up: 0, down: 0 });

/**
 * Parses a `--since` value: a duration (`7d`, `12h`, `30m`, `2w`) back from `now`, or an ISO
 * date. Throws an Error naming the value when it is neither.
 */
export function parseSince(value: string, now = Date.now()): number {
  const m = /^(\d{1,5})([mhdw])$/.exec(value.trim());
  if (m) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2] as 'm' | 'h' | 'd' | 'w'];
    return now - Number(m[1]) * unit;
  }
  const t = Date.parse(value);
  if (/^\d{4}-\d{2}-\d{2}/.test(value) && Number.isFinite(t)) return t;
  throw new Error(`--since must be a duration like 7d, 24h, 30m, 2w or an ISO date (got "${value}")`);
}
