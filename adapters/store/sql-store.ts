/**
 * The store over SQL, the same statements for SQLite and PostgreSQL (both have `ON CONFLICT`
 * upserts): the `Store` port of the core. Writes are multi-row inserts in one transaction; a vote
 * replaces the same user's earlier vote on the same answer (on the same platform: playground votes
 * never touch Slack or Teams votes); a de-duplication claim is one atomic upsert.
 */
import {
  DEFAULT_REPORT_PLATFORMS,
  type EscalationRow,
  type PurgeCounts,
  type QuestionRow,
  type Report,
  type ReportQuery,
  type Store,
  type Totals,
  type VoteRow,
  type WriteBatch,
  zeroTotals,
} from '../../src/index';
import { ConversationRows } from './conversations';
import type { SqlClient, Statement } from './sql-client';
import { classified } from './store-errors';

/** Most rows per INSERT statement (a power of two, well under both databases' parameter limits). */
export const ROWS_PER_INSERT = 128;

/**
 * `items` in chunks of {@link ROWS_PER_INSERT}, then the rest in chunks of decreasing powers of two
 * (100 rows: 64, 32, 4). Statements of a few shapes only: each shape is one prepared statement,
 * kept by the driver, instead of one per chunk size (up to 200 statements of up to 2,000
 * parameters, each compiled and kept).
 */
export const chunks = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  let i = 0;
  const take = (size: number): void => {
    out.push(items.slice(i, i + size));
    i += size;
  };
  while (items.length - i >= ROWS_PER_INSERT) take(ROWS_PER_INSERT);
  for (let size = ROWS_PER_INSERT >> 1; size >= 1; size >>= 1) if (items.length - i >= size) take(size);
  return out;
};

const placeholders = (rows: number, columns: number): string =>
  Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ');

function questionInserts(rows: readonly QuestionRow[]): Statement[] {
  return chunks(rows).map((chunk) => ({
    sql: `INSERT INTO questions (at, platform, answered, intent, answer_id, question, workspace_hash, team_hash, channel_hash, user_hash) VALUES ${placeholders(chunk.length, 10)}`,
    params: chunk.flatMap((r) => [
      r.at,
      r.platform,
      r.answered ? 1 : 0,
      r.intent,
      r.answerId,
      r.question,
      r.workspace,
      r.team,
      r.channel,
      r.user,
    ]),
  }));
}

function voteUpserts(rows: readonly VoteRow[]): Statement[] {
  // One row per key (the latest): an upsert may not touch the same row twice in one statement.
  const latest = new Map<string, VoteRow>();
  for (const r of rows) {
    const key = `${r.platform}\0${r.answerId}\0${r.user}`;
    const prev = latest.get(key);
    if (!prev || prev.at <= r.at) latest.set(key, r);
  }
  return chunks([...latest.values()]).map((chunk) => ({
    sql:
      `INSERT INTO votes (platform, answer_id, user_hash, question, vote, at) VALUES ${placeholders(chunk.length, 6)} ` +
      'ON CONFLICT (platform, answer_id, user_hash) DO UPDATE SET question = excluded.question, vote = excluded.vote, at = excluded.at WHERE votes.at <= excluded.at',
    params: chunk.flatMap((r) => [r.platform, r.answerId, r.user, r.question, r.vote, r.at]),
  }));
}

const inList = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

export class SqlStore implements Store {
  readonly kind: string;

  constructor(private readonly client: SqlClient) {
    this.kind = client.dialect;
  }

  async write(batch: WriteBatch): Promise<void> {
    const statements = [...questionInserts(batch.questions), ...voteUpserts(batch.votes)];
    if (statements.length === 0) return;
    try {
      await this.client.batch(statements);
    } catch (error) {
      throw classified(error);
    }
  }

