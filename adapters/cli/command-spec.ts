/**
 * What a command of `aws-qa` declares: its usage line, its options (node:util parseArgs option
 * specs, checked strictly) and how many positional arguments it takes. The table of commands is
 * `commands.ts`; the parser (`args.ts`) and the usage text are derived from it.
 */
import type { ParseArgsConfig } from 'node:util';
import type { Readable, Writable } from 'node:stream';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Parsed option values: a boolean for `type: 'boolean'`, a string for `type: 'string'`; absent when not given. */
export type OptionValues<O extends OptionSpecs> = {
  -readonly [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string;
};

/** Standard streams and environment of one run (the tests pass their own). */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

/** One command invocation, parsed and checked against its spec. */
export interface Invocation<O extends OptionSpecs = OptionSpecs> {
  values: OptionValues<O>;
  positionals: string[];
  io: CliIo;
}

export interface CommandSpec<O extends OptionSpecs = OptionSpecs> {
  /** What follows the command name in the usage line: `"question" [--json] [--knowledge DIR]`. */
  usage: string;
  /** One line saying what it does. */
  summary: string;
  /** Its options; any other option is refused with a one-line error. */
  options: O;
  /** Positional arguments it takes: at least `min`, at most `max` (`Infinity`: words joined by the command). */
  positionals: { min: number; max: number; name: string };
  /** Runs it; resolves with the exit code. Loads its implementation lazily (keeps `ask` fast). */
  run(call: Invocation<O>): Promise<number>;
}

/** Declares a command, typing its `run` by its own options. */
export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}
