/**
 * The store's health as the server reports it: `ok`, or `degraded` while the database cannot be
 * written (answers still go out; `/healthz` stays 200 and says `"store": "degraded"`). Only a
 * write (or, with nothing to write, a ping) ends an outage: a database that answers pings but
 * refuses writes (a lock held, a full disk) stays degraded. Logged: one line when an outage starts,
 * one when it ends, and at most one per interval meanwhile (failed attempts, rows lost, rows
 * refused at the edge), never one per write.
 */

/** The logging the store needs (pino's signature, without importing it). */
export interface StoreLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export type StoreState = 'ok' | 'degraded';

export interface StoreHealthSnapshot {
  state: StoreState;
  /** Writes lost since start. */
  lost: number;
  /** Rows refused at the store's edge since start (a bad field: see `stored-fields.ts`). */
  refused?: number;
  /** Since when the store is degraded (ISO), when it is. */
  degradedSince?: string;
  /** The last failure's code or message, when degraded. */
  lastError?: string;
}

/** A failure as a short loggable value: its code and message, never a connection string. */
export function describeStoreError(error: unknown): { code?: string; message: string } {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  // Cut before the scan, and userinfo bounded (a pattern retried from every `x://` of a long message was quadratic).
  const message = String(e?.message ?? error)
    .slice(0, 1000)
    .replace(/\b[a-z][a-z0-9+.-]{0,31}:\/\/[^\s/?#@]{0,1024}@/gi, '<url>@')
    .slice(0, 300);
  return typeof e?.code === 'string' ? { code: e.code, message } : { message };
}

export class StoreHealth {
  private degradedAt: number | undefined;
  private lastError: string | undefined;
  private totalLost = 0;
  private windowLost = 0;
  private totalRefused = 0;
  private windowRefused = 0;
  private windowFailures = 0;
  private windowStart: number;
  private readonly intervalMs: number;
  private readonly now: () => number;

  /** `intervalMs`: at most one loss line per interval (default 60 s). */
  constructor(
    private readonly logger: StoreLogger,
    options: { intervalMs?: number; now?: () => number } = {},
  ) {
    this.intervalMs = options.intervalMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.windowStart = this.now();
  }

  get state(): StoreState {
    return this.degradedAt === undefined ? 'ok' : 'degraded';
  }

  /** A write or claim failed: the first failure of an outage is logged at once, later ones are not. */
  failed(what: string, error: unknown): void {
    const err = describeStoreError(error);
    this.lastError = err.code ?? err.message;
    this.windowFailures += 1;
    if (this.degradedAt !== undefined) return;
    this.degradedAt = this.now();
    this.logger.warn(
      { component: 'store', what, err },
      'store degraded: the database cannot be written; answers go on, writes are buffered (bounded) and de-duplication is per process until it returns',
    );
  }

  /** A write or ping succeeded: ends an outage (logged once). */
  recovered(): void {
    if (this.degradedAt === undefined) return;
    const downMs = this.now() - this.degradedAt;
    this.degradedAt = undefined;
    this.lastError = undefined;
    this.flushLossLog(true);
    this.logger.info({ component: 'store', downMs }, 'store recovered: writing resumed');
  }

  /** `count` writes were lost (`why`: over the bound, rejected by the database, pending at shutdown). */
  lost(count: number): void {
    if (count <= 0) return;
    this.totalLost += count;
    this.windowLost += count;
    this.tick();
  }

  /** A row was refused at the store's edge (`field` at fault; never its value). Counted, logged per interval. */
  refused(kind: string, field: string): void {
    this.totalRefused += 1;
    this.windowRefused += 1;
    this.lastRefused = `${kind}.${field}`;
    this.tick();
  }

  private lastRefused: string | undefined;

  /**
   * Once the current interval is over (called by the write loop): logs its losses, its refused
   * rows, and, while degraded, how many attempts failed (the periodic count of an outage).
   */
  tick(): void {
    if (this.now() - this.windowStart < this.intervalMs) return;
    if (this.degradedAt !== undefined && this.windowFailures > 0) {
      this.logger.warn(
        {
          component: 'store',
          failedAttempts: this.windowFailures,
          lostTotal: this.totalLost,
          degradedMs: this.now() - this.degradedAt,
          lastError: this.lastError,
        },
        `store still degraded: ${this.windowFailures} failed attempt(s) in the last ${Math.round((this.now() - this.windowStart) / 1000)} s`,
      );
    }
    this.windowFailures = 0;
    if (this.windowRefused > 0) {
      this.logger.warn(
        { component: 'store', refused: this.windowRefused, refusedTotal: this.totalRefused, lastField: this.lastRefused },
        `store: ${this.windowRefused} row(s) refused (a field failed validation; not written)`,
      );
      this.windowRefused = 0;
    }
    this.flushLossLog(false);
  }

  /** Logs the losses not yet logged (e.g. at shutdown). */
  flushLossLog(force = true): void {
    if (this.windowLost > 0 && (force || this.now() - this.windowStart >= this.intervalMs)) {
      this.logger.warn(
        { component: 'store', lost: this.windowLost, lostTotal: this.totalLost, sinceMs: this.now() - this.windowStart },
        `store: ${this.windowLost} write(s) lost`,
      );
      this.windowLost = 0;
    }
    if (this.windowLost === 0) this.windowStart = this.now();
  }

  snapshot(): StoreHealthSnapshot {
    return {
      state: this.state,
      lost: this.totalLost,
      ...(this.totalRefused > 0 ? { refused: this.totalRefused } : {}),
      ...(this.degradedAt !== undefined ? { degradedSince: new Date(this.degradedAt).toISOString(), lastError: this.lastError } : {}),
    };
  }
}
