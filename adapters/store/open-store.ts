/**
 * Opens the configured store and brings its schema up to date: SQLite in `DATA_DIR` (default),
 * or PostgreSQL at `DATABASE_URL`. Rejects with an Error naming the problem (unwritable
 * directory, unreachable database, a schema newer than this build).
 */
import { redactUrl, type StoreLocation } from './store-config';
import { migrate } from './migrations';
import type { MigratableClient } from './sql-client';
import { SqlStore } from './sql-store';
import { openSqlite } from './sqlite/sqlite-client';
import { openSqliteWorker } from './sqlite/sqlite-worker-client';

export interface OpenedStore {
  store: SqlStore;
  /** Migrations applied by this open (empty when the schema was current). */
  applied: string[];
}

/**
 * The SQL client for `location`, not migrated (tests, tools). The PostgreSQL driver (`pg`, about
 * 2 MB of heap once loaded) is loaded only when a PostgreSQL store is opened: a server on SQLite,
 * the default, never holds it.
 */
export function openClient(location: StoreLocation): MigratableClient {
  if (location.kind === 'sqlite') return openSqlite({ file: location.file });
  const { openPostgres } = require('./postgres/postgres-client') as typeof import('./postgres/postgres-client');
  return openPostgres({ url: location.url });
}

export interface OpenStoreOptions {
  /** A client to use instead of opening one (tests). */
  client?: MigratableClient;
  /**
   * SQLite only: serve the store from a worker thread (the server: no disk I/O on the event loop).
   * Migrations still run first, on a direct connection that is then closed. Default false (the CLI).
   */
  worker?: boolean;
}

export async function openStore(location: StoreLocation, options: OpenStoreOptions = {}): Promise<OpenedStore> {
  const client = options.client ?? openClient(location);
  try {
    const applied = await client.withMigrationLock((executor) => migrate(executor));
    if (location.kind === 'sqlite' && options.worker) {
      await client.close();
      return { store: new SqlStore(openSqliteWorker({ file: location.file })), applied };
    }
    return { store: new SqlStore(client), applied };
  } catch (error) {
    await client.close().catch(() => undefined);
    const where = location.kind === 'sqlite' ? location.file : redactUrl(location.url);
    const e = error as { code?: string; message?: string };
    throw new Error(`cannot open the ${location.kind} store at ${where}: ${e.code ? `${e.code} ` : ''}${e.message ?? String(error)}`, {
      cause: error,
    });
  }
}
