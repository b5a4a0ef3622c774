/**
 * Two server replicas (in-process, the real Bolt receiver, signed requests, Web API at a loopback
 * fake Slack) sharing one PostgreSQL cluster started for this file: a Slack event and its retry
 * to the other replica are answered once; the question log and the report are shared; with the
 * database stopped mid-run every answer still goes out, `/healthz` says the store is degraded
 * (200), and what was asked meanwhile is written once the database is back.
 */
import { runCli } from '../helpers/run-cli';
import { startFakeSlack, type FakeSlack } from '../server/helpers/fakes';
import { raw } from '../server/helpers/requests';
import { baseEnv, type InProcess, startInProcess } from '../server/helpers/server';
import { type PgCluster, startPostgres } from './helpers/postgres';
import { mention, posts, slackEnv } from './helpers/slack-traffic';

const PASSWORD = 'replica-db-passw0rd-7f3a';
/** How long a wait for an effect may take on a loaded machine before the test fails (a bound, not a budget). */
const PATIENCE = 30_000;
let pg: PgCluster;
let fake: FakeSlack;
let url: string;
let a: InProcess;
let b: InProcess;

beforeAll(async () => {
  pg = await startPostgres();
  // Trust auth ignores the password; it is there to show it never reaches a log line.
  url = (await pg.createDatabase('replicas')).replace('postgres@', `postgres:${PASSWORD}@`);
  fake = await startFakeSlack();
  const env = baseEnv({ ...slackEnv(fake.apiUrl), DATABASE_URL: url, LOG_LEVEL: 'debug' });
  [a, b] = await Promise.all([startInProcess(env), startInProcess(env)]);
}, 60_000);

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await fake?.close();
  await pg?.destroy();
}, 30_000);

async function report(): Promise<{ unanswered: { question: string; count: number }[]; totals: Record<string, { questions: number }> }> {
  const run = await runCli(['report', '--json'], { DATABASE_URL: url });
  expect(run).toMatchObject({ code: 0 });
  return JSON.parse(run.out);
}

const health = async (server: InProcess): Promise<{ status: number; body: Record<string, unknown> }> => {
  const r = await raw(server.url, { method: 'GET', path: '/healthz' });
  return { status: r.status, body: JSON.parse(r.body) };
};

describe('two replicas on one PostgreSQL', () => {
  it('answers a Slack event delivered to A and retried to B exactly once', async () => {
    const before = posts(fake.calls);
    expect((await mention(a.url, 'SLA for EKS', 'EvReplica1')).status).toBe(200);
    expect((await mention(b.url, 'SLA for EKS', 'EvReplica1', 1)).status).toBe(200);
    expect((await mention(b.url, 'SLA for EKS', 'EvReplica1', 2)).status).toBe(200);
    await fake.waitFor(() => posts(fake.calls) > before, PATIENCE);
    await fake.waitFor(() => [...a.lines, ...b.lines].filter((l) => l.includes('duplicate event ignored')).length === 2, PATIENCE);
    // A sentinel to B, which got the retries: once it is answered, a wrong second answer would have been posted.
    expect((await mention(b.url, 'lambda timeout limit', 'EvReplica1Sentinel')).status).toBe(200);
    await fake.waitFor(
      () => fake.calls.some((c) => c.path.includes('chat.postMessage') && new URLSearchParams(c.body).get('text')?.includes('15 minutes')),
      PATIENCE,
    );
    expect(posts(fake.calls) - before).toBe(2); // the answer and the sentinel's
    expect([...a.lines, ...b.lines].filter((l) => l.includes('duplicate event ignored'))).toHaveLength(2);
  });

  it('shares the question log: a question asked once on each replica is counted twice', async () => {
    const before = posts(fake.calls);
    await mention(a.url, 'Cloud Run vs App Runner', 'EvReplica2');
    await mention(b.url, 'cloud run vs app runner?', 'EvReplica3');
    await fake.waitFor(() => posts(fake.calls) === before + 2, PATIENCE);
    expect(await a.store.buffer.drain()).toBe(true);
    expect(await b.store.buffer.drain()).toBe(true);
    const r = await report();
    expect(r.unanswered).toContainEqual({ question: 'cloud run vs app runner', count: 2, lastAsked: expect.any(String) });
  });

  it(
    'loses no answer while the database is stopped, reports degraded (200), and writes again when it returns',
    async () => {
      await pg.stop();
      const before = posts(fake.calls);
      const asked = ['SLA for Route 53', 'Beanstalk vs App Runner', 'SLA for Route 53', 'lambda timeout limit'];
      for (const [i, text] of asked.entries()) {
        const target = i % 2 === 0 ? a : b;
        expect((await mention(target.url, text, `EvDown${i}`)).status).toBe(200);
      }
      await fake.waitFor(() => posts(fake.calls) === before + asked.length, PATIENCE);
      await fake.waitFor(() => a.store.health.state === 'degraded' && b.store.health.state === 'degraded', PATIENCE);
      for (const server of [a, b])
        expect(await health(server)).toEqual({
          status: 200,
          body: { status: 'ready', store: 'degraded', knowledge: expect.stringMatching(/^[0-9a-f]{12}$/) },
        });
      expect(a.lines.filter((l) => l.includes('store degraded'))).toHaveLength(1);

      await pg.start();
      await fake.waitFor(
        () =>
          a.store.health.state === 'ok' && b.store.health.state === 'ok' && a.store.buffer.pending === 0 && b.store.buffer.pending === 0,
        PATIENCE,
      );
      for (const server of [a, b])
        expect((await health(server)).body).toEqual({ status: 'ready', store: 'ok', knowledge: expect.stringMatching(/^[0-9a-f]{12}$/) });
      expect(a.lines.some((l) => l.includes('store recovered'))).toBe(true);
      const r = await report();
      expect(r.unanswered).toContainEqual({ question: 'sla for route 53', count: 2, lastAsked: expect.any(String) });
      expect(a.store.snapshot().lost + b.store.snapshot().lost).toBe(0);
    },
    3 * PATIENCE,
  );

  it('says in /healthz which knowledge each replica serves: the same files, the same version', async () => {
    const [ha, hb] = await Promise.all([health(a), health(b)]);
    expect(ha.body.knowledge).toMatch(/^[0-9a-f]{12}$/);
    expect(hb.body.knowledge).toBe(ha.body.knowledge);
  });

  it('never logs the database password', () => {
    const all = [...a.lines, ...b.lines].join('\n');
    expect(all).toContain('store: postgres ready');
    expect(all).toMatch(/postgres:\/\/(?:postgres:\*\*\*|\[redacted\])@127\.0\.0\.1/);
    expect(all).not.toContain(PASSWORD);
  });
});
