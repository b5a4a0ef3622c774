/**
 * The Block Kit renderer: a pure `Answer -> { text, blocks }` for every answer kind, inside
 * Slack's limits (see `limits.ts`). It imports only types from `@slack/*` and from the core, so
 * the CLI (`aws-qa batch --format slack`) loads it without loading Bolt.
 *
 * Layout, top to bottom: (who asked, when shared) · header (the title) · the parts · a context
 * line with the sources (`file › section · reviewed YYYY-MM-DD`) · follow-up / "Did you mean"
 * buttons · "Ask the experts" (with an experts' channel, on "not in the knowledge base" and after a
 * 👎) · 👍/👎 (and "Share in channel" on ephemeral slash-command answers).
 */
import type { Button, KnownBlock } from '@slack/types';
import { answerActions, sourceLabel, type Answer, type AnswerActions } from '../../src/index';
import { echoText } from '../shared/echo';
import {
  ASK_ACTION_PREFIX,
  encodeValue,
  EXPERTS_ACTION,
  EXPERTS_BLOCK_ID,
  FEEDBACK_BLOCK_ID,
  FEEDBACK_DONE_BLOCK_ID,
  FEEDBACK_DOWN_ACTION,
  FEEDBACK_UP_ACTION,
  SHARE_ACTION,
  SHARE_BLOCK_ID,
  SUGGEST_BLOCK_ID,
} from './actions';
import { actionsBlocks, button, contextBlocks, header, textSections } from './blocks';
import { escapeMrkdwn as esc, mentionUser } from './escape';
import { SLACK_LIMITS, truncateText } from './limits';
import { partBlocks, partLines } from './render-parts';

/** A Slack message: `text` (notification / accessibility fallback, always set) and `blocks`. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface RenderSlackOptions {
  /** Add a "Share in channel" button (ephemeral slash-command answers). Default `false`. */
  share?: boolean;
  /** Slack user id of the asker: adds "<@U…> asked: …" on top (answers shared in a channel). */
  askedBy?: string;
  /** The vote already given: the 👍/👎 buttons become "Thanks for the feedback". */
  vote?: 'up' | 'down';
  /**
   * An experts' channel is configured (`SLACK_EXPERTS_CHANNEL`): a "not in the knowledge base"
   * answer, and an answer voted 👎, carry an "Ask the experts" button. Default `false`.
   */
  experts?: boolean;
}

/** The "Ask the experts" actions block for `answer` (its question and id travel in the value). */
export function expertsBlock(answer: Pick<Answer, 'question' | 'id'>): KnownBlock {
  return {
    type: 'actions',
    block_id: EXPERTS_BLOCK_ID,
    elements: [button(EXPERTS_ACTION, '🙋 Ask the experts', encodeValue({ q: answer.question, a: answer.id }))],
  };
}

/** The context line shown after a vote, e.g. `Thanks for the feedback 👍`. */
export function feedbackThanks(vote: 'up' | 'down'): string {
  return `Thanks for the feedback ${vote === 'up' ? '👍' : '👎'}`;
}

/** The "Share in channel" button for `question`. */
export function shareButton(question: string): Button {
  return button(SHARE_ACTION, 'Share in channel', encodeValue({ q: question }), 'primary');
}

/** The 👍/👎 buttons for `answer`. */
function feedbackButtons(answer: Answer): Button[] {
  const value = encodeValue({ q: answer.question, a: answer.id });
  return [button(FEEDBACK_UP_ACTION, '👍 Helpful', value), button(FEEDBACK_DOWN_ACTION, '👎 Not helpful', value)];
}

function tailBlocks(answer: Answer, layout: AnswerActions, options: RenderSlackOptions): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const sources = [...new Set(answer.sources.map((s) => `📄 ${esc(sourceLabel(s))}`))];
  if (sources.length > 0) blocks.push(...contextBlocks(sources));
  const asks = layout.suggestions.map((s, i) => button(`${ASK_ACTION_PREFIX}${i}`, s.label || s.question, encodeValue({ q: s.question })));
  blocks.push(...actionsBlocks(SUGGEST_BLOCK_ID, asks));
  if (options.experts && (answer.kind === 'not-found' || options.vote === 'down')) blocks.push(expertsBlock(answer));
  const share = options.share ? [shareButton(answer.question)] : [];
  if (layout.rateable && options.vote) {
    blocks.push(...contextBlocks([feedbackThanks(options.vote)], FEEDBACK_DONE_BLOCK_ID));
    blocks.push(...actionsBlocks(SHARE_BLOCK_ID, share));
  } else if (layout.rateable) {
    blocks.push(...actionsBlocks(FEEDBACK_BLOCK_ID, [...feedbackButtons(answer), ...share]));
  } else {
    blocks.push(...actionsBlocks(SHARE_BLOCK_ID, share));
  }
  return blocks;
}

