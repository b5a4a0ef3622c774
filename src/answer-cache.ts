/**
 * A bounded least-recently-used cache of routed answers, keyed by the normalized question.
 * An assistant is immutable (a knowledge change builds a new one), so its cache can never serve
 * an answer from older knowledge. Cached answers are frozen: callers share them read-only.
 */
import { LruMap } from './util/lru-map';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export class AnswerCache<Routed extends object> {
  private readonly entries: LruMap<string, Routed>;

  /** `capacity`: how many distinct questions are kept (default 2,000; 0 disables the cache). */
  constructor(private readonly capacity = 2_000) {
    this.entries = new LruMap(capacity);
  }

  /** The cached answer for `key`, or the one `compute` returns (then cached). */
  get(key: string, compute: () => Routed): Routed {
    const hit = this.entries.get(key);
    if (hit) return hit;
    const routed = compute();
    if (this.capacity > 0) this.entries.set(key, deepFreeze(routed));
    return routed;
  }

  get size(): number {
    return this.entries.size;
  }
}
