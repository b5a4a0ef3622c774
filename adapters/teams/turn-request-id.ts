/**
 * The id of the HTTP request that carried a turn: the messages listener puts it in the turn state
 * ({@link setTurnRequestId}), the bot reads it ({@link turnRequestId}) for its log lines and the
 * question log line (`Assistant.ask(question, { requestId })`).
 */
import type { TurnContext } from 'botbuilder';

const REQUEST_ID = Symbol('aws-qa.requestId');

export function setTurnRequestId(context: TurnContext, id: string | undefined): void {
  if (id !== undefined) context.turnState.set(REQUEST_ID, id);
}

export function turnRequestId(context: TurnContext): string | undefined {
  const id: unknown = context.turnState.get(REQUEST_ID);
  return typeof id === 'string' ? id : undefined;
}
