/**
 * The conversations this replica saw recently, in memory: each one's turns (at most `MAX_TURNS`,
 * the oldest dropped first) under the keyed hash of its key, never the key itself. Bounded and
 * expiring (`lru-cache`): at most `max` conversations (the least recently used is dropped first),
 * and a conversation is forgotten `ttlMs` after its last turn.
 */
import { LRUCache } from 'lru-cache';
import { MAX_TURNS, type Turn } from '../../src/index';

/** A conversation's turns and when the last one was kept (ms since the epoch, the store's `updated_at`). */
export interface KeptTurns {
  readonly turns: readonly Turn[];
  readonly at: number;
}

export interface ConversationMemoryOptions {
  /** How long a conversation is kept after its last turn, in ms (at least 1). */
  ttlMs: number;
  /** Most conversations kept. Default {@link DEFAULT_MAX_CONVERSATIONS}. */
  max?: number;
  /** The clock, ms since the epoch. Default `Date.now` (tests pass their own). */
  now?: () => number;
}

/** Conversations kept per replica by default: about 2 KB each at most, so 20 MB at the very worst. */
export const DEFAULT_MAX_CONVERSATIONS = 10_000;

export class ConversationMemory {
  private readonly cache: LRUCache<string, KeptTurns>;
  private readonly now: () => number;

  constructor(options: ConversationMemoryOptions) {
    if (!(options.ttlMs >= 1)) throw new RangeError('ConversationMemory: ttlMs must be at least 1');
    this.now = options.now ?? Date.now;
    this.cache = new LRUCache<string, KeptTurns>({
      max: options.max ?? DEFAULT_MAX_CONVERSATIONS,
      ttl: options.ttlMs,
      ttlResolution: 0,
      perf: { now: this.now },
    });
  }

  /** The conversation's turns, or `undefined` when it is unknown here or expired. */
  get(hash: string): KeptTurns | undefined {
    return this.cache.get(hash);
  }

  /** Appends `turn` to the conversation (a new one when unknown or expired); returns what is now kept. */
  add(hash: string, turn: Turn): KeptTurns {
    const before = this.cache.get(hash)?.turns ?? [];
    const kept: KeptTurns = { turns: [...before, turn].slice(-MAX_TURNS), at: this.now() };
    this.cache.set(hash, kept);
    return kept;
  }

  /**
   * Takes `kept` (read from the store: another replica's turns) when it is newer than what is
   * here; it expires `ttlMs` after its own `at`, not after now. Returns whether it was taken.
   */
  adopt(hash: string, kept: KeptTurns): boolean {
    const here = this.cache.get(hash);
    if (here && here.at >= kept.at) return false;
    const turns = kept.turns.slice(-MAX_TURNS);
    this.cache.set(hash, { turns, at: kept.at }, { start: kept.at });
    return this.cache.has(hash);
  }

  /** Conversations kept (expired ones may still count until they are next touched). */
  get size(): number {
    return this.cache.size;
  }
}
