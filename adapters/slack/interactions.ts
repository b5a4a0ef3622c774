/**
 * Button clicks (`block_actions`): every click is acknowledged first, then
 * - follow-up / "Did you mean" buttons ask that question and answer where the button was: in an
 *   ephemeral answer through its `response_url` (ephemeral again), else in the same conversation
 *   and thread with `chat.postMessage`;
 * - "Share in channel" posts the answer visibly through `response_url` (`in_channel`) with who
 *   asked, and removes the ephemeral copy;
 * - 👍/👎 record the vote in the feedback store and replace the buttons with a thanks line
 *   (`replace_original`): no new message; after a 👎, with an experts' channel, an "Ask the
 *   experts" button follows the thanks;
 * - "Ask the experts" posts the question to the experts' channel (`experts.ts`), once per asker
 *   and answer, and replaces the button with a confirmation (or says why it could not be sent).
 *
 * A replayed interaction (the same signed `block_actions` again, which Bolt accepts for 5 minutes)
 * is acknowledged and ignored: its id (`trigger_id`, else user + `action_ts`) is claimed in the
 * de-duplication (the store's, shared by replicas, when the server has one).
 */
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { AskContext } from '../../src/index';
import {
  APP_ACTION_PATTERN,
  ASK_ACTION_PATTERN,
  askValueSchema,
  decodeValue,
  EXPERTS_ACTION,
  EXPERTS_BLOCK_ID,
  FEEDBACK_ACTION_PATTERN,
  FEEDBACK_UP_ACTION,
  feedbackValueSchema,
  SHARE_ACTION,
} from './actions';
import { askContextOf, clickThread } from './asker-context';
import type { Dedupe } from './dedupe';
import { answerFor, answerInContext, apologyMessage, isPlatformError, type ListenerDeps, logFailure, type SlackClient } from './deps';
import { blockActionSchema, type BlockActionPayload, isDirectMessageChannel } from './payloads';
import { EXPERTS_ALREADY_SENT, EXPERTS_FAILED, EXPERTS_SENT, markExperts, sendToExperts } from './experts';
import { expertsBlock, markVoted, type PayloadBlock, renderSlack, type SlackMessage } from './render';

type ClickArgs = { body: unknown; respond: RespondFn; client: SlackClient };

type ActionArgs = { body: unknown; action: ButtonAction; respond: RespondFn; client: SlackClient; ask: AskContext };

/**
 * Registers the button handlers on `app`: one Bolt listener for every `aws_qa_` button, which
 * dispatches on `action_id` (Bolt runs every listener's middleware on every request, so fewer
 * listeners cost every slash command and event less). Unknown `aws_qa_` ids are acknowledged and
 * ignored.
 */
export function registerInteractions(app: App, deps: ListenerDeps, seen?: Dedupe): void {
  app.action<BlockAction<ButtonAction>>(APP_ACTION_PATTERN, async ({ ack, body, action, respond, client, context }) => {
    await ack();
    const id = interactionId(body, action);
    if (seen && id !== undefined && !(await seen.firstSeen(id))) {
      deps.logger.info({ actionId: action.action_id }, 'slack: replayed interaction ignored');
      return;
    }
    const args: ActionArgs = { body, action, respond, client, ask: askContextOf(body, context) };
    if (ASK_ACTION_PATTERN.test(action.action_id)) await onAsk(deps, args);
    else if (action.action_id === SHARE_ACTION) await onShare(deps, args);
    else if (FEEDBACK_ACTION_PATTERN.test(action.action_id)) await onFeedback(deps, args);
    else if (action.action_id === EXPERTS_ACTION) await onExperts(deps, args);
    else deps.logger.warn({ actionId: action.action_id }, 'slack: unknown action; ignored');
  });
}

/** The de-duplication key of a click: `action:<trigger_id>`, else `action:<user>:<action_ts>:<action_id>`; none when neither is there. */
export function interactionId(body: unknown, action: { action_id?: string; action_ts?: string }): string | undefined {
  const b = body as { trigger_id?: unknown; user?: { id?: unknown } } | undefined;
  if (typeof b?.trigger_id === 'string' && b.trigger_id !== '') return `action:${b.trigger_id}`;
  if (typeof b?.user?.id === 'string' && typeof action.action_ts === 'string')
    return `action:${b.user.id}:${action.action_ts}:${action.action_id ?? ''}`;
  return undefined;
}

