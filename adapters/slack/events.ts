/**
 * Events API listeners: an @mention in a channel is answered in the message's thread (the
 * thread's root when the mention is already in a thread); a direct message is answered in the DM.
 * Bot messages (this app's own included) and messages with a subtype (edits, joins, …) are ignored.
 * Opening the app's Home tab (`app_home_opened`) publishes it (`app-home.ts`), from the same listener.
 * Each question is asked in its conversation (`slackThread`): the mention's thread, or the DM.
 */
import type { App, Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AskContext } from '../../src/index';
import { onHomeOpened } from './app-home';
import { askContextOf, slackThread } from './asker-context';
import { answerInContext, apologyMessage, type ListenerDeps, logFailure, type SlackClient } from './deps';
import { isDirectMessageChannel, type MessageEvent, messageEventSchema } from './payloads';
import { renderSlack, type SlackMessage } from './render';

/** The event types handled: `app_mention` and `message` (DMs) are answered; `app_home_opened` publishes the Home tab. */
const ANSWERED_EVENTS = /^(?:app_mention|message|app_home_opened)$/;

/**
 * Registers one listener for `app_mention` and `message` (DM) events on `app`, behind
 * `middleware` (e.g. the retry dedupe). One listener, not one per type: Bolt runs every
 * listener's middleware on every request.
 */
export function registerEvents(app: App, deps: ListenerDeps, ...middleware: Middleware<SlackEventMiddlewareArgs>[]): void {
  app.event(ANSWERED_EVENTS, ...middleware, async ({ event, client, context, body }) => {
    if (event.type === 'app_home_opened') return onHomeOpened(deps, client, event, context.requestId as string | undefined);
    const e = parseEvent(deps, event);
    if (!e) return;
    const ask = askContextOf(body, context);
    if (event.type === 'app_mention') {
      // A mention inside a DM also arrives as `message.im`: answer it there, once.
      if (e.bot_id || e.subtype || isDirectMessageChannel(e.channel)) return;
      const root = e.thread_ts ?? e.ts;
      await answerInConversation(client, deps, { channel: e.channel, thread_ts: root }, e, {
        ...ask,
        thread: slackThread('thread', ask.asker ?? {}, root),
      });
      return;
    }
    if (e.channel_type !== 'im' || e.subtype || e.bot_id || !e.user || e.user === context.botUserId) return;
    await answerInConversation(client, deps, { channel: e.channel, thread_ts: e.thread_ts }, e, {
      ...ask,
      thread: slackThread('dm', ask.asker ?? {}),
    });
  });
}

function parseEvent(deps: ListenerDeps, event: unknown): MessageEvent | undefined {
  const parsed = messageEventSchema.safeParse(event);
  if (parsed.success) return parsed.data;
  deps.logger.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'slack: malformed message event');
  return undefined;
}

/** Answers `event.text` with `chat.postMessage` at `target`; a failure to answer posts an apology there. */
async function answerInConversation(
  client: SlackClient,
  deps: ListenerDeps,
  target: { channel: string; thread_ts?: string },
  event: MessageEvent,
  ask: AskContext,
): Promise<void> {
  let message: SlackMessage;
  try {
    const answer = await answerInContext(deps, event.text, ask);
    message = renderSlack(answer, { experts: deps.experts !== undefined });
    deps.logger.debug({ reqId: ask.requestId, kind: answer.kind, answerId: answer.id, channel: target.channel }, 'slack: message answered');
  } catch (error) {
    logFailure(deps, 'answering a message failed', error, { reqId: ask.requestId, channel: target.channel });
    message = apologyMessage();
  }
  await postMessage(client, deps, target, message);
}

/** `chat.postMessage` (retried by the client's policy); a final failure is logged, never thrown. */
export async function postMessage(
  client: SlackClient,
  deps: ListenerDeps,
  target: { channel: string; thread_ts?: string },
  message: SlackMessage,
): Promise<boolean> {
  try {
    await client.chat.postMessage({
      channel: target.channel,
      ...(target.thread_ts ? { thread_ts: target.thread_ts } : {}),
      text: message.text,
      blocks: message.blocks,
    });
    return true;
  } catch (error) {
    logFailure(deps, 'chat.postMessage failed', error, { channel: target.channel });
    return false;
  }
}
