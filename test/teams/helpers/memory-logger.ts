/** A pino logger that keeps its JSON lines in memory, for asserting what was (not) logged. */
import pino, { type Logger } from 'pino';

export interface MemoryLogger {
  logger: Logger;
  /** Every line logged so far, parsed. */
  entries(): Record<string, unknown>[];
  /** Every line logged so far, raw. */
  text(): string;
}

export function memoryLogger(level = 'debug'): MemoryLogger {
  const lines: string[] = [];
  const logger = pino(
    { level },
    {
      write: (line: string) => {
        lines.push(line);
      },
    },
  );
  return {
    logger,
    entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    text: () => lines.join(''),
  };
}
