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
export type { Answer, AnswerBase, AnswerKind, Part, FactPair, ComparisonRow, Source, Suggestion, Render } from './answer/answer';
export { ANSWER_KINDS, assertNever } from './answer/answer';
export { renderText } from './answer/text';
export { reviewedNote, sourceLabel } from './answer/source-line';
export type { AnswerActions } from './answer/actions';
export { answerActions } from './answer/actions';
export { memoizeRender } from './answer/memoize-render';
export { LruMap } from './util/lru-map';
export type { Assistant, AssistantOptions, KnowledgeStats } from './assistant';
export {
  buildWithSnapshot,
  createAssistant,
  createAssistantFromSources,
  createAssistantFromSnapshot,
  MAX_QUESTION_LENGTH,
} from './assistant';
export type { KnowledgeSnapshot } from './snapshot';
export type { Turn } from './conversation/turn';
export { isTurn, MAX_TURNS } from './conversation/turn';
export type { ConversationRecall } from './conversation/recall';
export type { KnowledgeSources } from './knowledge/load';
export { readKnowledgeSources, readKnowledgeSourcesAsync, knowledgeFingerprint } from './knowledge/load';
export type { KnowledgeProblem } from './knowledge/problems';
export { KnowledgeError, formatProblem } from './knowledge/problems';
export { checkKnowledge } from './knowledge/load';
export type { FileMeta } from './knowledge/front-matter';
export type { FileReview } from './knowledge/reviews';
export { fileReviews, staleFiles } from './knowledge/reviews';
export { normalizeQuestion } from './read/normalize';
export { capQuestion, capWords } from './read/question-cap';
export { MAX_WORD_LENGTH } from './text/word-length';
export type { Explain } from './router/explain';
export { renderExplain } from './router/explain-text';
export type { Feedback, FeedbackStore } from './feedback/feedback-store';
export { InMemoryFeedbackStore } from './feedback/feedback-store';
// The store port (questions asked, votes, de-duplication keys); implementations in adapters/store.
export type { Store, StorePlatform, QuestionRow, VoteRow, WriteBatch, PurgeCounts } from './store/store';
export { STORE_PLATFORMS } from './store/store';
export type { Report, ReportQuery, UnansweredItem, DownvotedItem, TopItem, Totals, EscalatedItem } from './store/report';
export type { Escalation, EscalationLog, EscalationRow, EscalationStore } from './store/escalations';
export { memoryEscalations, storeEscalations } from './store/escalations';
export { DEFAULT_REPORT_PLATFORMS, parseSince, zeroTotals } from './store/report';
export type { AskContext, Asker } from './store/asker';
export type { IdHasher, IdKind } from './store/keyed-hash';
export { createIdHasher, generateHashKey, HASH_KEY_SETTING } from './store/keyed-hash';
export { normalizeLoggedQuestion } from './store/logged-question';
export type { SeenIdsOptions } from './store/seen-ids';
export { SeenIds } from './store/seen-ids';
export type { StoreHealthSnapshot, StoreLogger, StoreState } from './store/store-health';
export { describeStoreError, StoreHealth } from './store/store-health';
export type { BufferedRow, WriteBufferOptions } from './store/write-buffer';
export { WriteBuffer } from './store/write-buffer';
export type { SharedDedupeOptions } from './store/shared-dedupe';
export { SharedDedupe } from './store/shared-dedupe';
export type { AnsweredQuestion, QuestionLogMode, StoreRecorderOptions } from './store/recorder';
export { QUESTION_LOG_MODES, StoreRecorder } from './store/recorder';
export { DAY_MS, purgeOnce, startRetention } from './store/retention';
