/**
 * The little a SQL store needs from a driver, so that one {@link SqlStore} (and one contract test
 * suite) serves SQLite and PostgreSQL. SQL is written with `?` placeholders; the PostgreSQL client
 * numbers them (`$1`, `$2`, …). Numbers come back as JS numbers (PostgreSQL's `bigint` and
 * `count(*)` arrive as strings and are converted by the caller with `Number`).
 */
export type Dialect = 'sqlite' | 'postgres';

export interface Statement {
  sql: string;
  params?: readonly unknown[];
}

/** One connection's worth of SQL (used by migrations, which run on a single connection). */
export interface SqlExecutor {
  readonly dialect: Dialect;
  /** Rows of a query. */
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement; resolves with the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

/** What the store runs on. */
export interface SqlClient extends SqlExecutor {
  /** Runs `statements` in one transaction (all or nothing); resolves with each one's changed-row count. */
  batch(statements: readonly Statement[]): Promise<number[]>;
  close(): Promise<void>;
}

/** A client that can also migrate (a direct connection: not the SQLite worker). */
export interface MigratableClient extends SqlClient {
  /**
   * Runs `fn` on one connection inside one transaction, holding the migration lock (PostgreSQL: an
   * advisory lock, so that replicas starting together migrate one after the other; SQLite: the
   * write lock of `BEGIN IMMEDIATE`). Commits when `fn` resolves, rolls back when it rejects.
   */
  withMigrationLock<T>(fn: (executor: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
