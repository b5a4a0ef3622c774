/**
 * Retention: questions and votes older than `RETENTION_DAYS` (default 90) are deleted, with
 * expired de-duplication keys, once at start and then every day (every replica does it; a purge
 * is idempotent).
 */
import type { PurgeCounts, Store } from './store';
import { describeStoreError, type StoreLogger } from './store-health';

export const DAY_MS = 86_400_000;

/** Deletes what is older than `days` days; logs what was deleted; never throws. */
export async function purgeOnce(
  store: Pick<Store, 'purge'>,
  days: number,
  logger: StoreLogger,
  now = Date.now(),
): Promise<PurgeCounts | undefined> {
  try {
    const counts = await store.purge(now - days * DAY_MS, now);
    logger.info({ component: 'store', retentionDays: days, ...counts }, 'store: retention purge done');
    return counts;
  } catch (error) {
    logger.warn({ component: 'store', err: describeStoreError(error) }, 'store: retention purge failed; will try again');
    return undefined;
  }
}

/** Purges now (awaited), then every `intervalMs` (default a day); returns the stop function. */
export async function startRetention(
  store: Pick<Store, 'purge'>,
  days: number,
  logger: StoreLogger,
  intervalMs = DAY_MS,
): Promise<() => void> {
  await purgeOnce(store, days, logger);
  const timer = setInterval(() => void purgeOnce(store, days, logger), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
