/** Runs the `aws-qa` command in-process (no build, no child process), with its output captured. */
import { Readable, Writable } from 'node:stream';
import { main } from '../../adapters/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** A stream that keeps what is written to it. */
function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

/** Runs `aws-qa <argv>` with exactly `env` and empty standard input; resolves with the exit code and both outputs. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const stdout = capture();
  const stderr = capture();
  const code = await main(argv, { stdin: Readable.from([]), stdout: stdout.stream, stderr: stderr.stream, env });
  return { code, out: stdout.text(), err: stderr.text() };
}
