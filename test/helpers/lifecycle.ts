/**
 * Test resources with their lifecycle in one line: started before a block's tests and closed
 * after them ({@link startedForAll}), or started by a test and stopped after it
 * ({@link stoppedAfterEach}), instead of a `let` and a `beforeAll`/`afterAll` pair in every file.
 */

/** A resource closed with `close()` (the fakes). */
export interface Closable {
  close(): Promise<unknown> | unknown;
}

/**
 * Runs `start()` in `beforeAll` of the enclosing `describe` (or file) and closes what it returned
 * in `afterAll` (`close()`, or `stop` when given). The function returned gives the started value
 * inside tests and hooks; it throws when called before the start (e.g. while tests are collected).
 *
 * ```ts
 * const slack = startedForAll(startFakeSlack);
 * it('…', () => expect(slack().calls).toEqual([]));
 * ```
 */
export function startedForAll<T extends Closable>(start: () => Promise<T>): () => T;
export function startedForAll<T>(start: () => Promise<T>, stop: (value: T) => Promise<unknown>, timeoutMs?: number): () => T;
export function startedForAll<T>(start: () => Promise<T>, stop?: (value: T) => Promise<unknown>, timeoutMs?: number): () => T {
  let started: { value: T } | undefined;
  beforeAll(async () => {
    started = { value: await start() };
  }, timeoutMs);
  afterAll(async () => {
    if (!started) return;
    const { value } = started;
    started = undefined;
    await (stop ? stop(value) : (value as T & Closable).close());
  }, timeoutMs);
  return () => {
    if (!started) throw new Error('startedForAll: not started yet (use the value inside a test or hook)');
    return started.value;
  };
}

/**
 * Wraps `start` so that whatever a test starts with it is stopped after that test (`stop`, most
 * recent first), passed or failed. Starts that reject leave nothing to stop.
 *
 * ```ts
 * const start = stoppedAfterEach(startInProcess, (s) => s.stop());
 * it('…', async () => { const server = await start(env); … });
 * ```
 */
export function stoppedAfterEach<A extends unknown[], T>(
  start: (...args: A) => Promise<T>,
  stop: (value: T) => Promise<unknown>,
): (...args: A) => Promise<T> {
  const running: T[] = [];
  afterEach(async () => {
    for (const value of running.splice(0).reverse()) await stop(value);
  });
  return async (...args) => {
    const value = await start(...args);
    running.push(value);
    return value;
  };
}
