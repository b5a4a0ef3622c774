/**
 * Conversations shared through the store, for replicas on one PostgreSQL: the next turn of a
 * conversation may land on another replica than the last one.
 *
 * - **Writes are behind the answer**, like the question log: {@link SharedConversations.queue}
 *   returns at once; the conversation's latest turns are written on the next tick, coalesced
 *   (one row per conversation, the latest wins), at most `maxPending` conversations waiting (the
 *   oldest is dropped beyond it). A failed write is dropped: by the time the store is back, the
 *   turns are stale anyway. One `warn` line when writes start failing, one `info` line when they
 *   succeed again (never a line per failed write while the store is down).
 * - **Reads wait a bounded time**: {@link SharedConversations.read} resolves with the row, or with
 *   `undefined` after `readWaitMs` (default {@link CONVERSATION_READ_WAIT_MS}) or on an error (logged at
 *   debug level, with no question text: the question is then answered without the shared turns).
 * - **Expired rows are deleted** at start and every hour (`purgeEveryMs`): a row older than the
 *   conversation TTL is never read again.
 */
import { describeStoreError } from '../../src/index';
import type { ConversationRow } from '../store/conversations';
import type { Logger } from './logger';

/** The longest a turn waits for its conversation's row from the store, in ms. */
export const CONVERSATION_READ_WAIT_MS = 250;

/** What the sharing needs of the store's `conversations` table (adapters/store/conversations.ts). */
export interface ConversationTable {
  save(rows: readonly ConversationRow[]): Promise<void>;
  load(keyHash: string, since: number): Promise<ConversationRow | undefined>;
  purge(before: number): Promise<number>;
}

export interface SharedConversationsOptions {
  table: ConversationTable;
  logger: Logger;
  /** The conversation TTL, ms: rows older than this are neither read nor kept. */
  ttlMs: number;
  /** Default {@link CONVERSATION_READ_WAIT_MS}. */
  readWaitMs?: number;
  /** Most conversations waiting to be written. Default 10,000. */
  maxPending?: number;
  /** Between purges of expired rows, ms. Default an hour. */
  purgeEveryMs?: number;
  /** The clock, ms since the epoch. Default `Date.now`. */
  now?: () => number;
}

const HOUR_MS = 3_600_000;

export class SharedConversations {
  private readonly pending = new Map<string, ConversationRow>();
  private scheduled: NodeJS.Immediate | undefined;
  private writing: Promise<void> | undefined;
  private purgeTimer: NodeJS.Timeout | undefined;
  private readonly log: Logger;
  private readonly now: () => number;
  private closed = false;
  private failing = false;
  /** Conversations whose turns were dropped before reaching the store (full queue, failed write, closed). */
  dropped = 0;

  constructor(private readonly options: SharedConversationsOptions) {
    this.log = options.logger.child({ component: 'conversations' });
    this.now = options.now ?? Date.now;
  }

  /** Purges expired rows now (awaited, never throws), then every `purgeEveryMs`. */
  async start(): Promise<void> {
    await this.purge();
    this.purgeTimer = setInterval(() => void this.purge(), this.options.purgeEveryMs ?? HOUR_MS);
    this.purgeTimer.unref();
  }

  /** Conversations waiting to be written. */
  get waiting(): number {
    return this.pending.size;
  }

  /** Queues the conversation's latest turns for the store; never waits, never throws. */
  queue(row: ConversationRow): void {
    if (this.closed) {
      this.dropped += 1;
      return;
    }
    this.pending.delete(row.keyHash); // re-inserted last: the map's order is the age order
    this.pending.set(row.keyHash, row);
    if (this.pending.size > (this.options.maxPending ?? 10_000)) {
      this.pending.delete(this.pending.keys().next().value as string);
      this.dropped += 1;
    }
    this.scheduled ??= setImmediate(() => {
      this.scheduled = undefined;
      void this.flush();
    });
  }

  /** Writes what is pending (one transaction), after any write in progress; never rejects. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.pending.size === 0) return;
    const rows = [...this.pending.values()];
    this.pending.clear();
    this.writing = this.options.table.save(rows).then(
      () => {
        if (!this.failing) return;
        this.failing = false;
        this.log.info({ dropped: this.dropped }, 'conversations: store writes succeed again');
      },
      (error: unknown) => {
        this.dropped += rows.length;
        if (this.failing) return;
        this.failing = true;
        this.log.warn(
          { err: describeStoreError(error) },
          'conversations: store writes failing; turns kept in memory only until it answers',
        );
      },
    );
    try {
      await this.writing;
    } finally {
      this.writing = undefined;
    }
  }

  /**
   * The conversation's row when the store answers within `readWaitMs` and it is not expired;
   * otherwise `undefined` (a timeout or an error is logged at debug level).
   */
  async read(keyHash: string): Promise<ConversationRow | undefined> {
    const waitMs = this.options.readWaitMs ?? CONVERSATION_READ_WAIT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), waitMs);
    });
    const started = performance.now();
    try {
      const result = await Promise.race([this.options.table.load(keyHash, this.now() - this.options.ttlMs), timeout]);
      if (result !== 'timeout') return result;
      this.log.debug({ waitMs }, 'conversations: store read timed out; answered without the shared turns');
    } catch (error) {
      const ms = Math.round(performance.now() - started);
      this.log.debug({ err: describeStoreError(error), ms }, 'conversations: store read failed; answered without the shared turns');
    } finally {
      clearTimeout(timer);
    }
    return undefined;
  }

  /** Deletes the rows older than the TTL; logs how many (or why not); never throws. */
  async purge(): Promise<void> {
    try {
      const deleted = await this.options.table.purge(this.now() - this.options.ttlMs);
      this.log.debug({ deleted }, 'conversations: expired rows purged');
    } catch (error) {
      this.log.warn({ err: describeStoreError(error) }, 'conversations: purge failed; will try again');
    }
  }

  /** Stops the purge and writes what is pending, waiting at most `timeoutMs`. */
  async close(timeoutMs = 2000): Promise<void> {
    this.closed = true;
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.flush(), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  }
}
