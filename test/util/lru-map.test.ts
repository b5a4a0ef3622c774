/** The bounded caches (all on lru-cache): LruMap behind every cache, with an optional time limit, and BoundedMemo for pure functions. */
import { BoundedMemo } from '../../src/util/bounded-memo';
import { LruMap, RESERVE_UP_TO } from '../../src/util/lru-map';

describe('LruMap', () => {
  it('drops the least recently used entry past its capacity, a read counting as a use', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1); // now b is the oldest
    map.set('c', 3);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe(1);
    expect(map.get('c')).toBe(3);
    expect(map.size).toBe(2);
  });

  it('holds exactly its capacity and drops the least recently used past it when large (growing as it fills)', () => {
    const capacity = RESERVE_UP_TO + 5;
    const map = new LruMap<number, number>(capacity);
    for (let i = 0; i < capacity; i += 1) map.set(i, i);
    expect(map.full).toBe(true);
    expect(map.get(0)).toBe(0); // now 1 is the oldest
    map.set(capacity, capacity);
    expect(map.size).toBe(capacity);
    expect(map.get(1)).toBeUndefined();
    expect(map.get(0)).toBe(0);
    expect(map.get(capacity)).toBe(capacity);
  });

  it('moves a key set again to the most recent place, without growing', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 10);
    map.set('c', 3);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe(10);
    expect(map.size).toBe(2);
  });

  it('deletes a key only while it still holds the given value', () => {
    const map = new LruMap<string, object>(4);
    const first = {};
    const second = {};
    map.set('k', first);
    map.set('k', second);
    map.deleteIf('k', first);
    expect(map.get('k')).toBe(second);
    map.deleteIf('k', second);
    expect(map.get('k')).toBeUndefined();
  });

  it('keeps nothing with a capacity of 0', () => {
    const map = new LruMap<string, number>(0);
    map.set('a', 1);
    expect(map.size).toBe(0);
  });

  it('forgets an entry ttlMs after it was set, reads not extending it', () => {
    let now = 0;
    const map = new LruMap<string, number>(10, { ttlMs: 1000, now: () => now });
    map.set('a', 1);
    now = 999;
    expect(map.get('a')).toBe(1);
    expect(map.has('a')).toBe(true);
    now = 1001;
    expect(map.has('a')).toBe(false);
    expect(map.get('a')).toBeUndefined();
  });

  it('lists its entries least recently used first', () => {
    const map = new LruMap<string, number>(3);
    map.set('a', 1);
    map.set('b', 2);
    map.get('a');
    expect(map.entries()).toEqual([
      ['b', 2],
      ['a', 1],
    ]);
    expect(map.full).toBe(false);
  });
});

describe('BoundedMemo', () => {
  it('computes once per key, undefined results included, and never holds more than its capacity', () => {
    const memo = new BoundedMemo<string, string | undefined>(100);
    let calls = 0;
    const f = (k: string): string | undefined => {
      calls += 1;
      return k.startsWith('x') ? undefined : k.toUpperCase();
    };
    expect(memo.get('ab', f)).toBe('AB');
    expect(memo.get('ab', f)).toBe('AB');
    expect(memo.get('xy', f)).toBeUndefined();
    expect(memo.get('xy', f)).toBeUndefined();
    expect(calls).toBe(2);
    for (let i = 0; i < 1000; i++) memo.get(`w${i}`, f);
    expect(memo.entries()).toHaveLength(100);
    expect(memo.full).toBe(true);
    expect(memo.entries().at(-1)).toEqual(['w999', 'W999']);
  });
});
