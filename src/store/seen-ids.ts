/**
 * Bounded in-process memory of recently seen ids (Slack `event_id`s, interaction ids), so that a
 * delivery Slack retries is handled once by this process: an {@link LruMap} of `capacity` ids,
 * each forgotten `ttlMs` after it was first seen (a repeat does not extend it). Across replicas,
 * {@link SharedDedupe} uses the store and falls back to this.
 */
import { LruMap } from '../util/lru-map';

export interface SeenIdsOptions {
  /** Most ids kept; the least recently seen is forgotten beyond it. Default 10,000. */
  capacity?: number;
  /** How long an id is remembered, in ms. Default 15 minutes (Slack retries within ~5). */
  ttlMs?: number;
  /** Clock, for tests. Default `performance.now`. */
  now?: () => number;
}

export class SeenIds {
  private readonly ids: LruMap<string, true>;

  constructor(options: SeenIdsOptions = {}) {
    const capacity = options.capacity ?? 10_000;
    if (capacity < 1) throw new RangeError(`SeenIds: capacity ${capacity} must be at least 1`);
    this.ids = new LruMap(capacity, { ttlMs: options.ttlMs ?? 15 * 60_000, ...(options.now ? { now: options.now } : {}) });
  }

  /**
   * Records `id` and returns `true` the first time it is seen (or once it expired); returns
   * `false` for a repeat within the TTL.
   */
  firstSeen(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.set(id, true);
    return true;
  }

  /** Ids currently remembered (expired ones may count until they are next looked up or evicted). */
  get size(): number {
    return this.ids.size;
  }
}
