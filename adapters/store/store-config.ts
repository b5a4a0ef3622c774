/**
 * The store's variables, validated with the rest of the configuration (`adapters/server/config.ts` spreads
 * {@link storeEnvShape} into its schema) and by `aws-qa report`:
 *
 * | Variable | Default | |
 * |---|---|---|
 * | `DATA_DIR` | `./data` | SQLite: the directory of `aws-qa.db` (created on first start). |
 * | `DATABASE_URL` | — | `postgres://…`: PostgreSQL instead of SQLite (several replicas). Secret (its password). |
 * | `QUESTION_LOG` | `all` | `all`, `unanswered` or `off`. |
 * | `RETENTION_DAYS` | `90` | Questions and votes older than this are deleted (at start, then daily). |
 * | `STORE_HASH_KEY` | SQLite: generated once into `DATA_DIR/hash-key` (0600) | The HMAC key of the id hashes (16+ characters). Secret. Required with `DATABASE_URL` in production. |
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { QUESTION_LOG_MODES, type QuestionLogMode } from '../../src/index';

export type StoreLocation = { kind: 'sqlite'; dataDir: string; file: string } | { kind: 'postgres'; url: string };

export interface StoreConfig {
  location: StoreLocation;
  questionLog: QuestionLogMode;
  retentionDays: number;
  /** `STORE_HASH_KEY`, when set. */
  hashKey?: string;
}

/** The SQLite file's name inside `DATA_DIR`. */
export const SQLITE_FILE = 'aws-qa.db';

const opt = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined), z.string().optional());

/** The zod fields of the store's variables (merged into the server's schema). */
export const storeEnvShape = {
  DATA_DIR: opt,
  DATABASE_URL: opt.refine((v) => v === undefined || /^postgres(ql)?:\/\/\S+$/.test(v), 'must be a postgres:// or postgresql:// URL'),
  QUESTION_LOG: opt.refine(
    (v) => v === undefined || (QUESTION_LOG_MODES as readonly string[]).includes(v.toLowerCase()),
    `must be one of ${QUESTION_LOG_MODES.join(', ')}`,
  ),
  RETENTION_DAYS: opt.refine(
    (v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 36_500),
    'must be an integer from 1 to 36500 (days)',
  ),
  STORE_HASH_KEY: opt.refine((v) => v === undefined || v.length >= 16, 'must be at least 16 characters (e.g. openssl rand -base64 32)'),
};

export const storeEnvSchema = z.object(storeEnvShape);
export type StoreEnv = z.infer<typeof storeEnvSchema>;

/** The store configuration from validated variables; relative `DATA_DIR` against `cwd`. */
export function toStoreConfig(e: StoreEnv, cwd: string): StoreConfig {
  const dataDir = resolve(cwd, e.DATA_DIR ?? 'data');
  return {
    location: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', dataDir, file: resolve(dataDir, SQLITE_FILE) },
    questionLog: (e.QUESTION_LOG?.toLowerCase() ?? 'all') as QuestionLogMode,
    retentionDays: e.RETENTION_DAYS === undefined ? 90 : Number(e.RETENTION_DAYS),
    ...(e.STORE_HASH_KEY ? { hashKey: e.STORE_HASH_KEY } : {}),
  };
}

/** Secret values among the store's variables: the hash key and the database password. */
export function storeSecrets(e: StoreEnv): string[] {
  const out: string[] = [];
  if (e.STORE_HASH_KEY) out.push(e.STORE_HASH_KEY);
  if (e.DATABASE_URL) {
    try {
      const password = decodeURIComponent(new URL(e.DATABASE_URL).password);
      if (password) out.push(password, e.DATABASE_URL);
    } catch {
      out.push(e.DATABASE_URL);
    }
  }
  return out;
}

/** For the startup log: where the store is, never a password. */
export function describeStore(config: StoreConfig): Record<string, unknown> {
  const where =
    config.location.kind === 'sqlite'
      ? { kind: 'sqlite', file: config.location.file }
      : { kind: 'postgres', url: redactUrl(config.location.url) };
  return {
    ...where,
    questionLog: config.questionLog,
    retentionDays: config.retentionDays,
    hashKey: config.hashKey
      ? 'set'
      : config.location.kind === 'sqlite'
        ? 'generated, in DATA_DIR/hash-key'
        : 'generated, kept in the store',
  };
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<invalid url>';
  }
}

/**
 * The store configuration straight from an environment (for `aws-qa report`); throws an Error
 * naming every bad variable.
 */
export function storeConfigFromEnv(env: Record<string, string | undefined>, cwd = process.cwd()): StoreConfig {
  const parsed = storeEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; '));
  return toStoreConfig(parsed.data, cwd);
}
