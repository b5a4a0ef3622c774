/**
 * The core's public API: the only module adapters import. Platform-free: nothing under `src/`
 * imports `@slack/*` or `botbuilder` (test/architecture.test.ts enforces it).
 *
 * ```ts
 * const assistant = createAssistant({ knowledgeDir: './knowledge' });
 * const answer = assistant.ask('<@U123> SLA for EKS');   // Answer (kind 'sla', 99.95%)
 * console.log(renderText(answer));
 * ```
 */
export type {
  Answer, AnswerBase, AnswerKind, Part, FactPair, ComparisonRow, Source, Suggestion, Render,
} from './answer/answer';
export { ANSWER_KINDS, assertNever } from './answer/answer';
export { renderText } from './answer/text';
export type { AnswerActions } from './answer/actions';
export { answerActions } from './answer/actions';
export { memoizeRender } from './answer/memoize-render';
export type { Assistant, AssistantOptions, KnowledgeStats } from './assistant';
export { buildWithSnapshot, createAssistant, createAssistantFromSources, createAssistantFromSnapshot, MAX_QUESTION_LENGTH } from './assistant';
export type { KnowledgeSnapshot } from './snapshot';
export type { KnowledgeSources } from './knowledge/load';
export { readKnowledgeSources, readKnowledgeSourcesAsync, knowledgeFingerprint } from './knowledge/load';
export type { KnowledgeProblem } from './knowledge/problems';
export { KnowledgeError, formatProblem } from './knowledge/problems';
export { checkKnowledge } from './knowledge/load';
export { normalizeQuestion } from './router/normalize';
export type { Feedback, FeedbackStore } from './feedback/feedback-store';
export { InMemoryFeedbackStore } from './feedback/feedback-store';
