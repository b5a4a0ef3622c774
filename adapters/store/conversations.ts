/**
 * The `conversations` table (migration `004-conversations`): the turns of each recent
 * conversation, shared by the replicas on one PostgreSQL so that a follow-up landing on another
 * replica than its first turn is still read in context. One row per conversation:
 *
 * - `key_hash`: the keyed hash of the conversation's key (never the key, which holds platform ids);
 * - `turns`: JSON, the turns as the core's `Turn` holds them (service and aspect ids, two flags:
 *   never a question's text or who asked), checked with `isTurn` when read back;
 * - `updated_at`: when the last turn was kept (ms since the epoch); a row older than the
 *   conversation TTL is never read, and is deleted by {@link ConversationRows.purge}.
 *
 * A write never replaces a newer row (two replicas writing one conversation at once: the later
 * turn wins).
 */
import { isTurn, MAX_TURNS, type Turn } from '../../src/index';
import type { SqlClient } from './sql-client';

/** One statement shape (prepared once by the driver), one row each: a flush holds a few rows. */
const UPSERT =
  'INSERT INTO conversations (key_hash, turns, updated_at) VALUES (?, ?, ?) ' +
  'ON CONFLICT (key_hash) DO UPDATE SET turns = excluded.turns, updated_at = excluded.updated_at WHERE conversations.updated_at <= excluded.updated_at';

export interface ConversationRow {
  keyHash: string;
  turns: readonly Turn[];
  /** When its last turn was kept, ms since the epoch. */
  at: number;
}

/** The turns of a `turns` column, or `undefined` when it is not a list of at most `MAX_TURNS` turns. */
export function parseTurns(json: unknown): Turn[] | undefined {
  if (typeof json !== 'string' || json.length > 64 * 1024) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  return Array.isArray(value) && value.length <= MAX_TURNS && value.every(isTurn) ? value : undefined;
}

/** Only what `Turn` holds, in its own order (a turn object carrying more is never written whole). */
const stored = (turns: readonly Turn[]): string =>
  JSON.stringify(turns.map((t) => ({ services: t.services, aspects: t.aspects, compare: t.compare, answered: t.answered })));

export class ConversationRows {
  constructor(private readonly client: SqlClient) {}

  /** Upserts `rows` (one per conversation) in one transaction; an older row never replaces a newer one. */
  async save(rows: readonly ConversationRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.client.batch(rows.map((r) => ({ sql: UPSERT, params: [r.keyHash, stored(r.turns), r.at] })));
  }

  /** The conversation's row when it was updated at or after `since`; a row whose turns do not check out reads as none. */
  async load(keyHash: string, since: number): Promise<ConversationRow | undefined> {
    const [row] = await this.client.all<{ turns: unknown; updated_at: unknown }>(
      'SELECT turns, updated_at FROM conversations WHERE key_hash = ? AND updated_at >= ?',
      [keyHash, since],
    );
    const turns = row ? parseTurns(row.turns) : undefined;
    return turns ? { keyHash, turns, at: Number(row.updated_at) } : undefined;
  }

  /** Deletes the rows last updated before `before`; resolves with how many. */
  async purge(before: number): Promise<number> {
    return this.client.run('DELETE FROM conversations WHERE updated_at < ?', [before]);
  }
}
