/**
 * One knowledge reload at a time, and none lost: {@link ReloadCoalescer.run} starts the job when
 * none runs; a call while one runs is coalesced into exactly one more run after it (however many
 * calls came meanwhile, with the last caller's reason), and every caller gets the result of the
 * last run, the one that saw every change asked for. Each run starts off the caller's call stack
 * (a file event or a signal handler never builds a knowledge base inline).
 */
export class ReloadCoalescer<T> {
  private running: Promise<T> | undefined;
  private again: string | undefined;

  /** `job(reason)`: one reload; its rejection rejects every waiting caller (the job reports its own failures). */
  constructor(private readonly job: (reason: string) => Promise<T>) {}

  /** Runs the job now, or once more after the running one; resolves with the last run's result. */
  run(reason: string): Promise<T> {
    if (this.running) {
      this.again = reason;
      return this.running;
    }
    this.running = (async () => {
      let next: string | undefined = reason;
      let result: T;
      do {
        const current: string = next;
        this.again = undefined;
        await new Promise<void>((resolve) => setImmediate(resolve));
        result = await this.job(current);
        next = this.again;
      } while (next !== undefined);
      return result;
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** True while a run (or its coalesced rerun) is in progress. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Resolves once no run is in progress (a failed run included). */
  async settled(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }
}
