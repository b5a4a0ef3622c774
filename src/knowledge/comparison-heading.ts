/**
 * The two (or more) things a comparison question names: "What are the differences between EMR
 * and ML (SageMaker)?" → `EMR`, `ML (SageMaker)`; "RDS vs Aurora" → `RDS`, `Aurora`.
 * Works on the plain text of a heading (after markdown parsing).
 */

const LEAD = /\b(?:differences?|difference|comparison|compare|comparing|choose|choosing)\s+(?:between|of)\s+(.+)$/i;
const COMPARE = /\bcompare\s+(.+)$/i;

/** The names compared by a heading, or `[]` when it is not a comparison question. */
export function comparisonSides(heading: string): string[] {
  const text = heading.replace(/[?!.]+\s*$/, '').trim();
  let body: string | undefined;
  const lead = LEAD.exec(text) ?? COMPARE.exec(text);
  if (lead) body = lead[1];
  else if (/\s(?:vs\.?|versus)\s/i.test(text)) body = text;
  if (!body) return [];
  const parts = body
    .split(/\s+(?:vs\.?|versus|and|with|to|or)\s+|,\s*/i)
    .map((p) => p.replace(/^(?:what|which|how)\b.*?\b(?:is|are)\s+(?:the\s+)?/i, '').replace(/^(?:the|a|an)\s+/i, '').trim())
    .filter(Boolean);
  return parts.length >= 2 ? parts : [];
}
