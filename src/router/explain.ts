/** The `--explain` record: how a question was read, which candidates competed, and why one won. */
export interface Explain {
  read: {
    entities: string[];
    /** Services the question names that the knowledge base does not cover, and products outside AWS. */
    notCovered: string[];
    aspects: string[];
    /** Unknown product-like words (never English padding). */
    unknown: string[];
    /** The other words read as content (not names, aspects or cue words). */
    content: string[];
    cues: string[];
  };
  candidates: { intent: string; score: number; chosen: boolean; answered: boolean; why: string }[];
  decision: { rule: string; threshold: number; margin: number };
  /** The chosen reading's features, each with its contribution (weight × value) to the fitted model's linear score. */
  contributions: { feature: string; value: number; contribution: number }[];
  /** A follow-up: the question completed from the conversation, what it took, and whether that reading was used. */
  context?: { question: string; taken: { services: string[]; aspects: string[] }; used: boolean };
}
