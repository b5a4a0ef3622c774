/**
 * Issue 23, item 4, on real SQLite files (and PostgreSQL's vacuum): the data directory and the
 * store's files are private, a purged question is erased from the database's bytes (not just
 * unlinked), the generated hash key is kept in a 0600 file beside the database and never in it,
 * and what `STORE_HASH_KEY` does to a generated key (and to the hashes made with it) is as
 * docs/deploy.md says.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { HASH_KEY_FILE } from '../../adapters/store/hash-key';
import { openStore } from '../../adapters/store/open-store';
import { openPostgres } from '../../adapters/store/postgres/postgres-client';
import { toStoreConfig } from '../../adapters/store/store-config';
import { startStoreRuntime } from '../../adapters/store/store-runtime';
import { DAY_MS, HASH_KEY_SETTING } from '../../src/index';
import { question } from './helpers/contract';
import { type PgCluster, startPostgres } from './helpers/postgres';

const root = mkdtempSync(join(tmpdir(), 'aws-qa-erase-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

function memoryLogger() {
  const lines: { level: string; msg: string }[] = [];
  const at = (level: string) => (_obj: object, msg: string) => void lines.push({ level, msg });
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
}

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);
/** Every byte the store keeps on disk: the database, its WAL and SHM. */
const storeBytes = (file: string): Buffer =>
  Buffer.concat([file, `${file}-wal`, `${file}-shm`].filter(existsSync).map((f) => readFileSync(f)));

const sqliteConfig = (dataDir: string, env: Record<string, string> = {}) => toStoreConfig({ DATA_DIR: dataDir, ...env }, root);

