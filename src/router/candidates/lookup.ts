/** Passage readings: the indexed passages (Lunr) that hold most of the question's words. */
import { findPassages, lookupAnswer, passageLine } from '../../answer/build/lookup';
import type { Candidate, CandidateInput } from '../candidate';
import { aspectsHeld, subjectShare } from '../candidate';
import { FORM } from '../relevance';

export function lookupCandidates(input: CandidateInput): Candidate[] {
  const { u, ctx } = input;
  const names = u.tokens.filter((_, i) => u.entityWords.has(i));
  const words = [...u.content, ...names];
  const hits = findPassages(ctx, words.length > 0 ? words : u.tokens, undefined, u.content);
  const top = hits[0];
  if (!top || top.coverage === 0) return [];
  const passage = ctx.kb.passages[top.id];
  return [{
    intent: 'lookup', answered: true, speaksTo: passage.entities,
    why: `passage under "${passage.source.section}" (line ${passage.line}) holds ${Math.round(top.coverage * 100)}% of the words`,
    evidence: {
      subjects: subjectShare(input, passage.entities),
      aspects: aspectsHeld(input, [passageLine(passage)]),
      content: top.coverage,
      form: u.cues.advice ? FORM.asked : FORM.neutral,
    },
    build: () => lookupAnswer(ctx, u.text, hits, [], 0, 0)!,
  }];
}
