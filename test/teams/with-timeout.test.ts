/** withTimeout: settles like the work, or rejects with TimeoutError; never leaves an unhandled rejection. */
import { TimeoutError, withTimeout } from '../../adapters/teams/with-timeout';

describe('withTimeout', () => {
  it('resolves with the value of work that settles in time', async () => {
    await expect(withTimeout(Promise.resolve(42), 1000, 'reply')).resolves.toBe(42);
  });

  it('rejects with the error of work that fails in time', async () => {
    const error = new Error('connector said 502');
    await expect(withTimeout(Promise.reject(error), 1000, 'reply')).rejects.toBe(error);
  });

  it('rejects with a TimeoutError naming the work when it does not settle in time', async () => {
    const never = new Promise<never>(() => undefined);
    const outcome = withTimeout(never, 20, 'card update');
    await expect(outcome).rejects.toBeInstanceOf(TimeoutError);
    await expect(outcome).rejects.toThrow('card update did not complete within 20 ms');
  });

  it('swallows a rejection that comes after the timeout (no unhandled rejection)', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      let fail: (e: Error) => void = () => undefined;
      const late = new Promise<never>((_, reject) => {
        fail = reject;
      });
      await expect(withTimeout(late, 10, 'reply')).rejects.toBeInstanceOf(TimeoutError);
      fail(new Error('too late'));
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('clears its timer once the work settles (nothing left pending)', async () => {
    jest.useFakeTimers();
    try {
      const outcome = withTimeout(Promise.resolve('ok'), 10_000, 'reply');
      await expect(outcome).resolves.toBe('ok');
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
