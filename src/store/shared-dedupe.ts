/**
 * De-duplication shared by every replica on one store: a key (Slack `event_id`, interaction id)
 * is claimed in the database, so a retry delivered to another replica is recognised. The
 * in-process {@link SeenIds} answers first (a retry to the same replica costs no query) and is
 * the fallback: while the store is degraded, or when a claim fails or takes longer than
 * `timeoutMs`, the key counts as new unless this process saw it (a retry may then be answered
 * twice, never zero times).
 *
 * Keys are stored hashed: `hash(key)` (the deployment's keyed hash, kind `dedupe`), so a key that
 * holds an id (a click without `trigger_id` is keyed by its user id) never reaches the database in
 * clear. The in-process memory keeps the key as given (memory only, bounded, short-lived).
 */
import { SeenIds } from './seen-ids';
import type { Store } from './store';
import type { StoreHealth } from './store-health';

export interface SharedDedupeOptions {
  store: Pick<Store, 'claim'>;
  health: StoreHealth;
  /** How long a key is remembered, in ms. Default 15 minutes (Slack retries within ~5). */
  ttlMs?: number;
  /** Longest wait for the database, in ms. Default 1,500. */
  timeoutMs?: number;
  /** Namespace of the keys in the store, e.g. `slack:`. Default none. */
  prefix?: string;
  /** Hashes a key before it is stored: the store's keyed hash (`createIdHasher(key)` with kind `dedupe`). */
  hash: (key: string) => string;
  /** The in-process memory. Default `new SeenIds({ ttlMs })`. */
  local?: SeenIds;
  now?: () => number;
}

export class SharedDedupe {
  private readonly local: SeenIds;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(private readonly options: SharedDedupeOptions) {
    this.ttlMs = options.ttlMs ?? 15 * 60_000;
    this.now = options.now ?? Date.now;
    this.local = options.local ?? new SeenIds({ ttlMs: this.ttlMs, now: this.now });
  }

  /** `true` the first time `key` is seen by any replica (within the TTL), `false` for a repeat. */
  async firstSeen(key: string): Promise<boolean> {
    if (!this.local.firstSeen(key)) return false;
    const { health } = this.options;
    if (health.state === 'degraded') return true;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(Object.assign(new Error('de-duplication claim timed out'), { code: 'ETIMEDOUT' })),
          this.options.timeoutMs ?? 1500,
        );
      });
      return await Promise.race([
        this.options.store.claim(`${this.options.prefix ?? ''}${this.options.hash(key)}`, this.now(), this.ttlMs),
        timeout,
      ]);
    } catch (error) {
      health.failed('dedupe', error);
      return true;
    } finally {
      clearTimeout(timer);
    }
  }
}
