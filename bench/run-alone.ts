/** Running one benchmark module on its own (`node dist/bench/<name>.js`) instead of through `bench/run.ts`. */
import type { BenchRow } from './bench-row';

/** Prints the rows as a table once they arrive; a failure is printed and sets exit code 1. */
export function printRows(rows: Promise<BenchRow[]>): void {
  rows.then(
    (r) => console.table(r),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

/** When `module` is the process's entry point, runs `bench` and prints its rows ({@link printRows}). */
export function runIfMain(module: NodeModule, bench: () => Promise<BenchRow[]>): void {
  if (require.main === module) printRows(bench());
}
