/**
 * The server's logger: pino JSON lines to stdout (or a given stream), at `LOG_LEVEL`, with the
 * request id mixed into every line written while a request is being handled.
 *
 * Secrets are kept out twice over:
 * 1. by key: pino `redact` censors tokens, secrets, passwords, cookies and `Authorization`
 *    headers wherever the {@link REDACT_PATHS} put them;
 * 2. by value: every configured secret value (and anything shaped like a Slack token or a bearer
 *    token) is replaced by `[redacted]` in the finished line, whatever key or message it hides in.
 */
import { format } from 'node:util';
import pino, { type DestinationStream, type Logger } from 'pino';
import { requestFields } from './request-id';

export type { Logger } from 'pino';

/** Key paths censored by pino (one level of nesting under `*`, plus the usual request shapes). */
export const REDACT_PATHS = [
  'token', 'botToken', 'appToken', 'accessToken', 'secret', 'signingSecret', 'password', 'appPassword', 'authorization', 'cookie',
  '*.token', '*.botToken', '*.appToken', '*.accessToken', '*.secret', '*.signingSecret', '*.password', '*.appPassword', '*.authorization', '*.Authorization', '*.cookie',
  'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-slack-signature"]',
  'headers.authorization', 'headers.Authorization', 'headers.cookie', 'headers["x-slack-signature"]',
  'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'MicrosoftAppPassword',
  '*.SLACK_BOT_TOKEN', '*.SLACK_SIGNING_SECRET', '*.SLACK_APP_TOKEN', '*.MicrosoftAppPassword',
];

const CENSOR = '[redacted]';
/** Slack tokens (`xoxb-…`, `xoxp-…`, `xapp-…`) and bearer tokens, whatever their origin. */
const TOKEN_SHAPES = [/\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+/g, /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi];

export interface LoggerOptions {
  /** pino level; default `info`. */
  level?: string;
  /** Secret values to scrub from every line (values shorter than 8 characters are ignored). */
  secrets?: readonly string[];
  /**
   * Where lines go; default stdout, written asynchronously: lines that arrive while a write is in
   * flight go out together in the next one (under load, one system call for many lines instead of a
   * blocking one per line: ~12% of a request's CPU when stdout is a pipe), and pino flushes what is
   * left synchronously when the process exits, so no line is lost on exit.
   */
  destination?: DestinationStream;
}

/** Returns `line` with every secret and token-shaped string replaced by `[redacted]`. */
export function scrub(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const shape of TOKEN_SHAPES) out = out.replace(shape, (m, scheme?: string) => (typeof scheme === 'string' && /^(Bearer|Basic)$/i.test(scheme) ? `${scheme} ${CENSOR}` : CENSOR));
  for (const secret of secrets) {
    if (secret.length < 8) continue;
    out = out.split(secret).join(CENSOR);
    const escaped = JSON.stringify(secret).slice(1, -1); // as it appears inside a JSON string
    if (escaped !== secret) out = out.split(escaped).join(CENSOR);
  }
  return out;
}

/** A pino logger as described above. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = [...new Set(options.secrets ?? [])].filter((s) => s.length >= 8).sort((a, b) => b.length - a.length);
  return pino({
    level: options.level ?? 'info',
    base: { pid: process.pid },
    redact: { paths: REDACT_PATHS, censor: CENSOR },
    mixin: requestFields,
    hooks: { streamWrite: (line) => scrub(line, secrets) },
  }, options.destination ?? pino.destination({ dest: 1, sync: false }));
}

/**
 * Sends `console.*` output (libraries print there: botbuilder's `CloudAdapter.process`
 * `console.error`s every rejected request, though the Teams listener does not go through it)
 * through `logger` as JSON lines (component `console`), so stdout stays
 * one JSON object per line and the secret scrubbing applies. Returns a function restoring `console`.
 */
export function routeConsole(logger: Logger): () => void {
  const child = logger.child({ component: 'console' });
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  const to = (level: 'debug' | 'info' | 'warn' | 'error') => (...args: unknown[]): void => {
    // botbuilder prints a stack for every unauthenticated request (the Teams adapter already logs
    // it as one warn line): keep those at debug, so anyone on the internet cannot flood error logs.
    const actual = level === 'error' && args[0] instanceof Error && args[0].name === 'AuthenticationError' ? 'debug' : level;
    if (child.isLevelEnabled(actual)) child[actual](format(...args));
  };
  Object.assign(console, { log: to('info'), info: to('info'), warn: to('warn'), error: to('error'), debug: to('debug') });
  return () => void Object.assign(console, saved);
}
