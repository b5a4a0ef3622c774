/** Recommendation readings: no service named, a need described; the service whose best-for and pros match it. */
import type { Candidate, CandidateInput } from '../../router/candidate';
import { FORM } from '../../router/relevance';
import { recommend } from './answer';

export function recommendCandidates(input: CandidateInput): Candidate[] {
  const { u, ctx } = input;
  if (u.entities.some((e) => ctx.kb.covered.has(e.id))) return [];
  const rec = recommend(ctx, u);
  if (!rec || rec.answer.kind !== 'recommend') return [];
  const services = rec.answer.services;
  return [
    {
      intent: 'recommend',
      answered: true,
      speaksTo: [],
      why: `${services.join(', ')}: best-for and pros facts hold ${Math.round(rec.coverage * 100)}% of the words`,
      evidence: {
        subjects: u.entities.length + u.outside.length > 0 ? 0 : 1,
        content: rec.coverage,
        // "What is container orchestration?" asks what it is, not which service to use.
        form: u.cues.recommend && !u.cues.definition ? FORM.asked : FORM.weak,
      },
      build: () => rec.answer,
    },
  ];
}
