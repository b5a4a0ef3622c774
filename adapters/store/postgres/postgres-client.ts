/**
 * PostgreSQL through `pg`'s pool (`DATABASE_URL`). Queries fail fast when the server is gone
 * (connect timeout 2 s, statement timeout 5 s), so that the write buffer notices and degrades
 * instead of hanging. Migrations take a transaction-scoped advisory lock: replicas starting at
 * once queue on it and each finds the schema already migrated.
 */
import { Pool, type PoolClient, type PoolConfig } from 'pg';
import type { MigratableClient, SqlExecutor } from '../sql-client';

/** Advisory lock key of the migrations (any constant; "awsqa" in ASCII). */
export const MIGRATION_LOCK_KEY = 0x6177_7371_61;

export interface PostgresOptions {
  /** `postgres://user:password@host:port/database`. */
  url: string;
  /** Pool size. Default 5. */
  max?: number;
  /** Pool settings for tests (timeouts). */
  pool?: Partial<PoolConfig>;
}

/** `?` placeholders to `$1…$n` (our SQL has no `?` inside literals). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${(n += 1)}`);
}

type Queryable = Pick<PoolClient, 'query'>;

const executorOn = (q: Queryable): SqlExecutor => ({
  dialect: 'postgres',
  async all<T>(sql: string, params: readonly unknown[] = []) {
    return (await q.query(numberPlaceholders(sql), params as unknown[])).rows as T[];
  },
  async run(sql, params = []) {
    return (await q.query(numberPlaceholders(sql), params as unknown[])).rowCount ?? 0;
  },
});

/** Opens the pool (connections are made on first use); never throws for an unreachable server. */
export function openPostgres(options: PostgresOptions): MigratableClient {
  const pool = new Pool({
    connectionString: options.url,
    max: options.max ?? 5,
    connectionTimeoutMillis: 2000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 5000,
    query_timeout: 6000,
    application_name: 'aws-qa',
    ...options.pool,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process.
  pool.on('error', () => undefined);

  const inTransaction = async <T>(fn: (client: PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw error;
    } finally {
      client.release(broken);
    }
  };

  return {
    ...executorOn(pool),
    batch: (statements) =>
      inTransaction(async (client) => {
        const counts: number[] = [];
        for (const s of statements)
          counts.push((await client.query(numberPlaceholders(s.sql), (s.params ?? []) as unknown[])).rowCount ?? 0);
        return counts;
      }),
    withMigrationLock: (fn) =>
      inTransaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
        return fn(executorOn(client));
      }),
    async close() {
      await pool.end();
    },
  };
}
