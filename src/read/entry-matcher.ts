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
   *
   * An entry must hold `need` of the stems (the question share), so it holds at least one of the
   * `stems - need + 1` rarest (pigeonhole): only the entries in those postings are counted, each
   * by binary search in the other postings, instead of every entry a common stem reaches.
   */
  match(stems: readonly string[]): number | undefined {
    if (stems.length < 2) return undefined;
    const need = Math.ceil(QUESTION_SHARE * stems.length);
    const lists = [...new Set(stems)].map((s) => this.postings.get(s) ?? []).sort((a, b) => a.length - b.length);
    if (need > lists.length) return undefined;
    const candidates = new Set<number>();
    for (const list of lists.slice(0, lists.length - need + 1)) for (const i of list) candidates.add(i);
    let best: { i: number; score: number } | undefined;
    for (const i of [...candidates].sort((a, b) => a - b)) {
      let n = 0;
      for (const list of lists) if (holds(list, i)) n += 1;
      const ofQuestion = n / stems.length;
      const ofEntry = n / this.sizes[i];
      const score = Math.min(ofQuestion, ofEntry);
      if (ofQuestion >= QUESTION_SHARE && ofEntry >= ENTRY_SHARE && (!best || score > best.score)) best = { i, score };
    }
    return best?.i;
  }
}

/** Whether the ascending `list` holds `value` (binary search). */
function holds(list: readonly number[], value: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] === value) return true;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
