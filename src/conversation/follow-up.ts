/**
 * Reading a question in the context of the turn before it. A follow-up leaves out what the
 * conversation already said: "and for Lambda?" (the aspect: the SLA asked before), "what's its
 * SLA?" (the service: EKS, named before). The question is completed with what it leaves out,
 * written as the knowledge base's own words (a service's short name, a facet's first question
 * word), and the completed question is read and scored like any other; `route` decides between
 * the two readings.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { ANAPHOR_WORDS, FOLLOW_UP_STARTERS, FUNCTION_WORDS, QUESTION_STARTERS } from '../language/lexicon';
import type { Understood } from '../read/read';
import type { Turn } from './turn';

export interface FollowUp {
  /** The question completed with what it takes from the last turn. */
  text: string;
  /** What it takes: the services' names and the aspects' titles, for `--explain`. */
  taken: { services: string[]; aspects: string[] };
  /**
   * `aspects`: the question only names what it is about ("and for Lambda?", "EKS?"), so the last
   * turn's aspects apply. `services`: it asks something but names nothing to ask it of.
   */
  takes: 'aspects' | 'services';
  /** Whether it points back at the conversation itself ("its", "both", "and …?"). */
  anaphoric: boolean;
}

/**
 * What a question could take from a conversation, read from the question alone (no turn needed,
 * so it is computed once per question and cached with its answer): `aspects` when it only names
 * what it is about ("and for Lambda?", "EKS?"), `services` when it asks something but names
 * nothing to ask it of ("what's its SLA?"); undefined when it stands on its own whatever came
 * before.
 */
export interface FollowUpShape {
  /** The question's text as read (a long post's focus). */
  text: string;
  takes: FollowUp['takes'];
  anaphoric: boolean;
}

/** The follow-up shape of `u` (see {@link FollowUpShape}), or undefined when it stands on its own. */
export function followUpShape(u: Understood): FollowUpShape | undefined {
  const anaphoric = u.words.texts.some((w) => ANAPHOR_WORDS.has(w)) || startsLikeFollowUp(u.words.texts);
  const namesSomething = u.entities.length > 0 || u.outside.length > 0 || u.words.subjects.length > 0;
  const asks = u.facets.length > 0 || u.words.content.some((w) => !ANAPHOR_WORDS.has(w));
  // Only names ("and for Lambda?", "EKS?"): every word a name, a function word ("the", "for") or a
  // pointer back; a verb of its own ("tell me about EKS") makes a request of its own.
  const onlyNames = u.words.list.every(
    ({ text: w, role }) =>
      role === 'service' ||
      (FUNCTION_WORDS.has(w) && !QUESTION_STARTERS.has(w)) ||
      w === 'the' ||
      ANAPHOR_WORDS.has(w) ||
      FOLLOW_UP_WORDS.has(w),
  );
  if (namesSomething && !asks && (anaphoric || onlyNames)) return { text: u.text, takes: 'aspects', anaphoric };
  if (!namesSomething && (asks || anaphoric)) return { text: u.text, takes: 'services', anaphoric };
  return undefined;
}

/**
 * A question of `shape` completed with what it leaves out of `last`, or undefined when `last`
 * has nothing to give it (no aspect the knowledge base knows, no service).
 */
export function completeFollowUp(shape: FollowUpShape | undefined, last: Turn | undefined, kb: KnowledgeBase): FollowUp | undefined {
  if (!shape || !last) return undefined;
  const { text, takes, anaphoric } = shape;
  if (takes === 'aspects') {
    const aspects = last.aspects.filter((id) => kb.facets[id]);
    if (!aspects.length) return undefined;
    const words = aspects.map((id) => kb.facets[id].ask[0]);
    return {
      text: `${text} ${words.join(' and ')}`,
      taken: { services: [], aspects: aspects.map((id) => kb.facets[id].title) },
      takes,
      anaphoric,
    };
  }
  const services = last.services.flatMap((id) => kb.registry.get(id)?.short ?? []);
  if (!services.length) return undefined;
  const joined = services.join(last.compare && services.length === 2 ? ' vs ' : ' and ');
  return { text: `${text} ${joined}`, taken: { services, aspects: [] }, takes, anaphoric };
}

/** The follow-up reading of `u` after `last`, or undefined when the question stands on its own (or has nothing to complete). */
export function followUp(u: Understood, last: Turn | undefined, kb: KnowledgeBase): FollowUp | undefined {
  return last ? completeFollowUp(followUpShape(u), last, kb) : undefined;
}

/** The words of the follow-up starters ("and", "also", "what about"): no question of their own. */
const FOLLOW_UP_WORDS: ReadonlySet<string> = new Set(FOLLOW_UP_STARTERS.flat());

function startsLikeFollowUp(tokens: readonly string[]): boolean {
  return FOLLOW_UP_STARTERS.some((starter) => starter.every((w, i) => tokens[i] === w));
}

/** The turn a routed question leaves for the next one: what was read, whether it was answered. */
export function turnOf(u: Understood, answered: boolean): Turn {
  return {
    services: [...u.entities, ...u.outside].map((e) => e.id),
    aspects: [...u.facets],
    compare: u.cues.compare,
    answered,
  };
}
