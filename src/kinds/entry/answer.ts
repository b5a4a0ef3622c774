/**
 * The digest of one Q&A entry, for a question that is (a paraphrase of) the entry's own question:
 * its opening paragraph and the first line of each top-level point, within a character budget,
 * so the answer stays focused rather than repeating the whole section.
 */
import type { Answer, Part } from '../../answer/answer';
import type { Block, Entry } from '../../knowledge/document';
import { cleanSentence, isUiResidue } from '../../knowledge/clean';
import { leadIn, splitLabel } from '../../knowledge/labels';
import type { RouterContext } from '../../read/context';
import { finish } from '../../answer/common';
import { suggestions } from '../../answer/suggest';
import { perObject } from '../../util/per-object';

const BUDGET = 900;

function firstChild(blocks: Block[]): string | undefined {
  for (const b of blocks) {
    if (b.type === 'paragraph') return cleanSentence(b.text);
    if (b.type === 'list' && b.items[0]) return cleanSentence(b.items[0].text);
  }
  return undefined;
}

/** One line per list item: `Label: first sentence under it`, or for a bold option, its name and best-for line. */
function itemLine(text: string, strong: string | undefined, children: Block[]): string {
  const kids = children.flatMap((c) => (c.type === 'list' ? c.items : []));
  if (strong) {
    const best = kids.map((k) => splitLabel(cleanSentence(k.text))).find((l) => l && /best|ideal|use case/i.test(l.label));
    return best ? `${strong}: best for ${best.value.charAt(0).toLowerCase()}${best.value.slice(1)}` : strong;
  }
  const label = splitLabel(cleanSentence(text));
  if (label && !label.value) {
    const first = firstChild(children);
    return first ? `${label.label}: ${first}` : label.label;
  }
  return cleanSentence(text);
}

/** An entry's digest, the same whatever question asks for it: made once per entry (the knowledge base holds its entries). */
const digestParts = perObject((entry: Entry): Part[] => {
  const parts: Part[] = [];
  let used = 0;
  let pendingHeading: string | undefined;
  let omitted = 0;
  for (const b of entry.blocks) {
    if (used >= BUDGET) {
      omitted += 1;
      continue;
    }
    if (b.type === 'paragraph') {
      if (isUiResidue(b.text)) continue;
      const lead = leadIn(b.text);
      if (lead !== undefined) {
        pendingHeading = cleanSentence(lead);
        continue;
      }
      const text = cleanSentence(b.text);
      if (used + text.length > BUDGET && parts.length > 0) {
        omitted += 1;
        continue;
      }
      parts.push({ type: 'text', text });
      used += text.length;
    } else if (b.type === 'list') {
      const items: string[] = [];
      for (const it of b.items) {
        const line = itemLine(it.text, it.strong, it.children);
        if (used + line.length > BUDGET && items.length > 0) {
          omitted += 1;
          continue;
        }
        items.push(line);
        used += line.length;
      }
      parts.push({ type: 'bullets', heading: pendingHeading, items });
      pendingHeading = undefined;
    } else if (b.type === 'table') {
      const rows = b.rows.map((r) => r.cells.map((c, i) => (i === 0 ? c : `${b.header[i]}: ${c}`)).join(' · '));
      parts.push({ type: 'bullets', heading: pendingHeading, items: rows });
      used += rows.join('').length;
      pendingHeading = undefined;
    } else {
      omitted += 1;
    }
  }
  if (omitted > 0)
    parts.push({ type: 'text', text: 'The section goes on with an example and more details; ask about any point for the specifics.' });
  return parts;
});

export function digestAnswer(ctx: RouterContext, question: string, entry: Entry, confidence: number): Answer {
  const parts = digestParts(entry);
  return finish({
    kind: 'lookup',
    question,
    title: entry.question,
    answered: true,
    confidence,
    parts,
    sources: [{ file: entry.file, section: entry.question, line: entry.line }],
    followUps: () => suggestions(ctx, [], 3).filter((s) => s.question !== entry.question),
  });
}