/** A follow-up or "Did you mean" button: asks its question where the button was. */
async function onAsk(deps: ListenerDeps, { body, respond, client, ask }: ActionArgs): Promise<void> {
  const click = parseClick(deps, body, askValueSchema);
  if (!click) return;
  const place = clickedPlace(click.payload);
  const message = await safeAnswerInContext(
    deps,
    click.value.q,
    { ...ask, thread: clickThread(ask.asker ?? {}, place) },
    { share: place.ephemeral, experts: deps.experts !== undefined },
  );
  await answerWhereClicked({ body, respond, client }, deps, place, click.payload, message);
}

/** "Share in channel": posts the answer visibly with who asked, then removes the ephemeral copy. */
async function onShare(deps: ListenerDeps, { body, respond, ask }: ActionArgs): Promise<void> {
  const click = parseClick(deps, body, askValueSchema);
  if (!click) return;
  let message: SlackMessage;
  try {
    message = renderSlack(answerFor(deps, click.value.q, ask), { askedBy: click.payload.user.id });
  } catch (error) {
    logFailure(deps, 'answering a share click failed', error);
    await safeRespond(deps, respond, { response_type: 'ephemeral', replace_original: false, ...apologyMessage() });
    return;
  }
  if (await safeRespond(deps, respond, { response_type: 'in_channel', replace_original: false, ...message })) {
    await safeRespond(deps, respond, { delete_original: true });
  }
}

/** 👍/👎: records the vote and replaces the buttons with a thanks line (no new message). */
async function onFeedback(deps: ListenerDeps, { body, action, respond, ask }: ActionArgs): Promise<void> {
  const click = parseClick(deps, body, feedbackValueSchema);
  if (!click) return;
  const vote = action.action_id === FEEDBACK_UP_ACTION ? 'up' : 'down';
  try {
    await deps.feedbackStore.record({
      platform: 'slack',
      question: click.value.q,
      answerId: click.value.a,
      vote,
      user: click.payload.user.id,
      at: new Date().toISOString(),
    });
  } catch (error) {
    logFailure(deps, 'recording feedback failed', error, { answerId: click.value.a });
    await safeRespond(deps, respond, { response_type: 'ephemeral', replace_original: false, ...apologyMessage() });
    return;
  }
  deps.logger.debug({ answerId: click.value.a, vote }, 'slack: feedback recorded');
  const posted = click.payload.message;
  // After a 👎, with an experts' channel: "Ask the experts" below the thanks (once).
  const offerExperts = vote === 'down' && deps.experts !== undefined;
  const withExperts = (blocks: PayloadBlock[]): PayloadBlock[] =>
    offerExperts && !blocks.some((b) => b.block_id === EXPERTS_BLOCK_ID)
      ? [...blocks, expertsBlock({ question: click.value.q, id: click.value.a }) as unknown as PayloadBlock]
      : blocks;
  const replaced: SlackMessage = posted?.blocks
    ? { text: posted.text ?? '', blocks: withExperts(markVoted(posted.blocks, vote)) as unknown as KnownBlock[] }
    : await safeAnswerInContext(deps, click.value.q, { ...ask, log: false }, { share: true, vote, experts: offerExperts }); // a re-render, not a question
  await safeRespond(deps, respond, { replace_original: true, ...replaced });
}

