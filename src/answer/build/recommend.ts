/**
 * Recommendations: for a need ("event-driven workloads", "I already have containers and
 * microservices", "full control over the environment"), the service whose best-for, use-case and
 * pros facts match it best, with those facts as the reason. Undefined when nothing matches well.
 */
import type { Answer, Part } from '../answer';
import type { Fact } from '../../knowledge/knowledge-base';
import type { RouterContext } from '../../read/context';
import type { Understood } from '../../read/read';
import { perObject } from '../../util/per-object';
import { entityById, finish, shortName, sourcesOf } from './common';
import { suggestions, versusQuestion } from './suggest';

/** Facets that make a reason to recommend, with their weight: what a service is for counts most. */
const REASONS: [string, number][] = [
  ['best-for', 1.5],
  ['pros', 1],
  ['languages', 0.5],
];

/**
 * Per fact, the index in `REASONS` of the reason it gives, or -1 when it gives none: a comparison's
 * pros speak relative to the other side (its use cases still say what a service is for), and an
 * entry's points describe that entry's topic, not what the service is best at. Computed once per
 * knowledge base (its scorer), so scoring can skip other facts cheaply.
 */
const reasonTable = perObject((ctx: RouterContext): Int8Array =>
  Int8Array.from(ctx.kb.facts, (fact, i) => {
    const r = REASONS.findIndex(([f]) => ctx.scorer.showsFacet(i, f));
    return r < 0 || fact.origin === 'entry' || (fact.origin === 'comparison' && REASONS[r][0] !== 'best-for') ? -1 : r;
  }),
);

/** The recommendation and the share of the question's words its reasons cover, or undefined. */
export function recommendAnswer(ctx: RouterContext, u: Understood): Answer | undefined {
  return recommend(ctx, u)?.answer;
}

export function recommend(ctx: RouterContext, u: Understood): { answer: Answer; coverage: number } | undefined {
  const stems = u.contentStems;
  if (stems.length === 0) return undefined;
  const byEntity = new Map<string, { score: number; facts: Fact[]; matched: Set<string> }>();
  const reasons = reasonTable(ctx);
  for (const s of ctx.scorer.score(undefined, stems, [], (i) => reasons[i] >= 0)) {
    const i = s.index;
    const reason = REASONS[reasons[i]];
    const e = byEntity.get(s.fact.entity) ?? { score: 0, facts: [], matched: new Set<string>() };
    const fresh = stems.filter((t) => ctx.scorer.inValue(i, t) && !e.matched.has(t));
    if (fresh.length === 0) continue;
    fresh.forEach((t) => e.matched.add(t));
    e.score += reason[1] * fresh.reduce((sum, t) => sum + ctx.scorer.weight(t), 0);
    e.facts.push(s.fact);
    byEntity.set(s.fact.entity, e);
  }
  const ranked = [...byEntity.entries()].sort((a, b) => b[1].score - a[1].score);
  if (ranked.length === 0) return undefined;
  const [bestId, best] = ranked[0];
  const coverage = best.matched.size / stems.length;
  if (coverage < 0.5) return undefined;
  const runnerUp = ranked[1] && ranked[1][1].score >= 0.8 * best.score ? ranked[1] : undefined;
  const name = entityById(ctx.kb, bestId)?.name ?? bestId;
  const parts: Part[] = [
    { type: 'text', text: `${name} fits best, from what the knowledge base says about it:` },
    { type: 'facts', facts: best.facts.map((f) => ({ label: f.attribute, value: f.value })) },
  ];
  if (runnerUp) {
    parts.push({ type: 'text', text: `${shortName(ctx.kb, runnerUp[0])} is a close alternative:` });
    parts.push({ type: 'facts', facts: runnerUp[1].facts.map((f) => ({ label: f.attribute, value: f.value })) });
  }
  const margin = runnerUp ? 1 - runnerUp[1].score / best.score : 1;
  return {
    coverage,
    answer: finish({
      kind: 'recommend',
      question: u.text,
      services: [shortName(ctx.kb, bestId), ...(runnerUp ? [shortName(ctx.kb, runnerUp[0])] : [])],
      title: `Recommended: ${shortName(ctx.kb, bestId)}`,
      answered: true,
      confidence: Math.min(0.95, 0.5 + 0.3 * coverage + 0.2 * margin),
      parts,
      sources: sourcesOf([...best.facts, ...(runnerUp ? runnerUp[1].facts : [])]),
      followUps: [...(runnerUp ? [versusQuestion(ctx, bestId, runnerUp[0])] : []), ...suggestions(ctx, [bestId], 3)],
    }),
  };
}
