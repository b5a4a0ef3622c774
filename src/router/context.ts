/** Everything an intent needs to answer: the knowledge base and the structures built over it once. */
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { PassageIndex } from '../search/build-index';
import type { FactScorer } from '../search/fact-scorer';
import type { QuestionReader } from './understand';

export interface RouterContext {
  kb: KnowledgeBase;
  index: PassageIndex;
  scorer: FactScorer;
  reader: QuestionReader;
  /** Per entry, the content stems of its question (precomputed for matching a question to an entry). */
  entryStems: ReadonlySet<string>[];
}
