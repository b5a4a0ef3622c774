/**
 * Adaptive Card 1.5 building blocks: one function per element type the renderer uses, and the
 * mapping from an answer {@link Part} to elements. Every `TextBlock` has `wrap: true`; every text
 * that comes from the answer is markdown-escaped here (callers pass plain text).
 *
 * Schema: https://adaptivecards.io/explorer/ (TextBlock, FactSet, Table 1.5, ActionSet, Action.Submit).
 */
import type { Part } from '../../src/index';
import { TEAMS_LIMITS, truncateText } from './card-limits';
import { escapeMarkdown } from './escape';

/** One card element or action as JSON. */
export interface CardElement {
  type: string;
  [key: string]: unknown;
}

/** Options of a TextBlock besides its text (`wrap` is always true). */
export interface TextOptions {
  weight?: 'Bolder' | 'Lighter';
  size?: 'Small' | 'Medium' | 'Large';
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Medium' | 'Large';
  style?: 'heading';
  id?: string;
}

/** A wrapping TextBlock showing `text` literally (markdown-escaped). Empty text shows as `—`. */
export function textBlock(text: string, options: TextOptions = {}): CardElement {
  const shown = text.trim() === '' ? '—' : escapeMarkdown(text);
  return { type: 'TextBlock', text: shown, wrap: true, ...options };
}

/** A bold heading line above a part. */
function heading(text: string): CardElement {
  return textBlock(text, { weight: 'Bolder', spacing: 'Medium' });
}

/** One list item on one line: inner line breaks would end the markdown list item. */
function listLine(item: string): string {
  return `- ${escapeMarkdown(item.replace(/\s*\r?\n\s*/g, ' ').trim() || '—')}`;
}

/** A markdown bullet list in one TextBlock (`\r` between items, as Teams documents for cards). */
function bulletList(items: string[]): CardElement {
  return { type: 'TextBlock', text: items.map(listLine).join('\r'), wrap: true, spacing: 'Small' };
}

/** A Table (Adaptive Cards 1.5): a dimension column, then one column per service. */
function comparisonTable(columns: string[], rows: { dimension: string; values: string[] }[]): CardElement {
  const cell = (text: string, bold = false): CardElement => ({
    type: 'TableCell',
    items: [textBlock(text, bold ? { weight: 'Bolder' } : {})],
  });
  const headerRow: CardElement = {
    type: 'TableRow',
    style: 'accent',
    cells: [cell('Aspect', true), ...columns.map((c) => cell(c, true))],
  };
  const bodyRows: CardElement[] = rows.map((row) => ({
    type: 'TableRow',
    cells: [cell(row.dimension, true), ...columns.map((_, i) => cell(row.values[i] ?? ''))],
  }));
  return {
    type: 'Table',
    gridStyle: 'accent',
    firstRowAsHeaders: true,
    showGridLines: true,
    verticalCellContentAlignment: 'Top',
    columns: [{ width: 1 }, ...columns.map(() => ({ width: 2 }))],
    rows: [headerRow, ...bodyRows],
  };
}

/** Exhaustiveness check for `switch (part.type)`: a part type added to `Part` does not compile until handled. */
function unhandled(part: never): never {
  throw new Error(`renderTeams: unhandled part ${JSON.stringify(part)}`);
}

/** The elements showing one answer part. */
export function partElements(part: Part): CardElement[] {
  const head = 'heading' in part && part.heading ? [heading(part.heading)] : [];
  switch (part.type) {
    case 'text':
      return [textBlock(part.text)];
    case 'bullets':
      return part.items.length ? [...head, bulletList(part.items)] : head;
    case 'facts':
      if (!part.facts.length) return head;
      return [
        ...head,
        {
          type: 'FactSet',
          facts: part.facts.map((f) => ({ title: escapeMarkdown(f.label), value: f.value.trim() ? escapeMarkdown(f.value) : '—' })),
        },
      ];
    case 'comparison':
      return part.columns.length ? [...head, comparisonTable(part.columns, part.rows)] : head;
    default:
      return unhandled(part);
  }
}

/**
 * `part` cut down to its first `keep` units: characters of a text, items of a list, facts of a
 * fact set, rows of a comparison. `keep` is clamped to at least one unit.
 */
export function shortenPart(part: Part, keep: number): Part {
  const n = Math.max(1, Math.floor(keep));
  switch (part.type) {
    case 'text':
      return { ...part, text: truncateText(part.text, Math.max(n, 2)) };
    case 'bullets':
      return { ...part, items: part.items.slice(0, n) };
    case 'facts':
      return { ...part, facts: part.facts.slice(0, n) };
    case 'comparison':
      return { ...part, rows: part.rows.slice(0, n) };
    default:
      return unhandled(part);
  }
}

/** How many units {@link shortenPart} can keep of `part`. */
export function partUnits(part: Part): number {
  switch (part.type) {
    case 'text':
      return part.text.length;
    case 'bullets':
      return part.items.length;
    case 'facts':
      return part.facts.length;
    case 'comparison':
      return part.rows.length;
    default:
      return unhandled(part);
  }
}

/** An `Action.Submit` button with a title shortened to what Teams shows. */
export function submitAction(title: string, data: unknown): CardElement {
  return { type: 'Action.Submit', title: truncateText(title.trim() || '…', TEAMS_LIMITS.buttonTitle), data };
}

/** `actions` as ActionSets of at most {@link TEAMS_LIMITS.actionsPerSet} buttons each (none dropped). */
export function actionSets(actions: CardElement[], id: string): CardElement[] {
  const sets: CardElement[] = [];
  for (let i = 0; i < actions.length; i += TEAMS_LIMITS.actionsPerSet) {
    const suffix = i === 0 ? '' : `-${i / TEAMS_LIMITS.actionsPerSet}`;
    sets.push({ type: 'ActionSet', id: `${id}${suffix}`, actions: actions.slice(i, i + TEAMS_LIMITS.actionsPerSet) });
  }
  return sets;
}
