/** Helpers shared by the answer builders: ids, sources, entity labels, suggestions. */
import { createHash } from 'node:crypto';
import type { Entity } from '../knowledge/entities';
import type { Fact, KnowledgeBase } from '../knowledge/knowledge-base';
import { uniqueBy } from '../util/unique-by';
import type { Answer, Source, Suggestion } from './answer';

/**
 * What an answer builder gives `finish`: an answer without its id, whose follow-ups may be given
 * as a function that makes them (`Omit` distributed over the union, so `kind`-specific fields stay
 * required).
 */
export type AnswerDraft = Answer extends infer A
  ? A extends Answer
    ? Omit<A, 'id' | 'followUps'> & { followUps: Suggestion[] | (() => Suggestion[]) }
    : never
  : never;

/**
 * Adds the stable id (a hash of the kind, question and content) and the follow-ups (at most 3,
 * distinct, none repeating the question). Both are computed when first read (enumerable getters,
 * so JSON and spreads carry them): the router builds several answers to score them and keeps
 * one, and only the kept one's id and follow-ups are ever read (making follow-ups for every
 * answer built was a large share of what a question allocated).
 *
 * Every answer shares the getter functions, which read the draft from a hidden cell (a
 * non-enumerable symbol property: JSON, spreads and `Object.keys` do not see it; the cell stays
 * writable when the answer is frozen). A getter closure per answer gave each answer a hidden class
 * of its own, made in the old generation and pointing at the young answer, which kept every
 * answer built for scoring alive through the next young-generation collection (most of the
 * ~500 KB promoted per scavenge on the sample questions).
 */
export function finish(draft: AnswerDraft): Answer {
  // The draft's properties in its order, `followUps` in its place (redefining a property that is
  // not an object's last as a getter would turn the object into a slow dictionary).
  const answer: Record<string, unknown> = {};
  for (const key of Object.keys(draft)) {
    if (key === 'followUps') Object.defineProperty(answer, key, FOLLOW_UPS_PROPERTY);
    else answer[key] = draft[key as keyof AnswerDraft];
  }
  Object.defineProperty(answer, ID_CELL, { value: { draft, id: undefined, followUps: undefined } satisfies IdCell });
  Object.defineProperty(answer, 'followUps', FOLLOW_UPS_PROPERTY);
  Object.defineProperty(answer, 'id', ID_PROPERTY);
  return answer as unknown as Answer;
}

/** Where an answer keeps what its id and follow-ups are computed from, and each once read. */
interface IdCell {
  draft: AnswerDraft;
  id: string | undefined;
  followUps: Suggestion[] | undefined;
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

/** The one `followUps` property every answer gets: the draft's, made once, distinct and without the question, at most 3. */
const FOLLOW_UPS_PROPERTY: PropertyDescriptor = {
  enumerable: true,
  get(this: { [ID_CELL]: IdCell }): Suggestion[] {
    const cell = this[ID_CELL];
    return (cell.followUps ??= distinctFollowUps(cell.draft));
  },
};

function distinctFollowUps(draft: AnswerDraft): Suggestion[] {
  const asked = draft.question.trim().toLowerCase();
  const given = typeof draft.followUps === 'function' ? draft.followUps() : draft.followUps;
  return uniqueBy(given, (s) => s.question.trim().toLowerCase())
    .filter((s) => s.question.trim().toLowerCase() !== asked)
    .slice(0, 3);
}

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
