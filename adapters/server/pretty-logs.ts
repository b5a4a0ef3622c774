/**
 * Logs for a person at a terminal: when stdout is a TTY (`npm start` in a shell), the JSON lines
 * are shown by `pino-pretty` (time, level, message, then the fields; colours), so the startup hints
 * ("set SLACK_BOT_TOKEN…") read as sentences. Anywhere else (a pipe, a file, a container's log
 * driver, the tests) they stay one JSON object per line. The lines are scrubbed of secrets before
 * they reach either (the logger's `streamWrite` hook). `pino-pretty` is loaded only on a terminal.
 */
import type { DestinationStream } from 'pino';

/** `json` itself, or, on a terminal, a pino-pretty stream writing into it. */
export function forTerminal(json: DestinationStream, isTTY = process.stdout.isTTY === true): DestinationStream {
  if (!isTTY) return json;
  const pretty = require('pino-pretty') as typeof import('pino-pretty');
  return pretty.build({ destination: json, colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' });
}