  async claim(key: string, now: number, ttlMs: number): Promise<boolean> {
    const changed = await this.client.run(
      'INSERT INTO dedupe_keys (key, expires_at) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE dedupe_keys.expires_at <= ?',
      [key, now + ttlMs, now],
    );
    return changed > 0;
  }

  async purge(before: number, now: number): Promise<PurgeCounts> {
    const [questions, votes, keys] = await this.client.batch([
      { sql: 'DELETE FROM questions WHERE at < ?', params: [before] },
      { sql: 'DELETE FROM votes WHERE at < ?', params: [before] },
      { sql: 'DELETE FROM dedupe_keys WHERE expires_at <= ?', params: [now] },
      // Escalations hold question text too: they go with the questions.
      { sql: 'DELETE FROM escalations WHERE at < ?', params: [before] },
    ]);
    const erased = questions + votes + keys === 0 || (await this.erase());
    return { questions, votes, keys, erased };
  }

  /**
   * Makes deleted rows unreadable in the database's files, after a purge or a deleted setting.
   * SQLite: `secure_delete` (set at open) has already zeroed them in the pages, which are still in
   * the WAL: a `TRUNCATE` checkpoint writes the zeroed pages into the database and empties the WAL
   * (whose older frames hold the rows as inserted). PostgreSQL: `VACUUM` removes the dead rows
   * from the tables' pages (the server's WAL archive and backups are the operator's: see
   * docs/deploy.md). Resolves `false` when it could not be done now (a reader holding the WAL, a
   * vacuum timing out): the next purge tries again.
   */
  async erase(): Promise<boolean> {
    try {
      if (this.client.dialect === 'sqlite') {
        const [r] = await this.client.all<{ busy: number }>('PRAGMA wal_checkpoint(TRUNCATE)');
        return Number(r?.busy ?? 0) === 0;
      }
      await this.client.run('VACUUM questions, votes, dedupe_keys, settings');
      return true;
    } catch {
      return false;
    }
  }

  /** A setting's value, or undefined. */
  async readSetting(name: string): Promise<string | undefined> {
    return (await this.client.all<{ value: string }>('SELECT value FROM settings WHERE name = ?', [name]))[0]?.value;
  }

  /** Deletes a setting and {@link erase}s it from the files; resolves `true` when there was one. */
  async deleteSetting(name: string): Promise<boolean> {
    const deleted = (await this.client.run('DELETE FROM settings WHERE name = ?', [name])) > 0;
    if (deleted) await this.erase();
    return deleted;
  }

  async setting(name: string, create: () => string): Promise<string> {
    const read = async (): Promise<string | undefined> =>
      (await this.client.all<{ value: string }>('SELECT value FROM settings WHERE name = ?', [name]))[0]?.value;
    const existing = await read();
    if (existing !== undefined) return existing;
    await this.client.run('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', [name, create()]);
    const value = await read();
    if (value === undefined) throw new Error(`store: setting ${name} could not be created`);
    return value;
  }

  async escalate(row: EscalationRow): Promise<boolean> {
    const changed = await this.client.run(
      'INSERT INTO escalations (platform, answer_id, user_hash, question, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, answer_id, user_hash) DO NOTHING',
      [row.platform, row.answerId, row.user, row.question, row.at],
    );
    return changed > 0;
  }

  async withdrawEscalation(row: Pick<EscalationRow, 'platform' | 'answerId' | 'user'>): Promise<void> {
    await this.client.run('DELETE FROM escalations WHERE platform = ? AND answer_id = ? AND user_hash = ?', [
      row.platform,
      row.answerId,
      row.user,
    ]);
  }

  async ping(): Promise<void> {
    await this.client.all('SELECT 1 AS one');
  }

