/**
 * The `conversations` table (migration 004) on a real SQLite file: rows round-trip, an older write
 * never replaces a newer one, expired rows are neither read nor kept, and what does not check out
 * as turns reads as no row. The PostgreSQL side runs in conversation-replicas.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTurns } from '../../adapters/store/conversations';
import { openStore } from '../../adapters/store/open-store';
import { openSqlite } from '../../adapters/store/sqlite/sqlite-client';
import type { SqlStore } from '../../adapters/store/sql-store';
import { MAX_TURNS, type Turn } from '../../src/index';

const turn = (services: string[], aspects: string[] = []): Turn => ({ services, aspects, compare: false, answered: true });

let dir: string;
let file: string;
let store: SqlStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aws-qa-conv-rows-'));
  file = join(dir, 'aws-qa.db');
  ({ store } = await openStore({ kind: 'sqlite', dataDir: dir, file }));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ConversationRows', () => {
  it('saves and loads a conversation; a newer row wins whatever the order of the writes', async () => {
    const rows = store.conversations();
    await rows.save([{ keyHash: 'k1', turns: [turn(['ec2'], ['sla'])], at: 2000 }]);
    await rows.save([{ keyHash: 'k1', turns: [turn(['old'])], at: 1000 }]);
    expect(await rows.load('k1', 0)).toEqual({ keyHash: 'k1', turns: [turn(['ec2'], ['sla'])], at: 2000 });
    await rows.save([
      { keyHash: 'k1', turns: [turn(['ec2'], ['sla']), turn(['lambda'], ['sla'])], at: 3000 },
      { keyHash: 'k2', turns: [turn(['eks'])], at: 3000 },
    ]);
    expect((await rows.load('k1', 0))?.turns.map((t) => t.services[0])).toEqual(['ec2', 'lambda']);
    expect((await rows.load('k2', 0))?.turns).toEqual([turn(['eks'])]);
  });

  it('reads no row older than `since`, and purges rows older than the given time', async () => {
    const rows = store.conversations();
    await rows.save([
      { keyHash: 'old', turns: [turn(['ecs'])], at: 10 },
      { keyHash: 'new', turns: [turn(['ecs'])], at: 5_000 },
    ]);
    expect(await rows.load('old', 100)).toBeUndefined();
    expect(await rows.purge(100)).toBe(1);
    expect(await rows.load('old', 0)).toBeUndefined();
    expect(await rows.load('new', 100)).toBeDefined();
  });

  it('writes only what a Turn holds', async () => {
    const extra = { ...turn(['ec2'], ['sla']), question: 'SLA for EC2', user: 'U0001' } as Turn;
    await store.conversations().save([{ keyHash: 'k3', turns: [extra], at: 1 }]);
    const client = openSqlite({ file });
    const [row] = await client.all<{ turns: string }>("SELECT turns FROM conversations WHERE key_hash = 'k3'");
    await client.close();
    expect(JSON.parse(row.turns)).toEqual([turn(['ec2'], ['sla'])]);
  });

  it('reads turns that do not check out (edited by hand, another version) as no row', async () => {
    const client = openSqlite({ file });
    await client.run("INSERT INTO conversations (key_hash, turns, updated_at) VALUES ('bad', '{not json', 10)");
    await client.close();
    expect(await store.conversations().load('bad', 0)).toBeUndefined();
    expect(parseTurns(JSON.stringify([{ services: 'ec2', aspects: [], compare: false, answered: true }]))).toBeUndefined();
    expect(parseTurns(JSON.stringify(Array.from({ length: MAX_TURNS + 1 }, () => turn(['ec2']))))).toBeUndefined();
    expect(parseTurns(JSON.stringify([turn(['ec2'])]))).toEqual([turn(['ec2'])]);
  });
});
