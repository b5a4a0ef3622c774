/**
 * Socket Mode's retry policy, in process against the fake Slack on loopback: `apps.connections.open`
 * is retried a bounded number of times (a startup that cannot connect fails, after exactly
 * retries + 1 attempts), and a reconnection that fails for good is not an unhandled rejection: the
 * socket is reported `disconnected`, and a later attempt reconnects.
 */
import pino from 'pino';
import { InMemoryFeedbackStore } from '../../src/index';
import { createSlackApp, type SlackApp } from '../../adapters/slack/app';
import { BOT_TOKEN, realAssistant } from './helpers/harness';
import { type SocketSlack, startSocketSlack } from './helpers/socket-slack';

const FAST = { retries: 2, factor: 1, minTimeout: 5, maxTimeout: 5, randomize: false };

describe('Socket Mode retries', () => {
  let slack: SocketSlack;
  let app: SlackApp | undefined;
  const lines: string[] = [];
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  beforeEach(async () => {
    slack = await startSocketSlack();
    lines.length = 0;
    rejections.length = 0;
    process.on('unhandledRejection', onRejection);
  });
  afterEach(async () => {
    process.off('unhandledRejection', onRejection);
    await app?.stop();
    app = undefined;
    await slack.close();
  });

  const create = (retryAfterFailureMs = 60_000): SlackApp =>
    createSlackApp({
      botToken: BOT_TOKEN,
      appToken: 'xapp-1-A123ABC456-1-retryTestToken',
      botId: 'BBOTID001',
      botUserId: 'UBOTUSER1',
      apiUrl: slack.apiUrl,
      assistant: realAssistant(),
      feedbackStore: new InMemoryFeedbackStore(),
      logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }),
      socket: { retryConfig: FAST, retryAfterFailureMs },
    });
  const opens = () => slack.calls.filter((c) => c.method === 'apps.connections.open').length;

  it('gives up on apps.connections.open after retries + 1 attempts at startup', async () => {
    slack.dropNextOpens(100);
    app = create();
    await expect(app.start()).rejects.toThrow();
    expect(opens()).toBe(FAST.retries + 1);
    expect(slack.sockets).toEqual([]);
    expect(app.socketState?.()).not.toBe('connected');
  });

  it('reports a reconnection that failed for good as disconnected, then reconnects on the next attempt', async () => {
    app = create(50);
    await app.start();
    expect(app.socketState?.()).toBe('connected');
    slack.dropNextOpens(FAST.retries + 1);
    slack.send({ type: 'disconnect', reason: 'refresh_requested' });
    await slack.waitFor(() => lines.some((l) => l.includes('Socket Mode reconnection failed')), 'the failure log line');
    expect(opens()).toBe(1 + FAST.retries + 1);
    await slack.waitFor(() => slack.sockets.length === 2, 'a second WebSocket');
    await slack.waitFor(() => app?.socketState?.() === 'connected', 'connected again');
    expect(lines.map((l) => (JSON.parse(l) as { socket?: string }).socket).filter(Boolean)).toEqual([
      'connected',
      'reconnecting',
      'disconnected',
      'connected',
    ]);
    expect(rejections).toEqual([]);
  }, 30_000);

  it('reports disconnected after stop()', async () => {
    app = create();
    await app.start();
    await app.stop();
    expect(app.socketState?.()).toBe('disconnected');
    app = undefined;
  });
});
