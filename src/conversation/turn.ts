/**
 * One earlier turn of a conversation, as the next question needs it: what was read from it
 * (after its own context was applied) and whether it was answered. Never its text or who asked,
 * so a turn can be kept in memory or in the store without holding a person's words.
 */
export interface Turn {
  /** Ids of the services (and products outside AWS) the turn was about, in order of mention. */
  services: string[];
  /** Facet ids it asked about (`sla`, `cons`, …). */
  aspects: string[];
  /** Whether it set things side by side ("X vs Y"). */
  compare: boolean;
  /** Whether the knowledge base answered it. */
  answered: boolean;
}

/** Most turns of one conversation that are kept and read; older ones are dropped first. */
export const MAX_TURNS = 8;

/** True for a value shaped like a {@link Turn} (turns read back from a store are checked with it). */
export function isTurn(value: unknown): value is Turn {
  if (!value || typeof value !== 'object') return false;
  const t = value as Record<string, unknown>;
  const strings = (v: unknown): boolean => Array.isArray(v) && v.length <= 16 && v.every((s) => typeof s === 'string' && s.length <= 200);
  return strings(t.services) && strings(t.aspects) && typeof t.compare === 'boolean' && typeof t.answered === 'boolean';
}
