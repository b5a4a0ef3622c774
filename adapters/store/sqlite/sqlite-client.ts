/**
 * SQLite through better-sqlite3 (synchronous, in-process; every call takes microseconds): one
 * connection per process on `DATA_DIR/aws-qa.db`, created with its directory on first use.
 * WAL journal (readers never block the writer; several processes may share the file, e.g. the
 * server and `aws-qa report`), `synchronous=NORMAL` (durable at each checkpoint; a power cut may
 * lose the last transactions, never corrupt), a 5 s busy timeout, `secure_delete` (deleted rows
 * are overwritten with zeros, not just unlinked: see `SqlStore.purge`).
 *
 * Private files: a directory it creates is 0700 (an existing one holding only the store's files is
 * set to 0700: see {@link privateDir}), the database is created 0600 before SQLite
 * opens it (SQLite gives its `-wal` and `-shm` files the database's mode), and an existing
 * database, WAL or SHM file of ours is set back to 0600 at open.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
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
  for (const d of missing) mkdirSync(d, { mode: 0o700 });
}

/** What may be in a `DATA_DIR` that {@link privateDir} tightens: the store's files and the key file. */
const STORE_ENTRY = /^(aws-qa\.db(-wal|-shm|-journal)?|hash-key)$/;

/**
 * Sets `dir` to 0700 when others may read it, it is ours and holds nothing but the store's files
 * (a directory shared with other things, `.` or `/tmp`, is left as it is). Resolves whether `dir`
 * is private (no group or other permission) afterwards.
 */
export function privateDir(dir: string): boolean {
  try {
    const st = statSync(dir);
    if ((st.mode & 0o077) === 0) return true;
    if (st.uid !== process.getuid?.() || (st.mode & 0o1000) !== 0) return false;
    if (!readdirSync(dir).every((name) => STORE_ENTRY.test(name))) return false;
    chmodSync(dir, 0o700);
    return true;
  } catch {
    return false;
  }
}

/** Owner-only mode of the store's files. */
export const FILE_MODE = 0o600;

/** The database file and its WAL and SHM companions. */
export const sqliteFiles = (file: string): string[] => [file, `${file}-wal`, `${file}-shm`];

/** Creates `file` 0600 when missing and sets it, its WAL and its SHM back to 0600 (best effort: a file of another user is left). */
export function makePrivate(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', FILE_MODE));
  for (const f of sqliteFiles(file)) {
    try {
      if (existsSync(f)) chmodSync(f, FILE_MODE);
    } catch {
      // not ours (EPERM): the server cannot fix it; docs/deploy.md says how
    }
  }
}

/** Opens (creating when needed) the file; throws an Error naming the file when it cannot. */
export function openSqlite(options: SqliteOptions): MigratableClient {
  let db: Database.Database;
  try {
    ensureDir(dirname(options.file));
    privateDir(dirname(options.file));
    makePrivate(options.file);
    db = new Database(options.file);
    // The busy timeout first: switching to WAL needs a moment alone with the file when other
    // processes (another server, `aws-qa report`) have it open.
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('secure_delete = ON');
    makePrivate(options.file); // the WAL and SHM just created
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