/** The plain-text summary: title and every part's lines (escaped), at most 4,000 chars. */
function summaryText(answer: Answer, options: RenderSlackOptions): string {
  const lines = [answer.title || 'AWS answer', ...answer.parts.flatMap(partLines)];
  const asked = options.askedBy ? `${mentionUser(options.askedBy)} asked: ${esc(echoText(answer.question))}\n` : '';
  return truncateText(asked + lines.map(esc).join('\n'), SLACK_LIMITS.messageText);
}

/** Merges adjacent text-only sections (blank line between) while the result fits in 3,000 chars. */
function compactSections(blocks: KnownBlock[]): KnownBlock[] {
  const out: KnownBlock[] = [];
  for (const block of blocks) {
    const prev = out[out.length - 1];
    if (
      prev?.type === 'section' &&
      block.type === 'section' &&
      !prev.fields &&
      !block.fields &&
      !prev.accessory &&
      prev.text &&
      block.text &&
      prev.text.text.length + 2 + block.text.text.length <= SLACK_LIMITS.sectionText
    ) {
      out[out.length - 1] = { type: 'section', text: { type: 'mrkdwn', text: `${prev.text.text}\n\n${block.text.text}` } };
    } else {
      out.push(block);
    }
  }
  return out;
}

/**
 * Keeps at most 50 blocks. When content overflows, adjacent text sections are merged first;
 * if it still overflows, it is cut at a block boundary and an explicit
 * `(… truncated, N more blocks)` notice takes the last content slot; head and tail stay.
 */
function fitBlocks(head: KnownBlock[], fullContent: KnownBlock[], tail: KnownBlock[]): KnownBlock[] {
  if (head.length + fullContent.length + tail.length <= SLACK_LIMITS.blocksPerMessage) return [...head, ...fullContent, ...tail];
  const content = compactSections(fullContent);
  const all = [...head, ...content, ...tail];
  if (all.length <= SLACK_LIMITS.blocksPerMessage) return all;
  const budget = Math.max(0, SLACK_LIMITS.blocksPerMessage - head.length - tail.length - 1);
  const kept = content.slice(0, budget);
  const notice = textSections(`_(… truncated, ${content.length - kept.length} more blocks; ask a narrower question)_`);
  return [...head, ...kept, ...notice, ...tail].slice(0, SLACK_LIMITS.blocksPerMessage);
}

/**
 * "@user asked: …" above a shared answer: the mention is built by us (mrkdwn); the question is a
 * `plain_text` element (Slack parses no mention, link or formatting in it) without invisible
 * format characters (`echoText`).
 */
function askedByBlock(userId: string, question: string): KnownBlock {
  const text = echoText(question, SLACK_LIMITS.contextText);
  return {
    type: 'context',
    elements: [
      { type: 'mrkdwn', text: `${mentionUser(userId)} asked:` },
      ...(text ? [{ type: 'plain_text' as const, text, emoji: false }] : []),
    ],
  };
}

/**
 * Renders `answer` as a Slack message. Pure and deterministic; the result is valid for
 * `chat.postMessage`, a slash-command response body and `response_url` posts.
 */
export function renderSlack(answer: Answer, options: RenderSlackOptions = {}): SlackMessage {
  const layout = answerActions(answer);
  const head: KnownBlock[] = [];
  if (options.askedBy) head.push(askedByBlock(options.askedBy, answer.question));
  const title = answer.title || 'AWS answer';
  head.push(header(title));
  if (title.length > SLACK_LIMITS.headerText) head.push(...textSections(`*${esc(title)}*`));
  const content = answer.parts.flatMap(partBlocks);
  return { text: summaryText(answer, options), blocks: fitBlocks(head, content, tailBlocks(answer, layout, options)) };
}

/** A block as it comes back in an interaction payload (any shape). */
export type PayloadBlock = { type: string; block_id?: string; elements?: unknown[] } & Record<string, unknown>;

/**
 * `blocks` of a posted answer with the 👍/👎 row replaced by "Thanks for the feedback"; the row's
 * other buttons (share) stay, in their own actions block. Blocks without a feedback row are kept.
 */
export function markVoted(blocks: readonly PayloadBlock[], vote: 'up' | 'down'): PayloadBlock[] {
  return blocks.flatMap((block): PayloadBlock[] => {
    if (block.block_id !== FEEDBACK_BLOCK_ID) return [block];
    const rest = (block.elements ?? []).filter(
      (e) => !String((e as { action_id?: unknown }).action_id ?? '').startsWith('aws_qa_feedback_'),
    );
    const thanks = contextBlocks([feedbackThanks(vote)], FEEDBACK_DONE_BLOCK_ID) as unknown as PayloadBlock[];
    return rest.length > 0 ? [...thanks, { type: 'actions', block_id: SHARE_BLOCK_ID, elements: rest }] : thanks;
  });
}
