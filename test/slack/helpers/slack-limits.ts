/**
 * Test helper: every Slack Block Kit limit the renderer promises, checked over a whole message.
 * Returns the list of violations (empty when the message is valid) so a failure names them all.
 */
import type { KnownBlock } from '@slack/types';

/**
 * Slack's documented numbers, restated here on purpose (not imported from limits.ts), so a wrong
 * constant in the code cannot make its own test pass. The one place the tests state them.
 */
export const DOCUMENTED_LIMITS = {
  blocks: 50,
  section: 3000,
  header: 150,
  fields: 10,
  field: 2000,
  buttonText: 75,
  buttonValue: 2000,
  id: 255,
  context: 10,
  contextText: 3000,
  actions: 25,
  text: 4000,
};
const MAX = DOCUMENTED_LIMITS;

interface AnyText {
  type: string;
  text: string;
}
interface AnyElement {
  type: string;
  text?: AnyText | string;
  action_id?: string;
  value?: string;
}
interface AnyBlock {
  type: string;
  block_id?: string;
  text?: AnyText;
  fields?: AnyText[];
  elements?: AnyElement[];
}

export function slackViolations(message: { text: string; blocks: KnownBlock[] }): string[] {
  const problems: string[] = [];
  const fail = (where: string, what: string) => problems.push(`${where}: ${what}`);
  if (typeof message.text !== 'string' || message.text.trim() === '') fail('text', 'empty');
  if (message.text.length > MAX.text) fail('text', `${message.text.length} chars`);
  if (message.blocks.length > MAX.blocks) fail('blocks', `${message.blocks.length} blocks`);
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  (message.blocks as unknown as AnyBlock[]).forEach((block, i) => {
    const at = `block ${i} (${block.type})`;
    if (block.block_id !== undefined) {
      if (block.block_id.length > MAX.id) fail(at, 'block_id too long');
      if (blockIds.has(block.block_id)) fail(at, `duplicate block_id ${block.block_id}`);
      blockIds.add(block.block_id);
    }
    switch (block.type) {
      case 'header':
        if (block.text?.type !== 'plain_text') fail(at, 'header text is not plain_text');
        if (!block.text?.text || block.text.text.length > MAX.header) fail(at, `header ${block.text?.text.length} chars`);
        break;
      case 'section':
        if (!block.text && !block.fields?.length) fail(at, 'no text and no fields');
        if (block.text && (block.text.text.length === 0 || block.text.text.length > MAX.section))
          fail(at, `text ${block.text.text.length} chars`);
        if (block.fields) {
          if (block.fields.length > MAX.fields) fail(at, `${block.fields.length} fields`);
          block.fields.forEach((f, j) => {
            if (!f.text || f.text.length > MAX.field) fail(at, `field ${j}: ${f.text.length} chars`);
          });
        }
        break;
      case 'context':
        if (!block.elements?.length || block.elements.length > MAX.context) fail(at, `${block.elements?.length} elements`);
        block.elements?.forEach((e, j) => {
          const t = typeof e.text === 'string' ? e.text : e.text?.text;
          if (!t || t.length > MAX.contextText) fail(at, `element ${j}: ${t?.length} chars`);
        });
        break;
      case 'actions':
        if (!block.elements?.length || block.elements.length > MAX.actions) fail(at, `${block.elements?.length} elements`);
        block.elements?.forEach((e, j) => {
          const label = typeof e.text === 'string' ? e.text : (e.text?.text ?? '');
          if (!label || label.length > MAX.buttonText) fail(at, `button ${j} text ${label.length} chars`);
          if (e.value !== undefined && e.value.length > MAX.buttonValue) fail(at, `button ${j} value ${e.value.length} chars`);
          if (!e.action_id || e.action_id.length > MAX.id) fail(at, `button ${j} action_id`);
          else if (actionIds.has(e.action_id)) fail(at, `duplicate action_id ${e.action_id}`);
          else actionIds.add(e.action_id);
        });
        break;
      default:
        fail(at, 'unexpected block type');
    }
  });
  return problems;
}

/** Every string in `value` (deep), like the eval scorer reads a payload. */
export function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => allStrings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => allStrings(v, out));
  return out;
}

/** Decodes the three mrkdwn entities (what the eval scorer does). */
export function decodeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
