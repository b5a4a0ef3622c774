/**
 * Throughput as deployed. The server runs as `npm start` and the Dockerfile run it (a child
 * process: `node <adapters/server/node-flags> dist/adapters/server/main.js`, built JavaScript,
 * `NODE_ENV=production`, `LOG_LEVEL=info` to a pipe) with Slack in HTTP mode (a fake Web API on
 * loopback) and Teams without auth (`TEAMS_ALLOW_UNAUTHENTICATED`, replies to a fake connector on
 * loopback). Each baseline is a child process of its own started with the same node flags:
 * - Slack: a no-op Bolt app on Bolt's default `HTTPReceiver` (`baselines/slack-noop.ts`);
 * - Teams: the textbook echo bot, botbuilder's stock `CloudAdapter` on a bare `node:http` server
 *   (`baselines/teams-echo.ts`; the real bot's adapter reuses its connector clients, the stock one
 *   builds them for every activity).
 * autocannon runs in the bench process (a worker thread), so the load generator is a process of
 * its own too. Per platform, the server and its baseline are loaded alternately in the same run
 * (`loadInRounds`: warm-up, then rounds in alternating order); the ratio is the median of the
 * per-round ratios. The server's peak RSS (`VmHWM`, the kernel's high-water mark, over the whole
 * run: startup, both platforms' load) is a row of its own, beside the baselines' peaks.
 *
 * `flags` (default: the deployed ones) lets the flag table in docs/deploy.md be measured with
 * the same harness: `node dist/bench/deployed-throughput.js --flags="--max-semi-space-size=8" [--rounds=N] [--env=LOG_LEVEL=warn]`.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type autocannon from 'autocannon';
import { serverNodeFlags } from '../adapters/server/node-options';
import type { BenchRow } from './bench-row';
import { type Child, deployedServerArgs, freePort, spawnBaseline, spawnNode, untilHealthy } from './deployed';
import { startConnector } from './fake-connector';
import { type Load, LoadGenerator, meanLoad, THROUGHPUT_ROUNDS, throughputRow } from './load';
import { devQuestions } from './repo';
import { signedSlashCommands, teamsActivities } from './requests';

export const SIGNING_SECRET = 'bench0signing0secret0123456789ab';
export const BOT_TOKEN = 'xoxb-bench-deployed-0000-token';
/** The peak RSS the deployed server must stay under while loaded. */
export const PEAK_RSS_TARGET_MB = 200;

