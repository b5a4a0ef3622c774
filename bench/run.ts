/**
 * `npm run bench`: runs every benchmark one after the other (never in parallel: they would skew
 * each other), prints one table (name, value, unit, baseline, ratio, target, pass) and writes it
 * to `bench/results.json` with the machine it ran on.
 *
 * A benchmark that throws is reported as a failed row and the others still run; the exit code is
 * 1 then. A missed target is shown in the table (`pass: no`) and does not change the exit code:
 * timings depend on the machine.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './bench-row';
import { benchDeployed } from './deployed-throughput';
import { benchEngine } from './engine';
import { benchKnowledgeScale } from './knowledge-scale';
import { repoRoot } from './repo';
import { benchServerRss } from './server-rss';
import { benchSlack } from './slack-throughput';
import { benchTeams } from './teams-throughput';

/**
 * What `npm run bench` runs. The throughput targets are measured as deployed (`deployed-throughput.ts`);
 * the in-process throughput benchmarks (the app's request listener in the bench's own process, no
 * node flags) are diagnostics, run only with `BENCH_DIAGNOSTICS=1`.
 */
export const BENCHMARKS: readonly { name: string; run: () => Promise<BenchRow[]> }[] = [
  { name: 'engine', run: benchEngine },
  { name: 'deployed', run: benchDeployed },
  { name: 'knowledge-scale', run: benchKnowledgeScale },
  { name: 'server', run: benchServerRss },
  ...(process.env.BENCH_DIAGNOSTICS === '1'
    ? [
        { name: 'slack (in-process diagnostic)', run: async () => (await benchSlack()).map(diagnostic) },
        { name: 'teams (in-process diagnostic)', run: async () => (await benchTeams()).map(diagnostic) },
      ]
    : []),
];

/** An in-process row, labelled as a diagnostic, without a target (the targets are measured as deployed). */
function diagnostic(row: BenchRow): BenchRow {
  const { target: _target, pass: _pass, ...rest } = row;
  return { ...rest, name: `[in-process diagnostic] ${row.name}` };
}

const COLUMNS = ['name', 'value', 'unit', 'baseline', 'ratio', 'target', 'pass'] as const;

function cell(row: BenchRow, column: (typeof COLUMNS)[number]): string {
  const v = row[column];
  if (v === undefined) return '';
  if (column === 'pass') return v ? 'yes' : 'NO';
  if (column === 'baseline' && row.baselineName) return `${format(v as number)} (${row.baselineName})`;
  return typeof v === 'number' ? format(v) : String(v);
}

function format(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  const abs = Math.abs(n);
  return abs >= 100 ? n.toFixed(0) : abs >= 1 ? n.toFixed(2) : n.toFixed(3);
}

/** The rows as one aligned text table. */
export function renderTable(rows: BenchRow[]): string {
  const cells = rows.map((r) => COLUMNS.map((c) => cell(r, c)));
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const line = (values: readonly string[]): string =>
    values
      .map((v, i) => (i === 1 || i === 4 ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export async function runAll(): Promise<{ rows: BenchRow[]; failed: string[] }> {
  const rows: BenchRow[] = [];
  const failed: string[] = [];
  for (const bench of BENCHMARKS) {
    const started = Date.now();
    process.stderr.write(`bench: ${bench.name}…\n`);
    try {
      rows.push(...(await bench.run()));
    } catch (error) {
      failed.push(bench.name);
      process.stderr.write(`bench: ${bench.name} failed: ${(error as Error)?.stack ?? String(error)}\n`);
      rows.push({
        name: `${bench.name}: FAILED (${(error as Error)?.message ?? String(error)})`,
        value: Number.NaN,
        unit: '',
        pass: false,
      });
    }
    process.stderr.write(`bench: ${bench.name} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  return { rows, failed };
}

async function main(): Promise<void> {
  const { rows, failed } = await runAll();
  process.stdout.write(`${renderTable(rows)}\n`);
  const out = join(repoRoot(), 'bench', 'results.json');
  const machine = {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryMb: Math.round(totalmem() / 1048576),
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
  };
  writeFileSync(
    out,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), machine, rows: rows.map((r) => ({ ...r, value: Number.isFinite(r.value) ? r.value : null })) }, null, 2)}\n`,
  );
  process.stdout.write(`\nwritten to ${out}\n`);
  if (failed.length) process.exitCode = 1;
}

if (require.main === module) void main();
