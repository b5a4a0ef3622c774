/** The help answer: what the bot does and example questions, all taken from the knowledge base. */
import { BEST_FOR_FACET, CONS_FACET } from '../../knowledge/facet-ids';
import type { Answer } from '../../answer/answer';
import type { RouterContext } from '../../read/context';
import { ask, finish, shortName } from '../../answer/common';
import { comparisonQuestions, entitiesWithSla, slaQuestion } from '../../answer/suggest';

/** Services named in the help text; a larger knowledge base names the rest as a count. */
const MAX_SERVICES_NAMED = 25;

export function helpAnswer(ctx: RouterContext, question: string): Answer {
  const { kb } = ctx;
  const examples: string[] = [];
  const sla = entitiesWithSla(ctx);
  if (sla.length > 0) examples.push(slaQuestion(ctx, sla[0]).question);
  const cmp = comparisonQuestions(ctx, 1);
  if (cmp.length > 0) examples.push(cmp[0].question);
  const withCons = kb.facts.findIndex((_, i) => ctx.scorer.showsFacet(i, CONS_FACET));
  if (withCons >= 0) examples.push(`What are the cons of ${shortName(kb, kb.facts[withCons].entity)}?`);
  const withBest = kb.facts.findIndex((_, i) => ctx.scorer.showsFacet(i, BEST_FOR_FACET));
  if (withBest >= 0) examples.push(`What is ${shortName(kb, kb.facts[withBest].entity)} best for?`);
  const used = new Set(kb.comparisons.map((c) => c.source.section));
  const entry = kb.entries.find((e) => !used.has(e.question) && !/sla/i.test(e.question));
  if (entry) examples.push(entry.question);
  const services = [...kb.covered].filter((id) => (kb.factsByEntity.get(id) ?? []).length > 0);
  const named = services.slice(0, MAX_SERVICES_NAMED).map((id) => shortName(kb, id));
  const more = services.length - named.length;
  return finish({
    kind: 'help',
    question,
    title: 'What I can answer',
    answered: true,
    confidence: 1,
    sources: [],
    parts: [
      {
        type: 'text',
        text: kb.domain
          ? `I answer ${kb.domain.questions} from the team's knowledge base (${kb.entries.length} Q&A entries): ${kb.domain.topics}.`
          : `I answer questions from the team's knowledge base (${kb.entries.length} Q&A entries).`,
      },
      { type: 'bullets', heading: 'Try asking', items: examples },
      ...(named.length
        ? [{ type: 'text' as const, text: `Services covered: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}.` }]
        : []),
    ],
    followUps: examples.slice(0, 3).map(ask),
  });
}
