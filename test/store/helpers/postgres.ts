/**
 * A throwaway PostgreSQL cluster for one test file: Debian's `postgresql` binaries (found under
 * /usr/lib/postgresql/<version>/bin, else on PATH), `initdb` + `pg_ctl` run as the `postgres` user
 * (PostgreSQL refuses to run as root) in a temp directory it owns, listening on a free loopback
 * port only, trust auth, fsync off. Missing binaries fail the test with how to install them:
 * nothing is skipped silently.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

export interface PgCluster {
  /** `postgres://postgres@127.0.0.1:PORT/postgres`. */
  url: string;
  port: number;
  /** A URL for database `name` on this cluster. */
  urlFor(name: string): string;
  /** Creates a fresh database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown: open connections are cut). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops and deletes everything. */
  destroy(): Promise<void>;
}

/** The directory holding `initdb` and `pg_ctl`, or an Error saying how to install them. */
export function findPgBin(): string {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(join(base, v, 'bin', 'pg_ctl'))) return join(base, v, 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (dir && existsSync(join(dir, 'pg_ctl')) && existsSync(join(dir, 'initdb'))) return dir;
  throw new Error(
    "PostgreSQL is not installed, and the store tests need it: install Debian's package (apt-get install -y postgresql; .ci/run does this when it is missing)",
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<PgCluster> {
  const bin = findPgBin();
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'aws-qa-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  if (root) {
    const { stdout } = await run('id', ['-u', 'postgres']).catch(() => {
      throw new Error("the postgres user does not exist: install Debian's postgresql package (apt-get install -y postgresql)");
    });
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const as = (cmd: string, args: string[]): Promise<{ stdout: string; stderr: string }> =>
    root ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { cwd: dir }) : run(join(bin, cmd), args, { cwd: dir });
  await as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60`;
  const start = async (): Promise<void> => {
    try {
      await as('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '30', '-o', options, 'start']);
    } catch (error) {
      const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new Error(`pg_ctl start failed: ${(error as Error).message}\n${tail}`, { cause: error });
    }
  };
  const stop = async (): Promise<void> => {
    await as('pg_ctl', ['-D', data, '-w', '-t', '30', '-m', 'fast', 'stop']).catch(() => undefined);
  };
  await start();
  // If the test process dies without destroy(), do not leave a server running on a shared machine.
  const onExit = (): void => {
    try {
      const args = ['-D', data, '-m', 'immediate', 'stop'];
      if (root) execFileSync('runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args], { stdio: 'ignore' });
      else execFileSync(join(bin, 'pg_ctl'), args, { stdio: 'ignore' });
    } catch {
      // already stopped
    }
  };
  process.once('exit', onExit);
  const urlFor = (name: string): string => `postgres://postgres@127.0.0.1:${port}/${name}`;
  return {
    url: urlFor('postgres'),
    port,
    urlFor,
    async createDatabase(name) {
      const client = new Client({ connectionString: urlFor('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return urlFor(name);
    },
    stop,
    start,
    async destroy() {
      process.off('exit', onExit);
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
