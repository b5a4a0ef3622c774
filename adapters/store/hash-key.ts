/**
 * The key of the id hashes, kept out of the data it protects:
 *
 * - `STORE_HASH_KEY` set: that key. A generated key left by an earlier start (the key file, or the
 *   `settings` row of older builds) is deleted, with one log line: the hashes written
 *   under it stay in the store but can no longer be linked to new ones (the same user voting again
 *   counts as a new voter; per-workspace counts split at the change) until retention deletes them.
 *   When the variable holds the generated key's value (copied from the file), nothing changes.
 * - SQLite without it: a random key generated once into `DATA_DIR/hash-key` (0600, linked
 *   into place whole, so two processes starting together agree). A key an older build kept in the
 *   `settings` table is moved there (the same key: old hashes keep matching) and erased from the
 *   database.
 * - PostgreSQL without it: refused in production (the configuration requires `STORE_HASH_KEY`
 *   with `DATABASE_URL` under `NODE_ENV=production`); elsewhere (development, tests) the key is
 *   generated into the `settings` table, with a warning, as the only place replicas share.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateHashKey, HASH_KEY_SETTING, type StoreLogger } from '../../src/index';
import type { SqlStore } from './sql-store';
import type { StoreConfig } from './store-config';

/** The key file's name inside `DATA_DIR`. */
export const HASH_KEY_FILE = 'hash-key';

/** Where the generated key is kept: the key file (SQLite), or undefined (PostgreSQL: the settings table). */
export const hashKeyFile = (config: StoreConfig): string | undefined =>
  config.location.kind === 'sqlite' ? join(config.location.dataDir, HASH_KEY_FILE) : undefined;

function readKeyFile(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const key = readFileSync(file, 'utf8').trim();
  return key || undefined;
}

/**
 * Writes `key` to a new file (0600), atomically: a complete temporary file is linked into place,
 * so another process never reads it half written; when another process linked first, theirs wins.
 */
function createKeyFile(file: string, key: string): string {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, `${key}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, file);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const theirs = readKeyFile(file);
    if (theirs) return theirs;
    throw new Error(`the hash key file ${file} exists but is empty: delete it, or set STORE_HASH_KEY`, { cause: error });
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** The key to hash ids with, as the module doc says. */
export async function resolveHashKey(config: StoreConfig, store: SqlStore, logger: StoreLogger): Promise<string> {
  const file = hashKeyFile(config);
  const inDatabase = await store.readSetting(HASH_KEY_SETTING);
  if (config.hashKey) {
    const generated = (file ? readKeyFile(file) : undefined) ?? inDatabase;
    if (file && existsSync(file)) rmSync(file, { force: true });
    if (inDatabase !== undefined) await store.deleteSetting(HASH_KEY_SETTING);
    if (generated !== undefined && generated !== config.hashKey) {
      logger.warn(
        { component: 'store' },
        'store: STORE_HASH_KEY replaces the generated hash key, which is deleted: ids hashed before cannot be matched to new hashes (earlier votes and askers count as different people) until retention deletes those rows',
      );
    }
    return config.hashKey;
  }
  if (file) {
    const existing = readKeyFile(file);
    const key = existing ?? createKeyFile(file, inDatabase ?? generateHashKey());
    if (inDatabase !== undefined) {
      await store.deleteSetting(HASH_KEY_SETTING);
      if (inDatabase === key)
        logger.info({ component: 'store', file }, 'store: the generated hash key moved out of the database to its key file');
    }
    return key;
  }
  logger.warn(
    { component: 'store' },
    'store: no STORE_HASH_KEY: a generated hash key is kept in the database (whoever has the database has the key); set STORE_HASH_KEY (required with DATABASE_URL in production)',
  );
  return store.setting(HASH_KEY_SETTING, generateHashKey);
}
