/**
 * A memo of a pure function whose inputs may be unbounded (words of user questions): emptied
 * when it holds `capacity` entries, so it never grows without limit.
 */
export class BoundedMemo<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  /** The memoized value for `key`, computing (and keeping) it on a miss. */
  get(key: K, compute: (key: K) => V): V {
    const known = this.map.get(key);
    if (known !== undefined || this.map.has(key)) return known as V;
    const value = compute(key);
    this.set(key, value);
    return value;
  }

  /** Keeps `value` for `key` (emptying the memo first when it is full). */
  set(key: K, value: V): void {
    if (this.map.size >= this.capacity) this.map.clear();
    this.map.set(key, value);
  }

  /** The entries held. */
  entries(): [K, V][] {
    return [...this.map];
  }

  /** Whether it holds `capacity` entries. */
  get full(): boolean {
    return this.map.size >= this.capacity;
  }
}
