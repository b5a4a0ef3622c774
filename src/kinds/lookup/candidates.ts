/** Passage readings: the indexed passages (Lunr) that hold most of the question's words. */
import type { Candidate, CandidateInput } from '../../router/candidate';
import { statesCountOf, subjectShare } from '../../router/candidate';
import { FORM } from '../../router/relevance';
import { entryInfo } from '../entry/candidates';
import { findPassages, lookupAnswer } from './answer';

export function lookupCandidates(input: CandidateInput): Candidate[] {
  const { u, ctx } = input;
  const names = u.words.list.filter((w) => w.role === 'service').map((w) => w.text);
  const words = [...u.words.matchable, ...names];
  const hits = findPassages(ctx, words.length > 0 ? words : u.words.texts, undefined, u.words.matchable);
  const top = hits[0];
  if (!top || top.coverage === 0) return [];
  const passage = ctx.kb.passages[top.id];
  // A passage speaks in its section's context: about every service its entry is about.
  const about = entryInfo(ctx).entities[passage.entry];
  // A count question ("how many regions…") is answered only by a passage that counts that thing.
  const counted = u.cues.counted;
  const countless = counted !== undefined && !statesCountOf(`${passage.context.join(' ')} ${passage.text}`, counted);
  return [
    {
      intent: 'lookup',
      answered: true,
      speaksTo: about,
      why:
        `passage under "${passage.source.section}" (line ${passage.line}) holds ${Math.round(top.coverage * 100)}% of the words` +
        (countless ? `, but states no count of "${counted}"` : ''),
      evidence: {
        subjects: subjectShare(input, about),
        // Free text: what it holds of the question's words decides (aspect words included), not a label.
        content: countless ? 0 : top.coverage,
        // A lone passage is never the advice a stated problem asks for (entries are: `kinds/entry/candidates.ts`).
        form: FORM.neutral,
      },
      build: () => lookupAnswer(ctx, u.text, hits, [], 0, 0, u.cues.list || u.cues.all ? u.words.matchableStems : undefined)!,
    },
  ];
}
