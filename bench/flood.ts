/**
 * Unauthenticated junk must cost almost nothing (issue 12 item 1): signed `/aws` latency while 16
 * junk connections flood the server, against the same server without junk, in the same run.
 *
 * - The server runs as `npm start` runs it (`node --max-semi-space-size=2 --max-old-space-size=256
 *   dist/adapters/server/main.js`, {@link SERVER_NODE_OPTIONS}), in its own process, `LOG_LEVEL=info`
 *   to a pipe, with Slack in HTTP mode (a fake Web API on loopback) and Teams with an app id (auth on).
 * - The junk runs in another process (this script with `--junk`): 8 connections post 1 MB of deeply
 *   nested JSON to `/slack/events` with well-formed but wrong signatures and fresh timestamps (the
 *   server has to read and hash the whole body), and 8 post it to `/api/messages` with a JWT-shaped
 *   bearer token that is not valid, chunked without a length (the server reads up to its 256 KiB
 *   limit). Each connection posts again as soon as it gets an answer (or the connection closes).
 * - The probe (this process) sends one signed `/aws` slash command every 50 ms for
 *   {@link PHASE_SECONDS} s, and records each latency; first without junk (baseline), then with it.
 *
 * Loopback only, bounded in time (about 30 s; everything is killed after {@link HARD_LIMIT_MS}).
 * Target: signed `/aws` p99 <= 500 ms under the flood.
 *
 * Run: `npm run build && node dist/bench/flood.js` (prints a table and one JSON line).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { join } from 'node:path';
import { SERVER_NODE_OPTIONS } from '../adapters/server/node-options';
import type { BenchRow } from './bench-row';
import { devQuestions, repoRoot } from './repo';
import { spawnWithThrowawayStore } from './throwaway-store';

const SIGNING_SECRET = 'bench0flood0signing0secret012345';
const BOT_TOKEN = 'xoxb-bench-flood-token';
const APP_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const APP_PASSWORD = 'bench-flood-app-password-0123';
const PHASE_SECONDS = 8;
const PROBE_INTERVAL_MS = 50;
const JUNK_PER_ENDPOINT = 8;
const JUNK_BYTES = 1024 * 1024;
const HARD_LIMIT_MS = 90_000;
const TARGET_P99_MS = 500;

/** 1 MB of `{"a":[[[[…]]]]}`: as deep as it gets in that size. */
function nestedJunk(bytes: number): Buffer {
  const depth = Math.floor((bytes - 8) / 2);
  return Buffer.from(`{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`);
}

/** The junk process: `JUNK_PER_ENDPOINT` connections on each endpoint, posting until killed. */
function runJunk(base: string): void {
  const { hostname, port } = new URL(base);
  const body = nestedJunk(JUNK_BYTES);
  let sent = 0;
  const forgedJwt = `Bearer ${Buffer.from('{"alg":"RS256","kid":"x"}').toString('base64url')}.${Buffer.from('{"iss":"x"}').toString('base64url')}.${'A'.repeat(342)}`;
  const slackHead = (): string => {
    const ts = Math.floor(Date.now() / 1000);
    return (
      `POST /slack/events HTTP/1.1\r\nhost: ${hostname}:${port}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n` +
      `x-slack-request-timestamp: ${ts}\r\nx-slack-signature: v0=${'0'.repeat(64)}\r\n\r\n`
    );
  };
  const teamsHead = (): string =>
    `POST /api/messages HTTP/1.1\r\nhost: ${hostname}:${port}\r\ncontent-type: application/json\r\n` +
    `authorization: ${forgedJwt}\r\ntransfer-encoding: chunked\r\n\r\n`;
  const loop = (slack: boolean): void => {
    const socket = connect(Number(port), hostname);
    let next = false;
    const again = (): void => {
      if (next) return;
      next = true;
      socket.destroy();
      sent += 1;
      setImmediate(() => loop(slack));
    };
    socket.on('connect', () => {
      if (slack) {
        socket.write(slackHead());
        socket.write(body);
      } else {
        socket.write(teamsHead());
        for (let i = 0; i < body.length; i += 64 * 1024) {
          const chunk = body.subarray(i, i + 64 * 1024);
          socket.write(`${chunk.length.toString(16)}\r\n`);
          socket.write(chunk);
          socket.write('\r\n');
        }
        socket.write('0\r\n\r\n');
      }
    });
    socket.on('data', (data: Buffer) => {
      if (/^HTTP\/1\.1 \d{3}/.test(data.toString('latin1', 0, 12))) again();
    });
    socket.on('error', again);
    socket.on('close', again);
  };
  for (let i = 0; i < JUNK_PER_ENDPOINT; i += 1) {
    loop(true);
    loop(false);
  }
  setInterval(() => process.send?.({ sent }), 500).unref();
}

