/** SLA readings: the figures of the services named, or the whole table when none is named. */
import { entitiesWithSla } from '../../answer/suggest';
import { SLA_FACET } from '../../knowledge/facet-ids';
import type { Candidate, CandidateInput } from '../../router/candidate';
import { namedCount, shareHeld, shareHeldIn, subjectShare } from '../../router/candidate';
import { knowledgeStems } from '../../text/knowledge-stems';
import { FORM } from '../../router/relevance';
import type { RouterContext } from '../../read/context';
import { perObject } from '../../util/per-object';
import { scopeStemsIn, sectionStems } from '../section-scope';
import { rowFactsAsked, slaAnswer, slaFactsOf } from './answer';

/** The texts of the SLA facts of `ids`. */
function slaTexts(ctx: RouterContext, ids: readonly string[]): string[] {
  return ids.flatMap((id) => slaFactsOf(ctx, id)).map((f) => `${f.attribute} ${f.value}`);
}

/**
 * The whole SLA table, gathered once per knowledge base: the stems of its facts (every service's
 * SLA facts) and of the sections they sit under (as `scopeStemsIn` reads them).
 */
const slaTable = perObject((ctx: RouterContext): { stems: ReadonlySet<string>; sections: readonly (readonly string[])[] } => {
  const facts = entitiesWithSla(ctx).flatMap((id) => slaFactsOf(ctx, id));
  return { stems: new Set(facts.flatMap((f) => knowledgeStems(`${f.attribute} ${f.value}`))), sections: sectionStems(facts) };
});

export function slaCandidates(input: CandidateInput): Candidate[] {
  const { u, ctx } = input;
  if (!u.facets.includes(SLA_FACET)) return [];
  const withSla = entitiesWithSla(ctx);
  if (withSla.length === 0) return [];
  const aspects = 1 / u.facets.length;
  // The table answers a question that names no service; a name as close to two services
  // ("sla for luminx") names one, which one being the "Did you mean" reading's to ask.
  if (namedCount(input) === 0 && !u.ambiguous) {
    // A word naming some SLA tables' headings ("list the networking SLAs") asks for those tables.
    const table = slaTable(ctx);
    const scope = scopeStemsIn(u.words.contentStems, table.sections);
    // Every other content word, unknown ones included: the table holds none of a service it lacks.
    const rest = u.words.contentStems.filter((stem) => !scope.includes(stem));
    return [
      {
        intent: 'sla',
        answered: true,
        speaksTo: [],
        why: `no service named: the SLA table (${withSla.length} services)${scope.length ? ` under headings holding ${scope.join(', ')}` : ''}`,
        evidence: {
          subjects: 1,
          aspects,
          // The words naming the tables are held by them; the rest must be held by their rows.
          content: scope.length > 0 && rest.length === 0 ? 1 : shareHeldIn(rest, table.stems),
          form: u.cues.all ? FORM.asked : FORM.neutral,
        },
        build: () => slaAnswer(ctx, u.text, [], 0.85, scope),
      },
    ];
  }
  const named = u.entities.filter((e) => withSla.includes(e.id));
  if (named.length === 0) return [];
  const ids = named.map((e) => e.id);
  // The other cells of their SLA rows that the question names, read once for the evidence and the answer.
  const rowCells = new Map(ids.map((id) => [id, rowFactsAsked(ctx, id, u.words.contentStems)]));
  return [
    {
      intent: 'sla',
      answered: true,
      speaksTo: ids,
      why: `SLA facts of ${named.map((e) => e.short).join(', ')}`,
      evidence: {
        subjects: subjectShare(input, ids),
        aspects,
        content: shareHeld(u.words.knownStems, [
          ...slaTexts(ctx, ids),
          ...[...rowCells.values()].flat().map((f) => `${f.attribute} ${f.value}`),
        ]),
        form: FORM.asked,
      },
      build: () => slaAnswer(ctx, u.text, named, u.exact ? 0.9 : 0.75, [], rowCells),
    },
  ];
}
