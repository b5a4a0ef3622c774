/** The store's variables, validated with the server's configuration; and the core stays driver-free. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type ConfigError, parseConfig } from '../../adapters/server/config';

const ROOT = join(__dirname, '..', '..');

describe('store configuration', () => {
  it('defaults to SQLite in ./data, every question logged, 90 days kept, the key kept in the store', () => {
    const config = parseConfig({}, '/srv/app');
    expect(config.store).toEqual({
      location: { kind: 'sqlite', dataDir: '/srv/app/data', file: '/srv/app/data/aws-qa.db' },
      questionLog: 'all',
      retentionDays: 90,
    });
  });

  it('uses PostgreSQL with DATABASE_URL and treats its password and the hash key as secrets', () => {
    const config = parseConfig(
      {
        DATABASE_URL: 'postgres://bot:p%40ss-w0rd@db:5432/awsqa',
        QUESTION_LOG: 'unanswered',
        RETENTION_DAYS: '30',
        STORE_HASH_KEY: 'k'.repeat(32),
      },
      '/srv',
    );
    expect(config.store).toEqual({
      location: { kind: 'postgres', url: 'postgres://bot:p%40ss-w0rd@db:5432/awsqa' },
      questionLog: 'unanswered',
      retentionDays: 30,
      hashKey: 'k'.repeat(32),
    });
    expect(config.secrets).toEqual(expect.arrayContaining(['p@ss-w0rd', 'k'.repeat(32), 'postgres://bot:p%40ss-w0rd@db:5432/awsqa']));
  });

  it('lists every bad store variable at once, without echoing a value', () => {
    let error: ConfigError | undefined;
    try {
      parseConfig({ DATABASE_URL: 'mysql://root:hunter2@db/x', QUESTION_LOG: 'some', RETENTION_DAYS: '0', STORE_HASH_KEY: 'short' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.issues.map((i) => i.variable).sort()).toEqual(['DATABASE_URL', 'QUESTION_LOG', 'RETENTION_DAYS', 'STORE_HASH_KEY']);
    expect(error?.message).not.toMatch(/hunter2|short\b/);
  });
});

describe('architecture: the store port', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? sources(full) : /\.ts$/.test(name) ? [full] : [];
    });

  it('keeps database drivers and the migration tool out of src/', () => {
    const offenders = sources(join(ROOT, 'src')).filter((f) =>
      /from ['"](better-sqlite3|pg|pg-[\w-]+|umzug|postgres)['"]|require\(['"](better-sqlite3|pg|umzug)['"]\)/.test(
        readFileSync(f, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps each driver in its own adapter directory', () => {
    const files = sources(join(ROOT, 'adapters'));
    const importers = (mod: string) =>
      files.filter((f) => new RegExp(`from ['"]${mod}['"]`).test(readFileSync(f, 'utf8'))).map((f) => f.slice(ROOT.length + 1));
    expect(importers('better-sqlite3')).toEqual(['adapters/store/sqlite/sqlite-client.ts']);
    expect(importers('pg')).toEqual(['adapters/store/postgres/postgres-client.ts']);
  });
});
