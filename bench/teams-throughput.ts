/**
 * Teams throughput: Bot Framework activities per second POSTed to `/api/messages` through the
 * real Teams adapter (`createTeamsBot().requestListener` on a bare `node:http` server: body
 * checks, the real `CloudAdapter`, the bot with the real assistant over `knowledge/`, the Adaptive
 * Card renderer, the reply POSTed to the connector) against a no-op echo bot (the same
 * `CloudAdapter` instance behind a bare `node:http` server that parses the body and replies a
 * constant text), both replying to the same fake connector, measured in the same run with
 * autocannon (20 connections, loopback). A third target, the real bot with answers computed
 * beforehand, tells the Teams layer's own cost apart from the engine's.
 *
 * The fake connector runs in a worker thread, so its work does not share the bots' event loop
 * (in production the connector is a remote service). Requests are personal-chat messages cycling
 * through the dev eval questions, with `serviceUrl` on loopback (local mode: no tokens).
 *
 * Run alone: `npm run build && node dist/bench/teams-throughput.js`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { ActivityHandler, type CloudAdapter } from 'botbuilder';
import pino from 'pino';
import { createTeamsBot } from '../adapters/teams/create-teams-bot';
import { type Answer, type Assistant, createAssistant, InMemoryFeedbackStore } from '../src/index';
import type { BenchRow } from './bench-row';

const CONNECTIONS = 20;
const SECONDS = 5;
const ROUNDS = 5;

/** The repository root (the directory holding `knowledge/`), from `bench/` or `dist/bench/`. */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'knowledge')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** A fake connector in a worker thread: answers every POST/PUT with `{ id }` and counts them. */
const CONNECTOR_SOURCE = `
const { parentPort } = require('node:worker_threads');
const http = require('node:http');
let count = 0;
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    count += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"r' + count + '"}');
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (m) => { if (m === 'count') parentPort.postMessage({ count }); });
`;

interface Connector { url: string; count(): Promise<number>; close(): Promise<void> }

async function startConnector(): Promise<Connector> {
  const worker = new Worker(CONNECTOR_SOURCE, { eval: true });
  const port = await new Promise<number>((resolve) => worker.once('message', (m: { port: number }) => resolve(m.port)));
  return {
    url: `http://127.0.0.1:${port}/`,
    count: () => new Promise((resolve) => {
      worker.once('message', (m: { count: number }) => resolve(m.count));
      worker.postMessage('count');
    }),
    close: async () => { await worker.terminate(); },
  };
}

