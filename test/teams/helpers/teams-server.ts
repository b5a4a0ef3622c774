/**
 * End-to-end harness: the real `createTeamsBot` (CloudAdapter + bot + request listener) mounted at
 * `POST /api/messages` on the real app server (its router, its 404 and 405) on 127.0.0.1, replying to a {@link startFakeConnector} fake connector.
 */
import { request } from 'node:http';
import pino from 'pino';
import { createAppServer } from '../../../adapters/server/http-server';
import { InMemoryFeedbackStore, type Assistant } from '../../../src/index';
import { createTeamsBot, type TeamsBotOptions } from '../../../adapters/teams/create-teams-bot';
import { startFakeConnector, type FakeConnector } from './fake-connector';
import type { ActivityJson } from './fixtures';
import { memoryLogger, type MemoryLogger } from './memory-logger';

export interface HttpResult {
  status: number;
  body: string;
}

export interface TeamsServer {
  url: string;
  connector: FakeConnector;
  store: InMemoryFeedbackStore;
  logs: MemoryLogger;
  /** POSTs `activity` (its serviceUrl pointed at the fake connector) as JSON to /api/messages. */
  postActivity(activity: ActivityJson, headers?: Record<string, string>): Promise<HttpResult>;
  /** A raw request to the bot's server. */
  raw(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<HttpResult>;
  close(): Promise<void>;
}

export async function startTeamsServer(
  assistant: Pick<Assistant, 'ask'>,
  options: Partial<Omit<TeamsBotOptions, 'assistant' | 'feedbackStore' | 'logger'>> = {},
): Promise<TeamsServer> {
  const connector = await startFakeConnector();
  const store = new InMemoryFeedbackStore();
  const logs = memoryLogger();
  const teams = createTeamsBot({ assistant, feedbackStore: store, logger: logs.logger, ...options });
  const app = createAppServer({ logger: pino({ level: 'silent' }) });
  app.mount({ path: '/api/messages', method: 'POST', handler: teams.requestListener });
  const { port } = await app.listen(0, '127.0.0.1');
  app.ready();
  const { server } = app;

  const raw: TeamsServer['raw'] = ({ method = 'POST', path = '/api/messages', headers = {}, body }) =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(body);
    });

  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    connector,
    store,
    logs,
    raw,
    postActivity(activity, headers = {}) {
      const body = JSON.stringify({ ...activity, serviceUrl: connector.url });
      return raw({ headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.close();
    },
  };
}
