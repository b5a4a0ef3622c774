/**
 * Processes for the as-deployed benchmarks: the server started exactly as `npm start` and the
 * Dockerfile start it (`node $(cat adapters/server/node-flags) dist/adapters/server/main.js`: the
 * same node flags, read from the same file, checked against `package.json`'s `start` script), and
 * the baselines started with those same flags, each a child process of its own. stdout is drained
 * (the server logs a JSON line per answered question, as in production); the base URL is read from
 * the first line that names one.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serverNodeFlags } from '../adapters/server/node-options';
import { repoRoot } from './repo';
import { spawnWithThrowawayStore } from './throwaway-store';

/** What `npm start` runs after its build check; the bench refuses to run if `package.json` says otherwise. */
const START_COMMAND = 'node $(cat adapters/server/node-flags) dist/adapters/server/main.js';

/** The deployed command line: node's own path, the deployed flags, the built server. */
export function deployedServerArgs(flags: string[] = serverNodeFlags()): string[] {
  const root = repoRoot();
  const start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
  if (!start.endsWith(START_COMMAND)) throw new Error(`npm start is "${start}", not "… && ${START_COMMAND}": update bench/deployed.ts`);
  const main = join(root, 'dist/adapters/server/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build`);
  return [...flags, main];
}

export interface Child {
  proc: ChildProcess;
  /** The base URL the process printed. */
  url: string;
  /** Resolves once a stdout line after this call matches `pattern` (with that line); rejects after `timeoutMs`. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Its memory now (MB): RSS and the kernel's high-water mark. */
  memory(): { rss: number; hwm: number };
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (free when asked; the caller binds it next). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Spawns `node args` in the repository with `env` (plus PATH) and waits for it to print its URL
 * (`"url":"http…"` or a bare URL line), or, when `knownUrl` is given (a server that logs nothing at
 * its log level), only for it to start. Unless `env` names a store, the process gets a store of its
 * own (throwaway-store.ts).
 */
export async function spawnNode(args: string[], env: Record<string, string>, timeoutMs = 180_000, knownUrl?: string): Promise<Child> {
  const proc = spawnWithThrowawayStore(args, {
    cwd: repoRoot(),
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffered = '';
  let found = false;
  // Lines are only scanned while someone waits for one; otherwise stdout is drained unread.
  let partial = '';
  const waiters = new Set<{ pattern: RegExp; resolve: (line: string) => void }>();
  proc.stdout!.on('data', (chunk: string | Buffer) => {
    if (waiters.size === 0) {
      partial = '';
      return;
    }
    const lines = (partial + String(chunk)).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines)
      for (const w of waiters)
        if (w.pattern.test(line)) {
          waiters.delete(w);
          w.resolve(line);
        }
  });
  const waitForLine = (pattern: RegExp, timeoutMs = 180_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const waiter = {
        pattern,
        resolve: (line: string) => {
          clearTimeout(timer);
          resolve(line);
        },
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.add(waiter);
    });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')}: no URL within ${timeoutMs} ms`)), timeoutMs);
    proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      if (found) return; // drained from here on
      buffered += chunk;
      const m = /"url":"(http:\/\/[^"]+)"/.exec(buffered) ?? /^(http:\/\/\S+)$/m.exec(buffered);
      if (m) {
        found = true;
        buffered = '';
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    if (knownUrl) {
      found = true;
      clearTimeout(timer);
      resolve(knownUrl);
    }
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited (${code}) before it listened`));
    });
  });
  return {
    proc,
    url,
    waitForLine,
    memory: () => processMemory(proc.pid!),
    stop: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

/** RSS and peak RSS (`VmHWM`) of a process, in MB, from /proc (Linux). */
export function processMemory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN) / 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** GET `url`; resolves its status (0 on a connection error). */
export function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** Polls `url/healthz` until 200; rejects after `timeoutMs`. */
export async function untilHealthy(url: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await get(`${url}/healthz`)) !== 200) {
    if (Date.now() > deadline) throw new Error(`${url}/healthz not 200 within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Starts a built baseline (`dist/bench/baselines/<name>.js`) with the deployed node flags. */
export function spawnBaseline(name: string, env: Record<string, string> = {}, flags: string[] = serverNodeFlags()): Promise<Child> {
  const script = join(repoRoot(), 'dist/bench/baselines', `${name}.js`);
  return spawnNode([...flags, script], env);
}
