/**
 * A platform's assistant that answers in conversations: it reads each question in the context of
 * its conversation's earlier turns (from {@link Conversations}) and keeps the turn the answer
 * leaves. The server wraps every platform's assistant with it (`platforms.ts`); adapters set
 * `thread` in the ask context and await `recall(context)` before asking.
 */
import type { AskContext, Assistant, ConversationRecall } from '../../src/index';
import type { Conversations } from './conversations';

/** `assistant` answering in the conversations of `conversations` (unchanged without them). */
export function inConversations(assistant: Assistant, conversations: Conversations | undefined): Assistant & ConversationRecall {
  if (!conversations?.enabled) return { ...bound(assistant), recall: async () => undefined };
  const route: Assistant['route'] = (question, context: { explain?: boolean } & AskContext = {}) => {
    const conversation = conversations.open(context);
    const { turns } = conversation;
    const result = assistant.route(question, turns ? { ...context, turns } : context);
    conversation.keep(result.turn);
    return result;
  };
  return {
    route,
    ask: (question, context) => route(question, context).answer,
    stats: () => assistant.stats(),
    recall: (context) => conversations.recall(context),
  };
}

const bound = (a: Assistant): Assistant => ({ route: (q, c) => a.route(q, c), ask: (q, c) => a.ask(q, c), stats: () => a.stats() });
