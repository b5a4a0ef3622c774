/**
 * Answer content (`Part`s) as Block Kit blocks and as plain lines for the message `text`.
 * Everything from the knowledge base is escaped here; callers pass parts as the core made them.
 */
import type { SectionBlock } from '@slack/types';
import type { Part } from '../../src/index';
import { fieldSections, textSections } from './blocks';
import { escapeMrkdwn as esc } from './escape';

const bold = (text: string): string => (text.trim() ? `*${esc(text.trim())}*` : '');
const labelled = (label: string, value: string): string => {
  const head = bold(label);
  const body = value.trim() ? esc(value) : '—';
  return head ? `${head}\n${body}` : body;
};

/**
 * The blocks for one part:
 * - `text`: sections of the paragraph;
 * - `bullets`: the bold heading and `• item` lines, split across sections at line boundaries;
 * - `facts`: section fields `*label*\nvalue` (two columns), the heading as the first section's text;
 * - `comparison`: per dimension, a section whose text is the bold dimension and whose fields are
 *   one per column, `*Column*\nvalue`: the services side by side (stacked on narrow screens).
 */
export function partBlocks(part: Part): SectionBlock[] {
  switch (part.type) {
    case 'text':
      return textSections(esc(part.text));
    case 'bullets': {
      const lines = part.items.map((item) => `• ${esc(item)}`);
      if (part.heading) lines.unshift(bold(part.heading));
      return textSections(lines.join('\n'));
    }
    case 'facts':
      return fieldSections(
        part.heading ? bold(part.heading) : undefined,
        part.facts.map((f) => labelled(f.label, f.value)),
      );
    case 'comparison': {
      const blocks: SectionBlock[] = part.heading ? textSections(bold(part.heading)) : [];
      for (const row of part.rows) {
        const fields = part.columns.map((column, i) => labelled(column, row.values[i] ?? ''));
        blocks.push(...fieldSections(bold(row.dimension) || undefined, fields));
      }
      return blocks;
    }
    default: {
      const unknown: never = part;
      throw new Error(`renderSlack: unhandled part ${JSON.stringify(unknown)}`);
    }
  }
}

/** One part as plain lines (unescaped) for the notification `text`: every fact and value kept. */
export function partLines(part: Part): string[] {
  switch (part.type) {
    case 'text':
      return [part.text];
    case 'bullets':
      return [...(part.heading ? [part.heading] : []), ...part.items.map((item) => `• ${item}`)];
    case 'facts':
      return [...(part.heading ? [part.heading] : []), ...part.facts.map((f) => (f.label ? `${f.label}: ${f.value}` : f.value))];
    case 'comparison':
      return [
        ...(part.heading ? [part.heading] : []),
        ...part.rows.map((row) => `${row.dimension}: ${part.columns.map((c, i) => `${c}: ${row.values[i] || '—'}`).join('; ')}`),
      ];
    default: {
      const unknown: never = part;
      throw new Error(`renderSlack: unhandled part ${JSON.stringify(unknown)}`);
    }
  }
}