/** A loopback fake of Slack's Web API (auth.test and the rest answer ok). */
async function fakeSlackApi(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: true, user_id: 'UBENCH', bot_id: 'BBENCH', team_id: 'T0001' })),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Starts the built server as `npm start` does; resolves with its base URL once `/healthz` is 200. */
async function startServer(root: string, apiUrl: string): Promise<{ proc: ChildProcess; url: string; lines: () => number }> {
  const main = join(root, 'dist/adapters/server/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build`);
  const proc = spawnWithThrowawayStore([...SERVER_NODE_OPTIONS.split(' '), main], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      KNOWLEDGE_WATCH: 'false',
      NODE_ENV: 'production',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${apiUrl}api/`,
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: APP_PASSWORD,
    },
  });
  let lines = 0;
  let partial = '';
  let ready = false;
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      lines += parts.length;
      if (ready) return;
      for (const line of parts) {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg?.startsWith('ready:') && entry.url) {
          ready = true;
          resolve(entry.url);
        }
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited (${code}) before it was ready`)));
  });
  return { proc, url, lines: () => lines };
}

/** One signed `/aws` command; resolves with its latency in ms and status. */
function signedCommand(base: string, text: string): Promise<{ ms: number; status: number }> {
  const body = new URLSearchParams({
    team_id: 'T0001',
    channel_id: 'C0001',
    user_id: 'U0001',
    command: '/aws',
    text,
    api_app_id: 'A0001',
    response_url: 'http://127.0.0.1:9/response',
    trigger_id: '1.2.3',
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      `${base}/slack/events`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': signature,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0 }));
      },
    );
    req.on('error', () => resolve({ ms: performance.now() - started, status: 0 }));
    req.end(body);
  });
}

/** Probes `/aws` every {@link PROBE_INTERVAL_MS} for `seconds`; returns every latency and the non-200 count. */
async function probe(base: string, seconds: number, questions: string[]): Promise<{ latencies: number[]; failures: number }> {
  const pending: Promise<{ ms: number; status: number }>[] = [];
  const end = Date.now() + seconds * 1000;
  for (let i = 0; Date.now() < end; i += 1) {
    pending.push(signedCommand(base, questions[i % questions.length]));
    await new Promise((r) => setTimeout(r, PROBE_INTERVAL_MS));
  }
  const results = await Promise.all(pending);
  return { latencies: results.map((r) => r.ms), failures: results.filter((r) => r.status !== 200).length };
}

const quantile = (xs: number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
};
const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** The flood benchmark (see the module doc). */
export async function benchFlood(): Promise<BenchRow[]> {
  const root = repoRoot();
  const questions = devQuestions();
  const api = await fakeSlackApi();
  const server = await startServer(root, api.url);
  let junk: ChildProcess | undefined;
  const killer = setTimeout(() => {
    junk?.kill('SIGKILL');
    server.proc.kill('SIGKILL');
    process.exit(3);
  }, HARD_LIMIT_MS);
  try {
    await probe(server.url, 1, questions); // warm-up
    const baseline = await probe(server.url, PHASE_SECONDS, questions);
    let junkSent = 0;
    junk = fork(__filename, ['--junk', server.url], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    junk.on('message', (m: { sent?: number }) => {
      junkSent = m.sent ?? junkSent;
    });
    await new Promise((r) => setTimeout(r, 1000)); // let the flood build up
    const flooded = await probe(server.url, PHASE_SECONDS, questions);
    junk.kill('SIGKILL');
    const p99 = quantile(flooded.latencies, 0.99);
    const base99 = quantile(baseline.latencies, 0.99);
    return [
      {
        name: 'signed /aws p50 under 16 junk connections (1 MB nested JSON, bad signatures/tokens)',
        value: round(quantile(flooded.latencies, 0.5)),
        unit: 'ms',
        baseline: round(quantile(baseline.latencies, 0.5)),
        baselineName: 'same server, no junk',
        ratio: round(quantile(baseline.latencies, 0.5) / quantile(flooded.latencies, 0.5), 2),
      },
      {
        name: 'signed /aws p99 under 16 junk connections',
        value: round(p99),
        unit: 'ms',
        baseline: round(base99),
        baselineName: 'same server, no junk',
        ratio: round(base99 / p99, 2),
        target: `<= ${TARGET_P99_MS} ms`,
        pass: p99 <= TARGET_P99_MS,
      },
      {
        name: 'signed /aws failures (non-200) during the flood',
        value: flooded.failures + baseline.failures,
        unit: 'responses',
        target: '= 0',
        pass: flooded.failures + baseline.failures === 0,
      },
      { name: `junk requests refused during the flood (${PHASE_SECONDS + 1} s)`, value: junkSent, unit: 'requests' },
    ];
  } finally {
    clearTimeout(killer);
    junk?.kill('SIGKILL');
    const exited = new Promise((resolve) => server.proc.once('exit', resolve));
    server.proc.kill('SIGTERM');
    await exited;
    await api.close();
  }
}

if (require.main === module) {
  if (process.argv[2] === '--junk') {
    runJunk(process.argv[3]);
  } else {
    void benchFlood().then(
      (rows) => {
        for (const r of rows) {
          const base = r.baseline === undefined ? '' : ` (baseline ${r.baseline} ${r.unit}: ${r.baselineName}; ratio ${r.ratio})`;
          const target = r.target ? ` target ${r.target}: ${r.pass ? 'PASS' : 'FAIL'}` : '';
          process.stdout.write(`${r.name}: ${r.value} ${r.unit}${base}${target}\n`);
        }
        process.stdout.write(`${JSON.stringify(rows)}\n`);
      },
      (error: unknown) => {
        process.stderr.write(`flood bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
        process.exitCode = 1;
      },
    );
  }
}
