/** Help: the reading of a question that names nothing and asks nothing. */
import type { Candidate, CandidateInput } from '../../router/candidate';
import { FORM } from '../../router/relevance';
import { matchingEntry } from '../entry/candidates';
import { helpAnswer } from './answer';

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
