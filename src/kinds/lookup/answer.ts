/**
 * Lookup: the best passages of the knowledge base for any other question, from the Lunr index.
 * A passage answers only when it holds most of the question's words (coverage); the answer shows
 * the top passage and its close neighbours from the same section, each with its labels.
 */
import type { Answer } from '../../answer/answer';
import type { Passage } from '../../knowledge/knowledge-base';
import type { RouterContext } from '../../read/context';
import { passagesAbout } from '../../read/passages-about';
import { queryPassages, type PassageHit } from '../../search/query';
import { finish, sourcesOf } from '../../answer/common';
import { suggestions } from '../../answer/suggest';
import { knowledgeStems } from '../../text/knowledge-stems';
import { entryInfo } from '../entry/candidates';

/** Coverage a top passage needs to count as an answer. */
export const MIN_COVERAGE = 0.5;

export function passageLine(p: Passage): string {
  const ctx = p.context.filter((c) => !p.text.startsWith(c));
  return ctx.length ? `${ctx.join(' › ')}: ${p.text}` : p.text;
}

/** The hits for `words` (optionally only passages about `entityId`), with coverage measured on `coverageOf` (default `words`). */
export function findPassages(
  ctx: RouterContext,
  words: readonly string[],
  entityId?: string,
  coverageOf?: readonly string[],
): PassageHit[] {
  return queryPassages(ctx.index, {
    words,
    coverageOf,
    within: entityId ? passagesAbout(ctx.kb, entityId) : undefined,
    limit: 8,
  });
}

/** The top hit and the hits of its section that score close to it. */
function neighbours(ctx: RouterContext, hits: PassageHit[]): Passage[] {
  const [top] = hits;
  const { entry } = ctx.kb.passages[top.id];
  return hits
    .filter((h) => h === top || (h.score >= 0.6 * top.score && h.coverage >= MIN_COVERAGE && ctx.kb.passages[h.id].entry === entry))
    .slice(0, SHOWN)
    .map((h) => ctx.kb.passages[h.id]);
}

/** What a list question is answered with (see {@link lookupAnswer}). */
function listedPassages(ctx: RouterContext, first: Passage, hits: PassageHit[], stems: readonly string[]): Passage[] {
  const heading = knowledgeStems(first.source.section);
  if (stems.length > 0 && stems.every((s) => heading.includes(s))) {
    return entryInfo(ctx)
      .passages[first.entry].map((k) => ctx.kb.passages[k])
      .filter((p) => p.kind === first.kind)
      .slice(0, LISTED);
  }
  const [top] = hits;
  return hits
    .filter((h) => ctx.kb.passages[h.id].entry === first.entry && h.coverage >= top.coverage)
    .slice(0, LISTED)
    .map((h) => ctx.kb.passages[h.id]);
}

/** Coverage needed when the question also has words the knowledge base never uses (a subject it may not hold). */
export const MIN_COVERAGE_WITH_UNKNOWN = 0.75;

/** Passages shown at most for a question (its top passage and close neighbours) and for a list. */
const SHOWN = 3;
const LISTED = 12;

/**
 * An answer from hits, or undefined when the best hit covers too little of the question.
 * `unknownWords`: how many of the question's words the knowledge base never uses. `listed`: the
 * content stems of a question that asks for every match. When its section's heading holds them all
 * ("list the storage SLAs" under "What are the availability SLAs for the AWS storage services?"),
 * the heading names what is listed and every passage of that kind in the section is shown (every
 * row of the table); otherwise every passage of the section that holds as much of the question as
 * the top one, not only its closest neighbours.
 */
export function lookupAnswer(
  ctx: RouterContext,
  question: string,
  hits: PassageHit[],
  related: string[] = [],
  unknownWords = 0,
  minCoverage?: number,
  listed?: readonly string[],
): Answer | undefined {
  const top = hits[0];
  const needed = minCoverage ?? (unknownWords > 0 ? MIN_COVERAGE_WITH_UNKNOWN : MIN_COVERAGE);
  if (!top || top.coverage < needed) return undefined;
  const first = ctx.kb.passages[top.id];
  const picked = (listed ? listedPassages(ctx, first, hits, listed) : neighbours(ctx, hits)).filter(
    (p) => p.kind !== 'code' || p === first,
  );
  const second = hits.find((h) => ctx.kb.passages[h.id].entry !== first.entry);
  const margin = second ? Math.max(0, 1 - second.score / top.score) : 1;
  return finish({
    kind: 'lookup',
    question,
    title: first.source.section,
    answered: true,
    confidence: Math.min(0.95, 0.3 + 0.5 * top.coverage + 0.2 * margin),
    parts: picked.length === 1 ? [{ type: 'text', text: passageLine(picked[0]) }] : [{ type: 'bullets', items: picked.map(passageLine) }],
    sources: sourcesOf(picked),
    followUps: () => suggestions(ctx, [...related, ...first.entities], 3),
  });
}