describe('SQLite: private files, erased purges, the key out of the database', () => {
  it('creates DATA_DIR 0700, the database, WAL and SHM 0600, and the key file 0600 (not in the database)', async () => {
    const dataDir = join(root, `d${(n += 1)}`, 'data');
    const runtime = await startStoreRuntime({ config: sqliteConfig(dataDir), logger: memoryLogger().logger });
    try {
      runtime.buffer.add({ kind: 'question', row: question({ at: Date.now() }) });
      expect(await runtime.buffer.drain()).toBe(true);
      const file = join(dataDir, 'aws-qa.db');
      expect(mode(dataDir)).toBe('700');
      for (const f of [file, `${file}-wal`, `${file}-shm`, join(dataDir, HASH_KEY_FILE)]) expect([f, mode(f)]).toEqual([f, '600']);
      const key = readFileSync(join(dataDir, HASH_KEY_FILE), 'utf8').trim();
      expect(key.length).toBeGreaterThanOrEqual(32);
      expect(await runtime.store.readSetting(HASH_KEY_SETTING)).toBeUndefined();
      expect(storeBytes(file).includes(key)).toBe(false);
    } finally {
      await runtime.close();
    }
  });

  it('tightens an existing DATA_DIR and database left readable by an older build', async () => {
    const dataDir = join(root, `d${(n += 1)}`);
    mkdirSync(dataDir, { mode: 0o755 });
    const file = join(dataDir, 'aws-qa.db');
    writeFileSync(file, '', { mode: 0o644 });
    const { store } = await openStore({ kind: 'sqlite', dataDir, file });
    await store.close();
    expect([mode(dataDir), mode(file)]).toEqual(['700', '600']);
  });

  it('erases a purged question from the database file, not only from the table', async () => {
    const dataDir = join(root, `d${(n += 1)}`);
    const runtime = await startStoreRuntime({ config: sqliteConfig(dataDir), logger: memoryLogger().logger });
    const file = join(dataDir, 'aws-qa.db');
    const now = Date.now();
    const secret = 'purgeable question about the zanzibar migration';
    try {
      for (let i = 0; i < 300; i += 1)
        runtime.buffer.add({ kind: 'question', row: question({ at: now - 200 * DAY_MS, question: `${secret} ${i}` }) });
      runtime.buffer.add({ kind: 'question', row: question({ at: now, question: 'a recent question stays' }) });
      expect(await runtime.buffer.drain()).toBe(true);
      // Checkpointed, as a long-running server's would be: the rows are in the database file itself.
      await runtime.store.erase();
      expect(storeBytes(file).includes(secret)).toBe(true);
      const counts = await runtime.store.purge(now - 90 * DAY_MS, now);
      expect(counts).toMatchObject({ questions: 300, erased: true });
      expect(storeBytes(file).includes(secret)).toBe(false);
      expect(storeBytes(file).includes('zanzibar')).toBe(false);
      expect(storeBytes(file).includes('a recent question stays')).toBe(true);
    } finally {
      await runtime.close();
    }
  });

  it('moves a key an older build kept in the settings table to the key file: the same key, erased from the database', async () => {
    const dataDir = join(root, `d${(n += 1)}`);
    const file = join(dataDir, 'aws-qa.db');
    const old = 'an-older-build-generated-this-key-0123456789';
    const { store } = await openStore({ kind: 'sqlite', dataDir, file });
    await store.setting(HASH_KEY_SETTING, () => old);
    await store.close();
    const { lines, logger } = memoryLogger();
    const runtime = await startStoreRuntime({ config: sqliteConfig(dataDir), logger });
    try {
      expect(readFileSync(join(dataDir, HASH_KEY_FILE), 'utf8').trim()).toBe(old);
      expect(await runtime.store.readSetting(HASH_KEY_SETTING)).toBeUndefined();
      expect(storeBytes(file).includes(old)).toBe(false);
      expect(lines.some((l) => /moved out of the database/.test(l.msg))).toBe(true);
    } finally {
      await runtime.close();
    }
  });

  it('STORE_HASH_KEY replacing a generated key: the generated key is deleted, old hashes stay but no longer match (logged)', async () => {
    const dataDir = join(root, `d${(n += 1)}`);
    const at = new Date().toISOString();
    const vote = { platform: 'slack' as const, question: 'sla for eks', answerId: 'sla-1', vote: 'down' as const, user: 'U0001', at };
    const first = await startStoreRuntime({ config: sqliteConfig(dataDir), logger: memoryLogger().logger });
    await first.recorder.record(vote);
    await first.close();
    expect(existsSync(join(dataDir, HASH_KEY_FILE))).toBe(true);

    const { lines, logger } = memoryLogger();
    const second = await startStoreRuntime({
      config: sqliteConfig(dataDir, { STORE_HASH_KEY: 'a-key-from-the-secret-manager-0123' }),
      logger,
    });
    try {
      expect(existsSync(join(dataDir, HASH_KEY_FILE))).toBe(false);
      expect(lines.filter((l) => l.level === 'warn' && /STORE_HASH_KEY replaces the generated hash key/.test(l.msg))).toHaveLength(1);
      await second.recorder.record({ ...vote, vote: 'up' }); // the same person changing their vote…
      expect(await second.buffer.drain()).toBe(true);
      const report = await second.store.report({ since: 0 });
      expect(report.totals.slack).toMatchObject({ up: 1, down: 1 }); // …counts as another voter: the old hash is kept, unmatched
    } finally {
      await second.close();
    }
    const db = new Database(join(dataDir, 'aws-qa.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(DISTINCT user_hash) AS n FROM votes').get()).toEqual({ n: 2 });
    } finally {
      db.close();
    }
  });
});

describe('PostgreSQL: a purge vacuums', () => {
  let pg: PgCluster;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await pg?.destroy();
  });

  it('vacuums the tables after deleting, so the dead rows are removed from their pages', async () => {
    const url = await pg.createDatabase(`erase_${process.pid}`);
    const { store } = await openStore({ kind: 'postgres', url });
    const client = openPostgres({ url });
    try {
      const now = Date.now();
      await store.write({ questions: [question({ at: now - 200 * DAY_MS }), question({ at: now })], votes: [] });
      expect(await store.purge(now - 90 * DAY_MS, now)).toMatchObject({ questions: 1, erased: true });
      // The vacuum's own count: the dead row is gone from the table (not just invisible).
      const [stats] = await client.all<{ n_dead_tup: string; vacuumed: boolean }>(
        "SELECT n_dead_tup, (last_vacuum IS NOT NULL) AS vacuumed FROM pg_stat_user_tables WHERE relname = 'questions'",
      );
      expect(stats).toEqual({ n_dead_tup: '0', vacuumed: true });
    } finally {
      await client.close();
      await store.close();
    }
  }, 60_000);
});
