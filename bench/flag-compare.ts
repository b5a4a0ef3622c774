/**
 * Two node flag settings head to head: the deployed server started twice (`deployed.ts`), once with
 * each setting, loaded alternately in the same run with signed `/aws` commands and with Teams
 * messages. Reports, per platform, each one's throughput, requests per CPU-second of its process
 * (robust to other load on the machine) and peak RSS, and the median per-round ratios B / A. Used
 * to choose `adapters/server/node-flags` (docs/deploy.md, "Memory and V8 flags").
 *
 * `node dist/bench/flag-compare.js "<flags A>" "<flags B>" [rounds]`
 */
import type { BenchRow } from './bench-row';
import type { Child } from './deployed';
import { type CpuLoad, fakeSlackApi, loadPairInRounds, SIGNING_SECRET, spawnDeployedServer } from './deployed-throughput';
import { startConnector } from './fake-connector';
import { LoadGenerator, THROUGHPUT_ROUNDS } from './load';
import { devQuestions } from './repo';
import { printRows } from './run-alone';
import { signedSlashCommands, teamsActivities } from './requests';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const perCpu = (l: CpuLoad): number => l.requests / Math.max(l.cpuMs / 1000, 0.01);

export async function compareFlags(a: string[], b: string[], rounds = 8): Promise<BenchRow[]> {
  const slackApi = await fakeSlackApi();
  const connector = await startConnector();
  const gen = LoadGenerator.start();
  const servers: Child[] = [];
  try {
    for (const flags of [a, b]) {
      const s = await spawnDeployedServer(flags, slackApi.url);
      servers.push(s);
    }
    const o = { ...THROUGHPUT_ROUNDS, rounds };
    const qs = devQuestions();
    const rows: BenchRow[] = [];
    for (const [platform, requests] of [
      ['slack', signedSlashCommands(qs, SIGNING_SECRET)],
      ['teams', teamsActivities(qs, connector.url)],
    ] as const) {
      const [ra, rb] = await loadPairInRounds(gen, [servers[0], servers[1]], requests, o);
      const mean = (ls: CpuLoad[], f: (l: CpuLoad) => number): number => ls.reduce((sum, l) => sum + f(l), 0) / ls.length;
      rows.push(
        {
          name: `${platform}: [${b.join(' ') || 'no flags'}] vs [${a.join(' ') || 'no flags'}], req/s`,
          value: Math.round(mean(rb, (l) => l.rps)),
          unit: 'req/s',
          baseline: Math.round(mean(ra, (l) => l.rps)),
          ratio: Number(median(rb.map((l, i) => l.rps / ra[i].rps)).toFixed(3)),
        },
        {
          name: `${platform}: [${b.join(' ') || 'no flags'}] vs [${a.join(' ') || 'no flags'}], req per CPU-s`,
          value: Math.round(mean(rb, perCpu)),
          unit: 'req/CPU-s',
          baseline: Math.round(mean(ra, perCpu)),
          ratio: Number(median(rb.map((l, i) => perCpu(l) / perCpu(ra[i]))).toFixed(3)),
        },
      );
    }
    const [ma, mb] = servers.map((s) => s.memory().hwm);
    rows.push({
      name: `peak RSS (VmHWM): [${b.join(' ') || 'no flags'}] vs [${a.join(' ') || 'no flags'}]`,
      value: Math.round(mb),
      unit: 'MB',
      baseline: Math.round(ma),
      ratio: Number((ma / mb).toFixed(3)),
    });
    return rows;
  } finally {
    await gen.close();
    for (const s of servers) await s.stop();
    await connector.close();
    await slackApi.close();
  }
}

if (require.main === module) {
  const [a = '', b = '', rounds = '8'] = process.argv.slice(2);
  const split = (f: string): string[] => f.split(/\s+/).filter(Boolean);
  printRows(compareFlags(split(a), split(b), Number(rounds)));
}
