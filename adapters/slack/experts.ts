/**
 * "Ask the experts" in Slack (with `SLACK_EXPERTS_CHANNEL`): the message posted to the experts'
 * channel and the sending of it. The message holds the question, a real mention of who asked
 * (`<@U…>`), what the bot answered and the closest entries the knowledge base holds (with their
 * owners and review dates). One asker escalates one answer once (the `EscalationLog` claims
 * it); a post that fails is withdrawn, so the asker can try again.
 *
 * The bot must be a member of the experts' channel (`chat.postMessage` answers `not_in_channel`).
 */
import type { KnownBlock } from '@slack/types';
import type { Answer } from '../../src/index';
import { closestEntries, ownerNote } from '../shared/closest-entries';
import { echoText } from '../shared/echo';
import { contextBlocks } from './blocks';
import { EXPERTS_BLOCK_ID, EXPERTS_DONE_BLOCK_ID } from './actions';
import { answerFor, type ListenerDeps, logFailure, type SlackClient, type SlackExperts } from './deps';
import { escapeMrkdwn as esc, mentionUser } from './escape';
import { SLACK_LIMITS, truncateText } from './limits';
import type { PayloadBlock, SlackMessage } from './render';
import { partLines } from './render-parts';

export type { SlackExperts } from './deps';

/** What the asker sees in place of the button once the question was sent. */
export const EXPERTS_SENT = '📨 Sent to the experts. They will answer in their channel.';
/** What the asker sees when they already sent this question. */
export const EXPERTS_ALREADY_SENT = '📨 You already sent this question to the experts.';
/** What the asker sees when the post failed. */
export const EXPERTS_FAILED = ':warning: Sorry, I could not send this to the experts. Please try again later, or ask in their channel.';

/** The message for the experts' channel (pure): the question, who asked, the bot's answer, the closest entries. */
export function expertsMessage(
  question: string,
  askerId: string,
  answer: Answer,
  closest: ReturnType<typeof closestEntries>,
): SlackMessage {
  const asked = echoText(question, 1000);
  const answered = [answer.title, ...answer.parts.flatMap(partLines)].join('\n');
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `:raising_hand: *A question for the experts* from ${mentionUser(askerId)}` } },
    { type: 'section', text: { type: 'mrkdwn', text: truncateText(`>${esc(asked)}`, SLACK_LIMITS.sectionText) } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: truncateText(`*The bot answered:*\n${esc(truncateText(answered, 1200))}`, SLACK_LIMITS.sectionText) },
    },
  ];
  const entries = closest.map((s) => {
    const note = ownerNote(s);
    return `• ${esc(`${s.file} › ${s.section}`)}${note ? ` _(${esc(note)})_` : ''}`;
  });
  blocks.push({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: truncateText(
        `*Closest in the knowledge base:*\n${entries.length ? entries.join('\n') : '_nothing close_'}`,
        SLACK_LIMITS.sectionText,
      ),
    },
  });
  return { text: truncateText(`${mentionUser(askerId)} asked the experts: ${esc(asked)}`, SLACK_LIMITS.messageText), blocks };
}

/** The outcome of a press: sent now, sent before (nothing posted), or the post failed (the asker is told). */
export type ExpertsOutcome = 'sent' | 'repeat' | 'failed';

/**
 * Sends `question` (answered as `answerId`) from `askerId` to the experts' channel, once per asker
 * and answer. Never throws; a failure is logged without the question.
 */
export async function sendToExperts(
  deps: ListenerDeps & { experts: SlackExperts },
  client: SlackClient,
  press: { question: string; answerId: string; askerId: string; requestId?: string },
): Promise<ExpertsOutcome> {
  const { experts } = deps;
  const escalation = { platform: 'slack' as const, answerId: press.answerId, question: press.question, user: press.askerId };
  let first = true;
  try {
    first = await experts.log.claim(escalation);
  } catch (error) {
    // The store is down: send anyway (the experts get it; only the record is missing).
    logFailure(deps, 'recording an escalation failed', error, { reqId: press.requestId });
  }
  if (!first) return 'repeat';
  try {
    const answer = answerFor(deps, press.question, { log: false, requestId: press.requestId });
    const message = expertsMessage(press.question, press.askerId, answer, closestEntries(deps.assistant, answer));
    await client.chat.postMessage({ channel: experts.channel, text: message.text, blocks: message.blocks });
    deps.logger.info({ reqId: press.requestId, answerId: press.answerId }, 'slack: question sent to the experts');
    return 'sent';
  } catch (error) {
    logFailure(deps, 'posting to the experts channel failed', error, { reqId: press.requestId, channel: experts.channel });
    await experts.log.withdraw(escalation).catch(() => undefined);
    return 'failed';
  }
}

/** `blocks` of the clicked message with the "Ask the experts" button replaced by `line` (a context block). */
export function markExperts(blocks: readonly PayloadBlock[], line: string): PayloadBlock[] {
  return blocks.map((block) =>
    block.block_id === EXPERTS_BLOCK_ID ? (contextBlocks([line], EXPERTS_DONE_BLOCK_ID)[0] as unknown as PayloadBlock) : block,
  );
}
