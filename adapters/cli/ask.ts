/** `aws-qa ask "question" [--json]`: one answer, as plain text or as the Answer's JSON. */
import { renderExplain, renderText } from '../../src/index';
import type { Invocation } from './command-spec';
import type { ASK_OPTIONS } from './command-options';
import { loadAssistant } from './knowledge-cache';
import { knowledgeDir, withKnowledge } from './knowledge-dir';

export function runAsk({ values, positionals, io }: Invocation<typeof ASK_OPTIONS>): Promise<number> {
  const question = positionals.join(' ').trim();
  return withKnowledge(knowledgeDir(values.knowledge, io.env), io, (dir) => {
    const { answer, intent, explain } = loadAssistant(dir, io.env).route(question, { explain: values.explain === true });
    if (values.json) io.stdout.write(`${JSON.stringify(explain ? { ...answer, intent, explain } : answer, null, 2)}\n`);
    else io.stdout.write(`${renderText(answer)}\n${explain ? `\n${renderExplain(explain)}\n` : ''}`);
    return 0;
  });
}
