/** `aws-qa ask "question" [--json]`: one answer, as plain text or as the Answer's JSON. */
import { renderText } from '../../src/index';
import type { Invocation } from './command-spec';
import type { COMMANDS } from './commands';
import { loadAssistant } from './knowledge-cache';
import { knowledgeDir, withKnowledge } from './knowledge-dir';

export function runAsk({ values, positionals, io }: Invocation<(typeof COMMANDS)['ask']['options']>): Promise<number> {
  const question = positionals.join(' ').trim();
  return withKnowledge(knowledgeDir(values.knowledge, io.env), io, (dir) => {
    const answer = loadAssistant(dir, io.env).ask(question);
    io.stdout.write(values.json ? `${JSON.stringify(answer, null, 2)}\n` : `${renderText(answer)}\n`);
    return 0;
  });
}