/** "Ask the experts": sends the question to the experts' channel once, and says so in place of the button. */
async function onExperts(deps: ListenerDeps, { body, respond, client, ask }: ActionArgs): Promise<void> {
  const click = parseClick(deps, body, feedbackValueSchema);
  if (!click) return;
  const experts = deps.experts;
  if (!experts) {
    deps.logger.warn('slack: "Ask the experts" pressed, but no experts channel is configured; ignored');
    return;
  }
  const outcome = await sendToExperts({ ...deps, experts }, client, {
    question: click.value.q,
    answerId: click.value.a,
    askerId: click.payload.user.id,
    requestId: ask.requestId,
  });
  const line = outcome === 'sent' ? EXPERTS_SENT : outcome === 'repeat' ? EXPERTS_ALREADY_SENT : EXPERTS_FAILED;
  const posted = click.payload.message;
  if (outcome !== 'failed' && posted?.blocks) {
    await safeRespond(deps, respond, {
      replace_original: true,
      text: posted.text ?? '',
      blocks: markExperts(posted.blocks, line) as unknown as KnownBlock[],
    });
  } else {
    await safeRespond(deps, respond, { response_type: 'ephemeral', replace_original: false, text: line });
  }
}

/** The validated payload and decoded button value, or `undefined` (logged) when either is malformed. */
function parseClick<T>(
  deps: ListenerDeps,
  body: unknown,
  schema: Parameters<typeof decodeValue<T>>[1],
): { payload: BlockActionPayload; value: T } | undefined {
  const parsed = blockActionSchema.safeParse(body);
  if (!parsed.success) {
    deps.logger.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'slack: malformed block_actions payload');
    return undefined;
  }
  const value = decodeValue(parsed.data.actions[0].value, schema);
  if (value === undefined) {
    deps.logger.warn({ actionId: parsed.data.actions[0].action_id }, 'slack: button value is not ours; ignored');
    return undefined;
  }
  return { payload: parsed.data, value };
}

/**
 * Where a clicked message is, and so where its button's answer goes and which conversation it
 * continues: privately (an ephemeral answer), or a channel or DM and the thread the answer is posted
 * in (a channel message's thread root, or the message itself when it starts one; a DM's thread only
 * when the message is in one).
 */
type ClickedPlace = { ephemeral: true } | { ephemeral: false; channel: string; dm: boolean; threadTs?: string };

function clickedPlace(payload: BlockActionPayload): ClickedPlace {
  if (payload.container?.is_ephemeral === true || !payload.channel) return { ephemeral: true };
  const channel = payload.channel.id;
  const dm = isDirectMessageChannel(channel);
  return { ephemeral: false, channel, dm, threadTs: payload.message?.thread_ts ?? (dm ? undefined : payload.message?.ts) };
}

/**
 * The rendered answer to `question` in the conversation `ask.thread` names (its turns recalled
 * first when shared), or the apology when answering throws (logged).
 */
async function safeAnswerInContext(
  deps: ListenerDeps,
  question: string,
  ask: AskContext,
  options: Parameters<typeof renderSlack>[1],
): Promise<SlackMessage> {
  try {
    return renderSlack(await answerInContext(deps, question, ask), options);
  } catch (error) {
    logFailure(deps, 'answering a button click failed', error, { reqId: ask.requestId });
    return apologyMessage();
  }
}

/** Posts `message` where the clicked message is: ephemeral via `response_url`, else the same conversation/thread. */
async function answerWhereClicked(
  args: ClickArgs,
  deps: ListenerDeps,
  place: ClickedPlace,
  payload: BlockActionPayload,
  message: SlackMessage,
): Promise<void> {
  if (place.ephemeral) {
    await safeRespond(deps, args.respond, { response_type: 'ephemeral', replace_original: false, ...message });
    return;
  }
  const { channel, threadTs } = place;
  try {
    await args.client.chat.postMessage({
      channel,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      text: message.text,
      blocks: message.blocks,
    });
  } catch (error) {
    logFailure(deps, 'chat.postMessage failed', error, { channel });
    // A message shared into a channel the bot is not a member of: answer the clicker privately.
    if (isPlatformError(error, ['not_in_channel', 'channel_not_found']) && payload.response_url) {
      await safeRespond(deps, args.respond, { response_type: 'ephemeral', replace_original: false, ...message });
    }
  }
}

/** `respond()` that logs a failure (expired `response_url`, network) instead of throwing; `true` on success. */
async function safeRespond(deps: ListenerDeps, respond: RespondFn, message: Parameters<RespondFn>[0]): Promise<boolean> {
  try {
    await respond(message);
    return true;
  } catch (error) {
    logFailure(deps, 'response_url post failed', error);
    return false;
  }
}
