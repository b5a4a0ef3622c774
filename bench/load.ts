/**
 * Shared load generation for the throughput benchmarks. autocannon runs in one long-lived worker
 * thread, so the load generator shares the machine's cores with the servers under test (as it
 * would on a small host) but not their event loop: the servers' thread does only server work. A
 * run's throughput is its completed requests over its measured duration.
 *
 * Ratios against a baseline are per round (target and baseline loaded in the same round), and
 * the row reports their median, so a burst of machine noise in one round does not decide it.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import type autocannon from 'autocannon';
import type { BenchRow } from './bench-row';

/** One target's measurement. Latencies in ms. */
export interface Load {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  requests: number;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require(workerData.autocannon);
parentPort.on('message', async ({ url, requests, seconds, connections }) => {
  try {
    const options = { url, connections, duration: seconds, requests };
    // Off the main thread autocannon returns raw histograms; aggregateResult is its documented way to finish them.
    const r = autocannon.aggregateResult([await autocannon(options)], options);
    parentPort.postMessage({ load: {
      rps: r.requests.total / Math.max(r.duration, 0.001), p50: r.latency.p50, p99: r.latency.p99,
      non2xx: r.non2xx, errors: r.errors + r.timeouts, requests: r.requests.total,
    } });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.stack || error) });
  }
});
`;

/** autocannon in a worker thread; one run at a time. */
export class LoadGenerator {
  private constructor(private readonly worker: Worker) {}

  static start(): LoadGenerator {
    return new LoadGenerator(new Worker(WORKER_SOURCE, { eval: true, workerData: { autocannon: require.resolve('autocannon') } }));
  }

  /** Loads `url` for `seconds` with `connections` connections cycling through `requests`; rejects if the worker fails. */
  run(url: string, requests: autocannon.Request[], seconds: number, connections: number): Promise<Load> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => {
        done();
        reject(error);
      };
      const onExit = (code: number): void => {
        done();
        reject(new Error(`load generator exited (code ${code})`));
      };
      const onMessage = (m: { load?: Load; error?: string }): void => {
        done();
        if (m.load) resolve(m.load);
        else reject(new Error(m.error));
      };
      const done = (): void => {
        this.worker.off('error', onError).off('exit', onExit).off('message', onMessage);
      };
      this.worker.on('error', onError).on('exit', onExit).on('message', onMessage);
      this.worker.postMessage({ url, requests, seconds, connections });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Every order of `0..n-1`, in lexicographic order. */
function permutations(n: number): number[][] {
  if (n <= 1) return [[0].slice(0, n)];
  return permutations(n - 1)
    .flatMap((p) => Array.from({ length: n }, (_, at) => [...p.slice(0, at), n - 1, ...p.slice(at)]))
    .sort((a, b) => a.join(',').localeCompare(b.join(',')));
}

/**
 * Loads every target `rounds` times for `seconds` each, after a warm-up of `warmup` seconds
 * each. Round r uses the r-th of all orders of the targets (cycling), so over every n! rounds
 * each target takes each position equally often, and within rounds each target runs right after
 * each other target equally often: neither drift, position nor the state a previous target leaves
 * (its garbage, a warm JIT) favours one. Use a multiple of n! as `rounds`. Returns each target's
 * loads, round by round.
 */
export async function loadInRounds(
  gen: LoadGenerator,
  urls: string[],
  requests: autocannon.Request[],
  o: { rounds: number; seconds: number; warmup: number; connections: number },
): Promise<Load[][]> {
  for (const url of urls) await gen.run(url, requests, o.warmup, o.connections);
  const runs: Load[][] = urls.map(() => []);
  const orders = permutations(urls.length);
  for (let round = 0; round < o.rounds; round += 1) {
    const order = orders[round % orders.length];
    for (const i of order) runs[i].push(await gen.run(urls[i], requests, o.seconds, o.connections));
  }
  return runs;
}

/**
 * The rounds both throughput benchmarks run: 20 connections, 1 s of warm-up per target, then 12
 * rounds of 2 s per target (12 is a multiple of 3! and 2!, the orders of their target sets).
 */
export const THROUGHPUT_ROUNDS = { rounds: 12, seconds: 2, warmup: 1, connections: 20 } as const;

/** A target: `listener` on a bare `node:http` server on 127.0.0.1 (a free port), and how to close it. */
export async function serveOnLoopback(listener: RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The mean of several loads of the same target. */
export function meanLoad(loads: Load[]): Load {
  const avg = (f: (l: Load) => number) => loads.reduce((sum, l) => sum + f(l), 0) / loads.length;
  return {
    rps: avg((l) => l.rps),
    p50: avg((l) => l.p50),
    p99: avg((l) => l.p99),
    non2xx: avg((l) => l.non2xx),
    errors: avg((l) => l.errors),
    requests: avg((l) => l.requests),
  };
}

/** The median over rounds of `target`'s throughput over `base`'s in the same round. */
export function medianRatio(target: Load[], base: Load[]): number {
  const ratios = target.map((t, i) => t.rps / base[i].rps).sort((a, b) => a - b);
  const mid = ratios.length >> 1;
  return ratios.length % 2 ? ratios[mid] : (ratios[mid - 1] + ratios[mid]) / 2;
}

/**
 * A throughput row: `target` against `base` round by round (same run), with the usual ≥ 0.9 ratio
 * target, or without a target when `informational` (a diagnostic variant, not what is deployed).
 */
export function throughputRow(name: string, target: Load[], base: Load[], baselineName: string, informational = false): BenchRow {
  const ratio = medianRatio(target, base);
  const row: BenchRow = {
    name,
    value: Math.round(meanLoad(target).rps),
    unit: 'req/s',
    baseline: Math.round(meanLoad(base).rps),
    baselineName,
    ratio: Number(ratio.toFixed(3)),
  };
  return informational ? row : { ...row, target: 'ratio >= 0.9 (median of rounds)', pass: ratio >= 0.9 };
}

/** Throws (naming `bench` and the target) when any of the named targets answered a non-2xx or failed in its rounds. */
export function assertAllAnswered(bench: string, targets: readonly (readonly [name: string, loads: Load[]])[]): void {
  for (const [name, loads] of targets) {
    const r = meanLoad(loads);
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`${bench}: ${name} answered ${r.non2xx} non-2xx and ${r.errors} errors per round`);
  }
}

/** A p99 latency row: `target`'s mean p99 over the rounds against `base`'s (ratio base / target: higher is better). */
export function latencyRow(name: string, target: Load[], base: Load[], baselineName: string): BenchRow {
  const [t, b] = [meanLoad(target), meanLoad(base)];
  return { name, value: t.p99, unit: 'ms', baseline: b.p99, baselineName, ratio: Number((b.p99 / Math.max(t.p99, 0.001)).toFixed(3)) };
}
