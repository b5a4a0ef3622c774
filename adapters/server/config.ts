/**
 * The server's configuration: one zod schema over the environment (plus an optional `.env` file),
 * validated once at startup. Every invalid or missing variable is reported at once, in one
 * {@link ConfigError}, before anything listens; secret values are never echoed (in errors or in
 * {@link describeConfig}). Platform-free: it only turns strings into data.
 *
 * Modes (see docs/deploy.md for the full table):
 * - **Local mode** (no Slack token, no `MicrosoftAppId`, and `NODE_ENV` is not `production`): binds
 *   127.0.0.1, serves the Teams endpoint without auth (Bot Framework Emulator) and the playground.
 * - With `NODE_ENV=production` (the Docker image sets it) there is no local mode: a deployment whose
 *   secrets are missing fails at startup ("nothing to serve") instead of serving without auth.
 * - Otherwise: binds 0.0.0.0; Slack is on when `SLACK_BOT_TOKEN` is set (HTTP mode with
 *   `SLACK_SIGNING_SECRET`, Socket Mode with `SLACK_APP_TOKEN`); Teams is on with `MicrosoftAppId`
 *   (and its password or managed identity), and off without it unless `TEAMS_ALLOW_UNAUTHENTICATED`
 *   says to serve it without auth anyway (a private network, benchmarks).
 *
 * ```ts
 * const config = loadConfig();               // process.env + ./.env; throws ConfigError
 * ```
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';
import { type StoreConfig, storeEnvShape, storeSecrets, toStoreConfig } from '../store/store-config';
import { bindAddress, isBindableHost, isLoopbackHostname } from '../shared/loopback';
import { type ExpertsConfig, expertsEnvShape, toExpertsConfig } from './experts-config';

/** Variables whose values are secrets: never echoed, and scrubbed from every log line. */
export const SECRET_VARIABLES = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'MicrosoftAppPassword',
  'PLAYGROUND_TOKEN',
] as const;

/** Shortest accepted secrets: Slack signing secrets are 32 characters, Entra client secrets about 40. */
export const MIN_SIGNING_SECRET_LENGTH = 32;
export const MIN_APP_PASSWORD_LENGTH = 16;
export const MIN_PLAYGROUND_TOKEN_LENGTH = 16;
/** `CONVERSATION_TTL_MINUTES` when unset: a conversation is remembered 15 minutes after its last turn. */
export const DEFAULT_CONVERSATION_TTL_MINUTES = 15;
/** Default cap on the knowledge directory's total size (`KNOWLEDGE_MAX_BYTES`): 20 MB. */
export const DEFAULT_KNOWLEDGE_MAX_BYTES = 20 * 1024 * 1024;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const TEAMS_APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type TeamsAppType = (typeof TEAMS_APP_TYPES)[number];

export type SlackConfig =
  | { mode: 'off' }
  | { mode: 'http'; botToken: string; signingSecret: string; apiUrl?: string; allowedTeamIds: string[] }
  | { mode: 'socket'; botToken: string; appToken: string; signingSecret?: string; apiUrl?: string; allowedTeamIds: string[] };

export type TeamsConfig =
  /** `open`: no authentication (local mode, or `TEAMS_ALLOW_UNAUTHENTICATED`: Bot Framework Emulator). `off`: not served. */
  | {
      mode: 'off' | 'open';
      allowedTenantIds: string[];
      /** `TEAMS_ALLOWED_SERVICE_URLS`: origins besides loopback that replies may go to. */ allowedServiceUrls: string[];
    }
  | { mode: 'auth'; appId: string; appPassword?: string; appType: TeamsAppType; tenantId?: string; allowedTenantIds: string[] };

