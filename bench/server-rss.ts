/**
 * The whole server as deployed (`deployed.ts`: `node <adapters/server/node-flags> dist/adapters/server/main.js`,
 * a child process, the built JavaScript, `LOG_LEVEL=info` to a pipe):
 *
 * - **Peak RSS under mixed load**, run twice: with the deployed node flags (the target applies to
 *   this one) and with none (node's defaults). Slack HTTP mode (a fake Web API on loopback) and Teams (without auth,
 *   `TEAMS_ALLOW_UNAUTHENTICATED`, replies to a fake connector on loopback) in one process; autocannon
 *   with 20 connections for a few seconds of mixed traffic: signed `/aws` slash commands, signed
 *   `app_mention` events (each a fresh `event_id`, answered through `chat.postMessage`), and Teams
 *   personal-chat messages, cycling through the dev questions. The peak is the kernel's high-water
 *   mark (`VmHWM`), else the highest sample. Target: <= 200 MB.
 * - **Cold start**: spawn to the first `/healthz` 200, zero-setup local mode (deployed flags), median of 5, against a
 *   bare `node:http` server answering `/healthz` (same spawn-and-poll harness).
 *
 * Run alone: `npm run build && node dist/bench/server-rss.js`.
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { serverNodeFlags } from '../adapters/server/node-options';
import { deployedServerArgs, get } from './deployed';
import type { BenchRow } from './bench-row';
import { devQuestions, repoRoot } from './repo';
import { mixedRequests } from './requests';
import { runIfMain } from './run-alone';
import { spawnWithThrowawayStore } from './throwaway-store';

const CONNECTIONS = 20;
const SECONDS = 6;
const COLD_RUNS = 5;
const SIGNING_SECRET = 'bench0signing0secret0123456789ab';
const BOT_TOKEN = 'xoxb-bench-server-rss-token';

/** A loopback server answering every request with `body` (the fake Slack Web API, the fake connector). */
async function fakeApi(body: (path: string) => unknown): Promise<{ url: string; calls: () => number; close: () => Promise<void> }> {
  let calls = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body(req.url ?? '')));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    calls: () => calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Child {
  proc: ChildProcess;
  /** Resolves with the base URL from the `listening on` line. */
  url: Promise<string>;
}

