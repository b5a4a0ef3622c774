/** Helpers shared by the answer builders: ids, sources, entity labels, suggestions. */
import { createHash } from 'node:crypto';
import type { Entity } from '../knowledge/entities';
import type { Fact, KnowledgeBase } from '../knowledge/knowledge-base';
import { uniqueBy } from '../util/unique-by';
import type { Answer, Source, Suggestion } from './answer';

/** Distributes `Omit` over the union, so `kind`-specific fields stay required. */
export type AnswerDraft = Answer extends infer A ? (A extends Answer ? Omit<A, 'id'> : never) : never;

/**
 * Adds the stable id: a hash of the kind, question and content. The id is computed when first
 * read (an enumerable getter, so JSON and spreads carry it): the router builds several answers to
 * score them and keeps one, and only the kept one's id is ever read.
 *
 * Every answer shares one getter function, which reads the draft from a hidden cell (a
 * non-enumerable symbol property: JSON, spreads and `Object.keys` do not see it; the cell stays
 * writable when the answer is frozen). A getter closure per answer gave each answer a hidden class
 * of its own, made in the old generation and pointing at the young answer, which kept every
 * answer built for scoring alive through the next young-generation collection (most of the
 * ~500 KB promoted per scavenge on the sample questions).
 */
export function finish(draft: AnswerDraft): Answer {
  const asked = draft.question.trim().toLowerCase();
  const followUps = uniqueBy(draft.followUps, (s) => s.question.trim().toLowerCase()).filter(
    (s) => s.question.trim().toLowerCase() !== asked,
  );
  const answer = { ...draft, followUps: followUps.slice(0, 3) };
  Object.defineProperty(answer, ID_CELL, { value: { draft, id: undefined } satisfies IdCell });
  Object.defineProperty(answer, 'id', ID_PROPERTY);
  return answer as Answer;
}

/** Where an answer keeps what its id is computed from, and the id once read. */
interface IdCell {
  draft: AnswerDraft;
  id: string | undefined;
}

const ID_CELL = Symbol('answer id');

/** The one `id` property every answer gets (the same getter: answers share their hidden class). */
const ID_PROPERTY: PropertyDescriptor = {
  enumerable: true,
  get(this: { [ID_CELL]: IdCell }): string {
    const cell = this[ID_CELL];
    return (cell.id ??= `${cell.draft.kind}-${answerHash(cell.draft)}`);
  },
};

function answerHash(draft: AnswerDraft): string {
  return createHash('sha1')
    .update(JSON.stringify([draft.kind, draft.question.toLowerCase(), draft.title, draft.parts]))
    .digest('hex')
    .slice(0, 16);
}

/** Distinct sources, in first-seen order. */
export function sourcesOf(items: { source: Source }[]): Source[] {
  const seen = new Map<string, Source>();
  for (const { source } of items) seen.set(`${source.file}:${source.line}`, source);
  return [...seen.values()];
}

export function entityById(kb: KnowledgeBase, id: string): Entity | undefined {
  return kb.registry.get(id);
}

export function shortName(kb: KnowledgeBase, id: string): string {
  return entityById(kb, id)?.short ?? id;
}

/** A suggestion whose label is the question itself. */
export function ask(question: string): Suggestion {
  return { label: question.length > 70 ? `${question.slice(0, 67)}…` : question, question };
}

/** Facts grouped by attribute, in first-seen order: `Pros` → its values. */
export function groupByAttribute(facts: Fact[]): { attribute: string; values: string[] }[] {
  const groups = new Map<string, { attribute: string; values: string[] }>();
  for (const f of facts) {
    const key = f.attribute.toLowerCase();
    const g = groups.get(key) ?? { attribute: f.attribute, values: [] };
    if (!g.values.includes(f.value)) g.values.push(f.value);
    groups.set(key, g);
  }
  return [...groups.values()];
}
