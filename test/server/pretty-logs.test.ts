/** Logs read by a person on a terminal are pretty-printed; anywhere else they stay JSON lines (issue 24 item 12). */
import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import pino from 'pino';
import { forTerminal } from '../../adapters/server/pretty-logs';

/** A destination collecting what is written to it. */
function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('forTerminal', () => {
  it('leaves JSON lines alone off a terminal', () => {
    const out = collector();
    expect(forTerminal(out.stream, false)).toBe(out.stream);
  });

  it('on a terminal, prints the level and the message as text, with the fields after them', async () => {
    const out = collector();
    const logger = pino({ level: 'info' }, forTerminal(out.stream, true));
    logger.warn({ variable: 'SLACK_BOT_TOKEN' }, 'Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET');
    await new Promise<void>((resolve) => logger.flush(() => resolve()));
    await new Promise((r) => setImmediate(r));
    const text = stripVTControlCharacters(out.text()); // without the colours
    expect(text).toMatch(/WARN.*: Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET\n/);
    expect(text).toContain('variable: "SLACK_BOT_TOKEN"');
    expect(text).not.toContain('{"level"');
  });
});
