/** The SQLite store: the contract on a temp file, its migrations, and a version it does not know. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, MIGRATIONS, SCHEMA_VERSION } from '../../adapters/store/migrations';
import { openStore } from '../../adapters/store/open-store';
import { openSqlite } from '../../adapters/store/sqlite/sqlite-client';
import { describeStoreContract, rejection } from './helpers/contract';

const dir = mkdtempSync(join(tmpdir(), 'aws-qa-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const nextFile = (): string => join(dir, `store-${(n += 1)}`, 'aws-qa.db');

describeStoreContract('sqlite', async () => {
  const file = nextFile();
  const client = openSqlite({ file });
  const { store } = await openStore({ kind: 'sqlite', dataDir: dir, file }, { client });
  return { store, client };
});

describeStoreContract('sqlite in a worker thread (as the server runs it)', async () => {
  const file = nextFile();
  const { store } = await openStore({ kind: 'sqlite', dataDir: dir, file }, { worker: true });
  const client = openSqlite({ file });
  return { store, client, close: () => client.close() };
});

describe('sqlite store', () => {
  it('in a worker thread: errors keep their code, and a closed store rejects instead of hanging', async () => {
    const file = nextFile();
    const { store } = await openStore({ kind: 'sqlite', dataDir: dir, file }, { worker: true });
    const error = await store
      .write({ questions: [], votes: [{ at: 1, platform: 'slack', answerId: 'a', question: 'q', vote: 'maybe' as 'up', user: 'u' }] })
      .catch((e: unknown) => e as { code?: string; message: string });
    expect(error).toMatchObject({ code: 'SQLITE_CONSTRAINT_CHECK' });
    await store.close();
    expect(await rejection(store.ping())).toMatch(/closed/);
  });

  describe('migrations', () => {
    it('creates the directory and the whole schema from nothing, WAL on', async () => {
      const file = nextFile();
      const client = openSqlite({ file });
      const { store, applied } = await openStore({ kind: 'sqlite', dataDir: dir, file }, { client });
      expect(applied).toEqual(MIGRATIONS.map((m) => m.name));
      expect(await client.all('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      const tables = (await client.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).map(
        (t) => t.name,
      );
      expect(tables).toEqual(['conversations', 'dedupe_keys', 'escalations', 'questions', 'schema_migrations', 'settings', 'votes']);
      await store.close();
      const again = await openStore({ kind: 'sqlite', dataDir: dir, file });
      expect(again.applied).toEqual([]);
      await again.store.close();
    });

    it('upgrades a store at the first version, keeping its rows', async () => {
      const file = nextFile();
      const old = openSqlite({ file });
      const previous = MIGRATIONS[0].name;
      await old.withMigrationLock((x) => migrate(x, { to: previous }));
      await old.run(
        "INSERT INTO votes (platform, answer_id, user_hash, question, vote, at) VALUES ('slack', 'a1', 'h1', 'sla for eks', 'down', ?)",
        [Date.now()],
      );
      expect(
        await rejection(
          old.run("INSERT INTO escalations (platform, answer_id, user_hash, question, at) VALUES ('slack', 'a', 'h', 'q', 1)"),
        ),
      ).toMatch(/no such table/);
      await old.close();
      const { store, applied } = await openStore({ kind: 'sqlite', dataDir: dir, file });
      expect(applied).toEqual(MIGRATIONS.slice(1).map((m) => m.name));
      expect(applied.at(-1)).toBe(SCHEMA_VERSION);
      expect((await store.report({ since: 0 })).downvoted).toEqual([{ question: 'sla for eks', answerId: 'a1', up: 0, down: 1 }]);
      expect(await store.escalate({ platform: 'slack', answerId: 'a1', user: 'h1', question: 'sla for eks', at: Date.now() })).toBe(true);
      await store.close();
    });

    it('refuses a store migrated by a newer version, naming it', async () => {
      const file = nextFile();
      const { store } = await openStore({ kind: 'sqlite', dataDir: dir, file });
      await store.close();
      const client = openSqlite({ file });
      await client.run('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)', ['999-from-the-future', Date.now()]);
      await client.close();
      expect(await rejection(openStore({ kind: 'sqlite', dataDir: dir, file }))).toMatch(/999-from-the-future, newer than this build/);
    });

    it('names the file when the directory cannot be created (a file in the way, a special file system) and fails at once', async () => {
      const blocker = join(dir, 'not-a-dir');
      require('node:fs').writeFileSync(blocker, 'x');
      expect(await rejection(openStore({ kind: 'sqlite', dataDir: blocker, file: join(blocker, 'aws-qa.db') }))).toMatch(
        /not-a-dir\/aws-qa\.db.*DATA_DIR/,
      );
      const started = Date.now();
      expect(await rejection(openStore({ kind: 'sqlite', dataDir: '/proc/aws-qa/x', file: '/proc/aws-qa/x/aws-qa.db' }))).toMatch(
        /\/proc\/aws-qa\/x\/aws-qa\.db.*DATA_DIR/,
      );
      expect(Date.now() - started).toBeLessThan(5000); // not after SQLite's 5 s busy timeout: at once
    });
  });
});

describe('drivers a SQLite store loads', () => {
  it('opens, writes and closes without loading the PostgreSQL driver (pg stays out of a SQLite server)', async () => {
    const file = nextFile();
    let opened: typeof import('../../adapters/store/open-store') | undefined;
    jest.isolateModules(() => {
      // Loading pg from here on fails the test: the SQLite path must never require it.
      jest.doMock('pg', () => {
        throw new Error('the PostgreSQL driver was loaded for a SQLite store');
      });
      opened = require('../../adapters/store/open-store') as typeof import('../../adapters/store/open-store');
    });
    const { store } = await opened!.openStore({ kind: 'sqlite', dataDir: dir, file }, { worker: true });
    await store.write({
      questions: [],
      votes: [{ at: Date.UTC(2026, 0, 1), platform: 'slack', answerId: 'a-1', question: 'q', vote: 'up', user: 'u'.repeat(32) }],
    });
    await store.close();
    jest.dontMock('pg');
  });
});
