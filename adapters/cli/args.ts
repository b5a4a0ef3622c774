/**
 * The command line of `aws-qa`, parsed with node:util's parseArgs against the command table
 * (`commands.ts`): each command's own options only (strict), its own number of positional
 * arguments, and one-line messages meant for the user (`ask does not take --format (batch takes
 * it)`, `check takes no argument (got "extra")`).
 */
import { parseArgs } from 'node:util';
import type { OptionSpecs, OptionValues } from './command-spec';
import { COMMANDS, type CommandName } from './commands';

/** A mistake on the command line: `message` is one line for the user (empty: print the usage only). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type CommandLine =
  | { kind: 'help'; command?: CommandName }
  | { kind: 'version' }
  | { kind: 'run'; name: CommandName; values: OptionValues<OptionSpecs>; positionals: string[] };

const HELP = { help: { type: 'boolean', short: 'h' } } as const;
const GLOBAL = { ...HELP, version: { type: 'boolean' } } as const;

const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);
const names = (): string => Object.keys(COMMANDS).join(', ');

/** The usage text, one entry per command of the table. */
export function usage(): string {
  const lines = ['usage: aws-qa <command> [options]', ''];
  for (const [name, spec] of Object.entries(COMMANDS)) lines.push(`  aws-qa ${name} ${spec.usage}`, `      ${spec.summary}`);
  lines.push('  aws-qa --help | --version', '', '--knowledge DIR defaults to $KNOWLEDGE_DIR, else ./knowledge in the current directory.');
  return lines.join('\n');
}

/** Parses argv (without node and the script); throws {@link UsageError}. */
export function parseCommandLine(argv: string[]): CommandLine {
  if (argv.length === 0) throw new UsageError('');
  // Find the command word first, with every option any command takes (so `--knowledge DIR check` works).
  const every: OptionSpecs = { ...GLOBAL };
  for (const spec of Object.values(COMMANDS)) Object.assign(every, spec.options);
  const { values, tokens } = parseArgs({ args: argv, options: every, strict: false, allowPositionals: true, tokens: true });
  const word = tokens.find((t) => t.kind === 'positional');
  if (!word) {
    if (values.version && argv.length === 1) return { kind: 'version' };
    if (values.help && argv.length === 1) return { kind: 'help' };
    throw new UsageError(explainGlobal(argv));
  }
  const name = word.value;
  const rest = argv.filter((_, i) => i !== word.index);
  if (name === 'help') {
    const topic = rest.find((a) => !a.startsWith('-'));
    return { kind: 'help', command: topic && isCommand(topic) ? topic : undefined };
  }
  if (!isCommand(name)) throw new UsageError(`unknown command "${name}" (the commands are ${names()})`);
  const spec = COMMANDS[name];
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...spec.options, ...HELP }, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(explainOption(name, spec.options, rest, err));
  }
  const { help, ...own } = parsed.values;
  if (help) return { kind: 'help', command: name };
  const { min, max, name: what } = spec.positionals;
  const got = parsed.positionals;
  if (got.length < min) throw new UsageError(`${name} needs a ${what}: aws-qa ${name} ${spec.usage}`);
  if (got.length > max) {
    const extra = got
      .slice(max)
      .map((p) => `"${p}"`)
      .join(' ');
    throw new UsageError(
      max === 0 ? `${name} takes no ${what} (got ${extra})` : `${name} takes at most ${max} ${what}s (got ${extra} too)`,
    );
  }
  return { kind: 'run', name, values: own as OptionValues<OptionSpecs>, positionals: got };
}

/** Why options without a command are refused: an unknown one, or a global one with company. */
function explainGlobal(argv: string[]): string {
  const unknown = argv.find((a) => a.startsWith('-') && !['--version', '--help', '-h'].includes(a.split('=')[0]));
  if (unknown) return `unknown option ${unknown.split('=')[0]} (a command comes first: ${names()})`;
  if (argv.length > 1) return `${argv[0]} takes nothing else (got ${argv.slice(1).join(' ')})`;
  return `no command given (the commands are ${names()})`;
}

/** One line naming the option that `name` refused, from the tokens of a lenient parse of `args`. */
function explainOption(name: CommandName, options: OptionSpecs, args: string[], err: unknown): string {
  const { tokens } = parseArgs({ args, options: { ...options, ...HELP }, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const spec = options[t.name] ?? (t.name === 'help' ? HELP.help : undefined);
    if (!spec) {
      const takers = Object.entries(COMMANDS)
        .filter(([, c]) => Object.hasOwn(c.options, t.name))
        .map(([n]) => n);
      if (takers.length === 0) return `unknown option ${t.rawName}`;
      return `${name} does not take ${t.rawName} (${takers.join(' and ')} ${takers.length > 1 ? 'take' : 'takes'} it)`;
    }
    if (spec.type === 'string' && (t.value === undefined || (!t.inlineValue && t.value.startsWith('-')))) {
      return `${t.rawName} needs a value`;
    }
    if (spec.type === 'boolean' && t.inlineValue) return `${t.rawName} takes no value (got "${t.rawName}=${String(t.value)}")`;
  }
  return (err as Error).message;
}
