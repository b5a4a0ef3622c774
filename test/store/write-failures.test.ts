/**
 * Issue 23, items 2 and 3, on real databases: a write that fails for a while (a lock held 7 s by
 * another connection, a full disk) loses no row within the buffer's bound, and `/healthz`'s state
 * is `degraded` while it fails even though the database answers pings; a row the database refuses
 * (a NUL byte PostgreSQL will not store, a CHECK constraint) drops only itself, never the other
 * lane's rows nor the good rows of its own batch; the recorder refuses bad fields at the edge.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { openStore } from '../../adapters/store/open-store';
import { openPostgres } from '../../adapters/store/postgres/postgres-client';
import { openSqlite } from '../../adapters/store/sqlite/sqlite-client';
import type { SqlStore } from '../../adapters/store/sql-store';
import { createIdHasher, StoreHealth, StoreRecorder, WriteBuffer } from '../../src/index';
import { question, vote } from './helpers/contract';
import { type PgCluster, startPostgres } from './helpers/postgres';

const LOCK_MS = 7000;
const dir = mkdtempSync(join(tmpdir(), 'aws-qa-write-failures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const sqliteFile = (): string => join(dir, `s${(n += 1)}.db`);

function memoryLogger() {
  const lines: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  const at = (level: string) => (obj: object, msg: string) => void lines.push({ level, obj: obj as Record<string, unknown>, msg });
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
}

/** Resolves once `predicate()` holds (polled every 20 ms); rejects after `ms`. */
async function until(predicate: () => boolean | Promise<boolean>, ms = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const hash = (i: number): string => i.toString(16).padStart(32, '0');

/**
 * Writes `rows` questions through a buffer while `hold()` keeps writes failing, checks the state
 * while it does (degraded, though a ping answers), then `release()`s and checks every row arrived.
 */
async function survivesOutage(
  store: SqlStore,
  hold: () => Promise<void>,
  release: () => Promise<void>,
  count: (sql: string) => Promise<number>,
  rows = 200,
): Promise<void> {
  const { lines, logger } = memoryLogger();
  const health = new StoreHealth(logger);
  const buffer = new WriteBuffer({ store, health, logger, flushMs: 20, retryMs: 250, maxRetryMs: 1000 });
  await hold();
  try {
    for (let i = 0; i < rows; i += 1) buffer.add({ kind: 'question', row: question({ question: `question ${i}`, user: hash(i) }) });
    buffer.add({ kind: 'vote', row: vote({ platform: 'web', user: hash(1) }) });
    await until(() => health.state === 'degraded', 20_000, 'degraded');
    await store.ping(); // the database answers a ping…
    expect(health.state).toBe('degraded'); // …and the store is still degraded: writes fail
    expect(buffer.pending).toBe(rows + 1);
  } finally {
    await release();
  }
  await until(() => buffer.pending === 0 && health.state === 'ok', 30_000, 'the rows written');
  expect(await count('SELECT COUNT(*) AS n FROM questions')).toBe(rows);
  expect(await count('SELECT COUNT(*) AS n FROM votes')).toBe(1);
  expect(health.snapshot().lost).toBe(0);
  // One line when the outage started, one when it ended: never one per attempt.
  expect(lines.filter((l) => l.msg.startsWith('store degraded'))).toHaveLength(1);
  expect(lines.filter((l) => l.msg.startsWith('store recovered'))).toHaveLength(1);
  expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  await buffer.close();
}

describe('SQLite: transient write failures are retried, not dropped', () => {
  it(`a write lock held ${LOCK_MS / 1000} s by another connection (BEGIN IMMEDIATE)`, async () => {
    const file = sqliteFile();
    const { store } = await openStore({ kind: 'sqlite', dataDir: dir, file }, { worker: true });
    const other = new Database(file);
    let timer: NodeJS.Timeout | undefined;
    let released: Promise<void> = Promise.resolve();
    try {
      await survivesOutage(
        store,
        async () => {
          other.exec('BEGIN IMMEDIATE');
          released = new Promise((resolve) => {
            timer = setTimeout(() => {
              other.exec('COMMIT');
              resolve();
            }, LOCK_MS);
          });
        },
        () => released,
        async (sql) => Number((other.prepare(sql).get() as { n: number }).n),
      );
    } finally {
      clearTimeout(timer);
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      await store.close();
    }
  }, 60_000);

  it('a full disk (max_page_count reached)', async () => {
    const file = sqliteFile();
    const client = openSqlite({ file });
    const { store } = await openStore({ kind: 'sqlite', dataDir: dir, file }, { client });
    const pages = Number((await client.all<{ page_count: number }>('PRAGMA page_count'))[0].page_count);
    try {
      await survivesOutage(
        store,
        async () => void (await client.all(`PRAGMA max_page_count = ${pages}`)),
        async () => void (await client.all('PRAGMA max_page_count = 1073741823')),
        async (sql) => Number((await client.all<{ n: number }>(sql))[0].n),
        2000,
      );
    } finally {
      await store.close();
    }
  }, 60_000);

  it('a refused row drops only itself: not the other lane, not the good rows of its batch', async () => {
    const file = sqliteFile();
    const { store } = await openStore({ kind: 'sqlite', dataDir: dir, file }, { worker: true });
    const { lines, logger } = memoryLogger();
    const health = new StoreHealth(logger);
    const buffer = new WriteBuffer({ store, health, logger, flushMs: 60_000 });
    buffer.add({ kind: 'vote', row: vote({ platform: 'web', vote: 'maybe' as 'up', user: hash(1) }) }); // CHECK (vote IN ('up', 'down'))
    buffer.add({ kind: 'vote', row: vote({ platform: 'web', user: hash(2) }) });
    for (let i = 0; i < 5; i += 1) buffer.add({ kind: 'question', row: question({ user: hash(i) }) });
    buffer.add({ kind: 'vote', row: vote({ vote: 'maybe' as 'up', user: hash(3) }) });
    buffer.add({ kind: 'vote', row: vote({ user: hash(4) }) });
    expect(await buffer.drain()).toBe(true);
    const report = await store.report({ since: 0, platforms: ['slack', 'web'] });
    expect(report.totals.slack).toMatchObject({ questions: 5, down: 1 });
    expect(report.totals.web).toMatchObject({ down: 1 });
    expect(health.snapshot()).toMatchObject({ state: 'ok', lost: 2 });
    expect(lines.filter((l) => l.level === 'error')).toHaveLength(2); // one per refused batch, not per attempt
    await buffer.close();
    await store.close();
  });
});

describe('PostgreSQL: transient write failures are retried, refused rows isolated', () => {
  let pg: PgCluster;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await pg?.destroy();
  });
  let db = 0;
  const fresh = async (): Promise<{ store: SqlStore; url: string }> => {
    const url = await pg.createDatabase(`wf_${process.pid}_${(db += 1)}`);
    return { store: (await openStore({ kind: 'postgres', url })).store, url };
  };

  it(`a table lock held ${LOCK_MS / 1000} s (LOCK TABLE … IN SHARE MODE; the statement timeout fires)`, async () => {
    const { store, url } = await fresh();
    const other = new Client({ connectionString: url });
    await other.connect();
    let timer: NodeJS.Timeout | undefined;
    let released: Promise<void> = Promise.resolve();
    try {
      await survivesOutage(
        store,
        async () => {
          await other.query('BEGIN');
          await other.query('LOCK TABLE questions IN SHARE MODE');
          released = new Promise((resolve, reject) => {
            timer = setTimeout(() => void other.query('COMMIT').then(() => resolve(), reject), LOCK_MS);
          });
        },
        () => released,
        async (sql) => Number((await other.query<{ n: string }>(sql)).rows[0].n),
      );
    } finally {
      clearTimeout(timer);
      await other.end();
      await store.close();
    }
  }, 60_000);

  it("a NUL byte PostgreSQL refuses drops only its row, never another lane's rows", async () => {
    const { store, url } = await fresh();
    const { lines, logger } = memoryLogger();
    const health = new StoreHealth(logger);
    const buffer = new WriteBuffer({ store, health, logger, flushMs: 60_000 });
    // Straight into the buffer (the recorder would refuse it first: see below).
    buffer.add({ kind: 'vote', row: vote({ platform: 'web', answerId: 'forged\u0000id', user: hash(9) }) });
    for (let i = 0; i < 5; i += 1) buffer.add({ kind: 'question', row: question({ platform: 'teams', user: hash(i) }) });
    buffer.add({ kind: 'question', row: question({ platform: 'teams', question: 'bad\u0000text' }) });
    expect(await buffer.drain()).toBe(true);
    const client = openPostgres({ url });
    try {
      expect(Number((await client.all<{ n: string }>('SELECT COUNT(*) AS n FROM questions'))[0].n)).toBe(5);
    } finally {
      await client.close();
    }
    expect(health.snapshot()).toMatchObject({ state: 'ok', lost: 2 });
    expect(lines.filter((l) => l.level === 'error').map((l) => (l.obj.err as { code?: string }).code)).toEqual(['22021', '22021']);
    await buffer.close();
    await store.close();
  });

  it('the recorder refuses bad fields at the edge, alone (counted, never queued)', async () => {
    const { store, url } = await fresh();
    const { logger } = memoryLogger();
    const health = new StoreHealth(logger);
    const buffer = new WriteBuffer({ store, health, logger, flushMs: 60_000 });
    const recorder = new StoreRecorder({
      buffer,
      hash: createIdHasher('a-test-key-of-some-length'),
      refused: (k, f) => health.refused(k, f),
    });
    const at = new Date().toISOString();
    for (const answerId of ['forged\u0000id', 'x'.repeat(200), 'a\u001b[2J', 'a b', '']) {
      await recorder.record({ platform: 'web', question: 'q', answerId, vote: 'up', user: 'anonymous', at });
    }
    await recorder.record({
      platform: 'teams',
      question: 'sla for eks\u0000',
      answerId: 'sla-660bd129bac37743',
      vote: 'down',
      user: 'U1',
      at,
    });
    recorder.question({
      platform: 'slack',
      question: 'sla for eks\u0000\u0007?',
      intent: 'sla',
      answer: { id: 'sla-660bd129bac37743', answered: true },
    });
    recorder.question({ platform: 'slack', question: 'sla for eks', intent: 'sla', answer: { id: 'sla\u0000', answered: true } });
    expect(buffer.pending).toBe(2);
    expect(health.snapshot().refused).toBe(6);
    expect(await buffer.drain()).toBe(true);
    const client = openPostgres({ url });
    try {
      expect(await client.all('SELECT question, answer_id FROM questions')).toEqual([
        { question: 'sla for eks', answer_id: 'sla-660bd129bac37743' },
      ]);
      expect(await client.all('SELECT question, answer_id FROM votes')).toEqual([
        { question: 'sla for eks', answer_id: 'sla-660bd129bac37743' },
      ]);
    } finally {
      await client.close();
    }
    await buffer.close();
    await store.close();
  });
});
