/**
 * The store as the server runs it: opened and migrated at start, the id-hash key resolved
 * (`STORE_HASH_KEY`, else generated once into a key file beside the database: `hash-key.ts`), the
 * `DATA_DIR` permissions checked, the retention purge at start
 * and daily, the write buffer, the recorder the adapters write through (questions and votes),
 * the shared de-duplication, and the health `/healthz` reports. {@link StoreRuntime.close}
 * flushes what is pending (bounded) and closes the database.
 */
import {
  createIdHasher,
  type EscalationLog,
  SharedDedupe,
  startRetention,
  StoreHealth,
  type StoreHealthSnapshot,
  type StoreLogger,
  storeEscalations,
  StoreRecorder,
  WriteBuffer,
} from '../../src/index';
import { resolveHashKey } from './hash-key';
import { describeStore, type StoreConfig } from './store-config';
import { openStore } from './open-store';
import { privateDir } from './sqlite/sqlite-client';
import type { SqlStore } from './sql-store';

export interface StoreRuntime {
  store: SqlStore;
  health: StoreHealth;
  buffer: WriteBuffer;
  /** Questions (`question()`) and votes (`record()`, the feedback port). */
  recorder: StoreRecorder;
  /** Slack's de-duplication (event ids, interaction ids), shared by the replicas on this store. */
  slackDedupe: SharedDedupe;
  /** "Ask the experts" escalations, one per asker and answer (askers hashed like the questions'). */
  escalations: EscalationLog;
  /** For `/healthz`: `{ kind, state, lost, pending, … }`. */
  snapshot(): StoreHealthSnapshot & { kind: string; pending: number };
  /** Writes what is pending (at most `timeoutMs`), stops the purge, closes the database. */
  close(timeoutMs?: number): Promise<void>;
}

export interface StoreRuntimeOptions {
  config: StoreConfig;
  logger: StoreLogger;
  /** Loss-log interval, ms (default 60 s). */
  lossLogIntervalMs?: number;
  /** Write-buffer bound per lane (default 10,000). */
  maxPending?: number;
}

export async function startStoreRuntime(options: StoreRuntimeOptions): Promise<StoreRuntime> {
  const { config, logger } = options;
  const started = performance.now();
  const { store, applied } = await openStore(config.location, { worker: true });
  try {
    const key = await resolveHashKey(config, store, logger);
    if (config.location.kind === 'sqlite' && !privateDir(config.location.dataDir)) {
      logger.warn(
        { component: 'store', dataDir: config.location.dataDir },
        'store: DATA_DIR can be read by other users and holds other files too, so it was left as it is: give the store a directory of its own, or chmod 700 it',
      );
    }
    const health = new StoreHealth(logger, { intervalMs: options.lossLogIntervalMs });
    const buffer = new WriteBuffer({ store, health, logger, maxPending: options.maxPending });
    const hash = createIdHasher(key);
    const recorder = new StoreRecorder({
      buffer,
      hash,
      questionLog: config.questionLog,
      refused: (kind, field) => health.refused(kind, field),
    });
    const slackDedupe = new SharedDedupe({ store, health, prefix: 'slack:', hash: (k) => hash('dedupe', k) });
    const stopRetention = await startRetention(store, config.retentionDays, logger);
    logger.info(
      { component: 'store', ...describeStore(config), migrationsApplied: applied, ms: Math.round(performance.now() - started) },
      `store: ${store.kind} ready`,
    );
    return {
      store,
      health,
      buffer,
      recorder,
      slackDedupe,
      escalations: storeEscalations(store, hash),
      snapshot: () => ({ kind: store.kind, ...health.snapshot(), pending: buffer.pending }),
      async close(timeoutMs = 5000) {
        stopRetention();
        await buffer.close(timeoutMs);
        await store.close().catch(() => undefined);
      },
    };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
