/**
 * The PostgreSQL store on a throwaway cluster (Debian's postgresql, started as the postgres user):
 * the same contract as SQLite, migrations by replicas starting at once, and claims from separate
 * pools (separate replicas).
 */
import { openStore } from '../../adapters/store/open-store';
import { openPostgres } from '../../adapters/store/postgres/postgres-client';
import { MIGRATIONS } from '../../adapters/store/migrations';
import { describeStoreContract } from './helpers/contract';
import { type PgCluster, startPostgres } from './helpers/postgres';

let pg: PgCluster;
let n = 0;
beforeAll(async () => {
  pg = await startPostgres();
}, 60_000);
afterAll(async () => {
  await pg?.destroy();
});

const freshUrl = async (): Promise<string> => pg.createDatabase(`contract_${process.pid}_${(n += 1)}`);

describeStoreContract('postgres', async () => {
  const url = await freshUrl();
  const client = openPostgres({ url });
  const { store } = await openStore({ kind: 'postgres', url }, { client });
  return { store, client };
});

describe('postgres store', () => {
  it('migrates once when six replicas start at the same time', async () => {
    const url = await freshUrl();
    const opened = await Promise.all(Array.from({ length: 6 }, () => openStore({ kind: 'postgres', url })));
    const applied = opened.map((o) => o.applied);
    expect(applied.filter((a) => a.length > 0)).toEqual([MIGRATIONS.map((m) => m.name)]);
    const client = openPostgres({ url });
    expect((await client.all<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map((r) => r.name)).toEqual(
      MIGRATIONS.map((m) => m.name),
    );
    await client.close();
    await Promise.all(opened.map((o) => o.store.close()));
  });

  it('gives a key to exactly one of several replicas claiming it at once', async () => {
    const url = await freshUrl();
    const replicas = await Promise.all(Array.from({ length: 4 }, () => openStore({ kind: 'postgres', url })));
    const now = Date.now();
    const results = await Promise.all(
      replicas.flatMap((r) => [r.store.claim('slack:EvShared', now, 60_000), r.store.claim('slack:EvShared', now, 60_000)]),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    await Promise.all(replicas.map((r) => r.store.close()));
  });

  it('fails fast, naming the database without its password, when the server is unreachable', async () => {
    const started = Date.now();
    await expect(openStore({ kind: 'postgres', url: `postgres://aws:s3cretpw@127.0.0.1:${pg.port + 1}/x` })).rejects.toThrow(
      /cannot open the postgres store at postgres:\/\/aws:\*\*\*@127\.0\.0\.1:\d+\/x: ECONNREFUSED/,
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
