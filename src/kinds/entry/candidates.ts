/**
 * Entry readings: the question is (a paraphrase of) an entry's own question, or it states a
 * problem about a service that an entry gives advice on ("our avatars are too big for a DynamoDB
 * item, what now"): the entry's digest, which holds the advice, not a lone fact.
 */
import type { RouterContext } from '../../read/context';
import type { Understood } from '../../read/read';
import { knowledgeStems } from '../../text/knowledge-stems';
import { contentStems } from '../../text/tokens';
import { appendTo } from '../../util/append-to';
import { perObject } from '../../util/per-object';
import type { Candidate, CandidateInput } from '../../router/candidate';
import { aspectsHeld, shareHeldIn, subjectShare } from '../../router/candidate';
import { FORM } from '../../router/relevance';
import type { Answer } from '../../answer/answer';
import type { Comparison } from '../../knowledge/knowledge-base';
import { rowsAsked } from '../compare/answer';
import { digestAnswer } from './answer';

/**
 * The entry whose own question this is (a paraphrase with the same words), if any. Services are
 * compared by their names, not as typed (`dynamo db`, `lamda` read as `DynamoDB`, `Lambda`).
 */
export function matchingEntry(ctx: RouterContext, u: Understood): number | undefined {
  const words = u.words.list.filter((w) => w.role !== 'service').map((w) => w.synonym);
  return ctx.entries.match(contentStems([...words, ...u.entities.map((e) => e.short)].join(' ')));
}

interface EntryFacts {
  /** Per entry, the entity ids its passages are about. */
  entities: string[][];
  /** Per entity id, the entries about it. */
  byEntity: Map<string, number[]>;
  /** Per entry, the indexes of its passages, in document order. */
  passages: readonly (readonly number[])[];
  /** Per entry, the comparison it holds (a section comparing services), if any. */
  comparisons: readonly (Comparison | undefined)[];
  /** Entry `i`'s question and passages' texts (labels included). */
  texts(i: number): readonly string[];
  /** The stems of entry `i`'s texts (computed when first asked, then kept). */
  stems(i: number): ReadonlySet<string>;
}
/**
 * What each entry is about, computed once per knowledge base; what each entry says, per entry
 * when a question first needs it (a question visits the entries about the services it names: at
 * 5 MB, stemming every entry up front cost the first question ~0.8 s and kept every text twice).
 */
export const entryInfo = perObject((ctx: RouterContext): EntryFacts => {
  const entities = ctx.kb.entries.map(() => new Set<string>());
  const passages = ctx.kb.entries.map((): number[] => []);
  ctx.kb.passages.forEach((p, k) => {
    p.entities.forEach((id) => entities[p.entry].add(id));
    passages[p.entry].push(k);
  });
  const byEntity = new Map<string, number[]>();
  entities.forEach((ids, i) => ids.forEach((id) => appendTo(byEntity, id, i)));
  const texts = (i: number): string[] => [
    ctx.kb.entries[i].question,
    ...passages[i].map((k) => `${ctx.kb.passages[k].context.join(' ')} ${ctx.kb.passages[k].text}`),
  ];
  const stems: (ReadonlySet<string> | undefined)[] = [];
  return {
    entities: entities.map((s) => [...s]),
    byEntity,
    passages,
    comparisons: ctx.kb.entries.map(({ question, file }) =>
      ctx.kb.comparisons.find((c) => c.source.section === question && c.source.file === file),
    ),
    texts,
    stems: (i) => (stems[i] ??= new Set(texts(i).flatMap((x) => knowledgeStems(x)))),
  };
});

/** When entry `i` is a comparison, its rows that hold what was asked (`rowsAsked`): one row asked, one row answered. */
function sectionRows(ctx: RouterContext, u: Understood, i: number): Answer | undefined {
  const cmp = entryInfo(ctx).comparisons[i];
  return cmp && rowsAsked(ctx, u, cmp, 0.8);
}

export function entryCandidates(input: CandidateInput): Candidate[] {
  const { u, ctx } = input;
  const out: Candidate[] = [];
  const info = entryInfo(ctx);
  const own = matchingEntry(ctx, u);
  if (own !== undefined) {
    const entry = ctx.kb.entries[own];
    const about = info.entities[own];
    // Matched on the services' names alone ("beanstalk vs app runner"), it is one reading among the structured ones.
    const form = u.words.content.length + u.facets.length > 0 ? FORM.asked : FORM.neutral;
    out.push({
      intent: 'entry',
      answered: true,
      speaksTo: about,
      why: `the entry's own question: "${entry.question}"`,
      evidence: { subjects: subjectShare(input, about), content: 1, form },
      build: () => digestAnswer(ctx, u.text, entry, 0.85),
    });
  }
  // The section about the services named that holds most of the question's words: advice for a
  // stated problem ("too big for a DynamoDB item, what now"), or an entry asked in other words
  // ("is it a good idea to store images in DynamoDB?").
  const covered = u.entities.filter((e) => ctx.kb.covered.has(e.id));
  // Services named with nothing else asked ("DynamoDB vs S3?"): the section about them is the knowledge base's word on them together.
  const togetherOnly = covered.length > 1 && u.facets.length === 0;
  if (covered.length > 0 && (u.words.knownStems.length > 0 || (u.cues.advice && u.facets.length > 0) || togetherOnly)) {
    let best: { i: number; share: number; about: string[]; subjects: number } | undefined;
    for (const i of info.byEntity.get(covered[0].id) ?? []) {
      const about = info.entities[i];
      // The entry must be about the first service named, and its own question name one of them;
      // one about only some of the others speaks to fewer of the things named (its subject share).
      if (i === own || !covered.some((e) => ctx.reader.names(ctx.kb.entries[i].question, e.id))) continue;
      // As for facts: with aspects asked, the knowledge base's words count; with none, every word does.
      const share = shareHeldIn(u.facets.length > 0 || u.cues.advice ? u.words.knownStems : u.words.contentStems, info.stems(i), false);
      const subjects = subjectShare(input, about);
      if (!best || subjects > best.subjects || (subjects === best.subjects && share > best.share)) best = { i, share, about, subjects };
    }
    if (best && best.share > 0) {
      const { i, share, about, subjects } = best;
      const entry = ctx.kb.entries[i];
      out.push({
        intent: u.cues.advice ? 'advice' : 'section',
        answered: true,
        speaksTo: about,
        why: `${u.cues.advice ? 'a stated problem: ' : ''}the entry "${entry.question}" holds ${Math.round(share * 100)}% of the words`,
        evidence: {
          subjects,
          aspects: aspectsHeld(input, info.texts(i)),
          content: share,
          form: u.cues.advice ? FORM.asked : FORM.neutral,
        },
        build: () => (u.cues.advice ? undefined : sectionRows(ctx, u, i)) ?? digestAnswer(ctx, u.text, entry, 0.8),
      });
    }
  }
  return out;
}
