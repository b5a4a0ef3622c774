/**
 * Knowledge at scale, as deployed: a generated knowledge base of 5 MB of markdown (`synthetic-kb.ts`:
 * the seed's shapes over 600 services, files of about 0.5 MB) served by the server started as
 * `npm start` starts it (`deployed.ts`: the deployed node flags), in its own process:
 * - time from spawn to `/healthz` 200 (target: within 120 s), and the peak RSS (`VmHWM`) by then
 *   (target <= 400 MB; goal <= 60 MB of RSS per MB of markdown);
 * - then a reload (SIGHUP: the new knowledge base is built while the old one serves, so both are in
 *   memory for a while): whether it was swapped in, how long it took, and the peak RSS over it.
 *
 * Run alone: `npm run build && node dist/bench/knowledge-scale.js`.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './bench-row';
import { type Child, deployedServerArgs, freePort, spawnNode, untilHealthy } from './deployed';
import { repoRoot } from './repo';
import { runIfMain } from './run-alone';
import { markdownBytes, writeKnowledgeOfSize } from './synthetic-kb';

const MB = 1048576;
export const SCALE_MB = 5;

/** Spawns the server as deployed on `port`, serving the knowledge in `dir` (no watch: the reload is by SIGHUP). */
function spawnScaleServer(dir: string, port: number): Promise<Child> {
  return spawnNode(
    deployedServerArgs(),
    {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      KNOWLEDGE_DIR: dir,
      KNOWLEDGE_WATCH: 'false',
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
    },
    300_000,
    `http://127.0.0.1:${port}`,
  );
}

/** Sends SIGHUP and waits for the reload's outcome: whether it was swapped in, how long it took, the peak RSS by then. */
async function reloadOnSighup(server: Child): Promise<{ swapped: boolean; ms: number; peak: number }> {
  const reloaded = server.waitForLine(/knowledge base reloaded|knowledge reload (failed|refused)/, 300_000);
  const started = performance.now();
  server.proc.kill('SIGHUP');
  const line = await reloaded;
  const ms = performance.now() - started;
  return { swapped: line.includes('knowledge base reloaded'), ms, peak: server.memory().hwm };
}

export async function benchKnowledgeScale(): Promise<BenchRow[]> {
  const dir = writeKnowledgeOfSize(join(repoRoot(), 'knowledge'), SCALE_MB);
  const md = markdownBytes(dir) / MB;
  const port = await freePort();
  const started = performance.now();
  const server = await spawnScaleServer(dir, port);
  try {
    await untilHealthy(server.url, 300_000);
    const healthyMs = performance.now() - started;
    const loadPeak = server.memory().hwm;
    return scaleRows(md, healthyMs, loadPeak, await reloadOnSighup(server));
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows: time to healthy and peak RSS at startup (absolute and per MB of markdown), then the reload. */
function scaleRows(md: number, healthyMs: number, loadPeak: number, reload: { swapped: boolean; ms: number; peak: number }): BenchRow[] {
  const label = `${md.toFixed(1)} MB of markdown, deployed flags`;
  return [
    {
      name: `5 MB knowledge base: spawn -> /healthz 200 (${label})`,
      value: Math.round(healthyMs),
      unit: 'ms',
      target: '<= 120000 ms',
      pass: healthyMs <= 120_000,
    },
    {
      name: '5 MB knowledge base: peak RSS by the time it is healthy',
      value: round(loadPeak),
      unit: 'MB',
      target: '<= 400 MB',
      pass: loadPeak <= 400,
    },
    {
      name: '5 MB knowledge base: peak RSS per MB of markdown (startup)',
      value: round(loadPeak / md),
      unit: 'MB/MB',
      target: '<= 60 (goal)',
      pass: loadPeak / md <= 60,
    },
    {
      name: `5 MB knowledge base: reload (SIGHUP) while serving: ${reload.swapped ? 'swapped in' : 'NOT swapped in'}`,
      value: Math.round(reload.ms),
      unit: 'ms',
      target: 'swapped in',
      pass: reload.swapped,
    },
    {
      name: '5 MB knowledge base: peak RSS over startup and the reload (old and new index both held)',
      value: round(reload.peak),
      unit: 'MB',
      target: '<= 400 MB',
      pass: reload.peak <= 400,
    },
  ];
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

runIfMain(module, benchKnowledgeScale);
