/**
 * Fuzz: at least 5,000 random and malformed requests to `/slack/events` and `/api/messages` of two
 * real servers on loopback (local mode: Teams without auth; production mode: Slack HTTP with a
 * fake Web API, Teams with auth). Bad JSON, wrong content types, huge and empty bodies, missing
 * fields, valid shapes with hostile values, unicode, wrong methods and paths, forged signatures.
 * Expected: no crash, no 5xx, heap stable after GC, and valid requests still answered afterwards.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { startedForAll } from '../helpers/lifecycle';
import { startFakeConnector, startFakeSlack } from './helpers/fakes';
import { type Category, type FuzzCase, FuzzCases } from './helpers/fuzz-cases';
import { postActivity, postSlack, raw, slackCommand, teamsMessage } from './helpers/requests';
import { baseEnv, spawnServer, stopSpawned } from './helpers/server';

const SEED = Number(process.env.FUZZ_SEED ?? 20_251_127);
/** Requests in all, warm-up included (memory is measured after the warm-up and at the end). */
const COUNT = Number(process.env.FUZZ_COUNT ?? 5000);
const WARMUP = Math.min(1000, Math.floor(COUNT / 5));
/** Enough to overlap Bolt's 3 s wait on signed payloads that no listener acknowledges (then 404). */
const CONCURRENCY = 256;
const SIGNING_SECRET = 'f00dfacecafe0123456789abcdef0123';

/** Resident set size of process `pid`, in MB (Linux /proc, else ps). */
function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    /* not Linux */
  }
  return (
    Number(
      execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
        .toString()
        .trim(),
    ) / 1024
  );
}

describe('fuzz', () => {
  const connector = startedForAll(startFakeConnector);
  const slack = startedForAll(startFakeSlack);
  /** Local mode (Teams without auth), and production mode (Slack HTTP against the fake Web API, Teams with auth). */
  const servers = startedForAll(
    async () => {
      const [local, prod] = await Promise.all([
        spawnServer(baseEnv()),
        spawnServer(
          baseEnv({
            SLACK_BOT_TOKEN: 'xoxb-1-2-fuzzBotToken',
            SLACK_SIGNING_SECRET: SIGNING_SECRET,
            SLACK_API_URL: slack().apiUrl,
            MicrosoftAppId: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
            MicrosoftAppPassword: 'fuzz-app-password-0123',
          }),
        ),
      ]);
      return { local, prod };
    },
    async ({ local, prod }) => {
      await stopSpawned(local);
      await stopSpawned(prod);
    },
    30_000,
  );

  /** What is kept of each request: small, so the test's own bookkeeping does not look like a server leak. */
  interface Outcome {
    i: number;
    category: Category;
    status: number;
    summary: string;
  }
  const outcome = (c: FuzzCase, status: number, i: number): Outcome => {
    const body = Buffer.isBuffer(c.body) ? `<${c.body.length} bytes>` : String(c.body ?? '');
    return {
      i,
      category: c.category,
      status,
      summary: `#${i} ${c.category} ${c.target} ${c.method ?? 'POST'} ${c.path} ${JSON.stringify(c.headers)} ${body.slice(0, 300)}`,
    };
  };

  async function run(cases: FuzzCases, count: number, results: Outcome[]): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < count) {
        const i = next;
        next += 1;
        const c = cases.next();
        const t0 = Date.now();
        const res = await raw(servers()[c.target].url, c);
        if (process.env.FUZZ_DEBUG && Date.now() - t0 > 500)
          process.stdout.write(`slow ${Date.now() - t0}ms ${res.status} ${outcome(c, res.status, i).summary}\n`);
        results.push(outcome(c, res.status, i));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }

  it(`survives ${COUNT} random and malformed requests with no 5xx and stable memory`, async () => {
    const { local, prod } = servers();
    const cases = new FuzzCases(SEED, connector().url, SIGNING_SECRET);
    const warmup: Outcome[] = [];
    await run(cases, WARMUP, warmup);
    connector().calls.length = 0; // the fakes' own records
    slack().calls.length = 0;
    const rssBefore = [local, prod].map((s) => rssMb(s.proc.pid!));

    const results: Outcome[] = [];
    const started = Date.now();
    await run(cases, COUNT - WARMUP, results);
    const ms = Date.now() - started;
    const rssAfter = [local, prod].map((s) => rssMb(s.proc.pid!));

    const all = [...warmup, ...results];
    const table: Partial<Record<Category, Record<number, number>>> = {};
    for (const { category, status } of all) {
      const row = (table[category] ??= {});
      row[status] = (row[status] ?? 0) + 1;
    }
    const describe = (r: Outcome): string => r.summary;

    const serverErrors = all.filter((r) => r.status >= 500);
    expect(serverErrors.map(describe)).toEqual([]);
    // No connection may fail, except an oversized body cut off mid-upload after its 413 was sent.
    const dropped = all.filter((r) => r.status === 0 && r.category !== 'huge');
    expect(dropped.map(describe)).toEqual([]);
    const huge = all.filter((r) => r.category === 'huge');
    // With auth on, a Teams request without a token is refused (401) before its body is read.
    const refusedUnread = (r: Outcome): boolean => r.status === 401 && / prod POST \/api\/messages /.test(r.summary);
    expect(huge.filter((r) => !(r.status === 413 || r.status === 0 || refusedUnread(r))).map((r) => r.summary.slice(0, 200))).toEqual([]);
    expect(huge.filter((r) => r.status === 413 || refusedUnread(r)).length).toBeGreaterThanOrEqual(Math.ceil(huge.length / 2));
    expect(Object.keys(table).sort()).toEqual([
      'bad-json',
      'content-type',
      'empty',
      'forged',
      'hostile',
      'huge',
      'method-path',
      'missing-fields',
    ]);
    expect(all.filter((r) => r.status === 200).length).toBeGreaterThan(COUNT / 5); // plenty got through to the bots

    // Memory: after a warm-up, resident memory may not keep growing with the request count.
    const growth = rssAfter.map((after, i) => after - rssBefore[i]);
    process.stdout.write(
      `fuzz: ${all.length} requests in ${ms} ms (seed ${SEED}); RSS MB local ${rssBefore[0].toFixed(0)} -> ${rssAfter[0].toFixed(0)}, prod ${rssBefore[1].toFixed(0)} -> ${rssAfter[1].toFixed(0)}; ${JSON.stringify(table)}\n`,
    );
    for (const g of growth) expect(g).toBeLessThan(40);
    for (const server of [local, prod]) {
      expect(server.proc.exitCode).toBeNull(); // no crash
      const bad = server.lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.msg === 'request handler failed' || (l.msg === 'request' && Number(l.status) >= 500));
      expect(bad).toEqual([]);
    }

    // Still answering.
    for (const server of [local, prod]) expect((await raw(server.url, { method: 'GET', path: '/healthz' })).status).toBe(200);
    const before = connector().calls.length;
    const teams = await postActivity(local.url, teamsMessage(connector().url, 'SLA for EKS'));
    expect(teams.status).toBe(200);
    expect(
      connector()
        .calls.slice(before)
        .some((c) => c.body.includes('99.95%')),
    ).toBe(true);
    const command = slackCommand('SLA for EKS');
    const ack = await postSlack(prod.url, SIGNING_SECRET, command);
    expect(ack.status).toBe(200);
    expect(ack.body).toContain('99.95%');
  }, 60_000);
});
