/**
 * The platform-neutral answer: what the core returns for a question, and what every
 * renderer (plain text, Slack Block Kit, Teams Adaptive Card, playground) consumes.
 *
 * It is plain data (JSON-serializable), a discriminated union on `kind`. Renderers
 * `switch (answer.kind)` and end with {@link assertNever}, so adding a kind breaks the
 * build of every renderer that forgot it.
 */

import type { Source } from '../knowledge/source';

/** Where a statement comes from (defined by the knowledge base, re-exported for the answer's readers). */
export type { Source };

/** A label/value pair, e.g. `Region-level SLA` / `99.95%`. */
export interface FactPair {
  label: string;
  value: string;
}

/** One row of a side-by-side comparison: a dimension and one value per column (`''` when unknown). */
export interface ComparisonRow {
  dimension: string;
  values: string[];
}

/** A block of answer content. Renderers map each type to their own layout. */
export type Part =
  /** A paragraph of plain text (no markup; renderers escape it). */
  | { type: 'text'; text: string }
  /** A bulleted list, with an optional heading line. */
  | { type: 'bullets'; heading?: string; items: string[] }
  /** Label/value pairs (SLA figures, option attributes). */
  | { type: 'facts'; heading?: string; facts: FactPair[] }
  /** A side-by-side comparison: one column per service, one row per dimension. */
  | { type: 'comparison'; heading?: string; columns: string[]; rows: ComparisonRow[] };

/** A question the bot can answer, offered as a button. `label` is short, `question` is what gets asked. */
export interface Suggestion {
  label: string;
  question: string;
}

/** Fields every answer has. */
export interface AnswerBase {
  /** Stable id: the same question over the same knowledge gives the same id (feedback keys on it). */
  id: string;
  /** The question as understood, after markup and entities were stripped. */
  question: string;
  /** One line saying what this answer is, e.g. `SLA for Amazon EKS`. */
  title: string;
  parts: Part[];
  /** Where the content comes from; empty for help and not-found. */
  sources: Source[];
  /** Questions worth asking next (buttons); at most 3. */
  followUps: Suggestion[];
  /** 0..1: how sure the router is that this is the reading the user meant. */
  confidence: number;
  /** `false` only when the knowledge base does not hold the answer. */
  answered: boolean;
  /**
   * A partial answer: what the question names that the knowledge base does not cover (services,
   * products outside AWS). The answered part is in `parts`, followed by a line naming these.
   */
  notCovered?: string[];
}

export type Answer =
  /** What the bot can do, with example questions. */
  | (AnswerBase & { kind: 'help' })
  /** Availability SLA figures for one or more services (or the whole table). */
  | (AnswerBase & { kind: 'sla'; services: string[] })
  /**
   * Two or more services side by side. `synthesized` is false when the knowledge base has its own
   * comparison, true when it was assembled from per-service facts.
   */
  | (AnswerBase & { kind: 'compare'; services: string[]; synthesized: boolean })
  /** One aspect (languages, pros, limits, pricing, …) of one service. */
  | (AnswerBase & { kind: 'facet'; services: string[]; facet: string })
  /** The service whose "best for"/pros match a need, with the reason. */
  | (AnswerBase & { kind: 'recommend'; services: string[] })
  /** The best passages of the knowledge base for anything else. */
  | (AnswerBase & { kind: 'lookup' })
  /** Two readings were close: "Did you mean …?" with the choices as buttons. */
  | (AnswerBase & { kind: 'clarify'; choices: Suggestion[] })
  /** The knowledge base does not hold the answer; `followUps` holds what it can answer. */
  | (AnswerBase & { kind: 'not-found' });

export type AnswerKind = Answer['kind'];

/** Every kind once (a `Record`, so a kind added to {@link Answer} does not compile until it is here). */
const KINDS: Record<AnswerKind, true> = {
  help: true,
  sla: true,
  compare: true,
  facet: true,
  recommend: true,
  lookup: true,
  clarify: true,
  'not-found': true,
};

/** Every kind, in a stable order (tests iterate it to cover all renderers). */
export const ANSWER_KINDS: readonly AnswerKind[] = Object.keys(KINDS) as AnswerKind[];

/** A renderer turns an answer into a platform payload; it is pure. */
export type Render<T> = (answer: Answer) => T;

/** Exhaustiveness check for `switch (answer.kind)`. */
export function assertNever(value: never): never {
  throw new Error(`unhandled answer kind: ${JSON.stringify(value)}`);
}
