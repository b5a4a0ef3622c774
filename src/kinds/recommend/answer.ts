/**
 * Recommendations: for a need ("event-driven workloads", "I already have containers and
 * microservices", "full control over the environment"), the service whose best-for, use-case and
 * pros facts match it best, with those facts as the reason. Undefined when nothing matches well.
 */
import { BEST_FOR_FACET, LANGUAGES_FACET, PROS_FACET, type KnownFacet } from '../../knowledge/facet-ids';
import type { Answer, Part } from '../../answer/answer';
import type { Fact } from '../../knowledge/knowledge-base';
import type { RouterContext } from '../../read/context';
import type { Understood } from '../../read/read';
import { perObject } from '../../util/per-object';
import { entityById, finish, shortName, sourcesOf } from '../../answer/common';
import { suggestions, versusQuestion } from '../../answer/suggest';

/** Facets that make a reason to recommend, with their weight: what a service is for counts most. */
const REASONS: [KnownFacet, number][] = [
  [BEST_FOR_FACET, 1.5],
  [PROS_FACET, 1],
  [LANGUAGES_FACET, 0.5],
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
    return r < 0 || fact.origin === 'entry' || (fact.origin === 'comparison' && REASONS[r][0] !== BEST_FOR_FACET) ? -1 : r;
  }),
);

/** The recommendation and the share of the question's words its reasons cover, or undefined. */
export function recommend(ctx: RouterContext, u: Understood): { answer: Answer; coverage: number } | undefined {
  const stems = u.words.matchableStems;
  if (stems.length === 0) return undefined;
  // Per service, in the order services first match: its score, the facts that gave it, and how
  // many stems they matched (each stem counts once per service, with the reason of the
  // best-scored fact holding it; `matched`: one row of stems per service).
  const reasons = reasonTable(ctx);
  const weights = stems.map((t) => ctx.scorer.weight(t));
  // `contentStems` are distinct, so the stems a service matched can be counted by position.
  const S = stems.length;
  const services: { id: string; score: number; count: number; facts: Fact[] }[] = [];
  const slotOf = new Map<string, number>();
  const matched = new Uint8Array(ctx.kb.factsByEntity.size * S);
  const fresh = new Int32Array(S);
  for (const s of ctx.scorer.score(undefined, stems, [], (i) => reasons[i] >= 0)) {
    const i = s.index;
    const known = slotOf.get(s.fact.entity);
    let gain = 0;
    let n = 0;
    for (let k = 0; k < S; k += 1) {
      if ((known !== undefined && matched[known * S + k]) || !ctx.scorer.inValue(i, stems[k])) continue;
      fresh[n++] = k;
      gain += weights[k];
    }
    if (n === 0) continue;
    let slot = known;
    if (slot === undefined) {
      slot = services.push({ id: s.fact.entity, score: 0, count: 0, facts: [] }) - 1;
      slotOf.set(s.fact.entity, slot);
    }
    for (let j = 0; j < n; j += 1) matched[slot * S + fresh[j]] = 1;
    const service = services[slot];
    service.count += n;
    service.score += REASONS[reasons[i]][1] * gain;
    service.facts.push(s.fact);
  }
  const [best, second] = [...services].sort((a, b) => b.score - a.score);
  if (!best) return undefined;
  const bestId = best.id;
  const coverage = best.count / stems.length;
  if (coverage < 0.5) return undefined;
  const runnerUp = second && second.score >= 0.8 * best.score ? second : undefined;
  const name = entityById(ctx.kb, bestId)?.name ?? bestId;
  const parts: Part[] = [
    { type: 'text', text: `${name} fits best, from what the knowledge base says about it:` },
    { type: 'facts', facts: best.facts.map((f) => ({ label: f.attribute, value: f.value })) },
  ];
  if (runnerUp) {
    parts.push({ type: 'text', text: `${shortName(ctx.kb, runnerUp.id)} is a close alternative:` });
    parts.push({ type: 'facts', facts: runnerUp.facts.map((f) => ({ label: f.attribute, value: f.value })) });
  }
  const margin = runnerUp ? 1 - runnerUp.score / best.score : 1;
  return {
    coverage,
    answer: finish({
      kind: 'recommend',
      question: u.text,
      services: [shortName(ctx.kb, bestId), ...(runnerUp ? [shortName(ctx.kb, runnerUp.id)] : [])],
      title: `Recommended: ${shortName(ctx.kb, bestId)}`,
      answered: true,
      confidence: Math.min(0.95, 0.5 + 0.3 * coverage + 0.2 * margin),
      parts,
      sources: sourcesOf([...best.facts, ...(runnerUp ? runnerUp.facts : [])]),
      followUps: () => [...(runnerUp ? [versusQuestion(ctx, bestId, runnerUp.id)] : []), ...suggestions(ctx, [bestId], 3)],
    }),
  };
}