export interface ServerConfig {
  /** `PORT`, default 3978 (0: any free port). */
  port: number;
  /** `HOST`, default 127.0.0.1 in local mode, else 0.0.0.0. */
  host: string;
  /** `LOG_LEVEL`, default `info`. */
  logLevel: LogLevel;
  /** `KNOWLEDGE_DIR`, default `./knowledge`, resolved against the working directory. */
  knowledgeDir: string;
  /** `KNOWLEDGE_WATCH`, default true: reload the knowledge base when its files change. */
  knowledgeWatch: boolean;
  /** `KNOWLEDGE_MAX_BYTES`, default 20 MB: the knowledge directory's largest total size. */
  knowledgeMaxBytes: number;
  /** `PUBLIC_HOST`: a host name besides loopback names that local mode and the playground answer to. */
  publicHost?: string;
  /** `PLAYGROUND_TOKEN`: outside local mode, the playground asks for it (HTTP Basic password). */
  playgroundToken?: string;
  /** `SHUTDOWN_TIMEOUT_MS`, default 8000: in-flight requests get this long to finish once the server stops accepting. */
  shutdownTimeoutMs: number;
  /**
   * `SHUTDOWN_DELAY_MS`, default 0: after SIGTERM, keep serving this long with `/healthz` at 503
   * before refusing connections, so a load balancer stops routing here first.
   */
  shutdownDelayMs: number;
  /** No platform credentials at all and not `NODE_ENV=production`: zero-setup local mode. */
  local: boolean;
  /** `NODE_ENV=production`. */
  production: boolean;
  /** `PLAYGROUND`, default on in local mode, off otherwise. */
  playground: boolean;
  slack: SlackConfig;
  teams: TeamsConfig;
  /** Every configured secret value (for log scrubbing). */
  secrets: string[];
  /** The `.env` file that was read, when there was one. */
  envFile?: string;
  /**
   * `CONVERSATION_TTL_MINUTES`, default 15: how long a conversation (a Slack thread or DM, a Teams
   * chat or channel thread, a playground session) is remembered after its last turn, so that a
   * follow-up is read in its context; 0 turns follow-ups off (adapters/server/conversations.ts).
   */
  conversationTtlMinutes: number;
  /** The store: `DATA_DIR` (SQLite) or `DATABASE_URL` (PostgreSQL), `QUESTION_LOG`, `RETENTION_DAYS`, `STORE_HASH_KEY` (adapters/store/store-config.ts). */
  store: StoreConfig;
  /** `SLACK_EXPERTS_CHANNEL`, `TEAMS_EXPERTS_CHANNEL`, `SLACK_ADMIN_USER_IDS` (experts-config.ts). */
  experts: ExpertsConfig;
}

export interface ConfigIssue {
  /** The variable at fault, e.g. `SLACK_SIGNING_SECRET`. */
  variable: string;
  message: string;
}

