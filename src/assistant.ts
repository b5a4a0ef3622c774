/**
 * The assistant: a loaded knowledge base with its index, answering questions. Built whole from
 * a directory; to pick up changes, build a new one and swap it in.
 */
import type { Answer } from './answer/answer';
import { AnswerCache } from './answer-cache';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import { buildKnowledgeOrThrow, knowledgeFingerprint, readKnowledgeSources, type KnowledgeSources } from './knowledge/load';
import type { KnowledgeProblem } from './knowledge/problems';
import { buildIndex, type PassageIndex } from './search/build-index';
import { restoreSnapshot, takeSnapshot, type KnowledgeSnapshot } from './snapshot';
import { createRouterContext } from './read/context';
import { normalizeQuestion } from './read/normalize';
import { route, type Explain, type Routed } from './router/route';
import { BoundedMemo } from './util/bounded-memo';
import type { AskContext } from './store/asker';
import type { Turn } from './conversation/turn';
import { capQuestion } from './read/question-cap';

export { MAX_QUESTION_LENGTH } from './read/question-cap';

export interface AssistantOptions {
  /** Directory with the Q&A markdown files and optional `services.yml`. */
  knowledgeDir: string;
  /** Distinct questions whose answers are kept (LRU; default 500, a few MB; 0 disables). */
  cacheSize?: number;
}

export interface KnowledgeStats {
  files: string[];
  entries: number;
  passages: number;
  facts: number;
  comparisons: number;
  services: number;
  /** Warnings found while loading (errors make loading fail). */
  warnings: KnowledgeProblem[];
  /** Which knowledge is served: the first 12 hex digits of the sources' fingerprint (equal for equal files). */
  version: string;
}

export interface Assistant {
  /**
   * Answers one question as it arrived from a platform (mentions, entities and emoji are stripped;
   * a question blank after that asks for `help`). Never throws on user text; the text is cut by
   * `capQuestion` (4,000 characters, 64 per word) before anything reads it. `context.turns` (the
   * conversation's earlier turns) reads the question as a follow-up of the last one; the rest of
   * `context` (who asked, the request id) does not change the answer.
   */
  ask(question: string, context?: AskContext): Answer;
  /**
   * Like `ask`, and also says which intent answered; with `explain`, how the question was read,
   * the candidates scored and the decision (not cached: computed for this call). `turn` is what
   * the question leaves for the next turn of its conversation (pass it back in `turns`).
   */
  route(question: string, options?: { explain?: boolean } & AskContext): { answer: Answer; intent: string; explain?: Explain; turn: Turn };
  stats(): KnowledgeStats;
}

/** Loads `knowledgeDir` and builds the index; throws `KnowledgeError` (every problem, with file and line) when invalid. */
export function createAssistant(options: AssistantOptions): Assistant {
  return createAssistantFromSources(readKnowledgeSources(options.knowledgeDir), options);
}

/** Like `createAssistant`, from sources already read (`readKnowledgeSources`). */
export function createAssistantFromSources(sources: KnowledgeSources, options: Omit<AssistantOptions, 'knowledgeDir'> = {}): Assistant {
  return buildWithSnapshot(sources, options).assistant;
}

/**
 * Builds from sources and also returns the snapshot of what was built (JSON-ready), for a
 * caller that keeps it to start faster next time (`createAssistantFromSnapshot`).
 */
export function buildWithSnapshot(
  sources: KnowledgeSources,
  options: Omit<AssistantOptions, 'knowledgeDir'> = {},
): { assistant: Assistant; snapshot: () => KnowledgeSnapshot } {
  const { kb, problems } = buildKnowledgeOrThrow(sources);
  const warnings = problems.filter((p) => p.severity === 'warning');
  const fingerprint = knowledgeFingerprint(sources);
  const index = buildIndex(kb);
  return {
    assistant: assemble(kb, index, warnings, options, fingerprint),
    snapshot: () => takeSnapshot(fingerprint, kb, index, warnings),
  };
}

/** An assistant from a snapshot, without parsing or indexing; throws when the snapshot's format is not this version's. */
export function createAssistantFromSnapshot(snapshot: KnowledgeSnapshot, options: Omit<AssistantOptions, 'knowledgeDir'> = {}): Assistant {
  const { kb, index, warnings } = restoreSnapshot(snapshot);
  return assemble(kb, index, warnings, options, snapshot.fingerprint);
}

function assemble(
  kb: KnowledgeBase,
  index: PassageIndex,
  warnings: KnowledgeProblem[],
  options: Omit<AssistantOptions, 'knowledgeDir'>,
  fingerprint: string,
): Assistant {
  const ctx = createRouterContext(kb, index);
  const stats: KnowledgeStats = {
    files: kb.files,
    entries: kb.entries.length,
    passages: kb.passages.length,
    facts: kb.facts.length,
    comparisons: kb.comparisons.length,
    services: kb.covered.size,
    warnings,
    version: fingerprint.slice(0, 12),
  };
  const capacity = options.cacheSize ?? 500;
  const cache = new AnswerCache<Routed>(capacity);
  // The normalized form of recent raw questions (normalizing is pure): a repeated question skips
  // normalizing as well as routing. Off with the answer cache.
  const normalized = capacity > 0 ? new BoundedMemo<string, string>(capacity) : undefined;
  const routeQuestion = (question: string, opts: { explain?: boolean } & AskContext = {}): Routed => {
    const raw = capQuestion(question);
    // A blank question (`/aws` alone, a bare @mention) asks for help.
    const text = (normalized ? normalized.get(raw, normalizeQuestion) : normalizeQuestion(raw)) || 'help';
    const last = opts.turns?.at(-1);
    const turns = last ? [last] : undefined; // only the last turn is read
    if (opts.explain) return route(ctx, text, { explain: true, turns });
    // Every question is routed (and cached) on its own first; only one shaped like a follow-up
    // ("and for Lambda?", "what's its SLA?") is routed again with the turn it follows, and cached
    // under its text and that turn (a few ids and flags). Any other question is answered from the
    // cache whatever came before it.
    const alone = cache.get(text, () => route(ctx, text));
    if (!last || !alone.shape) return alone;
    return cache.get(`${text}\u0000${JSON.stringify(last)}`, () => route(ctx, text, { turns, alone }));
  };
  return {
    ask: (question, context) => routeQuestion(question, context).answer,
    route: routeQuestion,
    stats: () => stats,
  };
}
