/** `aws-qa batch [--format text|slack|teams]`: the batch protocol (`batch.ts`) over standard input and output. */
import type { Invocation } from './command-spec';
import { FORMATS, type BATCH_OPTIONS, type Format } from './command-options';
import type { Renderer } from './batch';
import { loadAssistant } from './knowledge-cache';
import { knowledgeDir, withKnowledge } from './knowledge-dir';

const isFormat = (value: unknown): value is Format => (FORMATS as readonly unknown[]).includes(value);

/** The platform renderer for `--format`, loaded only when asked for. */
function rendererFor(format: Format): Renderer | undefined {
  if (format === 'slack') return (require('../slack/render') as { renderSlack: Renderer }).renderSlack;
  if (format === 'teams') return (require('../teams/render') as { renderTeams: Renderer }).renderTeams;
  return undefined;
}

export async function runBatchCommand({ values, io }: Invocation<typeof BATCH_OPTIONS>): Promise<number> {
  const format = values.format ?? 'text';
  if (!isFormat(format)) {
    io.stderr.write(`aws-qa: --format must be text, slack or teams (got "${format}")\n`);
    return 2;
  }
  let render: Renderer | undefined;
  try {
    render = rendererFor(format);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err;
    io.stderr.write(`aws-qa: --format ${format} is not available: its renderer is not built\n`);
    return 2;
  }
  // Loaded here: the batch protocol's zod schemas stay out of `ask`'s start-up.
  const { runBatch } = require('./batch') as typeof import('./batch');
  return withKnowledge(knowledgeDir(values.knowledge, io.env), io, async (dir) => {
    await runBatch(loadAssistant(dir, io.env), io.stdin, io.stdout, render, values.explain === true);
    return 0;
  });
}
