/**
 * Logging for the Slack adapter without secrets: Bolt's `Logger` interface over the pino logger
 * that is passed in, with every known secret (bot token, app token, signing secret) and anything
 * shaped like a Slack token replaced by `[redacted]`, and errors reduced to safe fields.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';

const TOKEN_PATTERN = /\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+/g;

/** Replaces each of `secrets` (8+ chars) and any Slack-token-shaped string in `text` with `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text.replace(TOKEN_PATTERN, '[redacted]');
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  return out;
}

/** The loggable fields of an error: name, code, message, HTTP status, Slack error code, stack; redacted. */
export function describeError(error: unknown, secrets: readonly string[]): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: redact(String(error), secrets) };
  const e = error as Error & { code?: unknown; statusCode?: unknown; data?: { error?: unknown } };
  const fields: Record<string, unknown> = { name: e.name, message: redact(e.message, secrets) };
  if (typeof e.code === 'string') fields.code = e.code;
  if (typeof e.statusCode === 'number') fields.statusCode = e.statusCode;
  if (typeof e.data?.error === 'string') fields.slackError = e.data.error;
  if (e.stack) fields.stack = redact(e.stack, secrets);
  return fields;
}

const fromPino = (level: string): LogLevel =>
  level === 'trace' || level === 'debug' ? LogLevel.DEBUG : level === 'info' ? LogLevel.INFO : level === 'warn' ? LogLevel.WARN : LogLevel.ERROR;

/**
 * Bolt's (and the WebClient's) logger writing to `logger` (a child with `component: 'bolt'`).
 * Arguments are stringified (errors through {@link describeError}) and redacted. `setLevel` is
 * ignored: the pino logger's level decides.
 */
export function boltLogger(logger: PinoLogger, secrets: readonly string[]): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  const write = (level: 'debug' | 'info' | 'warn' | 'error', args: unknown[]): void => {
    if (!child.isLevelEnabled(level)) return;
    const errors = args.filter((a): a is Error => a instanceof Error).map((e) => describeError(e, secrets));
    const text = args.filter((a) => !(a instanceof Error)).map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' ');
    const msg = redact(text, secrets);
    if (errors.length > 0) child[level]({ err: errors[0] }, msg || String(errors[0].message));
    else child[level](msg);
  };
  return {
    debug: (...args: unknown[]) => write('debug', args),
    info: (...args: unknown[]) => write('info', args),
    warn: (...args: unknown[]) => write('warn', args),
    error: (...args: unknown[]) => write('error', args),
    setLevel: () => undefined,
    getLevel: () => fromPino(child.level),
    setName: () => undefined,
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
