/**
 * Reading the "Label: value" convention of Q&A prose (`Pros:`, `Scaling: Offers both …`,
 * `Elastic Beanstalk: Provides …`). Operates on the plain text of one paragraph or list item
 * that the markdown parser produced, never on raw markdown.
 */

export interface Labelled {
  label: string;
  /** Text after the colon; empty when the label introduces nested content (`Pros:`). */
  value: string;
}

/** `Scaling: Offers both …` → `{ label: 'Scaling', value: 'Offers both …' }`; undefined when the text has no label. */
export function splitLabel(text: string): Labelled | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon > 70) return undefined;
  const label = text.slice(0, colon).trim();
  const rest = text.slice(colon + 1);
  if (rest !== '' && !/^\s/.test(rest)) return undefined; // `https://…`, `10:30`
  if (label.split(/\s+/).length > 9 || /[.!?]\s/.test(label) || /^\d+$/.test(label)) return undefined;
  return { label, value: rest.trim() };
}

/** A paragraph that only introduces what follows: `Amazon Elastic Beanstalk:`, `Key differences:`. */
export function leadIn(text: string): string | undefined {
  const l = splitLabel(text);
  return l && l.value === '' ? l.label : undefined;
}
