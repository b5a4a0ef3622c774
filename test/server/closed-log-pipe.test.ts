/**
 * Issue 23, item 6: a closed log pipe (a log shipper restarting, `npm start | head -c 200`) never
 * keeps the server from answering or from stopping. The server is spawned as `npm start` runs it
 * (node with the deployed flags of `adapters/server/node-flags`, here on the TypeScript sources),
 * its stdout a pipe whose reader goes away after 200 bytes; it keeps answering (log lines are
 * dropped and counted), and SIGTERM stops it within the documented grace period
 * (`SHUTDOWN_DELAY_MS` + `SHUTDOWN_TIMEOUT_MS` + 1.5 s).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverNodeFlags } from '../../adapters/server/node-options';
import { startedForAll } from '../helpers/lifecycle';
import { startFakeConnector } from './helpers/fakes';
import { postActivity, raw, teamsMessage } from './helpers/requests';
import { baseEnv, ROOT } from './helpers/server';

const SHUTDOWN_TIMEOUT_MS = 2000;
/** What docs/deploy.md promises: the shutdown delay, the timeout, and 1.5 s more. */
const GRACE_MS = SHUTDOWN_TIMEOUT_MS + 1500;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('a closed log pipe', () => {
  const connector = startedForAll(startFakeConnector);
  const dataDir = mkdtempSync(join(tmpdir(), 'aws-qa-epipe-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** The server spawned as `npm start` runs it, ready, with its stdout reader gone. */
  async function spawnWithClosedLog() {
    const port = await freePort();
    const proc = spawn(
      process.execPath,
      [...serverNodeFlags(), '-r', join(__dirname, 'helpers', 'ts-register.js'), join(ROOT, 'adapters/server/main.ts')],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          ...baseEnv({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'debug', SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) }),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      proc.on('exit', (code) => resolve({ code, at: Date.now() })),
    );
    let stderr = '';
    proc.stderr!.setEncoding('utf8').on('data', (c: string) => void (stderr += c));
    // `head -c 200`: read at least 200 bytes (here: up to the `ready` line, so that nothing is left
    // to write), then close the pipe: the next log line meets EPIPE.
    let seen = '';
    await new Promise<void>((resolve) => {
      proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        seen += chunk;
        if (seen.length >= 200 && /"msg":"ready:/.test(seen)) {
          proc.stdout!.destroy();
          resolve();
        }
      });
    });
    const base = `http://127.0.0.1:${port}`;
    const health = await raw(base, { method: 'GET', path: '/healthz' });
    expect(health.status).toBe(200);
    /** SIGTERM, then the exit (or undefined when it did not come a little after the grace period; then killed). */
    const stop = async (): Promise<{ code: number | null; withinGrace: boolean }> => {
      const signalled = Date.now();
      proc.kill('SIGTERM');
      const exit = await Promise.race([exited, new Promise<undefined>((r) => setTimeout(r, GRACE_MS + 3000))]);
      if (!exit) proc.kill('SIGKILL');
      return { code: exit?.code ?? null, withinGrace: exit !== undefined && exit.at - signalled < GRACE_MS };
    };
    return { base, stop, stderr: () => stderr };
  }

  it('SIGTERM stops the server within its grace period (the shutdown lines meet EPIPE at exit)', async () => {
    const server = await spawnWithClosedLog();
    expect(await server.stop()).toEqual({ code: 0, withinGrace: true });
    expect(server.stderr()).toMatch(/log lines are dropped/);
  }, 60_000);

  it('answering goes on while every log line meets EPIPE, and SIGTERM still stops it in time', async () => {
    const server = await spawnWithClosedLog();
    for (let i = 0; i < 20; i += 1) {
      const res = await postActivity(server.base, teamsMessage(connector().url, `what is the sla for eks ${i}`));
      expect(res.status).toBeLessThan(300);
    }
    expect(await server.stop()).toEqual({ code: 0, withinGrace: true });
  }, 60_000);
});
