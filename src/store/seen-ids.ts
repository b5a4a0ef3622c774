/**
 * Bounded in-process memory of recently seen ids (Slack `event_id`s, interaction ids), so that a
 * delivery Slack retries is handled once by this process. Insertion-ordered map: the oldest id is
 * evicted first when full, and ids expire after `ttlMs`. Across replicas, {@link SharedDedupe}
 * uses the store and falls back to this.
 */
export interface SeenIdsOptions {
  /** Most ids kept; the oldest is forgotten beyond it. Default 10,000. */
  capacity?: number;
  /** How long an id is remembered, in ms. Default 15 minutes (Slack retries within ~5). */
  ttlMs?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
}

export class SeenIds {
  private readonly expiries = new Map<string, number>();
  private readonly capacity: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: SeenIdsOptions = {}) {
    this.capacity = options.capacity ?? 10_000;
    this.ttlMs = options.ttlMs ?? 15 * 60_000;
    this.now = options.now ?? Date.now;
    if (this.capacity < 1) throw new RangeError(`SeenIds: capacity ${this.capacity} must be at least 1`);
  }

  /**
   * Records `id` and returns `true` the first time it is seen (or once it expired); returns
   * `false` for a repeat within the TTL.
   */
  firstSeen(id: string): boolean {
    const now = this.now();
    this.evictExpired(now);
    const expiry = this.expiries.get(id);
    if (expiry !== undefined && expiry > now) return false;
    this.expiries.delete(id);
    this.expiries.set(id, now + this.ttlMs);
    while (this.expiries.size > this.capacity) {
      const oldest = this.expiries.keys().next().value as string;
      this.expiries.delete(oldest);
    }
    return true;
  }

  /** Ids currently remembered. */
  get size(): number {
    return this.expiries.size;
  }

  /** Drops expired ids from the front (insertion order is expiry order: the TTL is constant). */
  private evictExpired(now: number): void {
    for (const [id, expiry] of this.expiries) {
      if (expiry > now) break;
      this.expiries.delete(id);
    }
  }
}
