/**
 * Comparison readings: two or more services the knowledge base covers, side by side (its own
 * comparison, narrowed to the dimensions asked, or one assembled from each service's facts).
 */
import type { Answer } from '../../answer/answer';
import type { Candidate, CandidateInput } from '../../router/candidate';
import { aspectsHeld, shareHeld, subjectShare } from '../../router/candidate';
import { FORM } from '../../router/relevance';
import { compareAnswer } from './answer';

/** The text an answer shows (every part), for measuring what it holds. */
export function answerTexts(a: Answer): string[] {
  return a.parts.flatMap((p) => {
    switch (p.type) {
      case 'text':
        return [p.text];
      case 'bullets':
        return [p.heading ?? '', ...p.items];
      case 'facts':
        return p.facts.map((f) => `${f.label} ${f.value}`);
      case 'comparison':
        return p.rows.map((r) => `${r.dimension} ${r.values.join(' ')}`);
    }
  });
}

/** What a comparison holds of an explicit "X vs Y" question before any of its other words. */
const COMPARE_FLOOR = 0.6;

export function compareCandidates(input: CandidateInput): Candidate[] {
  const { u, ctx } = input;
  const covered = u.entities.filter((e) => ctx.kb.covered.has(e.id));
  if (covered.length < 2) return [];
  const answer = compareAnswer(ctx, u, covered, u.exact ? 0.9 : 0.75);
  if (!answer || answer.kind !== 'compare') return [];
  const texts = answerTexts(answer);
  const narrowed = answer.title.includes(':');
  const held = shareHeld(u.words.knownStems, texts);
  const ids = covered.map((e) => e.id);
  return [
    {
      intent: 'compare',
      answered: true,
      speaksTo: ids,
      why: `${answer.synthesized ? 'a side-by-side assembled from facts' : "the knowledge base's own comparison"} of ${covered.map((e) => e.short).join(' and ')}${narrowed ? ', narrowed' : ''}`,
      evidence: {
        subjects: subjectShare(input, ids),
        aspects: aspectsHeld(input, texts),
        // Words the knowledge base never uses cannot narrow a comparison it holds; asked "X or Y?",
        // the comparison answers the choice even when it holds none of the use case's words. Asked
        // no comparison ("do you get root access to EC2 and EMR?"), every content word is what is asked.
        content: u.cues.compare ? COMPARE_FLOOR + (1 - COMPARE_FLOOR) * held : shareHeld(u.words.contentStems, texts),
        form: u.cues.compare ? FORM.asked : FORM.neutral,
      },
      build: () => answer,
    },
  ];
}
