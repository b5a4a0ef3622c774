/**
 * Routes a question: read it, let every generator propose candidate answers, choose one with the
 * one relevance function (`choose.ts`), build only that one.
 */
import type { Answer } from '../answer/answer';
import type { RouterContext } from '../read/context';
import type { Understood } from '../read/read';
import { completeFollowUp, followUp, followUpShape, turnOf, type FollowUp, type FollowUpShape } from '../conversation/follow-up';
import type { Turn } from '../conversation/turn';
import { focusOf } from '../read/focus';
import { GENERATORS } from '../kinds/registry';
import { contributions } from './fitted-model';
import type { Candidate, CandidateInput } from './candidate';
import { choose } from './choose';
import type { Explain } from './explain';
import type { Reading } from './intent';
import { TIE_MARGIN } from './relevance';

export type { Explain } from './explain';

export interface Routed {
  answer: Answer;
  /** The chosen candidate's intent (`not-found` when the bot abstains). */
  intent: Reading;
  /** How the question was read and why this answer won (only when asked for). */
  explain?: Explain;
  /** What this question leaves for the next turn of its conversation. */
  turn: Turn;
  /** The chosen candidate's score. */
  score: number;
  /** What the question could take from the turn before it (undefined: it stands on its own). */
  shape?: FollowUpShape;
}

export interface RouteOptions {
  explain?: boolean;
  /** The conversation's earlier turns, oldest first (absent: the question stands alone). */
  turns?: readonly Turn[];
  /** The question already routed on its own (`route` without turns): not routed again. */
  alone?: Routed;
}

/**
 * Routes `question`; with earlier `turns`, also as a follow-up of the last one (`followUp`), and
 * answers with the reading that fits: a follow-up that only names a service ("and for Lambda?")
 * or points back ("its", "both") is read in context; one that asks on its own about nothing it
 * names is read in context unless it stands better alone (a higher score, or answered where the
 * context is not).
 */
export function route(ctx: RouterContext, question: string, options: RouteOptions = {}): Routed {
  const alone = options.alone ?? routeFocused(ctx, question, options);
  const follow = completeFollowUp(alone.shape, options.turns?.at(-1), ctx.kb);
  if (!follow) return alone;
  const inContext = routeAlone(ctx, follow.text, options);
  const useContext = fitsContext(alone, inContext, follow);
  const chosen = useContext ? inContext : alone;
  if (!options.explain || !chosen.explain) return chosen;
  return {
    ...chosen,
    explain: {
      ...chosen.explain,
      context: { question: follow.text, taken: follow.taken, used: useContext },
    },
  };
}

/**
 * A long message read by its focus (`focusOf`: the sentences that ask, and a title): the other
 * sentences are context, read as a turn before it, so a focus that names nothing ("How do I store
 * the images?") is asked of what the context names.
 */
function routeFocused(ctx: RouterContext, question: string, options: RouteOptions): Routed {
  const text = focusedText(ctx, question);
  return routeAlone(ctx, text ?? question, options);
}

/** The text a long message is routed as (its focus, completed from its context), or undefined when it is read whole. */
export function focusedText(ctx: RouterContext, question: string): string | undefined {
  const parts = focusOf(question);
  if (!parts) return undefined;
  const focus = ctx.reader.read(parts.focus);
  // A focus that asks for nothing ("Can you please suggest?") leaves the question in its story: the whole message is read.
  if (focus.cues.help) return undefined;
  const context = turnOf(ctx.reader.read(parts.context), false);
  return followUp(focus, context, ctx.kb)?.text ?? parts.focus;
}

/**
 * Whether the follow-up reading wins: always when the question only names what it is about or
 * points back ("its", "both", "and …?"); otherwise when it is answered and the question alone is
 * not, or when it scores clearly higher ("which services publish no SLA?" after "SLA for EKS" is
 * about every service, and reads as well alone).
 */
function fitsContext(alone: Routed, inContext: Routed, follow: FollowUp): boolean {
  if (follow.takes === 'aspects' || follow.anaphoric) return true;
  if (inContext.answer.answered !== alone.answer.answered) return inContext.answer.answered;
  return !alone.answer.answered || inContext.score > alone.score + TIE_MARGIN;
}

/** Every candidate every generator proposes for a question as read. */
export function proposeAll(input: CandidateInput): Candidate[] {
  return GENERATORS.flatMap((g) => g(input));
}

function routeAlone(ctx: RouterContext, question: string, options: RouteOptions): Routed {
  const u = ctx.reader.read(question);
  const input = { u, ctx };
  const choice = choose(input, proposeAll(input), options.explain === true);
  const routed: Routed = {
    answer: choice.answer,
    intent: choice.intent,
    turn: turnOf(u, choice.answer.answered),
    score: choice.candidates[choice.chosen].score,
    shape: followUpShape(u),
  };
  if (options.explain) {
    routed.explain = {
      read: {
        entities: u.entities.filter((e) => ctx.kb.covered.has(e.id)).map((e) => e.name),
        notCovered: [...u.entities.filter((e) => !ctx.kb.covered.has(e.id)), ...u.outside].map((e) => e.name),
        aspects: [...u.facets, ...(u.cues.amount ? ['amount'] : [])],
        unknown: [...u.words.subjects],
        content: [...u.words.content],
        cues: cueNames(u),
      },
      candidates: choice.candidates.map((c, i) => ({
        intent: c.intent,
        score: c.score,
        chosen: i === choice.chosen,
        answered: c.answered,
        why: c.why,
      })),
      decision: choice.decision,
      contributions: contributions(choice.candidates[choice.chosen].features),
    };
  }
  return routed;
}

function cueNames(u: Understood): string[] {
  const { superlative, negated, ...flags } = u.cues;
  return [
    ...Object.entries(flags)
      .filter(([, on]) => on)
      .map(([name]) => name),
    ...(superlative ? [`superlative:${superlative}`] : []),
    ...negated.map((f) => `negated:${f}`),
  ];
}
