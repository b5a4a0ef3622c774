/** The bounded least-recently-used map behind the answer cache and the Teams client cache. */
import { LruMap } from '../../src/util/lru-map';

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
});