/** One personal-chat message activity per question, shaped like Teams sends them. */
function activityRequests(questions: string[], serviceUrl: string): autocannon.Request[] {
  return questions.map((text, i) => ({
    method: 'POST', path: '/api/messages', headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({
      type: 'message', id: `17000000000${i}`, timestamp: '2024-11-14T21:14:00.000Z', serviceUrl, channelId: 'msteams',
      from: { id: `29:bench-user-${i}`, name: 'Bench User', aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` },
      conversation: { conversationType: 'personal', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', id: `a:bench-${i}` },
      recipient: { id: '28:00000000-0000-4000-8000-00000000b07a', name: 'AWS QA' },
      textFormat: 'plain', text, channelData: { tenant: { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' } }, locale: 'en-US',
    }),
  }));
}

async function listen(listener: RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** The baseline: `adapter` behind a bare node:http handler, running a bot that replies "ok". */
function echoListener(adapter: CloudAdapter): RequestListener {
  const echo = new ActivityHandler();
  echo.onMessage(async (context, next) => {
    await context.sendActivity('ok');
    await next();
  });
  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      const shim = {
        socket: req.socket,
        status: (code: number) => { res.statusCode = code; },
        header: (name: string, value: unknown) => { res.setHeader(name, String(value)); },
        send: (payload: unknown) => { res.write(typeof payload === 'string' ? payload : JSON.stringify(payload)); },
        end: () => { res.end(); },
      };
      adapter.process({ body, headers: req.headers, method: req.method }, shim, (context) => echo.run(context)).catch(() => {
        res.statusCode = 500;
        res.end();
      });
    });
  };
}

interface Load { rps: number; p50: number; p99: number; non2xx: number; errors: number; requests: number }

async function load(url: string, requests: autocannon.Request[], seconds: number): Promise<Load> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, requests });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts, requests: r.requests.total };
}

function mean(loads: Load[]): Load {
  const avg = (f: (l: Load) => number) => loads.reduce((sum, l) => sum + f(l), 0) / loads.length;
  return { rps: avg((l) => l.rps), p50: avg((l) => l.p50), p99: avg((l) => l.p99), non2xx: avg((l) => l.non2xx), errors: avg((l) => l.errors), requests: avg((l) => l.requests) };
}

/** An `ask` that returns the real assistant's answers computed beforehand (engine cost excluded). */
function precomputed(assistant: Assistant, questions: string[]): Pick<Assistant, 'ask'> {
  const answers = new Map<string, Answer>(questions.map((q) => [q, assistant.ask(q)]));
  return { ask: (q) => answers.get(q) ?? assistant.ask(q) };
}

/**
 * Measures, in one run: the echo baseline, the real bot (full answer path) and the real bot with
 * precomputed answers. Each is warmed up 1 s, then loaded `SECONDS` s in `ROUNDS` interleaved
 * rounds of 1 s (baseline, real, precomputed, baseline, …) so that machine drift hits all alike.
 * Fails when a target answers a non-2xx or the connector did not receive one reply per request.
 */
export async function benchTeams(): Promise<BenchRow[]> {
  const root = repoRoot();
  const questions = readFileSync(join(root, 'test', 'eval', 'dev.jsonl'), 'utf8').split('\n').filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { q: string }).q);
  const assistant = createAssistant({ knowledgeDir: join(root, 'knowledge') });
  const connector = await startConnector();
  const logger = pino({ level: 'warn' });
  const real = createTeamsBot({ assistant, feedbackStore: new InMemoryFeedbackStore(), logger });
  const layer = createTeamsBot({ assistant: precomputed(assistant, questions), feedbackStore: new InMemoryFeedbackStore(), logger });
  const servers = [await listen(echoListener(real.adapter)), await listen(real.requestListener), await listen(layer.requestListener)];
  const requests = activityRequests(questions, connector.url);
  try {
    for (const s of servers) await load(s.url, requests, 1);
    const runs: Load[][] = servers.map(() => []);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [i, s] of servers.entries()) runs[i].push(await load(s.url, requests, SECONDS / ROUNDS));
    }
    const [echo, full, teamsOnly] = runs.map(mean);
    const sent = runs.flat().reduce((sum, l) => sum + l.requests, 0);
    for (const [name, r] of [['echo bot', echo], ['teams bot', full], ['teams bot (precomputed)', teamsOnly]] as const) {
      if (r.non2xx > 0 || r.errors > 0) throw new Error(`benchTeams: ${name} answered ${r.non2xx} non-2xx and ${r.errors} errors per round`);
    }
    const replies = await connector.count();
    if (replies < sent) throw new Error(`benchTeams: the connector received ${replies} replies for ${sent} measured requests`);
    const baselineName = 'echo bot (same CloudAdapter, bare node:http, constant text reply)';
    const row = (name: string, r: Load): BenchRow => {
      const ratio = r.rps / echo.rps;
      return {
        name, value: Math.round(r.rps), unit: 'req/s', baseline: Math.round(echo.rps), baselineName,
        ratio: Number(ratio.toFixed(3)), target: 'ratio >= 0.9', pass: ratio >= 0.9,
      };
    };
    return [
      row('teams /api/messages throughput (full answer path, Adaptive Card reply)', full),
      row('teams /api/messages throughput, engine excluded (precomputed answers)', teamsOnly),
      {
        name: 'teams /api/messages latency p99 (full answer path, 20 connections)', value: full.p99, unit: 'ms', baseline: echo.p99, baselineName,
        ratio: Number((echo.p99 / Math.max(full.p99, 0.001)).toFixed(3)),
      },
    ];
  } finally {
    for (const s of servers) await s.close();
    await connector.close();
  }
}

if (require.main === module) {
  benchTeams().then(
    (rows) => { console.table(rows); },
    (error: unknown) => { console.error(error); process.exitCode = 1; },
  );
}
