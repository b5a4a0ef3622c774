/**
 * The commands of `aws-qa`, each declared in one place: usage, options, positional arguments
 * and the module that runs it (required only when that command runs, so `ask` loads nothing
 * else).
 *
 * Adding a command is one entry here (its options in `command-options.ts`), e.g.
 *
 * ```ts
 * report: defineCommand({
 *   usage: '[--since DATE] [--json|--csv] [--knowledge DIR]',
 *   summary: 'summarize the questions asked',
 *   options: REPORT_OPTIONS, // command-options.ts
 *   positionals: NONE,
 *   run: (call) => (require('./report') as typeof import('./report')).runReport(call),
 * }),
 * ```
 *
 * The parser refuses options and arguments an entry does not declare, and the usage text lists
 * the entries in order. Every command also takes `--help`. An option name keeps one type across
 * commands (`--json` is a boolean wherever it appears): the command word is found before the
 * command is known. test/cli/args.test.ts checks every entry against these rules.
 */
import { ASK_OPTIONS, BATCH_OPTIONS, CHECK_OPTIONS, REPORT_OPTIONS } from './command-options';
import { defineCommand, type CommandSpec } from './command-spec';

/** No positional argument. */
const NONE = { min: 0, max: 0, name: 'argument' };

export const COMMANDS = {
  ask: defineCommand({
    usage: '"question" [--json] [--explain] [--knowledge DIR]',
    summary: 'answer one question: the plain-text answer, or the Answer as JSON; --explain adds how it was read and chosen',
    options: ASK_OPTIONS,
    positionals: { min: 1, max: Infinity, name: 'question' },
    run: (call): Promise<number> => (require('./ask') as typeof import('./ask')).runAsk(call),
  }),
  batch: defineCommand({
    usage: '[--format text|slack|teams] [--explain] [--knowledge DIR] < questions.jsonl',
    summary: 'answer JSON lines {"id", "question"} from standard input, one JSON line out per line; --explain adds an "explain" object',
    options: BATCH_OPTIONS,
    positionals: NONE,
    run: (call): Promise<number> => (require('./batch-command') as typeof import('./batch-command')).runBatchCommand(call),
  }),
  check: defineCommand({
    usage: '[--stale 180d] [--knowledge DIR]',
    summary:
      'validate the knowledge directory: every problem with its file and line; --stale also lists the files reviewed longer ago (or never) and fails when any is',
    options: CHECK_OPTIONS,
    positionals: NONE,
    run: (call): Promise<number> => (require('./check') as typeof import('./check')).runCheck(call),
  }),
  report: defineCommand({
    usage: '[--since 7d] [--json | --csv] [--limit N] [--playground] [--knowledge DIR]',
    summary:
      'what was asked and not answered, what was voted down, the most asked questions, totals per platform (DATA_DIR or DATABASE_URL)',
    options: REPORT_OPTIONS,
    positionals: NONE,
    run: ({ values, io }): Promise<number> => (require('./report') as typeof import('./report')).runReport(values, io),
  }),
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;
