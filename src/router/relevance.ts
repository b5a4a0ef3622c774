/**
 * The one relevance function every candidate answer is scored with, and the thresholds the
 * choice applies. A candidate states its evidence (how much of what the question asks it speaks
 * to); the score is computed here and nowhere else, so readings compete on the same scale.
 *
 * - `subjects`: of the things the question names (services, in the knowledge base or not, and
 *   unknown product-like words), the share the candidate speaks to. 1 when it names none.
 * - `ask`: what it asks about them. With aspects asked (SLA, limits, languages, …): the share of
 *   aspects the candidate holds facts for, blended with the share of the question's other
 *   knowledge-base words it holds. With no aspect: the share of the question's content words it
 *   holds (1 when there are none: "what is Lambda?").
 * - `form`: how well the candidate's shape fits the question's cues: 1 the shape asked for
 *   (a comparison for "X vs Y"), 0.9 neutral, 0 a contradiction (one service's facts for
 *   "X vs Y" when the knowledge base lacks Y).
 *
 * relevance = form × subjects^SUBJECT_EXPONENT × ask. Multiplicative on purpose: a candidate that
 * ignores a named service, or answers another aspect than the one asked, must not win on the
 * strength of the rest.
 */
export interface Evidence {
  subjects: number;
  /** Share of asked aspects held; undefined when the question asks none. */
  aspects?: number;
  /** Share of content words held (the question's knowledge-base words when aspects are asked). */
  content: number;
  form: number;
}

/** How much a missing subject costs: above 1, leaving out one of two services halves the score or worse. */
export const SUBJECT_EXPONENT = 1.5;
/** With aspects asked, the weight of the aspects against the other content words. */
export const ASPECT_WEIGHT = 0.8;

/** Form values a candidate states. */
export const FORM = { asked: 1, neutral: 0.9, weak: 0.75, contradicts: 0 } as const;

/**
 * Below this the bot abstains ("not in the knowledge base"): trades wrong answers (too low) for
 * answers withheld that the knowledge base held (too high). At 0.5 a candidate that speaks to every
 * subject and aspect but to none of the other knowledge-base words asked (`Lambda memory limit`
 * answered with the 15-minute limit) stays under it.
 */
export const ABSTAIN_BELOW = 0.5;

/**
 * When two answered candidates score within this of each other, the more specific one wins
 * (the order of `SPECIFICITY` in `choose.ts`): scores are coarse, and a near tie is no evidence.
 */
export const TIE_MARGIN = 0.02;

export function relevance(e: Evidence): number {
  const ask = e.aspects === undefined ? e.content : ASPECT_WEIGHT * e.aspects + (1 - ASPECT_WEIGHT) * e.content;
  return round(e.form * Math.pow(clamp(e.subjects), SUBJECT_EXPONENT) * clamp(ask));
}

const clamp = (x: number): number => Math.max(0, Math.min(1, x));
const round = (x: number): number => Math.round(x * 1000) / 1000;
