/**
 * The options each command of `aws-qa` takes, one table per command. The command table
 * (`commands.ts`) declares its commands with these, and each command's module (`ask.ts`,
 * `check.ts`, `batch-command.ts`) types its invocation by them: both import this file, neither
 * imports the other's types, so the command table and the commands form no import cycle.
 */

/** `--knowledge DIR`: every command that reads the knowledge directory takes it. */
const KNOWLEDGE = { knowledge: { type: 'string' } } as const;

/** `--explain`: how the question was read, the candidates and the decision. */
const EXPLAIN = { explain: { type: 'boolean' } } as const;

/** Output formats of `batch` (checked by hand: zod stays out of the `ask` start-up path). */
export const FORMATS = ['text', 'slack', 'teams'] as const;
export type Format = (typeof FORMATS)[number];

/** `aws-qa ask`: `--json`, `--explain`, `--knowledge DIR`. */
export const ASK_OPTIONS = { json: { type: 'boolean' }, ...EXPLAIN, ...KNOWLEDGE } as const;

/** `aws-qa batch`: `--format` (one of {@link FORMATS}), `--explain`, `--knowledge DIR`. */
export const BATCH_OPTIONS = { format: { type: 'string' }, ...EXPLAIN, ...KNOWLEDGE } as const;

/** `aws-qa check`: `--stale AGE`, `--knowledge DIR`. */
export const CHECK_OPTIONS = { stale: { type: 'string' }, ...KNOWLEDGE } as const;

/** `aws-qa report`: `--since`, `--json` or `--csv`, `--limit N`, `--playground`, `--knowledge DIR`. */
export const REPORT_OPTIONS = {
  since: { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  limit: { type: 'string' },
  playground: { type: 'boolean' },
  ...KNOWLEDGE,
} as const;
