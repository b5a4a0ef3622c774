/**
 * The server's logger: pino JSON lines to stdout (or a given stream), at `LOG_LEVEL`, with the
 * request id mixed into every line written while a request is being handled.
 *
 * Secrets are kept out twice over:
 * 1. by key: pino `redact` censors tokens, secrets, passwords, cookies and `Authorization`
 *    headers wherever the {@link REDACT_PATHS} put them;
 * 2. by value: every configured secret value, whatever its length, URL userinfo and anything
 *    shaped like a Slack token, a bearer token or a JWT is replaced by `[redacted]` in the finished
 *    line, whatever key or message it hides in (`../shared/redactor.ts`, the one redactor).
 */
import { format } from 'node:util';
import pino, { type DestinationStream, type Logger } from 'pino';
import { CENSOR, createRedactor, errorSerializer } from '../shared/redactor';
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

export interface LoggerOptions {
  /** pino level; default `info`. */
  level?: string;
  /** Every configured secret value: scrubbed from every line, whatever its length. */
  secrets?: readonly string[];
  /** Where lines go; default stdout, written synchronously (no line is lost on exit). */
  destination?: DestinationStream;
}

/** Returns `line` with every secret, URL userinfo and credential-shaped string replaced by `[redacted]`. */
export function scrub(line: string, secrets: readonly string[]): string {
  return createRedactor(secrets).text(line);
}

/** A pino logger as described above; `err` fields go through pino's error serializer (`errorSerializer`). */
export function createLogger(options: LoggerOptions = {}): Logger {
  const redactor = createRedactor(options.secrets ?? []);
  return pino({
    level: options.level ?? 'info',
    base: { pid: process.pid },
    redact: { paths: REDACT_PATHS, censor: CENSOR },
    serializers: { err: errorSerializer(redactor) },
    mixin: requestFields,
    hooks: { streamWrite: (line) => redactor.text(line) },
  }, options.destination ?? pino.destination({ dest: 1, sync: true }));
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
