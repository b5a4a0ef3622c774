/**
 * `aws-qa`: ask one question, answer a JSONL batch, or check a knowledge directory.
 * Exit codes: 0 ok, 1 invalid knowledge or failure, 2 usage error.
 */
import { formatProblem, KnowledgeError, checkKnowledge, renderText } from '../../src/index';
import { parseCommand, USAGE, type Command } from './args';
import type { Renderer } from './batch';
import { loadAssistant } from './knowledge-cache';

/** The platform renderer for `--format`, loaded only when asked for (keeps `ask` fast). */
function rendererFor(format: 'text' | 'slack' | 'teams'): Renderer | undefined {
  if (format === 'slack') return (require('../slack/render') as { renderSlack: Renderer }).renderSlack;
  if (format === 'teams') return (require('../teams/render') as { renderTeams: Renderer }).renderTeams;
  return undefined;
}

export async function main(argv: string[], io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  // `report` reads the store (its own options: see adapters/cli/report.ts); loaded only when used.
  if (argv[0] === 'report') return (require('./report') as typeof import('./report')).runReport(argv.slice(1), io);
  let command: Command;
  try {
    command = parseCommand(argv, io.env);
  } catch (err) {
    io.stderr.write(`aws-qa: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  try {
    switch (command.name) {
      case 'help':
        io.stdout.write(`${USAGE}\n`);
        return 0;
      case 'check': {
        const problems = checkKnowledge(command.knowledgeDir);
        for (const p of problems) io.stdout.write(`${formatProblem(p)}\n`);
        const errors = problems.filter((p) => p.severity === 'error').length;
        io.stdout.write(errors ? `${command.knowledgeDir}: ${errors} error(s)\n` : `${command.knowledgeDir}: ok\n`);
        return errors ? 1 : 0;
      }
      case 'ask': {
        const answer = loadAssistant(command.knowledgeDir, io.env).ask(command.question);
        io.stdout.write(command.json ? `${JSON.stringify(answer, null, 2)}\n` : `${renderText(answer)}\n`);
        return 0;
      }
      case 'batch': {
        const render = rendererFor(command.format);
        // Loaded here: the batch protocol's zod schemas stay out of `ask`'s start-up.
        const { runBatch } = require('./batch') as typeof import('./batch');
        await runBatch(loadAssistant(command.knowledgeDir, io.env), io.stdin, io.stdout, render);
        return 0;
      }
    }
  } catch (err) {
    if (err instanceof KnowledgeError) {
      for (const p of err.problems) io.stderr.write(`${formatProblem(p)}\n`);
      io.stderr.write(`aws-qa: the knowledge base is invalid (run aws-qa check)\n`);
      return 1;
    }
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && command.name === 'batch') {
      io.stderr.write(`aws-qa: --format ${command.format} is not available: its renderer is not built\n`);
      return 2;
    }
    io.stderr.write(`aws-qa: ${(err as Error).message}\n`);
    return 1;
  }
}
