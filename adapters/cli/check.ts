/**
 * `aws-qa check [--stale AGE]`: every problem of the knowledge directory with its file and line;
 * exit 1 on an error. With `--stale`, also the files reviewed longer ago than AGE (or never), and
 * exit 1 when any is (see `check-stale.ts`).
 */
import { checkKnowledge, formatProblem } from '../../src/index';
import type { Invocation } from './command-spec';
import type { CHECK_OPTIONS } from './command-options';
import { reportStale, staleCutoff } from './check-stale';
import { knowledgeDir, withKnowledge } from './knowledge-dir';

export async function runCheck({ values, io }: Invocation<typeof CHECK_OPTIONS>): Promise<number> {
  let cutoff: string | undefined;
  try {
    cutoff = values.stale === undefined ? undefined : staleCutoff(values.stale);
  } catch (error) {
    io.stderr.write(`aws-qa check: ${(error as Error).message}\n`);
    return 2;
  }
  return withKnowledge(knowledgeDir(values.knowledge, io.env), io, (dir) => {
    const problems = checkKnowledge(dir);
    for (const p of problems) io.stdout.write(`${formatProblem(p)}\n`);
    const errors = problems.filter((p) => p.severity === 'error').length;
    io.stdout.write(errors ? `${dir}: ${errors} error(s)\n` : `${dir}: ok\n`);
    const stale = cutoff === undefined ? 0 : reportStale(dir, cutoff, io);
    return errors || stale ? 1 : 0;
  });
}
