/**
 * De-duplication of Slack deliveries (event retries, replayed interactions). The in-process
 * {@link SeenIds} lives in the core (it is also the fallback of the store-backed dedupe); a
 * server with a store passes a `SharedDedupe`, so that a retry delivered to another replica is
 * recognised too.
 */
export { SeenIds, type SeenIdsOptions } from '../../src/index';

/** Anything that says whether a key is new: `SeenIds` (in-process) or the store's shared dedupe. */
export interface Dedupe {
  /** `true` the first time `key` is seen (within its TTL), `false` for a repeat. */
  firstSeen(key: string): boolean | Promise<boolean>;
}
