/** SLA readings: the figures of the services named, or the whole table when none is named. */
import { entitiesWithSla } from '../../answer/suggest';
import { SLA_FACET } from '../../knowledge/facet-ids';
import type { Candidate, CandidateInput } from '../../router/candidate';
import { namedCount, shareHeld, shareHeldIn, subjectShare } from '../../router/candidate';
import { knowledgeStems } from '../../text/knowledge-stems';
import { FORM } from '../../router/relevance';
import type { RouterContext } from '../../read/context';
import { perObject } from '../../util/per-object';
import { slaAnswer } from './answer';

/** The texts of the SLA facts of `ids`. */
function slaTexts(ctx: RouterContext, ids: readonly string[]): string[] {
  return ids.flatMap((id) =>
    (ctx.kb.factsByEntity.get(id) ?? [])
      .filter((i) => ctx.scorer.showsFacet(i, SLA_FACET))
      .map((i) => `${ctx.kb.facts[i].attribute} ${ctx.kb.facts[i].value}`),
  );
}

/** The stems of the whole SLA table (every service's SLA facts), gathered once per knowledge base. */
const tableStems = perObject(
  (ctx: RouterContext): ReadonlySet<string> => new Set(slaTexts(ctx, entitiesWithSla(ctx)).flatMap((t) => knowledgeStems(t))),
);

export function slaCandidates(input: CandidateInput): Candidate[] {
  const { u, ctx } = input;
  if (!u.facets.includes(SLA_FACET)) return [];
  const withSla = entitiesWithSla(ctx);
  if (withSla.length === 0) return [];
  const aspects = 1 / u.facets.length;
  if (namedCount(input) === 0) {
    return [
      {
        intent: 'sla',
        answered: true,
        speaksTo: [],
        why: `no service named: the SLA table (${withSla.length} services)`,
        evidence: {
          subjects: 1,
          aspects,
          content: shareHeldIn(u.words.knownStems, tableStems(ctx)),
          form: u.cues.all ? FORM.asked : FORM.neutral,
        },
        build: () => slaAnswer(ctx, u.text, [], 0.85),
      },
    ];
  }
  const named = u.entities.filter((e) => withSla.includes(e.id));
  if (named.length === 0) return [];
  const ids = named.map((e) => e.id);
  return [
    {
      intent: 'sla',
      answered: true,
      speaksTo: ids,
      why: `SLA facts of ${named.map((e) => e.short).join(', ')}`,
      evidence: {
        subjects: subjectShare(input, ids),
        aspects,
        content: shareHeld(u.words.knownStems, slaTexts(ctx, ids)),
        form: FORM.asked,
      },
      build: () => slaAnswer(ctx, u.text, named, u.exact ? 0.9 : 0.75),
    },
  ];
}
