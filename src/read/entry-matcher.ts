/**
 * Finds the entry whose own question a question paraphrases: most of the question's content
 * stems are in the entry's question (≥ 75%), and they make up at least half of the entry's. The
 * entries' stems are indexed once, so a question visits only the entries sharing a stem with it.
 */
import { contentStems } from '../text/tokens';
import { appendTo } from '../util/append-to';

/** Share of the question's stems that must be in the entry's question. */
const QUESTION_SHARE = 0.75;
/** Share of the entry question's stems that the question must hold. */
const ENTRY_SHARE = 0.5;

export class EntryMatcher {
  private readonly postings = new Map<string, number[]>();
  private readonly sizes: number[];

  /** `questions`: the entries' questions, by entry index. */
  constructor(questions: readonly string[]) {
    this.sizes = questions.map((q, i) => {
      const stems = contentStems(q);
      for (const s of stems) appendTo(this.postings, s, i);
      return stems.length;
    });
  }

  /**
   * The best-matching entry index for a question's (distinct) content stems, or undefined; the
   * score is the smaller of the two shares, ties go to the earlier entry. Needs 2+ stems.
   */
  match(stems: readonly string[]): number | undefined {
    if (stems.length < 2) return undefined;
    const shared = new Map<number, number>();
    for (const s of new Set(stems)) for (const i of this.postings.get(s) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    let best: { i: number; score: number } | undefined;
    for (const i of [...shared.keys()].sort((a, b) => a - b)) {
      const n = shared.get(i) as number;
      const ofQuestion = n / stems.length;
      const ofEntry = n / this.sizes[i];
      const score = Math.min(ofQuestion, ofEntry);
      if (ofQuestion >= QUESTION_SHARE && ofEntry >= ENTRY_SHARE && (!best || score > best.score)) best = { i, score };
    }
    return best?.i;
  }
}
