/**
 * The `Assistant` one platform's adapter is given: it asks whichever assistant is current (a reload
 * swaps it between two questions, never during one), writes the single per-question log line
 * (platform, intent, kind, answered, confidence, latency; the request id as `reqId`, never the
 * question's text) and hands the question to the question log.
 *
 * It does not cap the text: the core does, once (`capQuestion`, in `Assistant.route` and in the
 * question log's normalization), so the engine and the log read the same capped text whoever calls.
 */
import type { AskContext, Assistant } from '../../src/index';
import type { Logger } from './logger';

/** Who asked: the platform in the per-question log line. */
export type Platform = 'slack' | 'teams' | 'web';

/** One answered question, as the question log (`onQuestion`) receives it. */
export type QuestionEvent = {
  platform: Platform;
  /** The question as the adapter passed it (the store normalizes and caps it with the core's rules). */
  question: string;
  intent: string;
  answer: ReturnType<Assistant['ask']>;
} & AskContext;

export interface PlatformAssistantOptions {
  platform: Platform;
  /** The assistant to ask now; may throw (not loaded yet): the adapter catches it per turn. */
  current: () => Assistant;
  logger: Logger;
  /** The question log: called once per answered question; must not wait. A throw is logged, the answer unaffected. */
  onQuestion?: (event: QuestionEvent) => void;
}

/** An `Assistant` for `options.platform` as described above. */
export function platformAssistant({ platform, current, logger, onQuestion }: PlatformAssistantOptions): Assistant {
  const route: Assistant['route'] = (question, context = {}) => {
    const started = performance.now();
    const result = current().route(question, context);
    const { answer, intent } = result;
    logger.info(
      {
        reqId: context.requestId, // pino leaves an undefined field out
        platform,
        intent,
        kind: answer.kind,
        answered: answer.answered,
        confidence: answer.confidence,
        latencyMs: Math.round((performance.now() - started) * 100) / 100,
      },
      'question answered',
    );
    try {
      onQuestion?.({ platform, question, intent, answer, asker: context.asker, log: context.log });
    } catch (error) {
      logger.warn({ err: { message: (error as Error).message } }, 'question log failed; answer unaffected');
    }
    return result;
  };
  return { route, ask: (question, context) => route(question, context).answer, stats: () => current().stats() };
}
