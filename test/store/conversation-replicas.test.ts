/**
 * Two server replicas, spawned as `npm start` runs them, on one PostgreSQL cluster started for
 * this file (Slack over the real Bolt receiver, the Web API at a loopback fake): a follow-up is
 * answered in context when the turn before it went to the other replica (and a third turn back on
 * the first replica follows the second, not the first replica's stale memory); the rows hold no
 * question text and no id in clear; and with the table locked a turn waits a bounded time, then
 * is answered without the shared turns (logged at debug level without its text).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { type FakeSlack, startFakeSlack } from '../server/helpers/fakes';
import { waitFor } from '../server/helpers/requests';
import { baseEnv, type Spawned, spawnServer, stopSpawned } from '../server/helpers/server';
import { mentionEvent, nextPost, type Post, slackEvent } from '../server/helpers/slack-conversation';
import { type PgCluster, startPostgres } from './helpers/postgres';
import { slackEnv } from './helpers/slack-traffic';

let pg: PgCluster;
let db: Client;
let fake: FakeSlack;
let dataDir: string;
let a: Spawned;
let b: Spawned;

beforeAll(async () => {
  pg = await startPostgres();
  const url = await pg.createDatabase('conversations');
  db = new Client({ connectionString: url });
  await db.connect();
  fake = await startFakeSlack();
  dataDir = mkdtempSync(join(tmpdir(), 'aws-qa-conv-replicas-'));
  const env = baseEnv({ ...slackEnv(fake.apiUrl), DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'debug' });
  a = await spawnServer(env, { timeoutMs: 60_000 }); // one after the other: the first migrates
  b = await spawnServer(env, { timeoutMs: 60_000 });
}, 120_000);

afterAll(async () => {
  await stopSpawned(a);
  await stopSpawned(b);
  await db?.end();
  await fake?.close();
  await pg?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

const ask = (server: Spawned, text: string, ts: string, threadTs?: string): Promise<Post> =>
  nextPost(fake, async () => expect(await slackEvent(server.url, mentionEvent(text, ts, threadTs))).toBe(200));

/** The stored conversations: each row's turns, parsed. */
async function rows(): Promise<{ key_hash: string; turns: string; updated_at: string }[]> {
  return (await db.query<{ key_hash: string; turns: string; updated_at: string }>('SELECT key_hash, turns, updated_at FROM conversations'))
    .rows;
}

/** Resolves once the store holds `n` turns in all (a replica's write-behind has landed). */
async function storedTurns(n: number): Promise<void> {
  const total = async (): Promise<number> => (await rows()).reduce((sum, r) => sum + (JSON.parse(r.turns) as unknown[]).length, 0);
  const deadline = Date.now() + 15_000;
  for (let held = await total(); held < n; held = await total()) {
    if (Date.now() > deadline) throw new Error(`the store holds ${held} turns, waiting for ${n}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('conversations across two replicas on one PostgreSQL', () => {
  it('answers a follow-up in context when the turn before went to the other replica', async () => {
    const root = '1700000500.000100';
    expect((await ask(a, 'SLA for EC2', root)).text).toMatch(/Availability SLA: EC2/);
    await storedTurns(1);
    const onB = await ask(b, 'and for Lambda?', '1700000500.000200', root);
    expect(onB.text).toMatch(/Availability SLA: Lambda/);
    expect(onB.text).toMatch(/99\.95%/);
    await storedTurns(2);
    // A still remembers only its own turn (EC2); the store's newer one (Lambda) wins.
    expect((await ask(a, 'what are its cons?', '1700000500.000300', root)).text).toMatch(/^Lambda: cons/);
  });

  it('stores no question text and no id in clear: a keyed hash, turns as ids and flags, the time', async () => {
    await storedTurns(3);
    const stored = await rows();
    expect(stored).toHaveLength(1);
    const [row] = stored;
    expect(row.key_hash).toMatch(/^[0-9a-f]{32}$/);
    const turns = JSON.parse(row.turns) as Record<string, unknown>[];
    expect(turns.map((t) => Object.keys(t).sort())).toEqual(Array(3).fill(['answered', 'aspects', 'compare', 'services']));
    expect(turns.map((t) => t.services)).toEqual([['Amazon EC2'], ['AWS Lambda'], ['AWS Lambda']]);
    const all = JSON.stringify(stored);
    for (const clear of ['T0001', 'C0001', 'U0001', '1700000500', 'SLA for EC2', 'and for Lambda', 'its cons'])
      expect(all).not.toContain(clear);
  });

  it('waits a bounded time for a locked store, then answers without the shared turns', async () => {
    const root = '1700000600.000100';
    await ask(a, 'SLA for EC2', root);
    await storedTurns(4);
    await db.query('BEGIN');
    await db.query('LOCK TABLE conversations IN ACCESS EXCLUSIVE MODE');
    try {
      const onB = await ask(b, 'and for Lambda?', '1700000600.000200', root);
      expect(onB.text).not.toMatch(/Availability SLA: Lambda/);
      expect(onB.text).toMatch(/^Lambda: overview/);
      await waitFor(() => b.lines.some((l) => l.includes('conversations: store read timed out')), 5000, 'the timeout line');
      const line = b.lines.find((l) => l.includes('conversations: store read timed out'))!;
      expect(JSON.parse(line)).toMatchObject({ level: 20, component: 'conversations', waitMs: 250 });
      expect(line).not.toMatch(/Lambda|1700000600|C0001/);
    } finally {
      await db.query('ROLLBACK');
    }
  });
});
