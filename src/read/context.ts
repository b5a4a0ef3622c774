/** Everything an intent needs to answer: the knowledge base and the structures built over it once. */
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { PassageIndex } from '../search/build-index';
import type { FactScorer } from '../search/fact-scorer';
import type { EntryMatcher } from './entry-matcher';
import type { QuestionReader } from './read';

export interface RouterContext {
  kb: KnowledgeBase;
  index: PassageIndex;
  scorer: FactScorer;
  reader: QuestionReader;
  /** Matches a question to the entry whose own question it paraphrases. */
  entries: EntryMatcher;
}