/** A fake Slack Web API on loopback (`auth.test`, `chat.postMessage`, …: `{ ok: true }`). */
export async function fakeSlackApi(): Promise<{ url: string; close: () => Promise<void> }> {
  let ts = 1_700_000_000;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const body = (req.url ?? '').includes('auth.test')
        ? { ok: true, user_id: 'UBENCH', bot_id: 'BBENCH', team_id: 'T1DC2JH3J' }
        : { ok: true, channel: 'C1', ts: `${(ts += 1)}.000100` };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface DeployedResult {
  rows: BenchRow[];
  slackRatio: number;
  teamsRatio: number;
  peakRss: number;
}

/** The as-deployed throughput rows; `flags` overrides the deployed node flags (for the flag table). */
export async function measureDeployed(
  flags: string[] = serverNodeFlags(),
  rounds: { rounds: number; seconds: number; warmup: number; connections: number } = THROUGHPUT_ROUNDS,
  env: Record<string, string> = {},
): Promise<DeployedResult> {
  const questions = devQuestions();
  const slackApi = await fakeSlackApi();
  const connector = await startConnector();
  const children: { stop(): Promise<void> }[] = [];
  const gen = LoadGenerator.start();
  try {
    const server = await spawnDeployedServer(flags, slackApi.url, env);
    children.push(server);
    const noop = await spawnBaseline('slack-noop', { SIGNING_SECRET, BOT_TOKEN }, flags);
    children.push(noop);
    const echo = await spawnBaseline('teams-echo', {}, flags);
    children.push(echo);

    const slack = await loadPairInRounds(gen, [server, noop], signedSlashCommands(questions, SIGNING_SECRET), rounds);
    const teams = await loadPairInRounds(gen, [server, echo], teamsActivities(questions, connector.url), rounds);
    for (const [name, loads] of [
      ['server /slack/events', slack[0]],
      ['no-op Bolt app', slack[1]],
      ['server /api/messages', teams[0]],
      ['echo bot', teams[1]],
    ] as const) {
      const r = meanLoad(loads);
      if (r.non2xx > 0 || r.errors > 0)
        throw new Error(`deployed throughput: ${name} answered ${r.non2xx} non-2xx and ${r.errors} errors per round`);
    }
    const sent = [...teams[0], ...teams[1]].reduce((sum, l) => sum + l.requests, 0);
    const replies = await connector.count();
    if (replies < sent)
      throw new Error(`deployed throughput: the connector received ${replies} replies for ${sent} measured Teams requests`);

    const peak = server.memory().hwm;
    const label = flags.join(' ') || 'no flags';
    const slackRow = throughputRow(
      `slack /aws throughput AS DEPLOYED (npm start in its own process; ${label})`,
      slack[0],
      slack[1],
      'no-op Bolt app (default HTTPReceiver), own process, same flags',
    );
    const teamsRow = throughputRow(
      `teams /api/messages throughput AS DEPLOYED (npm start in its own process; ${label})`,
      teams[0],
      teams[1],
      'echo bot (bare node:http + stock CloudAdapter), own process, same flags',
    );
    const baselinePeak = Math.max(noop.memory().hwm, echo.memory().hwm);
    const rows: BenchRow[] = [
      slackRow,
      teamsRow,
      cpuRow(
        'slack /aws requests per CPU-second of the server process (diagnostic: robust to other load on the machine)',
        slack,
        'no-op Bolt app',
      ),
      cpuRow(
        'teams /api/messages requests per CPU-second of the server process (diagnostic: robust to other load on the machine)',
        teams,
        'echo bot',
      ),
      {
        name: `server peak RSS AS DEPLOYED (VmHWM over startup and both loads, ${THROUGHPUT_ROUNDS.connections} connections)`,
        value: round(peak),
        unit: 'MB',
        baseline: round(baselinePeak),
        baselineName: 'larger baseline process peak (no knowledge base)',
        ratio: round(baselinePeak / peak, 3),
        target: `<= ${PEAK_RSS_TARGET_MB} MB`,
        pass: peak <= PEAK_RSS_TARGET_MB,
      },
    ];
    return { rows, slackRatio: slackRow.ratio ?? Number.NaN, teamsRatio: teamsRow.ratio ?? Number.NaN, peakRss: peak };
  } finally {
    await gen.close();
    for (const c of children.reverse()) await c.stop();
    await connector.close();
    await slackApi.close();
  }
}

/** A load with the CPU time (user + system, ms) the target process spent during it. */
export type CpuLoad = Load & { cpuMs: number };

/** CPU time (user + system) of a process so far, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime (fields 14 and 15), at 100 ticks/s
}

/**
 * Like `loadInRounds` for two processes, recording each run's CPU time too: warm-up, then rounds
 * alternating which goes first (A B, B A, …).
 */
export async function loadPairInRounds(
  gen: LoadGenerator,
  targets: [Child, Child],
  requests: autocannon.Request[],
  o: { rounds: number; seconds: number; warmup: number; connections: number },
): Promise<[CpuLoad[], CpuLoad[]]> {
  for (const t of targets) await gen.run(t.url, requests, o.warmup, o.connections);
  const runs: [CpuLoad[], CpuLoad[]] = [[], []];
  for (let round = 0; round < o.rounds; round += 1) {
    for (const i of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const pid = targets[i].proc.pid!;
      const before = cpuMs(pid);
      const load = await gen.run(targets[i].url, requests, o.seconds, o.connections);
      runs[i].push({ ...load, cpuMs: cpuMs(pid) - before });
    }
  }
  return runs;
}

/** Requests per CPU-second of the target against the baseline's, median of per-round ratios (informational). */
function cpuRow(name: string, [target, base]: [CpuLoad[], CpuLoad[]], baselineName: string): BenchRow {
  const perCpu = (l: CpuLoad): number => l.requests / Math.max(l.cpuMs / 1000, 0.01);
  const ratios = target.map((t, i) => perCpu(t) / perCpu(base[i])).sort((a, b) => a - b);
  const mid = ratios.length >> 1;
  const median = ratios.length % 2 ? ratios[mid] : (ratios[mid - 1] + ratios[mid]) / 2;
  const mean = (ls: CpuLoad[]): number => ls.reduce((sum, l) => sum + perCpu(l), 0) / ls.length;
  return {
    name,
    value: Math.round(mean(target)),
    unit: 'req/CPU-s',
    baseline: Math.round(mean(base)),
    baselineName,
    ratio: Number(median.toFixed(3)),
  };
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export async function benchDeployed(): Promise<BenchRow[]> {
  return (await measureDeployed()).rows;
}

if (require.main === module) {
  const arg = process.argv.find((a) => a.startsWith('--flags='));
  const flags = arg === undefined ? undefined : arg.slice('--flags='.length).split(/\s+/).filter(Boolean);
  const roundsArg = process.argv.find((a) => a.startsWith('--rounds='));
  const rounds = roundsArg ? { ...THROUGHPUT_ROUNDS, rounds: Number(roundsArg.slice('--rounds='.length)) } : THROUGHPUT_ROUNDS;
  const env = Object.fromEntries(
    process.argv.filter((a) => a.startsWith('--env=')).map((a) => a.slice('--env='.length).split('=', 2) as [string, string]),
  );
  measureDeployed(flags, rounds, env).then(
    (r) => {
      const cpu = r.rows.filter((row) => row.unit === 'req/CPU-s').map((row) => row.ratio);
      console.log(
        JSON.stringify({
          flags: flags ?? serverNodeFlags(),
          env,
          slack: r.slackRatio,
          teams: r.teamsRatio,
          peakRss: Math.round(r.peakRss),
          slackCpu: cpu[0],
          teamsCpu: cpu[1],
        }),
      );
      console.table(r.rows);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

/**
 * The server as deployed (`npm start`'s node flags unless `flags` says otherwise), in its own
 * process, with Slack at the fake Web API `slackApiUrl` and Teams unauthenticated (the bench's fake
 * connector is on loopback); resolves once `/healthz` is 200.
 */
export async function spawnDeployedServer(
  flags: string[] | undefined,
  slackApiUrl: string,
  env: Record<string, string> = {},
): Promise<Child> {
  const port = await freePort();
  const server = await spawnNode(
    deployedServerArgs(flags),
    {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slackApiUrl,
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      ...env,
    },
    180_000,
    `http://127.0.0.1:${port}`,
  );
  await untilHealthy(server.url).catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  return server;
}
