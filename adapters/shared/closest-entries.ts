/**
 * "The closest entries the knowledge base holds" for a question handed to the experts: the
 * answer's own sources when it has any (an answer voted 👎), else the entries behind the questions
 * it offered instead (a "not in the knowledge base" answer), each with its file's owner and review
 * date. Asked through the core's public API, never logged as questions.
 */
import type { Answer, Assistant, Source } from '../../src/index';

/** At most `max` (default 3) distinct sources closest to `answer`'s question. */
export function closestEntries(assistant: Pick<Assistant, 'ask'>, answer: Answer, max = 3): Source[] {
  const found = answer.sources.length
    ? answer.sources
    : answer.followUps.flatMap((f) => assistant.ask(f.question, { log: false }).sources.slice(0, 1));
  const seen = new Set<string>();
  return found
    .filter((s) => {
      const key = `${s.file}\0${s.line}`;
      return !seen.has(key) && Boolean(seen.add(key));
    })
    .slice(0, max);
}

/** `owner team-db, reviewed 2024-01-15` (what the file's front matter says), or `''`. */
export function ownerNote(source: Source): string {
  return [source.owner ? `owner ${source.owner}` : '', source.reviewed ? `reviewed ${source.reviewed}` : ''].filter(Boolean).join(', ');
}