/** Thrown by {@link parseConfig} / {@link loadConfig}: every problem, one per line, no secret values. */
export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(
      `invalid configuration (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Trimmed string; empty counts as unset (so `SLACK_BOT_TOKEN=` in a .env template is "not set"). */
const opt = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined), z.string().optional());
const flag = opt.refine(
  (v) => v === undefined || /^(1|0|true|false|yes|no|on|off)$/i.test(v),
  'must be one of 1/0, true/false, yes/no, on/off',
);
const asFlag = (v: string | undefined): boolean | undefined => (v === undefined ? undefined : /^(1|true|yes|on)$/i.test(v));
const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const intIn = (min: number, max: number) =>
  opt.refine(
    (v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max),
    `must be an integer from ${min} to ${max}`,
  );
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const secretOfAtLeast = (min: number, what: string) =>
  opt.refine((v) => v === undefined || (v.length >= min && !/\s/.test(v)), `must be ${what} (at least ${min} characters, no spaces)`);
const isHttpUrl = (v: string): boolean => {
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
};

/** The schema over the raw environment: field checks, then the rules between variables (run even when a field failed, so every problem is listed). */
export const envSchema = z
  .object({
    NODE_ENV: opt,
    PORT: intIn(0, 65535),
    HOST: opt.refine(
      (v) => v === undefined || isBindableHost(v),
      'must be an IP address (IPv6 with or without brackets: ::1, [::1]) or a host name',
    ),
    LOG_LEVEL: opt.refine(
      (v) => v === undefined || (LOG_LEVELS as readonly string[]).includes(v.toLowerCase()),
      `must be one of ${LOG_LEVELS.join(', ')}`,
    ),
    KNOWLEDGE_DIR: opt,
    KNOWLEDGE_WATCH: flag,
    KNOWLEDGE_MAX_BYTES: intIn(1024, 1024 * 1024 * 1024),
    SHUTDOWN_TIMEOUT_MS: intIn(0, 120_000),
    SHUTDOWN_DELAY_MS: intIn(0, 60_000),
    CONVERSATION_TTL_MINUTES: intIn(0, 1440),
    PLAYGROUND: flag,
    PLAYGROUND_TOKEN: secretOfAtLeast(MIN_PLAYGROUND_TOKEN_LENGTH, 'a random token'),
    PUBLIC_HOST: opt.refine(
      (v) => v === undefined || /^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(v),
      'must be a host name without scheme or port (e.g. bot.example.com)',
    ),
    LOCAL_ALLOW_REMOTE: flag,
    SLACK_BOT_TOKEN: opt.refine((v) => v === undefined || /^xoxb-[\w-]+$/.test(v), 'must be a bot token (starts with xoxb-)'),
    SLACK_SIGNING_SECRET: secretOfAtLeast(MIN_SIGNING_SECRET_LENGTH, "the app's signing secret"),
    SLACK_APP_TOKEN: opt.refine((v) => v === undefined || /^xapp-[\w-]+$/.test(v), 'must be an app-level token (starts with xapp-)'),
    SLACK_API_URL: opt
      .refine((v) => v === undefined || /^https?:\/\/[^\s]+\/$/.test(v), 'must be an http(s) URL ending in / (e.g. https://slack.com/api/)')
      .refine(
        (v) => v === undefined || !/^https?:\/\/[^/?#]*@/.test(v),
        'must not carry credentials (user:password@): the Slack client cannot send them, and they would be a secret in a URL',
      ),
    SLACK_ALLOWED_TEAM_IDS: opt.refine(
      (v) => list(v).every((id) => /^[TE][A-Z0-9]{2,}$/.test(id)),
      'must be a comma-separated list of workspace ids (T…) or enterprise ids (E…)',
    ),
    MicrosoftAppId: opt.refine(
      (v) => v === undefined || GUID.test(v),
      "must be a GUID (the bot's Microsoft Entra app or managed identity client id)",
    ),
    MicrosoftAppPassword: secretOfAtLeast(MIN_APP_PASSWORD_LENGTH, "the app's client secret"),
    MicrosoftAppType: opt.refine(
      (v) => v === undefined || TEAMS_APP_TYPES.some((t) => t.toLowerCase() === v.toLowerCase()),
      `must be one of ${TEAMS_APP_TYPES.join(', ')}`,
    ),
    MicrosoftAppTenantId: opt.refine((v) => v === undefined || GUID.test(v), 'must be a GUID (the Microsoft Entra tenant id)'),
    TEAMS_ALLOW_UNAUTHENTICATED: flag,
    TEAMS_ALLOWED_SERVICE_URLS: opt.refine(
      (v) => list(v).every(isHttpUrl),
      'must be a comma-separated list of http(s) URLs (e.g. http://host.docker.internal:50000)',
    ),
    TEAMS_ALLOWED_TENANT_IDS: opt.refine(
      (v) => list(v).every((id) => GUID.test(id)),
      'must be a comma-separated list of tenant ids (GUIDs)',
    ),
    // The store (DATA_DIR, DATABASE_URL, QUESTION_LOG, RETENTION_DAYS, STORE_HASH_KEY): adapters/store/store-config.ts.
    ...storeEnvShape,
    // The knowledge owners' loop (SLACK_EXPERTS_CHANNEL, TEAMS_EXPERTS_CHANNEL, SLACK_ADMIN_USER_IDS): experts-config.ts.
    ...expertsEnvShape,
  })
  .superRefine(
    (env, ctx) => {
      const issue = (variable: string, message: string): void => void ctx.addIssue({ code: 'custom', path: [variable], message });
      const has = (name: keyof typeof env): boolean => typeof env[name] === 'string';
      if (!has('SLACK_BOT_TOKEN')) {
        for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] as const) {
          if (has(name)) issue('SLACK_BOT_TOKEN', `required when ${name} is set (the bot token, xoxb-…)`);
        }
      } else if (!has('SLACK_APP_TOKEN') && !has('SLACK_SIGNING_SECRET')) {
        issue('SLACK_SIGNING_SECRET', 'required when SLACK_BOT_TOKEN is set (HTTP mode); or set SLACK_APP_TOKEN for Socket Mode');
      }
      const appType = TEAMS_APP_TYPES.find((t) => t.toLowerCase() === String(env.MicrosoftAppType ?? 'MultiTenant').toLowerCase());
      if (has('MicrosoftAppId') && asFlag(env.TEAMS_ALLOW_UNAUTHENTICATED))
        issue('TEAMS_ALLOW_UNAUTHENTICATED', 'must not be set with MicrosoftAppId (authentication is on)');
      if (!has('MicrosoftAppId')) {
        for (const name of ['MicrosoftAppPassword', 'MicrosoftAppTenantId'] as const) {
          if (has(name)) issue('MicrosoftAppId', `required when ${name} is set`);
        }
        if (appType === 'SingleTenant' || appType === 'UserAssignedMSI')
          issue('MicrosoftAppId', `required when MicrosoftAppType is ${appType}`);
      } else {
        if (appType !== 'UserAssignedMSI' && !has('MicrosoftAppPassword'))
          issue('MicrosoftAppPassword', `required when MicrosoftAppId is set (MicrosoftAppType ${appType ?? 'MultiTenant'})`);
        if (appType === 'UserAssignedMSI' && has('MicrosoftAppPassword'))
          issue('MicrosoftAppPassword', 'must be empty when MicrosoftAppType is UserAssignedMSI (the managed identity has no secret)');
        if ((appType === 'SingleTenant' || appType === 'UserAssignedMSI') && !has('MicrosoftAppTenantId'))
          issue('MicrosoftAppTenantId', `required when MicrosoftAppType is ${appType}`);
      }
      const local = env.NODE_ENV !== 'production' && !has('SLACK_BOT_TOKEN') && !has('MicrosoftAppId');
      const loopbackHost = isLoopbackHostname(env.HOST ?? (local ? '127.0.0.1' : '0.0.0.0'));
      if (local && !loopbackHost && !asFlag(env.LOCAL_ALLOW_REMOTE)) {
        issue(
          'HOST',
          `is ${env.HOST}, not loopback: local mode serves the Teams endpoint without authentication and the playground to anyone who can reach it; set LOCAL_ALLOW_REMOTE=1 to allow it, or configure credentials`,
        );
      }
      if (env.NODE_ENV === 'production' && has('DATABASE_URL') && !has('STORE_HASH_KEY')) {
        issue(
          'STORE_HASH_KEY',
          'required with DATABASE_URL in production: the key of the id hashes must not be kept in the database it protects (e.g. openssl rand -base64 32, the same value on every replica)',
        );
      }
      if (!local && asFlag(env.PLAYGROUND) && !loopbackHost && !has('PLAYGROUND_TOKEN')) {
        issue(
          'PLAYGROUND',
          'is on beside production settings: the playground is public and anonymous; bind HOST to loopback (127.0.0.1) or set PLAYGROUND_TOKEN',
        );
      }
      if (
        env.NODE_ENV === 'production' &&
        !has('SLACK_BOT_TOKEN') &&
        !has('SLACK_SIGNING_SECRET') &&
        !has('SLACK_APP_TOKEN') &&
        !has('MicrosoftAppId') &&
        !asFlag(env.TEAMS_ALLOW_UNAUTHENTICATED) &&
        !asFlag(env.PLAYGROUND)
      ) {
        issue(
          'NODE_ENV',
          'is production but nothing is configured to serve: set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN, and/or MicrosoftAppId with MicrosoftAppPassword (or PLAYGROUND=1)',
        );
      }
    },
    { when: () => true } as never,
  );

export type RawEnv = z.infer<typeof envSchema>;

/** Builds the configuration from an environment map (no file access besides resolving paths). Throws {@link ConfigError}. */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issues = new Map<string, ConfigIssue>();
    for (const i of parsed.error.issues) {
      const variable = String(i.path[0] ?? 'environment');
      // Only our own messages are shown: a library default could quote the value.
      const message = i.code === 'custom' || !(SECRET_VARIABLES as readonly string[]).includes(variable) ? i.message : 'invalid value';
      issues.set(`${variable}\0${message}`, { variable, message });
    }
    throw new ConfigError([...issues.values()]);
  }
  return toConfig(parsed.data, cwd);
}

function toConfig(e: RawEnv, cwd: string): ServerConfig {
  const allowedTeamIds = list(e.SLACK_ALLOWED_TEAM_IDS);
  const slack: SlackConfig = !e.SLACK_BOT_TOKEN
    ? { mode: 'off' }
    : e.SLACK_APP_TOKEN
      ? {
          mode: 'socket',
          botToken: e.SLACK_BOT_TOKEN,
          appToken: e.SLACK_APP_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          apiUrl: e.SLACK_API_URL,
          allowedTeamIds,
        }
      : {
          mode: 'http',
          botToken: e.SLACK_BOT_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET as string,
          apiUrl: e.SLACK_API_URL,
          allowedTeamIds,
        };
  const production = e.NODE_ENV === 'production';
  const local = !production && slack.mode === 'off' && !e.MicrosoftAppId;
  const allowedTenantIds = list(e.TEAMS_ALLOWED_TENANT_IDS);
  const appType = TEAMS_APP_TYPES.find((t) => t.toLowerCase() === (e.MicrosoftAppType ?? 'MultiTenant').toLowerCase()) as TeamsAppType;
  const teams: TeamsConfig = e.MicrosoftAppId
    ? {
        mode: 'auth',
        appId: e.MicrosoftAppId,
        appPassword: e.MicrosoftAppPassword,
        appType,
        tenantId: e.MicrosoftAppTenantId,
        allowedTenantIds,
      }
    : {
        mode: local || asFlag(e.TEAMS_ALLOW_UNAUTHENTICATED) ? 'open' : 'off',
        allowedTenantIds,
        allowedServiceUrls: list(e.TEAMS_ALLOWED_SERVICE_URLS),
      };
  return {
    port: e.PORT === undefined ? 3978 : Number(e.PORT),
    host: bindAddress(e.HOST ?? (local ? '127.0.0.1' : '0.0.0.0')),
    logLevel: (e.LOG_LEVEL?.toLowerCase() ?? 'info') as LogLevel,
    knowledgeDir: resolve(cwd, e.KNOWLEDGE_DIR ?? 'knowledge'),
    knowledgeWatch: asFlag(e.KNOWLEDGE_WATCH) ?? true,
    knowledgeMaxBytes: e.KNOWLEDGE_MAX_BYTES === undefined ? DEFAULT_KNOWLEDGE_MAX_BYTES : Number(e.KNOWLEDGE_MAX_BYTES),
    publicHost: e.PUBLIC_HOST?.toLowerCase(),
    playgroundToken: e.PLAYGROUND_TOKEN,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS === undefined ? 8000 : Number(e.SHUTDOWN_TIMEOUT_MS),
    shutdownDelayMs: e.SHUTDOWN_DELAY_MS === undefined ? 0 : Number(e.SHUTDOWN_DELAY_MS),
    conversationTtlMinutes:
      e.CONVERSATION_TTL_MINUTES === undefined ? DEFAULT_CONVERSATION_TTL_MINUTES : Number(e.CONVERSATION_TTL_MINUTES),
    local,
    production,
    playground: asFlag(e.PLAYGROUND) ?? local,
    slack,
    teams,
    secrets: SECRET_VARIABLES.map((name) => e[name])
      .filter((v): v is string => Boolean(v))
      .concat(storeSecrets(e)),
    store: toStoreConfig(e, cwd),
    experts: toExpertsConfig(e),
  };
}

export interface LoadConfigOptions {
  /** The environment; default `process.env`. Its values always win over the `.env` file's. */
  env?: Record<string, string | undefined>;
  /** Working directory for `.env` and `KNOWLEDGE_DIR`; default `process.cwd()`. */
  cwd?: string;
  /** The dotenv file, relative to `cwd`; default `.env`. A missing file is fine. */
  envFile?: string;
}

/** Reads `.env` (when present; never overriding the real environment, never printing), then {@link parseConfig}. */
export function loadConfig(options: LoadConfigOptions = {}): ServerConfig {
  const cwd = options.cwd ?? process.cwd();
  const env: Record<string, string | undefined> = { ...(options.env ?? process.env) };
  const file = resolve(cwd, options.envFile ?? '.env');
  let envFile: string | undefined;
  if (existsSync(file)) {
    const result = dotenv.config({ path: file, processEnv: env as Record<string, string>, override: false, quiet: true });
    if (result.error)
      throw new ConfigError([
        { variable: file, message: `cannot read the .env file (${(result.error as NodeJS.ErrnoException).code ?? 'error'})` },
      ]);
    envFile = file;
  }
  return { ...parseConfig(env, cwd), envFile };
}

/** A loggable summary of `config`: which secrets are set, never their values. */
export function describeConfig(config: ServerConfig): Record<string, unknown> {
  const { slack, teams } = config;
  return {
    port: config.port,
    host: config.host,
    logLevel: config.logLevel,
    knowledgeDir: config.knowledgeDir,
    knowledgeWatch: config.knowledgeWatch,
    knowledgeMaxBytes: config.knowledgeMaxBytes,
    publicHost: config.publicHost ?? null,
    playgroundToken: config.playgroundToken ? 'set' : 'unset',
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    shutdownDelayMs: config.shutdownDelayMs,
    conversationTtlMinutes: config.conversationTtlMinutes,
    local: config.local,
    production: config.production,
    playground: config.playground,
    envFile: config.envFile ?? null,
    experts: {
      slackChannel: config.experts.slackChannel ?? null,
      teamsChannel: config.experts.teamsChannel ?? null,
      slackAdmins: config.experts.slackAdminUserIds.length,
    },
    slack:
      slack.mode === 'off'
        ? { mode: 'off' }
        : {
            mode: slack.mode,
            botToken: 'set',
            signingSecret: slack.signingSecret ? 'set' : 'unset',
            ...(slack.mode === 'socket' ? { appToken: 'set' } : {}),
            apiUrl: slack.apiUrl ?? null,
            allowedTeamIds: slack.allowedTeamIds,
          },
    teams:
      teams.mode !== 'auth'
        ? { mode: teams.mode, allowedTenantIds: teams.allowedTenantIds, allowedServiceUrls: teams.allowedServiceUrls }
        : {
            mode: 'auth',
            appId: teams.appId,
            appPassword: teams.appPassword ? 'set' : 'unset',
            appType: teams.appType,
            tenantId: teams.tenantId ?? null,
            allowedTenantIds: teams.allowedTenantIds,
          },
  };
}
