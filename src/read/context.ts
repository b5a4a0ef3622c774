/** Everything an intent needs to answer: the knowledge base and the structures built over it once. */
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { PassageIndex } from '../search/build-index';
import { FactScorer } from '../search/fact-scorer';
import { EntryMatcher } from './entry-matcher';
import { QuestionReader } from './read';

export interface RouterContext {
  kb: KnowledgeBase;
  index: PassageIndex;
  scorer: FactScorer;
  reader: QuestionReader;
  /** Matches a question to the entry whose own question it paraphrases. */
  entries: EntryMatcher;
}

/** The structures built once over a knowledge base and its index, for reading and answering questions. */
export function createRouterContext(kb: KnowledgeBase, index: PassageIndex): RouterContext {
  return {
    kb,
    index,
    scorer: new FactScorer(kb),
    reader: new QuestionReader(kb, index),
    entries: new EntryMatcher(kb.entries.map((e) => e.question)),
  };
}
