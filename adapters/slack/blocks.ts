/**
 * Small Block Kit builders that enforce Slack's limits by construction: every builder splits
 * content that does not fit into more elements or blocks (at line or word boundaries) instead of
 * dropping it. Inputs are already-escaped mrkdwn unless a parameter says plain text.
 */
import type { ActionsBlock, Button, ContextBlock, HeaderBlock, SectionBlock } from '@slack/types';
import { chunkArray, SLACK_LIMITS, splitText, truncateText } from './limits';

/** A header block; `title` is plain text, truncated to 150 chars with `…` (callers keep the full title elsewhere). */
export function header(title: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncateText(title, SLACK_LIMITS.headerText), emoji: true } };
}

/** Sections holding `mrkdwn` (escaped), one per ≤3,000-char chunk; `[]` for blank text. */
export function textSections(mrkdwn: string): SectionBlock[] {
  return splitText(mrkdwn, SLACK_LIMITS.sectionText).map((chunk) => ({ type: 'section', text: { type: 'mrkdwn', text: chunk } }));
}

/**
 * Sections laid out as `fields` (two columns on desktop): each field text (escaped mrkdwn) is
 * split into ≤2,000-char fields, and at most 10 fields go in one section. `lead`, when given,
 * becomes the first section's `text` (or its own sections when longer than 3,000 chars).
 */
export function fieldSections(lead: string | undefined, fields: string[]): SectionBlock[] {
  const texts = fields.flatMap((f) => (f.trim() ? splitText(f, SLACK_LIMITS.fieldText) : ['—']));
  const groups = chunkArray(texts, SLACK_LIMITS.fieldsPerSection);
  const leadChunks = lead ? splitText(lead, SLACK_LIMITS.sectionText) : [];
  const blocks: SectionBlock[] = leadChunks.slice(0, -1).map((chunk) => ({ type: 'section', text: { type: 'mrkdwn', text: chunk } }));
  const lastLead = leadChunks[leadChunks.length - 1];
  groups.forEach((group, i) => {
    const fieldsOf = group.map((text) => ({ type: 'mrkdwn' as const, text }));
    blocks.push(
      i === 0 && lastLead
        ? { type: 'section', text: { type: 'mrkdwn', text: lastLead }, fields: fieldsOf }
        : { type: 'section', fields: fieldsOf },
    );
  });
  if (groups.length === 0 && lastLead) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: lastLead } });
  return blocks;
}

/**
 * Context blocks showing `lines` (escaped mrkdwn): lines are packed into elements of ≤3,000
 * chars, and at most 10 elements go in one block.
 */
export function contextBlocks(lines: string[], blockId?: string): ContextBlock[] {
  const elements: string[] = [];
  for (const line of lines.flatMap((l) => splitText(l, SLACK_LIMITS.contextText))) {
    const last = elements.length - 1;
    if (
      last >= 0 &&
      elements[last].length + 1 + line.length <= SLACK_LIMITS.contextText &&
      elements.length >= SLACK_LIMITS.contextElements
    ) {
      elements[last] += `\n${line}`;
    } else {
      elements.push(line);
    }
  }
  return chunkArray(elements, SLACK_LIMITS.contextElements).map((group, i) => ({
    type: 'context',
    ...(blockId ? { block_id: i === 0 ? blockId : `${blockId}_${i}` } : {}),
    elements: group.map((text) => ({ type: 'mrkdwn', text })),
  }));
}

/** A button; `label` is plain text (≤75 chars, truncated with `…`), `value` must already fit. */
export function button(actionId: string, label: string, value: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncateText(label, SLACK_LIMITS.buttonText), emoji: true },
    value,
    ...(style ? { style } : {}),
  };
}

/** Actions blocks holding `buttons`, at most 25 per block; block ids `blockId`, `blockId_1`, … */
export function actionsBlocks(blockId: string, buttons: Button[]): ActionsBlock[] {
  return chunkArray(buttons, SLACK_LIMITS.actionsElements).map((elements, i) => ({
    type: 'actions',
    block_id: i === 0 ? blockId : `${blockId}_${i}`,
    elements,
  }));
}
