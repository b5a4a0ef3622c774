/** Command-line arguments of `aws-qa`, parsed and checked with node:util's parseArgs. */
import { parseArgs } from 'node:util';

export const USAGE = `usage:
  aws-qa ask "question" [--json] [--knowledge DIR]
  aws-qa batch [--format text|slack|teams] [--knowledge DIR]   JSONL {"id","question"} on stdin
  aws-qa check [--knowledge DIR]
The knowledge directory defaults to $KNOWLEDGE_DIR, else ./knowledge.`;

/** Output formats of `batch` (checked by hand: zod stays out of the `ask` start-up path). */
export const FORMATS = ['text', 'slack', 'teams'] as const;
export type Format = (typeof FORMATS)[number];

const isFormat = (value: unknown): value is Format => (FORMATS as readonly unknown[]).includes(value);

export type Command =
  | { name: 'ask'; question: string; json: boolean; knowledgeDir: string }
  | { name: 'batch'; format: Format; knowledgeDir: string }
  | { name: 'check'; knowledgeDir: string }
  | { name: 'help' };

/** Parses argv (without node and script); throws an Error whose message is meant for the user. */
export function parseCommand(argv: string[], env: NodeJS.ProcessEnv): Command {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      knowledge: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const knowledgeDir = values.knowledge ?? env.KNOWLEDGE_DIR ?? './knowledge';
  const [name, ...rest] = positionals;
  if (values.help || !name || name === 'help') return { name: 'help' };
  switch (name) {
    case 'ask': {
      const question = rest.join(' ').trim();
      if (!question) throw new Error('ask needs a question, e.g. aws-qa ask "SLA for EKS"');
      return { name, question, json: values.json ?? false, knowledgeDir };
    }
    case 'batch': {
      if (!isFormat(values.format)) throw new Error(`--format must be text, slack or teams (got "${values.format}")`);
      return { name, format: values.format, knowledgeDir };
    }
    case 'check':
      return { name, knowledgeDir };
    default:
      throw new Error(`unknown command "${name}"`);
  }
}
