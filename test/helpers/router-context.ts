/** The router context over a knowledge directory (the real one by default), for unit tests of reading and choosing. */
import { createRouterContext, type RouterContext } from '../../src/read/context';
import { buildKnowledgeOrThrow, readKnowledgeSources } from '../../src/knowledge/load';
import { buildIndex } from '../../src/search/build-index';
import { KNOWLEDGE_DIR } from './knowledge';

const contexts = new Map<string, RouterContext>();

export function routerContext(dir = KNOWLEDGE_DIR): RouterContext {
  let ctx = contexts.get(dir);
  if (!ctx) {
    const { kb } = buildKnowledgeOrThrow(readKnowledgeSources(dir));
    ctx = createRouterContext(kb, buildIndex(kb));
    contexts.set(dir, ctx);
  }
  return ctx;
}
