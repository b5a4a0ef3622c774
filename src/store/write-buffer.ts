/**
 * Buffered writes, off the request path: adapters {@link WriteBuffer.add} a question or a vote and
 * return at once; a timer writes what is pending in batches (one transaction each). Bounded: each
 * lane keeps at most `maxPending` rows, and beyond it the oldest is dropped and counted as lost.
 * Playground rows (`web`) have their own lane, and a batch never mixes lanes: a flood of anonymous
 * playground rows can never push out, and a bad playground row can never drop, a Slack or Teams row.
 *
 * When a write fails:
 * - transiently (busy or locked, a lock or statement timeout, a full disk, the database gone: any
 *   error not marked `transient: false` by the store), the batch goes back to the front of its
 *   lane, the store is `degraded` (whatever a ping says: `/healthz` reports it), and the write is
 *   retried with a doubling backoff from `retryMs` to `maxRetryMs`. Nothing is lost but what
 *   exceeds the bound (counted, logged once per interval). The first failure and the recovery are
 *   logged once each, never once per attempt;
 * - because of its data (`transient: false`), its rows are written one by one: only the rows the
 *   database refuses are dropped (counted; one line per batch), the others are kept.
 */
import type { QuestionRow, Store, VoteRow, WriteBatch } from './store';
import { describeStoreError, type StoreHealth, type StoreLogger } from './store-health';

export type BufferedRow = { kind: 'question'; row: QuestionRow } | { kind: 'vote'; row: VoteRow };

export interface WriteBufferOptions {
  store: Pick<Store, 'write' | 'ping'>;
  health: StoreHealth;
  logger: StoreLogger;
  /** Most rows waiting per lane (platforms; playground). Default 10,000. */
  maxPending?: number;
  /** Most rows per transaction. Default 500. */
  batchSize?: number;
  /** Pause between writes while healthy, in ms (none while a full batch is waiting). Default 200. */
  flushMs?: number;
  /** First pause after a failed write, in ms, doubling on each further failure. Default 1,000. */
  retryMs?: number;
  /** Longest pause between attempts while degraded, in ms. Default 10,000. */
  maxRetryMs?: number;
}

type Lane = 'platform' | 'playground';
const LANES: readonly Lane[] = ['platform', 'playground'];
const laneOf = (item: BufferedRow): Lane => (item.row.platform === 'web' ? 'playground' : 'platform');

/** `false` only when the store said the data itself was refused. */
const isTransient = (error: unknown): boolean => (error as { transient?: unknown } | undefined)?.transient !== false;

const batchOf = (rows: readonly BufferedRow[]): WriteBatch => ({
  questions: rows.flatMap((r) => (r.kind === 'question' ? [r.row] : [])),
  votes: rows.flatMap((r) => (r.kind === 'vote' ? [r.row] : [])),
});

export class WriteBuffer {
  private readonly lanes: Record<Lane, BufferedRow[]> = { platform: [], playground: [] };
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private closed = false;
  private readonly maxPending: number;
  private readonly batchSize: number;
  /** The lane tried first by the next batch (lanes take turns). */
  private turn = 0;
  /** Failed attempts in a row (the backoff's exponent). */
  private failures = 0;
  /** Rows taken for the write under way (still pending until it is done). */
  private inFlight = 0;
  /** Lanes whose last write failed transiently: the store is healthy again only once none is left. */
  private readonly failing = new Set<Lane>();

  constructor(private readonly options: WriteBufferOptions) {
    this.maxPending = options.maxPending ?? 10_000;
    this.batchSize = options.batchSize ?? 500;
    if (this.maxPending < 1 || this.batchSize < 1) throw new RangeError('WriteBuffer: maxPending and batchSize must be at least 1');
  }

  /** Rows waiting to be written (the write under way included). */
  get pending(): number {
    return this.lanes.platform.length + this.lanes.playground.length + this.inFlight;
  }

  /** Queues a row (never waits, never throws); drops the lane's oldest row beyond the bound. */
  add(item: BufferedRow): void {
    if (this.closed) {
      this.options.health.lost(1);
      return;
    }
    const lane = this.lanes[laneOf(item)];
    lane.push(item);
    if (lane.length > this.maxPending) {
      lane.splice(0, lane.length - this.maxPending);
      this.options.health.lost(1);
    }
    this.schedule(this.options.flushMs ?? 200);
  }

  /** Writes one batch now (tests, shutdown); resolves `true` when it was written or nothing was pending. */
  async flushOnce(): Promise<boolean> {
    while (this.running) await this.running;
    let ok = true;
    this.running = this.writeBatch().then((r) => {
      ok = r;
    });
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
    this.failures = ok && this.failing.size === 0 ? 0 : this.failures + 1;
    return ok;
  }

