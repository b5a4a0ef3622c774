/**
 * The bounded caches of the code base, all on `lru-cache`: {@link LruMap} keeps at most
 * `capacity` entries (reading or setting one makes it the most recently used; past the capacity
 * the least recently used goes), and, given `ttlMs`, forgets an entry that old. Nothing is
 * unbounded. A capacity below 1 keeps nothing.
 */
import { LRUCache } from 'lru-cache';

/** What lru-cache holds: any value but `undefined` and `null`. */
export type Present = NonNullable<unknown>;

export interface LruMapOptions {
  /** Entries expire this many ms after they were set (not refreshed by reads). Default: never. */
  ttlMs?: number;
  /** Clock for the expiry, in ms. Default `performance.now`. */
  now?: () => number;
}

/** Caches of at most this many entries reserve their slots up front (faster reads); larger ones grow as they fill. */
export const RESERVE_UP_TO = 10_000;

export class LruMap<K extends Present, V extends Present> {
  private readonly cache: LRUCache<K, V> | undefined;

  constructor(
    readonly capacity: number,
    options: LruMapOptions = {},
  ) {
    const clock = options.now;
    this.cache =
      capacity >= 1
        ? new LRUCache<K, V>({
            // lru-cache reserves `max` slots up front (about 20 bytes a slot, and the time to fill
            // them: ~45 ms for the word memos at every start); a large cache counts its entries as
            // a size instead, so it grows as it fills.
            ...(capacity > RESERVE_UP_TO ? { maxSize: Math.floor(capacity), sizeCalculation: () => 1 } : { max: Math.floor(capacity) }),
            ...(options.ttlMs !== undefined ? { ttl: options.ttlMs, ttlAutopurge: false, ttlResolution: 0 } : {}),
            // lru-cache reads a start time of 0 as "no expiry": a clock starting at 0 (tests) is moved on by 1 ms.
            ...(clock ? { perf: { now: () => clock() + 1 } } : {}),
          })
        : undefined;
  }

  /** The value under `key` (then the most recently used), or undefined (never set, evicted or expired). */
  get(key: K): V | undefined {
    return this.cache?.get(key);
  }

  /** Whether `key` holds a live value; not a use. */
  has(key: K): boolean {
    return this.cache?.has(key) ?? false;
  }

  /** Sets `key` as the most recently used (its expiry restarts); drops the least recently used beyond the capacity. */
  set(key: K, value: V): void {
    this.cache?.set(key, value);
  }

  /** Removes `key` when it still holds `value` (a later value set under the same key stays). */
  deleteIf(key: K, value: V): void {
    if (this.cache?.peek(key) === value) this.cache.delete(key);
  }

  /** Live entries, least recently used first. */
  entries(): [K, V][] {
    return this.cache ? ([...this.cache.rentries()] as [K, V][]) : [];
  }

  get size(): number {
    return this.cache?.size ?? 0;
  }

  /** Whether it holds `capacity` entries (a new key would evict one). */
  get full(): boolean {
    return this.size >= this.capacity;
  }
}
