/**
 * Logging for the Slack adapter without secrets: Bolt's `Logger` interface over the pino logger
 * that is passed in. Redaction is the shared redactor's (`../shared/redactor.ts`): the adapter's
 * logger is a child whose `err` fields go through pino's error serializer, redacted, and Bolt's
 * own text lines are redacted before they are written.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';
import { createRedactor, omitPayload, type Redactor, withErrorSerializer } from '../shared/redactor';

export { createRedactor, type Redactor };

const fromPino = (level: string): LogLevel =>
  level === 'trace' || level === 'debug'
    ? LogLevel.DEBUG
    : level === 'info'
      ? LogLevel.INFO
      : level === 'warn'
        ? LogLevel.WARN
        : LogLevel.ERROR;

/**
 * Bolt's (and the WebClient's) logger writing to `logger` (a child with `component: 'bolt'`).
 * Errors among the arguments are logged as `err` (pino's serializer); the rest is stringified, cut
 * where it starts quoting a payload (`omitPayload`: bodies are never logged, even at debug) and
 * redacted. `setLevel` is ignored: the pino logger's level decides.
 */
export function boltLogger(logger: PinoLogger, secrets: Redactor | readonly string[]): BoltLogger {
  const redactor = 'text' in secrets ? secrets : createRedactor(secrets);
  const child = withErrorSerializer(logger, { component: 'bolt' }, redactor);
  const write = (level: 'debug' | 'info' | 'warn' | 'error', args: unknown[]): void => {
    if (!child.isLevelEnabled(level)) return;
    const error = args.find((a): a is Error => a instanceof Error);
    const text = args
      .filter((a) => !(a instanceof Error))
      .map((a) => (typeof a === 'string' ? a : safeJson(a)))
      .join(' ');
    // Bolt and the WebClient quote request and response bodies at debug (the question, channel and
    // user ids): the text is cut where a payload starts, then redacted.
    const msg = redactor.text(omitPayload(text));
    if (error) child[level]({ err: error }, msg || redactor.text(error.message));
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
