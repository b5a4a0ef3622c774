/**
 * The schema, as versioned migrations run at start with umzug (applied names are kept in
 * `schema_migrations`). Each migration has the same tables in both dialects. All pending
 * migrations run in one transaction under the migration lock (see `SqlClient.withMigrationLock`),
 * so replicas starting at once never apply one twice, and a failed migration leaves nothing half
 * done. Never edit a released migration: add the next one.
 *
 * Tables (times are ms since the epoch; ids only as keyed hashes):
 * - `questions`: one row per question asked (`QUESTION_LOG`).
 * - `votes`: one row per (platform, answer, hashed user): a new vote replaces the old one.
 * - `settings`: named values created once (the generated hash key).
 * - `dedupe_keys` (002): Slack event and interaction ids with their expiry, shared by replicas.
 * - `escalations` (003): questions handed to the experts, one row per (platform, answer, hashed asker).
 * - `conversations` (004): the turns of recent conversations (keyed hash, turns JSON, updated_at),
 *   shared by replicas (adapters/store/conversations.ts).
 */
import { Umzug, type UmzugStorage } from 'umzug';
import type { Dialect, SqlExecutor } from './sql-client';

interface Migration {
  name: string;
  /** Statements per dialect. */
  up: Record<Dialect, string[]>;
}

const both = (sql: string): Record<Dialect, string[]> => ({ sqlite: [sql], postgres: [sql] });
const merge = (...parts: Record<Dialect, string[]>[]): Record<Dialect, string[]> => ({
  sqlite: parts.flatMap((p) => p.sqlite),
  postgres: parts.flatMap((p) => p.postgres),
});

export const MIGRATIONS: readonly Migration[] = [
  {
    name: '001-questions-votes-settings',
    up: merge(
      {
        sqlite: [
          'CREATE TABLE questions (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, platform TEXT NOT NULL, answered INTEGER NOT NULL, intent TEXT NOT NULL, answer_id TEXT NOT NULL, question TEXT NOT NULL, workspace_hash TEXT, team_hash TEXT, channel_hash TEXT, user_hash TEXT)',
        ],
        postgres: [
          'CREATE TABLE questions (id BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL, platform TEXT NOT NULL, answered SMALLINT NOT NULL, intent TEXT NOT NULL, answer_id TEXT NOT NULL, question TEXT NOT NULL, workspace_hash TEXT, team_hash TEXT, channel_hash TEXT, user_hash TEXT)',
        ],
      },
      both('CREATE INDEX questions_at ON questions (at)'),
      both(
        "CREATE TABLE votes (platform TEXT NOT NULL, answer_id TEXT NOT NULL, user_hash TEXT NOT NULL, question TEXT NOT NULL, vote TEXT NOT NULL CHECK (vote IN ('up', 'down')), at BIGINT NOT NULL, PRIMARY KEY (platform, answer_id, user_hash))",
      ),
      both('CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)'),
    ),
  },
  {
    name: '002-dedupe-keys',
    up: merge(
      both('CREATE TABLE dedupe_keys (key TEXT PRIMARY KEY, expires_at BIGINT NOT NULL)'),
      both('CREATE INDEX dedupe_keys_expires_at ON dedupe_keys (expires_at)'),
      both('CREATE INDEX votes_at ON votes (at)'),
    ),
  },
  {
    name: '003-escalations',
    up: merge(
      both(
        'CREATE TABLE escalations (platform TEXT NOT NULL, answer_id TEXT NOT NULL, user_hash TEXT NOT NULL, question TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (platform, answer_id, user_hash))',
      ),
      both('CREATE INDEX escalations_at ON escalations (at)'),
    ),
  },
  {
    name: '004-conversations',
    up: merge(
      both('CREATE TABLE conversations (key_hash TEXT PRIMARY KEY, turns TEXT NOT NULL, updated_at BIGINT NOT NULL)'),
      both('CREATE INDEX conversations_updated_at ON conversations (updated_at)'),
    ),
  },
];

/** The newest migration's name: the schema version a store at head has. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].name;

function storage(): UmzugStorage<SqlExecutor> {
  return {
    async executed({ context }) {
      await context.run('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)');
      const rows = await context.all<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      return rows.map((r) => r.name);
    },
    async logMigration({ name, context }) {
      await context.run('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)', [name, Date.now()]);
    },
    async unlogMigration({ name, context }) {
      await context.run('DELETE FROM schema_migrations WHERE name = ?', [name]);
    },
  };
}

/**
 * Applies the pending migrations (up to `to`, default all) with `executor`, which must already
 * hold the migration lock; resolves with the names applied.
 */
export async function migrate(executor: SqlExecutor, options: { to?: string } = {}): Promise<string[]> {
  const known = new Set(MIGRATIONS.map((m) => m.name));
  const umzug = new Umzug<SqlExecutor>({
    migrations: MIGRATIONS.map((m) => ({
      name: m.name,
      up: async ({ context }) => {
        for (const sql of m.up[context.dialect]) await context.run(sql);
      },
    })),
    context: executor,
    storage: storage(),
    logger: undefined,
  });
  const applied = await storage().executed({ context: executor });
  const unknown = applied.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new Error(
      `the database has schema version ${unknown.join(', ')}, newer than this build knows (${SCHEMA_VERSION}): run the newer version, or point it at another database`,
    );
  }
  const done = await umzug.up(options.to ? { to: options.to } : {});
  return done.map((m) => m.name);
}
