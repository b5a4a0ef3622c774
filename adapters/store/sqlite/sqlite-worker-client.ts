/**
 * SQLite off the event loop: the server's connection lives in a worker thread, so a write, a
 * de-duplication claim or a WAL checkpoint's fsync (tens of milliseconds on a busy disk) never
 * blocks a request. Each call is one message to the worker and one back. The worker opens the
 * file the main thread has already created and migrated (see `open-store.ts`), with the same
 * settings as {@link openSqlite} (`secure_delete` included); errors come back as plain `Error`s
 * with the driver's `code`.
 *
 * The worker is unreferenced while idle (it never keeps a process alive) and referenced while a
 * call is pending (an awaited write is never cut short).
 */
import { Worker } from 'node:worker_threads';
import type { SqlClient, Statement } from '../sql-client';

/** The worker, as JavaScript (it runs without the TypeScript toolchain, in tests and in dist alike). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('secure_delete = ON');
const cache = new Map();
const prepare = (sql) => {
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (cache.size < 200) cache.set(sql, stmt);
  }
  return stmt;
};
const batch = db.transaction((statements) => statements.map((s) => prepare(s.sql).run(...(s.params || [])).changes));
parentPort.on('message', (m) => {
  try {
    let result;
    if (m.op === 'all') result = prepare(m.sql).all(...(m.params || []));
    else if (m.op === 'run') result = prepare(m.sql).run(...(m.params || [])).changes;
    else if (m.op === 'batch') result = batch(m.statements);
    else if (m.op === 'close') { cache.clear(); db.close(); result = true; }
    else throw new Error('unknown operation ' + m.op);
    parentPort.postMessage({ id: m.id, result });
  } catch (error) {
    parentPort.postMessage({ id: m.id, error: { message: String((error && error.message) || error), code: error && error.code } });
  }
});
`;

export interface SqliteWorkerOptions {
  /** The database file; it must exist (created and migrated beforehand). */
  file: string;
  /** Busy timeout, in ms. Default 5,000. */
  busyTimeoutMs?: number;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** The worker-backed client (no migrations here: they run before, on a direct connection). */
export function openSqliteWorker(options: SqliteWorkerOptions): SqlClient {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver: require.resolve('better-sqlite3'), file: options.file, busyTimeoutMs: Math.trunc(options.busyTimeoutMs ?? 5000) },
  });
  worker.unref();
  const pending = new Map<number, Pending>();
  let next = 0;
  let gone: Error | undefined;
  const fail = (error: Error): void => {
    gone ??= error;
    for (const p of pending.values()) p.reject(gone);
    pending.clear();
  };
  worker.on('message', (m: { id: number; result?: unknown; error?: { message: string; code?: string } }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (pending.size === 0) worker.unref();
    if (m.error) p.reject(Object.assign(new Error(m.error.message), m.error.code ? { code: m.error.code } : {}));
    else p.resolve(m.result);
  });
  worker.on('error', (error) =>
    fail(Object.assign(new Error(`the SQLite worker failed: ${error.message}`), { code: (error as NodeJS.ErrnoException).code })),
  );
  worker.on('exit', () => fail(Object.assign(new Error('the SQLite store is closed'), { code: 'STORE_CLOSED' })));

  const call = <T>(message: Record<string, unknown>): Promise<T> => {
    if (gone) return Promise.reject(gone);
    return new Promise<T>((resolve, reject) => {
      const id = (next += 1);
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (pending.size === 1) worker.ref();
      worker.postMessage({ id, ...message });
    });
  };

  return {
    dialect: 'sqlite',
    all: <T>(sql: string, params: readonly unknown[] = []) => call<T[]>({ op: 'all', sql, params }),
    run: (sql, params = []) => call<number>({ op: 'run', sql, params }),
    batch: (statements: readonly Statement[]) => call<number[]>({ op: 'batch', statements }),
    async close() {
      if (gone) return;
      await call({ op: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}
