/**
 * Issue 23, item 7: libraries' log lines never carry a payload. At `LOG_LEVEL=debug` the Slack
 * WebClient logs every request body (the question, the channel id): through `boltLogger` the line
 * keeps its label and loses the body. botbuilder prints through `console`, routed the same way.
 */
import { WebClient } from '@slack/web-api';
import pino from 'pino';
import { routeConsole } from '../../adapters/server/logger';
import { boltLogger } from '../../adapters/slack/log';
import { withoutPayloads } from '../../adapters/slack/socket-mode';
import { startedForAll } from '../helpers/lifecycle';
import { startFakeSlack } from './helpers/fakes';

const QUESTION = 'what is the zanzibar migration plan';
const CHANNEL = 'C0SECRET42';

const capture = () => {
  const lines: string[] = [];
  return { lines, logger: pino({ level: 'debug' }, { write: (l: string) => void lines.push(l) }) };
};

describe("libraries' log lines at LOG_LEVEL=debug", () => {
  const slack = startedForAll(startFakeSlack);

  it("the WebClient's request and result bodies are never logged (the line says a payload was omitted)", async () => {
    const { lines, logger } = capture();
    const client = new WebClient('xoxb-42-4242-libraryLogsToken', { slackApiUrl: slack().apiUrl, logger: boltLogger(logger, []) });
    await client.chat.postMessage({ channel: CHANNEL, text: QUESTION });
    const all = lines.join('\n');
    expect(all).toMatch(/http request body: \[payload omitted\]/);
    expect(all).not.toContain('zanzibar');
    expect(all).not.toContain(CHANNEL);
  });

  it('console output (botbuilder) loses the payloads it prints', () => {
    const { lines, logger } = capture();
    const restore = routeConsole(logger);
    try {
      console.error('activity:', { text: QUESTION, conversation: { id: CHANNEL } });
      console.debug(JSON.stringify({ text: QUESTION }));
      console.warn('plain text stays');
    } finally {
      restore();
    }
    const all = lines.join('\n');
    expect(all).not.toContain('zanzibar');
    expect(all).not.toContain(CHANNEL);
    expect(all).toContain('plain text stays');
    expect(lines).toHaveLength(3);
  });

  it("Bolt's debug lines lose their payload at debug, and below debug are dropped before anything reads them", () => {
    const ack = `ack() call begins (body: ${JSON.stringify({ text: QUESTION, channel: CHANNEL })})`;
    const atDebug = capture();
    withoutPayloads(boltLogger(atDebug.logger, [])).debug(ack);
    expect(atDebug.lines).toHaveLength(1);
    expect(atDebug.lines[0]).toContain('ack() call begins (body: [payload omitted]');
    expect(atDebug.lines[0]).not.toContain('zanzibar');

    const inner = boltLogger(pino({ level: 'info' }, { write: () => undefined }), []);
    const seen: unknown[][] = [];
    withoutPayloads({ ...inner, debug: (...args: unknown[]) => void seen.push(args) }).debug(ack);
    expect(seen).toEqual([]);
  });
});
