/**
 * One line of the benchmark table. Every benchmark module exports an async function returning
 * rows; `bench/run.ts` prints them as one table and writes `bench/results.json`.
 * Ratios are always against a baseline measured in the same run (machines are noisy).
 */
export interface BenchRow {
  /** What was measured, e.g. `slack /aws throughput`. */
  name: string;
  /** The measurement. */
  value: number;
  /** Its unit, e.g. `req/s`, `ms`, `MB`. */
  unit: string;
  /** The same measurement of the baseline in the same run, when there is one. */
  baseline?: number;
  /** What the baseline is, e.g. `no-op Bolt app`. */
  baselineName?: string;
  /** value / baseline (or baseline / value for latencies, so higher is always better). */
  ratio?: number;
  /** The target, in words, e.g. `ratio >= 0.9`. */
  target?: string;
  /** Whether the target is met, when there is one. */
  pass?: boolean;
}
