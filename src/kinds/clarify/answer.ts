/** "Did you mean …?": when a name is equally close to two services, offer each reading as a button. */
import type { Answer } from '../../answer/answer';
import type { Entity } from '../../knowledge/entities';
import { finish } from '../../answer/common';

export function clarifyAnswer(question: string, typed: string, candidates: Entity[], rewrite: (e: Entity) => string): Answer {
  const choices = candidates.map((e) => ({ label: e.short, question: rewrite(e) }));
  return finish({
    kind: 'clarify',
    question,
    title: 'Did you mean…',
    answered: true,
    confidence: 0.4,
    sources: [],
    parts: [{ type: 'text', text: `"${typed}" is close to ${candidates.map((e) => e.short).join(' and ')}. Which one did you mean?` }],
    choices,
    followUps: [],
  });
}
