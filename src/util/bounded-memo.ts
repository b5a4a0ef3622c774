/**
 * A memo of a pure function whose inputs may be unbounded (words of user questions): an
 * {@link LruMap} of `capacity` entries (least recently used evicted), so it never grows without
 * limit. `undefined` results are memoized too.
 */
import { LruMap, type Present } from './lru-map';

/** Stands for an `undefined` result (lru-cache holds no `undefined`). */
const NONE: unique symbol = Symbol('none');

export class BoundedMemo<K extends Present, V> {
  private readonly map: LruMap<K, Present>;

  constructor(capacity: number) {
    this.map = new LruMap<K, Present>(capacity);
  }

  /** The memoized value for `key`, computing (and keeping) it on a miss. */
  get(key: K, compute: (key: K) => V): V {
    const known = this.map.get(key);
    if (known !== undefined) return (known === NONE ? undefined : known) as V;
    const value = compute(key);
    this.set(key, value);
    return value;
  }

  /** Keeps `value` for `key` (evicting the least recently used when full). */
  set(key: K, value: V): void {
    this.map.set(key, value === undefined ? NONE : (value as Present));
  }

  /** The entries held, least recently used first. */
  entries(): [K, V][] {
    return this.map.entries().map(([k, v]) => [k, (v === NONE ? undefined : v) as V]);
  }

  /** Whether it holds `capacity` entries. */
  get full(): boolean {
    return this.map.full;
  }
}
