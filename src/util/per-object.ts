/**
 * `compute(key)` remembered per key object, held weakly: a table built once per knowledge base
 * goes when that knowledge base does (a reload swaps it out).
 */
export function perObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      value = compute(key);
      memo.set(key, value);
    }
    return value;
  };
}
