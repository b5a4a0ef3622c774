/**
 * Buffered writes, off the request path: adapters {@link WriteBuffer.add} a question or a vote and
 * return at once; a timer writes what is pending in batches (one transaction each). Bounded: each
 * lane keeps at most `maxPending` rows, and beyond it the oldest is dropped and counted as lost.
 * Playground rows (`web`) have their own lane, so a flood of anonymous playground votes can never
 * push out a Slack or Teams row.
 *
 * When a write fails, the batch goes back to the front and the store is pinged: unreachable means
 * degraded (retried every `retryMs` until it answers again); reachable means the batch itself was
 * refused, and it is dropped (counted, logged) rather than retried for ever.
 */
import type { QuestionRow, Store, VoteRow } from './store';
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
  /** Pause between attempts while degraded, in ms. Default 1,000. */
  retryMs?: number;
}

type Lane = 'platform' | 'playground';

export class WriteBuffer {
  private readonly lanes: Record<Lane, BufferedRow[]> = { platform: [], playground: [] };
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private closed = false;
  private readonly maxPending: number;
  private readonly batchSize: number;

  constructor(private readonly options: WriteBufferOptions) {
    this.maxPending = options.maxPending ?? 10_000;
    this.batchSize = options.batchSize ?? 500;
    if (this.maxPending < 1 || this.batchSize < 1) throw new RangeError('WriteBuffer: maxPending and batchSize must be at least 1');
  }

  /** Rows waiting to be written. */
  get pending(): number {
    return this.lanes.platform.length + this.lanes.playground.length;
  }

  /** Queues a row (never waits, never throws); drops the lane's oldest row beyond the bound. */
  add(item: BufferedRow): void {
    if (this.closed) {
      this.options.health.lost(1);
      return;
    }
    const lane = this.lanes[item.row.platform === 'web' ? 'playground' : 'platform'];
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
    return ok;
  }

  /** Writes until nothing is pending or a write fails; resolves `true` when all was written. */
  async drain(): Promise<boolean> {
    while (this.pending > 0) if (!(await this.flushOnce())) return false;
    return true;
  }

  /**
   * Stops the timer and writes what is pending, for at most `timeoutMs`; what could not be written
   * is counted as lost and logged.
   */
  async close(timeoutMs = 5000): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const deadline = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
    await Promise.race([this.drain(), deadline]);
    const left = this.pending;
    this.lanes.platform = [];
    this.lanes.playground = [];
    this.options.health.lost(left);
    this.options.health.flushLossLog(true);
  }

  private schedule(ms: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flushOnce().then((ok) => {
        this.options.health.tick();
        if (!ok) this.schedule(this.options.retryMs ?? 1000);
        // A full batch waiting: write it at once (the bound is for outages, not for bursts).
        else if (this.pending > 0) this.schedule(this.pending >= this.batchSize ? 0 : (this.options.flushMs ?? 200));
      });
    }, ms);
    this.timer.unref();
  }

  private take(): BufferedRow[] {
    const first = this.lanes.platform.splice(0, this.batchSize);
    return first.length < this.batchSize ? first.concat(this.lanes.playground.splice(0, this.batchSize - first.length)) : first;
  }

  private putBack(rows: BufferedRow[]): void {
    const platform = rows.filter((r) => r.row.platform !== 'web');
    const playground = rows.filter((r) => r.row.platform === 'web');
    for (const [name, back] of [
      ['platform', platform],
      ['playground', playground],
    ] as const) {
      const lane = this.lanes[name];
      lane.unshift(...back);
      if (lane.length > this.maxPending) {
        const over = lane.length - this.maxPending;
        lane.splice(0, over);
        this.options.health.lost(over);
      }
    }
  }

  private async writeBatch(): Promise<boolean> {
    const { store, health } = this.options;
    const rows = this.take();
    if (rows.length === 0) {
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
    const questions: QuestionRow[] = [];
    const votes: VoteRow[] = [];
    for (const r of rows) {
      if (r.kind === 'question') questions.push(r.row);
      else votes.push(r.row);
    }
    try {
      await store.write({ questions, votes });
      health.recovered();
      return true;
    } catch (error) {
      const reachable = await store.ping().then(
        () => true,
        () => false,
      );
      if (reachable) {
        this.options.logger.error(
          { component: 'store', rows: rows.length, err: describeStoreError(error) },
          'store: the database refused a batch of writes; dropped',
        );
        health.lost(rows.length);
        return true;
      }
      this.putBack(rows);
      health.failed('write', error);
      return false;
    }
  }
}
