/** `aws-qa check`: every problem of the knowledge directory with its file and line; exit 1 on an error. */
import { checkKnowledge, formatProblem } from '../../src/index';
import type { Invocation } from './command-spec';
import type { COMMANDS } from './commands';
import { knowledgeDir, withKnowledge } from './knowledge-dir';

export function runCheck({ values, io }: Invocation<(typeof COMMANDS)['check']['options']>): Promise<number> {
  return withKnowledge(knowledgeDir(values.knowledge, io.env), io, (dir) => {
    const problems = checkKnowledge(dir);
    for (const p of problems) io.stdout.write(`${formatProblem(p)}\n`);
    const errors = problems.filter((p) => p.severity === 'error').length;
    io.stdout.write(errors ? `${dir}: ${errors} error(s)\n` : `${dir}: ok\n`);
    return errors ? 1 : 0;
  });
}