  async report(query: ReportQuery): Promise<Report> {
    const limit = query.limit ?? 50;
    const platforms = [...(query.platforms ?? DEFAULT_REPORT_PLATFORMS)];
    const since = query.since;
    const inP = inList(platforms);
    const [unanswered, downvoted, top, questionTotals, voteTotals, escalated] = await Promise.all([
      this.client.all<{ question: string; n: unknown; last: unknown }>(
        `SELECT question, COUNT(*) AS n, MAX(at) AS last FROM questions WHERE at >= ? AND answered = 0 AND platform IN (${inP}) GROUP BY question ORDER BY n DESC, last DESC, question LIMIT ?`,
        [since, ...platforms, limit],
      ),
      this.client.all<{ answer_id: string; question: string; up: unknown; down: unknown }>(
        "SELECT answer_id, MAX(question) AS question, SUM(CASE WHEN vote = 'up' THEN 1 ELSE 0 END) AS up, SUM(CASE WHEN vote = 'down' THEN 1 ELSE 0 END) AS down " +
          `FROM votes WHERE at >= ? AND platform IN (${inP}) GROUP BY answer_id HAVING SUM(CASE WHEN vote = 'down' THEN 1 ELSE 0 END) > 0 ORDER BY down DESC, up, answer_id LIMIT ?`,
        [since, ...platforms, limit],
      ),
      this.client.all<{ question: string; n: unknown; answered: unknown }>(
        `SELECT question, COUNT(*) AS n, SUM(answered) AS answered, MAX(at) AS last FROM questions WHERE at >= ? AND platform IN (${inP}) GROUP BY question ORDER BY n DESC, last DESC, question LIMIT ?`,
        [since, ...platforms, limit],
      ),
      this.client.all<{ platform: string; n: unknown; answered: unknown }>(
        'SELECT platform, COUNT(*) AS n, SUM(answered) AS answered FROM questions WHERE at >= ? GROUP BY platform',
        [since],
      ),
      this.client.all<{ platform: string; up: unknown; down: unknown }>(
        "SELECT platform, SUM(CASE WHEN vote = 'up' THEN 1 ELSE 0 END) AS up, SUM(CASE WHEN vote = 'down' THEN 1 ELSE 0 END) AS down FROM votes WHERE at >= ? GROUP BY platform",
        [since],
      ),
      this.client.all<{ question: string; n: unknown; last: unknown }>(
        `SELECT question, COUNT(*) AS n, MAX(at) AS last FROM escalations WHERE at >= ? AND platform IN (${inP}) GROUP BY question ORDER BY n DESC, last DESC, question LIMIT ?`,
        [since, ...platforms, limit],
      ),
    ]);
    const totals: Record<string, Totals> = { all: zeroTotals() };
    const entry = (platform: string): Totals => (totals[platform] ??= zeroTotals());
    for (const r of questionTotals) {
      const t = entry(r.platform);
      t.questions = Number(r.n);
      t.answered = Number(r.answered ?? 0);
      t.unanswered = t.questions - t.answered;
    }
    for (const r of voteTotals) {
      const t = entry(r.platform);
      t.up = Number(r.up ?? 0);
      t.down = Number(r.down ?? 0);
    }
    for (const platform of platforms) {
      const t = totals[platform];
      if (!t) continue;
      for (const k of ['questions', 'answered', 'unanswered', 'up', 'down'] as const) totals.all[k] += t[k];
    }
    return {
      unanswered: unanswered.map((r) => ({ question: r.question, count: Number(r.n), lastAsked: new Date(Number(r.last)).toISOString() })),
      downvoted: downvoted.map((r) => ({ question: r.question, answerId: r.answer_id, up: Number(r.up), down: Number(r.down) })),
      top: top.map((r) => ({ question: r.question, count: Number(r.n), answered: Number(r.answered ?? 0) })),
      totals,
      escalated: escalated.map((r) => ({ question: r.question, count: Number(r.n), lastAsked: new Date(Number(r.last)).toISOString() })),
    };
  }

  /** The `conversations` table (turns shared by replicas), on this store's connection. */
  conversations(): ConversationRows {
    return new ConversationRows(this.client);
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
