/**
 * The server's logger: pino JSON lines to stdout (pretty-printed on a terminal: `pretty-logs.ts`; or a given stream), at `LOG_LEVEL`. Lines about
 * one request carry its id as `reqId`, passed explicitly by whoever logs them (`request-id.ts`).
 *
 * Secrets are kept out twice over:
 * 1. by key: {@link censorKeys} (pino's `log` and `bindings` formatters) censors tokens, secrets,
 *    passwords, cookies and `Authorization` headers wherever the {@link REDACT_PATHS} put them;
 * 2. by value: every configured secret value, whatever its length, URL userinfo and anything
 *    shaped like a Slack token, a bearer token or a JWT is replaced by `[redacted]` in the finished
 *    line, whatever key or message it hides in (`../shared/redactor.ts`, the one redactor).
 */
import { writeSync } from 'node:fs';
import { format } from 'node:util';
import pino, { type DestinationStream, type Logger } from 'pino';
import { CENSOR, createRedactor, errorSerializer, omitPayload } from '../shared/redactor';
import { forTerminal } from './pretty-logs';
import { createStdoutSink, type StdoutSink } from './stdout-sink';

export type { Logger } from 'pino';

/** Key paths censored (one level of nesting under `*`, plus the usual request shapes); see {@link censorKeys}. */
export const REDACT_PATHS = [
  'token',
  'botToken',
  'appToken',
  'accessToken',
  'secret',
  'signingSecret',
  'password',
  'appPassword',
  'authorization',
  'cookie',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.accessToken',
  '*.secret',
  '*.signingSecret',
  '*.password',
  '*.appPassword',
  '*.authorization',
  '*.Authorization',
  '*.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-slack-signature"]',
  'headers.authorization',
  'headers.Authorization',
  'headers.cookie',
  'headers["x-slack-signature"]',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'MicrosoftAppPassword',
  '*.SLACK_BOT_TOKEN',
  '*.SLACK_SIGNING_SECRET',
  '*.SLACK_APP_TOKEN',
  '*.MicrosoftAppPassword',
];

/**
 * {@link REDACT_PATHS} as key sets: top-level keys, keys one level down (`*.key`), and longer
 * literal paths. pino's built-in `redact` (@pinojs/redact 0.4) re-parses every path, character by
 * character, for every key of every line when there are `*.` paths: about 40 KB of garbage per
 * line, measured as 40% of all allocation and ~20% of the CPU of a signed `/aws` request. This
 * censor looks only at the keys a line has and copies nothing when none matches.
 */
const CENSORED = (() => {
  const top = new Set<string>();
  const nested = new Set<string>();
  const deep = new Map<string, string[][]>();
  for (const path of REDACT_PATHS) {
    const parts = path.replace(/\["([^"]+)"\]/g, '.$1').split('.');
    if (parts.length === 1) top.add(parts[0]);
    else if (parts[0] === '*' && parts.length === 2) nested.add(parts[1]);
    else deep.set(parts[0], [...(deep.get(parts[0]) ?? []), parts.slice(1)]);
  }
  return { top, nested, deep };
})();

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Error);

/** `value` with the literal sub-path `path` censored (copied along the path only), or `value` itself when it has no such path. */
function censorPath(value: Record<string, unknown>, path: string[]): Record<string, unknown> {
  const [key, ...rest] = path;
  if (!Object.prototype.hasOwnProperty.call(value, key)) return value;
  if (rest.length === 0) return { ...value, [key]: CENSOR };
  const inner = value[key];
  if (!isPlainObject(inner)) return value;
  const censored = censorPath(inner, rest);
  return censored === inner ? value : { ...value, [key]: censored };
}

/**
 * `obj` with every {@link REDACT_PATHS} match replaced by `[redacted]`: a shallow copy along the
 * censored paths, or `obj` itself when nothing matches (the usual case). Error objects are left to
 * pino's error serializer and to the redactor's value scrubbing (`createRedactor`, every line).
 */
