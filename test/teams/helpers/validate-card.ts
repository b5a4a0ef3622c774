/**
 * Validates Adaptive Cards the way Microsoft's own library does, at schema version 1.5, plus the
 * house rules the library does not check (every TextBlock wraps and has text, Table rows have one
 * cell per column, the card declares version 1.5).
 */

const AC = require('adaptivecards/dist/adaptivecards.js');

/** Every parse/validation event the adaptivecards library reports for `card` at version 1.5. */
export function libraryErrors(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, ctx);
  const errors: string[] = [];
  for (let i = 0; i < ctx.eventCount; i += 1) {
    const e = ctx.getEventAt(i);
    errors.push(`parse: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  const results = parsed.validateProperties();
  for (const e of results.validationEvents) errors.push(`validate: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  return errors;
}

type Json = { [key: string]: unknown };

function walk(node: unknown, visit: (n: Json) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Json);
    Object.values(node as Json).forEach((v) => walk(v, visit));
  }
}

/** House rules: version 1.5, wrapping non-empty TextBlocks, well-formed Tables and FactSets. */
export function houseRuleErrors(card: unknown): string[] {
  const errors: string[] = [];
  const c = card as Json;
  if (c.type !== 'AdaptiveCard') errors.push(`type is ${String(c.type)}`);
  if (c.version !== '1.5') errors.push(`version is ${String(c.version)}`);
  walk(card, (n) => {
    if (n.type === 'TextBlock') {
      if (n.wrap !== true) errors.push(`TextBlock without wrap: ${String(n.text).slice(0, 40)}`);
      if (typeof n.text !== 'string' || n.text.trim() === '') errors.push('TextBlock with empty text');
    }
    if (n.type === 'Table') {
      const columns = (n.columns as unknown[]).length;
      for (const row of n.rows as Json[]) {
        if ((row.cells as unknown[]).length !== columns)
          errors.push(`Table row with ${(row.cells as unknown[]).length} cells, ${columns} columns`);
      }
    }
    if (n.type === 'FactSet' && !(n.facts as unknown[]).length) errors.push('empty FactSet');
    if (n.type === 'ActionSet' && !(n.actions as unknown[]).length) errors.push('empty ActionSet');
  });
  return errors;
}

/** All errors of the card in `activity.attachments[0].content` (library + house rules). */
export function activityCardErrors(activity: { attachments?: { contentType?: string; content?: unknown }[] }): string[] {
  const attachments = activity.attachments ?? [];
  if (attachments.length !== 1) return [`${attachments.length} attachments, want 1`];
  const [a] = attachments;
  if (a.contentType !== 'application/vnd.microsoft.card.adaptive') return [`contentType ${a.contentType}`];
  return [...libraryErrors(a.content), ...houseRuleErrors(a.content)];
}

/** Every string in `value`, recursively (what the eval scorer searches). */
export function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => allStrings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => allStrings(v, out));
  return out;
}
