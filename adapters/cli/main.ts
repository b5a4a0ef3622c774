/**
 * `aws-qa`: ask one question, answer a JSONL batch, or check a knowledge directory. The commands
 * and their options are declared in `commands.ts`.
 * Exit codes: 0 ok, 1 invalid knowledge or failure, 2 usage error.
 */
import { parseCommandLine, usage, UsageError, type CommandLine } from './args';
import type { CliIo, CommandSpec } from './command-spec';
import { COMMANDS } from './commands';
import { packageVersion } from './version';

const processIo = (): CliIo => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let line: CommandLine;
  try {
    line = parseCommandLine(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`${err.message ? `aws-qa: ${err.message}\n` : ''}${usage()}\n`);
    return 2;
  }
  switch (line.kind) {
    case 'help': {
      const spec = line.command && (COMMANDS[line.command] as CommandSpec);
      io.stdout.write(spec ? `usage: aws-qa ${line.command} ${spec.usage}\n  ${spec.summary}\n` : `${usage()}\n`);
      return 0;
    }
    case 'version':
      io.stdout.write(`aws-qa ${packageVersion()}\n`);
      return 0;
    case 'run':
      try {
        return await (COMMANDS[line.name] as CommandSpec).run({ values: line.values, positionals: line.positionals, io });
      } catch (err) {
        io.stderr.write(`aws-qa: ${(err as Error).message}\n`);
        return 1;
      }
  }
}
