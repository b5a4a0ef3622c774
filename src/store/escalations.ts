/**
 * "Ask the experts": a person handed a question the bot could not answer (or answered badly) to
 * the experts' channel. Each escalation is one row per (platform, answer, hashed asker): pressing
 * the button twice escalates once. The report counts them per question.
 */
import type { IdHasher } from './keyed-hash';
import { normalizeLoggedQuestion } from './logged-question';
import type { StorePlatform } from './store-platform';

/** One escalation as the store keeps it. */
export interface EscalationRow {
  at: number;
  platform: StorePlatform;
  /** `Answer.id` of the answer the asker escalated. */
  answerId: string;
  /** The question's normalized text (`normalizeLoggedQuestion`). */
  question: string;
  /** Keyed hash of the asker's id. */
  user: string;
}

/** What an adapter knows of an escalation (ids in clear, in memory only). */
export interface Escalation {
  platform: StorePlatform;
  answerId: string;
  /** The question as asked. */
  question: string;
  /** The asker's platform id; hashed before it is stored. */
  user: string;
}

/** The escalation port the adapters use (the server's is the store's; tests may keep them in memory). */
export interface EscalationLog {
  /**
   * Records `e` unless the same asker already escalated the same answer: resolves `true` for a
   * first escalation (the caller posts it), `false` for a repeat (nothing to send).
   */
  claim(e: Escalation): Promise<boolean>;
  /** Forgets a claimed escalation whose post failed, so the asker can try again. */
  withdraw(e: Escalation): Promise<void>;
}

/** The part of the store escalations need. */
export interface EscalationStore {
  /** Inserts `row` unless its (platform, answer, user) is there: `true` when inserted. */
  escalate(row: EscalationRow): Promise<boolean>;
  /** Deletes the row of (platform, answer, user). */
  withdrawEscalation(row: Pick<EscalationRow, 'platform' | 'answerId' | 'user'>): Promise<void>;
}

/** The store's {@link EscalationLog}: the asker's id hashed with the deployment's key, the question normalized. */
export function storeEscalations(store: EscalationStore, hash: IdHasher, now: () => number = Date.now): EscalationLog {
  const row = (e: Escalation): EscalationRow => ({
    at: now(),
    platform: e.platform,
    answerId: e.answerId.slice(0, 128),
    question: normalizeLoggedQuestion(e.question),
    user: hash('user', e.user),
  });
  return {
    claim: (e) => store.escalate(row(e)),
    withdraw: (e) => store.withdrawEscalation(row(e)),
  };
}

/** An in-process {@link EscalationLog} (no store: the CLI-less embedding, tests). */
export function memoryEscalations(): EscalationLog {
  const seen = new Set<string>();
  const key = (e: Escalation): string => `${e.platform}\0${e.answerId}\0${e.user}`;
  return {
    claim: async (e) => !seen.has(key(e)) && Boolean(seen.add(key(e))),
    withdraw: async (e) => void seen.delete(key(e)),
  };
}
