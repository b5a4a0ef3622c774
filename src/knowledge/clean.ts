/**
 * Clean-up of knowledge text that came from a chat export: phrases that refer to a
 * conversation the bot's user never had, and UI residue pasted along with the answer.
 * The file stays as the user wrote it; only what the bot repeats is cleaned. The phrases are the
 * lexicon's (`language/lexicon/chat-residue.ts`).
 */
import { BACK_REFERENCES, UI_RESIDUE } from '../language/lexicon';

/** Removes a leading back-reference and re-capitalizes: "As we discussed earlier, DynamoDB has…" → "DynamoDB has…". */
export function cleanSentence(text: string): string {
  let t = text.replace(/\s+/g, ' ').trim();
  const lower = t.toLowerCase();
  for (const phrase of BACK_REFERENCES) {
    if (lower.startsWith(phrase)) {
      t = t.slice(phrase.length).replace(/^[\s,;:]+/, '');
      t = t.charAt(0).toUpperCase() + t.slice(1);
      break;
    }
  }
  return t;
}

/** True for a paragraph that is UI residue rather than content ("SageMaker vs EMR ComparisonClick to open document"). */
export function isUiResidue(text: string): boolean {
  const lower = text.trim().toLowerCase();
  return UI_RESIDUE.some((r) => lower.endsWith(r));
}
