/**
 * The one asynchronous step of answering in a conversation. The server keeps each conversation's
 * turns in memory, and in the store when several replicas run; a turn that lands on a replica may
 * need the store's copy first. An adapter awaits {@link ConversationRecall.recall} with the ask
 * context (its `thread` set) just before it asks, then asks as usual: the turns are at hand.
 */
import type { AskContext } from '../store/asker';

export interface ConversationRecall {
  /**
   * Resolves once the earlier turns of `context.thread` are at hand, or once waiting for them is
   * no longer worth it (a bounded wait: the question is then answered without them). Never
   * rejects; resolves at once without a `thread`, when nothing is shared, or for a question that
   * is not logged (`log: false`).
   */
  recall(context: AskContext): Promise<void>;
}
