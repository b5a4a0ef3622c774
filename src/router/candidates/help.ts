/** Help and "Did you mean …?": readings of a question that names nothing, or a name close to two services. */
import { clarifyAnswer } from '../../answer/build/clarify';
import { helpAnswer } from '../../answer/build/help';
import type { Candidate, CandidateInput } from '../candidate';
import { FORM } from '../relevance';
import { matchingEntry } from './entry';

/** Help: nothing named, asked or said beyond greetings and cue words; not when the words are an entry's own question. */
export function helpCandidates({ u, ctx }: CandidateInput): Candidate[] {
  if (!u.cues.help || matchingEntry(ctx, u) !== undefined) return [];
  return [
    {
      intent: 'help',
      answered: true,
      speaksTo: [],
      why: 'no service, aspect or subject word: a greeting or a request for help',
      evidence: { subjects: 1, content: 1, form: FORM.asked },
      build: () => helpAnswer(ctx, u.text),
    },
  ];
}

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
