/** "Did you mean …?": the reading of a name as close to two services. */
import type { Candidate, CandidateInput } from '../../router/candidate';
import { FORM } from '../../router/relevance';
import { clarifyAnswer } from './answer';

/** "Did you mean": a typo equally close to two services, and no other service named. */
export function clarifyCandidates({ u }: CandidateInput): Candidate[] {
  const amb = u.ambiguous;
  if (!amb || u.entities.length > 0) return [];
  const at = u.text.toLowerCase().indexOf(amb.text);
  return [
    {
      intent: 'clarify',
      answered: true,
      speaksTo: [],
      why: `"${amb.text}" is as close to ${amb.candidates.map((e) => e.short).join(' as to ')}`,
      evidence: { subjects: 1, content: 1, form: FORM.neutral },
      build: () =>
        clarifyAnswer(u.text, amb.text, amb.candidates, (e) =>
          at >= 0 ? `${u.text.slice(0, at)}${e.short}${u.text.slice(at + amb.text.length)}` : `${u.text} ${e.short}`,
        ),
    },
  ];
}