/** Spawns `args` with `env` (and a throwaway store); the first `http://…` URL printed on stdout is the base URL. Output is drained. */
function spawnChild(args: string[], env: Record<string, string>, cwd: string): Child {
  const proc = spawnWithThrowawayStore(args, { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let buffered = '';
  const url = new Promise<string>((resolve, reject) => {
    proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      if (buffered === null) return;
      buffered += chunk;
      const m = /"url":"(http:\/\/[^"]+)"/.exec(buffered) ?? /^(http:\/\/\S+)$/m.exec(buffered);
      if (m) {
        resolve(m[1]);
        buffered = '';
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited (${code}) before it listened`)));
  });
  url.catch(() => undefined);
  return { proc, url };
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  await exited;
}

/** RSS and its high-water mark in MB (Linux /proc; elsewhere `ps`, with no high-water mark). */
function memory(pid: number): { rss: number; hwm?: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number | undefined => {
      const m = new RegExp(`${field}:\\s+(\\d+)`).exec(status);
      return m ? Number(m[1]) / 1024 : undefined;
    };
    return { rss: kb('VmRSS') ?? 0, hwm: kb('VmHWM') };
  } catch {
    return {
      rss:
        Number(
          execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
            .toString()
            .trim(),
        ) / 1024,
    };
  }
}

/** ms from spawn to the first `/healthz` 200. */
async function timeToHealthy(args: string[], env: Record<string, string>, cwd: string): Promise<number> {
  const started = performance.now();
  const child = spawnChild(args, env, cwd);
  try {
    const url = await child.url;
    while ((await get(`${url}/healthz`)) !== 200) await new Promise((r) => setTimeout(r, 5));
    return performance.now() - started;
  } finally {
    await stop(child.proc);
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const BARE_SERVER = `require('node:http').createServer((q, s) => s.end('ok')).listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port); });`;

export async function benchServerRss(): Promise<BenchRow[]> {
  const root = repoRoot();
  const main = join(root, 'dist/adapters/server/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build`);
  const qs = devQuestions();

  // Cold start, interleaved with the bare baseline so machine drift hits both.
  const cold: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < COLD_RUNS; i += 1) {
    cold.push(await timeToHealthy(deployedServerArgs(), { PORT: '0', KNOWLEDGE_WATCH: 'false' }, root));
    bare.push(await timeToHealthy(['-e', BARE_SERVER], {}, root));
  }

  const deployed = await loadRun(deployedServerArgs(), root, qs);
  const defaults = await loadRun(deployedServerArgs([]), root, qs);
  const errors = deployed.errors + defaults.errors;
  return [
    {
      name: `server peak RSS under mixed load (${CONNECTIONS} conns, Slack commands + mentions + Teams, deployed flags: ${serverNodeFlags().join(' ')})`,
      value: round(deployed.peak),
      unit: 'MB',
      baseline: round(deployed.idle),
      baselineName: 'same server idle',
      ratio: round(deployed.idle / deployed.peak, 2),
      target: '<= 200 MB',
      pass: deployed.peak <= 200,
    },
    {
      name: 'server peak RSS under mixed load (no node flags: node defaults)',
      value: round(defaults.peak),
      unit: 'MB',
      baseline: round(defaults.idle),
      baselineName: 'same server idle',
      ratio: round(defaults.idle / defaults.peak, 2),
    },
    {
      name: 'server mixed throughput (Slack + Teams, deployed flags)',
      value: round(deployed.rps),
      unit: 'req/s',
      baseline: round(defaults.rps),
      baselineName: 'node defaults',
      ratio: round(deployed.rps / defaults.rps, 2),
    },
    { name: 'server non-2xx/errors under load', value: errors, unit: 'responses', target: '= 0', pass: errors === 0 },
    {
      name: 'server cold start (spawn -> /healthz 200, median)',
      value: round(median(cold)),
      unit: 'ms',
      baseline: round(median(bare)),
      baselineName: 'bare node:http server',
      ratio: round(median(bare) / median(cold), 2),
    },
  ];
}

interface LoadResult {
  peak: number;
  idle: number;
  rps: number;
  errors: number;
}

/** Starts the server with `args` (node flags and the built server), loads it with mixed traffic, and returns its memory and throughput. */
async function loadRun(args: string[], root: string, qs: string[]): Promise<LoadResult> {
  let ts = 1_700_000_000;
  const slack = await fakeApi((path) =>
    path.includes('auth.test')
      ? { ok: true, user_id: 'UBENCH', bot_id: 'BBENCH', team_id: 'T0001' }
      : { ok: true, channel: 'C1', ts: `${(ts += 1)}.000100` },
  );
  const connector = await fakeApi(() => ({ id: randomUUID() }));
  const child = spawnChild(
    args,
    {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${slack.url}api/`,
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
    },
    root,
  );
  try {
    const url = await child.url;
    while ((await get(`${url}/healthz`)) !== 200) await new Promise((r) => setTimeout(r, 20));
    const pid = child.proc.pid!;
    const idle = memory(pid).rss;
    const { result, peak } = await withPeakRss(pid, idle, () =>
      autocannon({
        url,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: mixedRequests(qs, SIGNING_SECRET, slack.url, connector.url),
      }),
    );
    return { peak, idle, rps: result.requests.average, errors: result.non2xx + result.errors + result.timeouts };
  } finally {
    await stop(child.proc);
    await slack.close();
    await connector.close();
  }
}

/**
 * Runs `load` while sampling `pid`'s RSS every 50 ms; the peak is the kernel's high-water mark
 * when it has one, else the highest sample (at least `idle`).
 */
async function withPeakRss<T>(pid: number, idle: number, load: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peakSample = idle;
  const sampler = setInterval(() => {
    peakSample = Math.max(peakSample, memory(pid).rss);
  }, 50);
  try {
    const result = await load();
    return { result, peak: Math.max(peakSample, memory(pid).hwm ?? 0) };
  } finally {
    clearInterval(sampler);
  }
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

runIfMain(module, benchServerRss);
