/**
 * SQLite through better-sqlite3 (synchronous, in-process; every call takes microseconds): one
 * connection per process on `DATA_DIR/aws-qa.db`, created with its directory on first use.
 * WAL journal (readers never block the writer; several processes may share the file, e.g. the
 * server and `aws-qa report`), `synchronous=NORMAL` (durable at each checkpoint; a power cut may
 * lose the last transactions, never corrupt), a 5 s busy timeout.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { MigratableClient, SqlExecutor, Statement } from '../sql-client';

export interface SqliteOptions {
  /** The database file; its directory is created when missing. */
  file: string;
  /** Busy timeout, in ms. Default 5,000. */
  busyTimeoutMs?: number;
}

/**
 * Creates `dir` and its missing parents one level at a time. Not `mkdirSync(…, { recursive: true })`:
 * under a special file system such as /proc it loops for ever instead of failing.
 */
function ensureDir(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    if (dirname(d) === d) break;
    missing.unshift(d);
  }
  for (const d of missing) mkdirSync(d);
}

/** Opens (creating when needed) the file; throws an Error naming the file when it cannot. */
export function openSqlite(options: SqliteOptions): MigratableClient {
  let db: Database.Database;
  try {
    ensureDir(dirname(options.file));
    db = new Database(options.file);
    // The busy timeout first: switching to WAL needs a moment alone with the file when other
    // processes (another server, `aws-qa report`) have it open.
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  } catch (error) {
    throw new Error(`cannot open the SQLite store ${options.file}: ${(error as Error).message} (set DATA_DIR to a writable directory)`, {
      cause: error,
    });
  }
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      if (cache.size < 200) cache.set(sql, stmt);
    }
    return stmt;
  };
  const allSync = <T>(sql: string, params: readonly unknown[] = []): T[] => prepare(sql).all(...params) as T[];
  const runSync = (sql: string, params: readonly unknown[] = []): number => prepare(sql).run(...params).changes;
  const executor: SqlExecutor = {
    dialect: 'sqlite',
    all: async (sql, params) => allSync(sql, params),
    run: async (sql, params) => runSync(sql, params),
  };
  const batchTx = db.transaction((statements: readonly Statement[]) => statements.map((s) => runSync(s.sql, s.params)));
  return {
    ...executor,
    batch: async (statements) => batchTx(statements),
    async withMigrationLock(fn) {
      // Nothing else runs on this connection while migrating (startup): the transaction spans the awaits.
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(executor);
        db.exec('COMMIT');
        cache.clear();
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    },
    async close() {
      cache.clear();
      if (db.open) db.close();
    },
  };
}
