/**
 * Opens the configured store and brings its schema up to date: SQLite in `DATA_DIR` (default),
 * or PostgreSQL at `DATABASE_URL`. Rejects with an Error naming the problem (unwritable
 * directory, unreachable database, a schema newer than this build).
 */
import { redactUrl, type StoreLocation } from '../../src/index';
import { migrate } from './migrations';
import { openPostgres } from './postgres/postgres-client';
import type { SqlClient } from './sql-client';
import { SqlStore } from './sql-store';
import { openSqlite } from './sqlite/sqlite-client';

export interface OpenedStore {
  store: SqlStore;
  /** Migrations applied by this open (empty when the schema was current). */
  applied: string[];
}

/** The SQL client for `location`, not migrated (tests, tools). */
export function openClient(location: StoreLocation): SqlClient {
  return location.kind === 'sqlite' ? openSqlite({ file: location.file }) : openPostgres({ url: location.url });
}

export async function openStore(location: StoreLocation, options: { client?: SqlClient } = {}): Promise<OpenedStore> {
  const client = options.client ?? openClient(location);
  try {
    const applied = await client.withMigrationLock((executor) => migrate(executor));
    return { store: new SqlStore(client), applied };
  } catch (error) {
    await client.close().catch(() => undefined);
    const where = location.kind === 'sqlite' ? location.file : redactUrl(location.url);
    const e = error as { code?: string; message?: string };
    throw new Error(`cannot open the ${location.kind} store at ${where}: ${e.code ? `${e.code} ` : ''}${e.message ?? String(error)}`);
  }
}