  /** Writes until nothing is pending or a write fails; resolves `true` when all was written. */
  async drain(): Promise<boolean> {
    while (this.pending > 0) if (!(await this.flushOnce())) return false;
    return true;
  }

  /**
   * Stops the timer and writes what is pending, retrying transient failures with the backoff, for
   * at most `timeoutMs`; what could not be written is counted as lost and logged.
   */
  async close(timeoutMs = 5000): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const end = Date.now() + timeoutMs;
    let wake: (() => void) | undefined;
    let sleeper: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    const writeAll = async (): Promise<void> => {
      while (this.pending > 0 && Date.now() < end) {
        if (await this.flushOnce()) continue;
        await new Promise<void>((resolve) => {
          wake = resolve;
          sleeper = setTimeout(resolve, Math.min(this.backoff(), Math.max(0, end - Date.now())));
          sleeper.unref();
        });
      }
    };
    await Promise.race([writeAll(), deadline]);
    clearTimeout(sleeper);
    wake?.();
    const left = this.pending;
    this.lanes.platform = [];
    this.lanes.playground = [];
    this.options.health.lost(left);
    this.options.health.flushLossLog(true);
  }

  /** The pause before the next attempt after `failures` failed ones. */
  private backoff(): number {
    const base = this.options.retryMs ?? 1000;
    return Math.min(base * 2 ** Math.max(0, Math.min(this.failures - 1, 20)), Math.max(base, this.options.maxRetryMs ?? 10_000));
  }

  private schedule(ms: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flushOnce().then((ok) => {
        this.options.health.tick();
        if (!ok) this.schedule(this.backoff());
        // A full batch waiting: write it at once (the bound is for outages, not for bursts).
        else if (this.pending > 0) this.schedule(this.pending >= this.batchSize ? 0 : (this.options.flushMs ?? 200));
      });
    }, ms);
    this.timer.unref();
  }

  /** The next batch: up to `batchSize` rows of one lane (lanes take turns), with its lane. */
  private take(): { lane: Lane; rows: BufferedRow[] } | undefined {
    for (let i = 0; i < LANES.length; i += 1) {
      const lane = LANES[(this.turn + i) % LANES.length];
      if (this.lanes[lane].length === 0) continue;
      this.turn = (this.turn + i + 1) % LANES.length;
      return { lane, rows: this.lanes[lane].splice(0, this.batchSize) };
    }
    return undefined;
  }

  /** Puts `rows` back at the front of `lane`, dropping (and counting) what exceeds the bound. */
  private putBack(lane: Lane, rows: BufferedRow[]): void {
    const queue = this.lanes[lane];
    queue.unshift(...rows);
    if (queue.length > this.maxPending) {
      const over = queue.length - this.maxPending;
      queue.splice(0, over);
      this.options.health.lost(over);
    }
  }

  private async writeBatch(): Promise<boolean> {
    const { store, health } = this.options;
    const next = this.take();
    if (!next) {
      if (health.state === 'degraded') {
        try {
          await store.ping();
          health.recovered();
        } catch (error) {
          health.failed('ping', error);
          return false;
        }
      }
      return true;
    }
    this.inFlight = next.rows.length;
    try {
      await store.write(batchOf(next.rows));
      this.succeeded(next.lane);
      return true;
    } catch (error) {
      if (isTransient(error)) {
        this.putBack(next.lane, next.rows);
        this.failing.add(next.lane);
        health.failed('write', error);
        return false;
      }
      return await this.writeOneByOne(next.lane, next.rows, error);
    } finally {
      this.inFlight = 0;
    }
  }

  /** A write of `lane` went through: healthy again once no lane is failing. */
  private succeeded(lane: Lane): void {
    this.failing.delete(lane);
    if (this.failing.size === 0) this.options.health.recovered();
  }

  /**
   * The database refused a batch because of its data: writes its rows one at a time, so that only
   * the rows at fault are dropped (one line for the batch). A transient failure on the way puts
   * the rest back.
   */
  private async writeOneByOne(lane: Lane, rows: BufferedRow[], first: unknown): Promise<boolean> {
    const { store, health, logger } = this.options;
    let refused = 0;
    for (let i = 0; i < rows.length; i += 1) {
      try {
        await store.write(batchOf([rows[i]]));
      } catch (error) {
        if (isTransient(error)) {
          this.putBack(lane, rows.slice(i));
          this.failing.add(lane);
          health.failed('write', error);
          if (refused > 0) health.lost(refused);
          return false;
        }
        refused += 1;
      }
    }
    logger.error(
      { component: 'store', rows: rows.length, refused, err: describeStoreError(first) },
      `store: the database refused a batch of writes; ${refused} of its ${rows.length} row(s) dropped, the rest written`,
    );
    health.lost(refused);
    this.succeeded(lane);
    return true;
  }
}
