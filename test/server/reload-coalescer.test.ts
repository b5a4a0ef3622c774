/** One reload at a time; calls meanwhile coalesced into exactly one more, whose result every caller gets. */
import { ReloadCoalescer } from '../../adapters/server/reload-coalescer';

/** A job whose runs wait for the test to finish them: each run is recorded with its reason. */
function gatedJob() {
  const runs: { reason: string; finish: (value: number) => void }[] = [];
  const job = (reason: string): Promise<number> => new Promise<number>((resolve) => void runs.push({ reason, finish: resolve }));
  return { job, runs };
}

const until = async (predicate: () => boolean): Promise<void> => {
  while (!predicate()) await new Promise<void>((resolve) => setImmediate(resolve));
};

describe('ReloadCoalescer', () => {
  it('runs once when called once', async () => {
    const { job, runs } = gatedJob();
    const coalescer = new ReloadCoalescer(job);
    const result = coalescer.run('a');
    expect(coalescer.busy).toBe(true);
    await until(() => runs.length === 1);
    runs[0].finish(1);
    expect(await result).toBe(1);
    expect(coalescer.busy).toBe(false);
    expect(runs.map((r) => r.reason)).toEqual(['a']);
  });

  it('coalesces calls made while a run is in progress into one more run, with the last reason; every caller gets its result', async () => {
    const { job, runs } = gatedJob();
    const coalescer = new ReloadCoalescer(job);
    const first = coalescer.run('a');
    await until(() => runs.length === 1);
    const later = [coalescer.run('b'), coalescer.run('c')];
    runs[0].finish(1);
    await until(() => runs.length === 2);
    expect(runs.map((r) => r.reason)).toEqual(['a', 'c']);
    runs[1].finish(2);
    expect(await Promise.all([first, ...later])).toEqual([2, 2, 2]);
    await coalescer.settled();
    expect(runs).toHaveLength(2);
  });

  it('starts each run off the caller’s call stack', () => {
    const { job, runs } = gatedJob();
    void new ReloadCoalescer(job).run('a');
    expect(runs).toHaveLength(0);
  });

  it('rejects its callers when a run throws, and runs again on the next call', async () => {
    let calls = 0;
    const coalescer = new ReloadCoalescer(async () => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
      return true;
    });
    await expect(coalescer.run('a')).rejects.toThrow('boom');
    await coalescer.settled();
    expect(await coalescer.run('b')).toBe(true);
  });
});