export function censorKeys(obj: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    if (CENSORED.top.has(key)) {
      (out ??= { ...obj })[key] = CENSOR;
      continue;
    }
    const value = obj[key];
    if (!isPlainObject(value)) continue;
    let inner = value;
    for (const k in value) {
      if (CENSORED.nested.has(k) && Object.prototype.hasOwnProperty.call(value, k))
        inner = inner === value ? { ...value, [k]: CENSOR } : Object.assign(inner, { [k]: CENSOR });
    }
    for (const path of CENSORED.deep.get(key) ?? []) inner = censorPath(inner, path);
    if (inner !== value) (out ??= { ...obj })[key] = inner;
  }
  return out ?? obj;
}
export interface LoggerOptions {
  /** pino level; default `info`. */
  level?: string;
  /** Every configured secret value: scrubbed from every line, whatever its length. */
  secrets?: readonly string[];
  /**
   * Where lines go; default stdout, buffered: lines go out in writes of at least
   * {@link STDOUT_BATCH_BYTES}, and whatever is buffered at most {@link FLUSH_MS} ms after it was
   * logged (one system call for many lines instead of one per line, ~5% of a request's CPU when
   * stdout is a pipe); what is left is written synchronously when the process exits (bounded). A
   * closed stdout (`EPIPE`) drops lines, counted, and never blocks answering or stopping
   * (`stdout-sink.ts`).
   */
  destination?: DestinationStream;
}

/** The longest a log line waits in the stdout buffer, in ms. */
export const FLUSH_MS = 200;

/**
 * The smallest write of buffered lines to stdout: 64 KB (a pipe's default capacity). Each write is
 * a round trip through libuv's thread pool (a thread woken, then the event loop woken back); at
 * 4 KB a loaded server made one every ~20 answered questions, at 64 KB the 200 ms timer sends
 * most of them, a few writes a second whatever the load.
 */
export const STDOUT_BATCH_BYTES = 64 * 1024;

/**
 * stdout, buffered as {@link LoggerOptions.destination} says, through {@link createStdoutSink}: a
 * closed pipe drops (and counts) lines instead of retrying them for ever; what is buffered is
 * written at exit, within a bound.
 */
function bufferedStdout(): StdoutSink {
  const sink = createStdoutSink({ fd: 1, minLength: STDOUT_BATCH_BYTES, flushMs: FLUSH_MS });
  process.once('exit', () => {
    sink.flushSync();
    if (sink.dropped > 0) {
      try {
        writeSync(2, `aws-qa: ${sink.dropped} log line(s) dropped (log output failed)\n`);
      } catch {
        // stderr is gone too
      }
    }
  });
  return sink;
}

/** A pino logger as described above; `err` fields go through pino's error serializer (`errorSerializer`). */
export function createLogger(options: LoggerOptions = {}): Logger {
  const redactor = createRedactor(options.secrets ?? []);
  const stdout = options.destination ?? forTerminal(bufferedStdout());
  return pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      formatters: { log: censorKeys, bindings: censorKeys },
      serializers: { err: errorSerializer(redactor) },
      hooks: {
        streamWrite: (line) => redactor.text(line),
      },
    },
    stdout,
  );
}

/**
 * Sends `console.*` output (libraries print there: botbuilder's `CloudAdapter.process`
 * `console.error`s every rejected request, though the Teams listener does not go through it)
 * through `logger` as JSON lines (component `console`), so stdout stays
 * one JSON object per line and the secret scrubbing applies; any payload a line quotes (an
 * activity, a request body) is cut off (`omitPayload`). Returns a function restoring `console`.
 */
export function routeConsole(logger: Logger): () => void {
  const child = logger.child({ component: 'console' });
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  const to =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]): void => {
      // botbuilder prints a stack for every unauthenticated request (the Teams adapter already logs
      // it as one warn line): keep those at debug, so anyone on the internet cannot flood error logs.
      const actual = level === 'error' && args[0] instanceof Error && args[0].name === 'AuthenticationError' ? 'debug' : level;
      if (!child.isLevelEnabled(actual)) return;
      // Cut where a payload (an activity, a request body) starts: bodies are never logged. Errors
      // keep their name, message and stack (scrubbed like every line).
      const text = omitPayload(format(...args.filter((a) => !(a instanceof Error))));
      const errors = args.filter((a): a is Error => a instanceof Error).map((e) => format(e));
      child[actual]([text, ...errors].filter(Boolean).join(' '));
    };
  Object.assign(console, { log: to('info'), info: to('info'), warn: to('warn'), error: to('error'), debug: to('debug') });
  return () => void Object.assign(console, saved);
}
