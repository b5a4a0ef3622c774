/**
 * Running the whole server for tests: in-process ({@link startInProcess}: `startServer` with the
 * log captured in memory and no signal handlers), or as a child process ({@link spawnServer}:
 * the TypeScript sources run through swc, stdout captured line by line) when signals, exit codes
 * or real stdout matter. Always on 127.0.0.1, port 0, with a process-free environment, and the
 * store in a throwaway `DATA_DIR` unless the test names one (never the repository's ./data).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { type RunningServer, startServer } from '../../../adapters/server/main';
import { tempDir } from '../../helpers/temp-dir';

export const ROOT = join(__dirname, '..', '..', '..');
export const KNOWLEDGE_DIR = join(ROOT, 'knowledge');

/** Where servers started by tests keep their SQLite store (never the repository's ./data); removed after the test file. */
export const TEST_DATA_DIR = tempDir('aws-qa-test-store-');

/**
 * `env` with a throwaway `DATA_DIR` (removed after the test file) unless it names its store
 * (`DATA_DIR` or `DATABASE_URL`), so that a server a test starts never writes into ./data.
 */
export const withThrowawayStore = (env: Record<string, string>): Record<string, string> =>
  'DATA_DIR' in env || 'DATABASE_URL' in env ? env : { ...env, DATA_DIR: tempDir('aws-qa-store-') };

/** The minimal environment: loopback, port 0, the real knowledge, no watch, playground off, the store in a temp dir. */
export const baseEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
  PORT: '0',
  HOST: '127.0.0.1',
  KNOWLEDGE_DIR,
  KNOWLEDGE_WATCH: 'false',
  PLAYGROUND: 'false',
  LOG_LEVEL: 'info',
  DATA_DIR: TEST_DATA_DIR,
  ...extra,
});

export interface InProcess extends RunningServer {
  /** Every log line so far, raw. */
  lines: string[];
  /** Parsed log lines. */
  logs(): Record<string, unknown>[];
}

export interface InProcessOptions {
  /** The working directory (default: the repository). Given, the store stays wherever `env` and it say (./data under it by default). */
  cwd?: string;
  /** Route library console output into the captured log (stop such servers in reverse order). Default false. */
  captureConsole?: boolean;
  /** Keep only the log lines this accepts (memory-bounded runs). Default: all. */
  keep?: (line: string) => boolean;
}

/** Starts `startServer` with `env` (a throwaway store unless `env` or `cwd` says otherwise), capturing its log in memory. */
export async function startInProcess(env: Record<string, string> = baseEnv(), options: InProcessOptions = {}): Promise<InProcess> {
  const lines: string[] = [];
  const keep = options.keep ?? (() => true);
  const running = await startServer({
    env: options.cwd === undefined ? withThrowawayStore(env) : env,
    cwd: options.cwd ?? ROOT,
    signals: false,
    captureConsole: options.captureConsole ?? false,
    destination: { write: (line: string) => void (keep(line) && lines.push(line)) },
  });
  return Object.assign(running, { lines, logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) });
}

export interface Spawned {
  proc: ChildProcess;
  /** Base URL once ready. */
  url: string;
  /** stdout lines so far. */
  lines: string[];
  stderr(): string;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
  /** ms from spawn to the `ready` log line. */
  readyMs: number;
}

/**
 * Spawns `adapters/server/main.ts` with exactly `env` (plus PATH, and a throwaway `DATA_DIR` unless
 * `env` names the store or `cwd` is given); resolves when it logs `ready`, rejects if it exits first.
 */
export function spawnServer(
  env: Record<string, string>,
  options: { cwd?: string; timeoutMs?: number; /** Modules to `-r` first (e.g. `loopback-guard.js`). */ preload?: string[] } = {},
): Promise<Spawned> {
  const started = Date.now();
  const preload = (options.preload ?? []).flatMap((file) => ['-r', file]);
  const proc = spawn(process.execPath, [...preload, '-r', join(__dirname, 'ts-register.js'), join(ROOT, 'adapters/server/main.ts')], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', ...(options.cwd === undefined ? withThrowawayStore(env) : env) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  let partial = '';
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts.filter(Boolean));
  });
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | string>((resolve) => proc.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`server not ready in time:\n${lines.join('\n')}\n${stderr}`));
    }, options.timeoutMs ?? 20_000);
    const poll = setInterval(() => {
      const ready = lines.map((l) => JSON.parse(l) as { msg?: string; url?: string }).find((l) => l.msg?.startsWith('ready:'));
      if (ready?.url) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve({ proc, url: ready.url, lines, stderr: () => stderr, exited, readyMs: Date.now() - started });
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before ready:\n${lines.join('\n')}\n${stderr}`));
    });
  });
}

/** Stops a spawned server with `signal` (unless it already exited) and waits for its exit. */
export async function stopSpawned(server: Spawned | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server?.proc.exitCode !== null || server.proc.signalCode !== null) return;
  server.proc.kill(signal);
  await server.exited;
}
