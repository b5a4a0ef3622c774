/**
 * Where the server keeps conversations, so that a follow-up ("and for Lambda?") is answered in
 * the context of the turns before it. An adapter names the conversation in the ask context
 * (`thread`: a Slack thread or DM, a Teams conversation, a playground session); the key is used in
 * clear only as the input of a keyed hash (the store's `IdHasher`, under the store's hash key), and
 * the turns (`Turn`: service and aspect ids, two flags; never text or who asked) are kept under
 * that hash:
 *
 * - in memory ({@link ConversationMemory}): bounded, forgotten `CONVERSATION_TTL_MINUTES` (default
 *   15) after the conversation's last turn;
 * - and, with PostgreSQL (several replicas), in the store ({@link SharedConversations}): written
 *   behind the answer; before a turn is answered its conversation's row is read with a bounded
 *   wait ({@link Conversations.recall}) and taken when it is newer than memory's (the previous
 *   turn went to another replica).
 *
 * A TTL of 0 turns follow-ups off: every question is answered on its own.
 */
import type { AskContext, ConversationRecall, IdHasher, Turn } from '../../src/index';
import { ConversationMemory } from './conversation-memory';
import type { SharedConversations } from './shared-conversations';

export interface ConversationsOptions {
  /** Minutes a conversation is kept after its last turn; 0: follow-ups off. */
  ttlMinutes: number;
  /** The store's keyed hash (the same key on every replica). */
  hash: IdHasher;
  /** The store's share (PostgreSQL); absent: memory only (one replica). */
  shared?: SharedConversations;
  /** Most conversations in memory (default 10,000). */
  max?: number;
  /** The clock, ms since the epoch (tests). Default `Date.now`. */
  now?: () => number;
}

/**
 * The hash a conversation is kept under. The hasher's kinds are platform ids; a conversation key is
 * hashed as a `channel` with a prefix no platform id has, so it never shares a hash with one.
 */
const hashOf = (hash: IdHasher, thread: string): string => hash('channel', `conversation\u0000${thread}`);

export class Conversations implements ConversationRecall {
  private readonly memory: ConversationMemory | undefined;

  constructor(private readonly options: ConversationsOptions) {
    this.memory =
      options.ttlMinutes > 0
        ? new ConversationMemory({ ttlMs: options.ttlMinutes * 60_000, max: options.max, now: options.now })
        : undefined;
  }

  /** Whether follow-ups are on (`CONVERSATION_TTL_MINUTES` > 0). */
  get enabled(): boolean {
    return this.memory !== undefined;
  }

  /** Conversations in this replica's memory. */
  get size(): number {
    return this.memory?.size ?? 0;
  }

  /**
   * The context's conversation, its key hashed once: its earlier turns (`context.turns` when
   * given, else memory's) and `keep`, which keeps a turn as its latest (in memory, and queued for
   * the store when shared). Nothing is kept without a `thread`, or for what is not a person's
   * question (`log: false`: a card re-rendered after a vote, a welcome).
   */
  open(context: AskContext): { turns: readonly Turn[] | undefined; keep: (turn: Turn) => void } {
    const { memory } = this;
    const keyHash = memory && context.thread ? this.keyHashOf(context, context.thread) : undefined;
    return {
      turns: context.turns ?? (keyHash ? memory?.get(keyHash)?.turns : undefined),
      keep: (turn) => {
        if (!memory || !keyHash || context.log === false) return;
        const kept = memory.add(keyHash, turn);
        this.options.shared?.queue({ keyHash, turns: kept.turns, at: kept.at });
      },
    };
  }

  /** See {@link ConversationRecall.recall}: reads the store's row (bounded) when the turns are shared. */
  async recall(context: AskContext): Promise<void> {
    const { shared } = this.options;
    if (!shared || !this.memory || !context.thread || context.log === false) return;
    const keyHash = this.keyHashOf(context, context.thread);
    const row = await shared.read(keyHash);
    if (row) this.memory.adopt(keyHash, row);
  }

  /** Each ask's conversation key, hashed once: `recall` hashes it, `open` (the same ask) reuses it. */
  private readonly keyHashes = new WeakMap<AskContext, string>();

  private keyHashOf(context: AskContext, thread: string): string {
    let keyHash = this.keyHashes.get(context);
    if (keyHash === undefined) this.keyHashes.set(context, (keyHash = hashOf(this.options.hash, thread)));
    return keyHash;
  }

  /** Writes what is pending to the store (bounded); call before the store closes. */
  async close(timeoutMs?: number): Promise<void> {
    await this.options.shared?.close(timeoutMs);
  }
}
