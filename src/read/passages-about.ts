/**
 * The passages that mention each entity, ascending: one pass over the passages per knowledge base,
 * not one per entity or per question.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { appendTo } from '../util/append-to';
import { perObject } from '../util/per-object';

const byEntity = perObject((kb: KnowledgeBase) => {
  const map = new Map<string, number[]>();
  kb.passages.forEach((p, i) => p.entities.forEach((id) => appendTo(map, id, i)));
  return map;
});

/** The ids of the passages of `kb` that mention entity `id`, ascending. */
export function passagesAbout(kb: KnowledgeBase, id: string): readonly number[] {
  return byEntity(kb).get(id) ?? [];
}
