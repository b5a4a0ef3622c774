/**
 * Shared load-generation helpers for the throughput benchmarks: one autocannon run, the mean of
 * interleaved rounds, and a ratio row against a baseline measured in the same run.
 */
import autocannon from 'autocannon';
import type { BenchRow } from './bench-row';

/** One target's measurement. Latencies in ms. */
export interface Load { rps: number; p50: number; p99: number; non2xx: number; errors: number; requests: number }

/** Loads `url` for `seconds` with `connections` connections cycling through `requests`. */
export async function loadTarget(url: string, requests: autocannon.Request[], seconds: number, connections: number): Promise<Load> {
  const r = await autocannon({ url, connections, duration: seconds, requests });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts, requests: r.requests.total };
}

/** The mean of several loads of the same target. */
export function meanLoad(loads: Load[]): Load {
  const avg = (f: (l: Load) => number) => loads.reduce((sum, l) => sum + f(l), 0) / loads.length;
  return { rps: avg((l) => l.rps), p50: avg((l) => l.p50), p99: avg((l) => l.p99), non2xx: avg((l) => l.non2xx), errors: avg((l) => l.errors), requests: avg((l) => l.requests) };
}

/** A throughput row: `r` against `base` (same run), with the usual ≥ 0.9 ratio target. */
export function throughputRow(name: string, r: Load, base: Load, baselineName: string): BenchRow {
  const ratio = r.rps / base.rps;
  return {
    name, value: Math.round(r.rps), unit: 'req/s', baseline: Math.round(base.rps), baselineName,
    ratio: Number(ratio.toFixed(3)), target: 'ratio >= 0.9', pass: ratio >= 0.9,
  };
}
