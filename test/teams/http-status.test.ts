/** Status mapping of the /api/messages listener: invokes get 4xx, unvalidatable tokens get 401. */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CloudAdapter } from 'botbuilder';
import { createMessagesListener } from '../../adapters/teams/http';
import { TeamsQaBot } from '../../adapters/teams/bot';
import { fakeAssistant } from './helpers/fake-assistant';
import { fixture } from './helpers/fixtures';
import { memoryLogger } from './helpers/memory-logger';
import { startTeamsServer } from './helpers/teams-server';

function post(listener: ReturnType<typeof createMessagesListener>, body: object, headers: Record<string, string> = {}): Promise<number> {
  const server = createServer(listener);
  return new Promise((resolve, reject) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const req = request({ host: '127.0.0.1', port, path: '/api/messages', method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
        res.resume();
        res.on('end', () => server.close(() => resolve(res.statusCode ?? 0)));
      });
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });
  });
}

/** A CloudAdapter double whose `process` fails with 500, before or after running the bot logic. */
function failingAdapter(runLogicFirst: boolean): CloudAdapter {
  return {
    async process(_req: unknown, res: { status(n: number): void; end(): void }, logic: (ctx: unknown) => Promise<void>) {
      if (runLogicFirst) await logic({}).catch(() => undefined);
      res.status(500);
      res.end();
    },
  } as unknown as CloudAdapter;
}

describe('createMessagesListener', () => {
  const bot = { run: async () => undefined } as unknown as TeamsQaBot;

  it('refuses with 401 when authentication failed in a way botbuilder reports as 500 (e.g. keys unreachable)', async () => {
    const logs = memoryLogger();
    const listener = createMessagesListener({ adapter: failingAdapter(false), bot, logger: logs.logger, authRequired: true });
    expect(await post(listener, fixture('personal-message'), { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig' })).toBe(401);
    expect(logs.text()).toMatch(/could not be validated/);
  });

  it('keeps a 500 that happened after the bot ran (a bug, not an auth failure)', async () => {
    const listener = createMessagesListener({ adapter: failingAdapter(true), bot, logger: memoryLogger().logger, authRequired: true });
    expect(await post(listener, fixture('personal-message'))).toBe(500);
  });

  it('keeps a 500 when no authentication is required (local mode)', async () => {
    const listener = createMessagesListener({ adapter: failingAdapter(false), bot, logger: memoryLogger().logger });
    expect(await post(listener, fixture('personal-message'))).toBe(500);
  });
});

describe('an invoke activity', () => {
  it('gets 400 (the app declares no invoke feature), not 501, and no reply', async () => {
    const assistant = fakeAssistant();
    const t = await startTeamsServer(assistant);
    try {
      const res = await t.postActivity(fixture('personal-message', { type: 'invoke', name: 'composeExtension/query', text: undefined, value: { commandId: 'x' } }));
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toEqual({ error: 'unsupported invoke', name: 'composeExtension/query' });
      expect(assistant.questions).toEqual([]);
      expect(t.connector.calls).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

