/** Status mapping of the /api/messages listener: invokes get 4xx, unvalidatable tokens get 401. */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TeamsCloudAdapter } from '../../adapters/teams/adapter';
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

/**
 * An adapter double whose turn fails with `error`, before or after running the bot logic (an
 * error the turn's own `onTurnError` did not absorb).
 */
function failingAdapter(runLogicFirst: boolean, error: Error = new Error('boom: https://login.example/keys unreachable')): Pick<TeamsCloudAdapter, 'processIncoming'> {
  return {
    async processIncoming(_auth, _activity, logic) {
      if (runLogicFirst) await logic({} as never).catch(() => undefined);
      throw error;
    },
  };
}

/** An error shaped like botframework-connector's `AuthenticationError`. */
function authError(statusCode: number): Error {
  return Object.assign(new Error('Unauthorized Access. Request is not authorized'), { name: 'AuthenticationError', statusCode });
}

describe('createMessagesListener', () => {
  const bot = { run: async () => undefined } as unknown as TeamsQaBot;

  it('refuses with 401 when the token could not be validated at all (e.g. keys unreachable)', async () => {
    const logs = memoryLogger();
    const listener = createMessagesListener({ adapter: failingAdapter(false), bot, logger: logs.logger, authRequired: true });
    expect(await post(listener, fixture('personal-message'), { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig' })).toBe(401);
    expect(logs.text()).toMatch(/not authenticated/);
    expect(logs.text()).toMatch(/unreachable/);
  });

  it('keeps a 500 that happened after the bot ran (a bug, not an auth failure)', async () => {
    const listener = createMessagesListener({ adapter: failingAdapter(true), bot, logger: memoryLogger().logger, authRequired: true });
    expect(await post(listener, fixture('personal-message'))).toBe(500);
  });

  it('keeps a 500 when no authentication is required (local mode), and never echoes the error', async () => {
    const logs = memoryLogger();
    const listener = createMessagesListener({ adapter: failingAdapter(false), bot, logger: logs.logger });
    expect(await post(listener, fixture('personal-message'))).toBe(500);
    expect(logs.text()).toMatch(/teams request failed/);
  });

  it.each([401, 403])('answers 401 to an AuthenticationError (%d) even in local mode', async (statusCode) => {
    const listener = createMessagesListener({ adapter: failingAdapter(false, authError(statusCode)), bot, logger: memoryLogger().logger });
    expect(await post(listener, fixture('personal-message'), { authorization: 'Bearer x' })).toBe(401);
  });

  it('passes the Authorization header, or an empty one, and the checked activity with Date timestamps', async () => {
    const seen: { auth: string; timestamp: unknown; raw: unknown }[] = [];
    const adapter: Pick<TeamsCloudAdapter, 'processIncoming'> = {
      async processIncoming(auth, activity) {
        seen.push({ auth, timestamp: activity.timestamp, raw: (activity as unknown as Record<string, unknown>).rawTimestamp });
        return undefined;
      },
    };
    const listener = createMessagesListener({ adapter, bot, logger: memoryLogger().logger });
    const activity = { ...fixture('personal-message'), timestamp: '2024-11-14T21:14:00.000Z' };
    expect(await post(listener, activity, { authorization: 'Bearer abc' })).toBe(200);
    expect(await post(listener, activity)).toBe(200);
    expect(seen.map((s) => s.auth)).toEqual(['Bearer abc', '']);
    expect(seen[0].timestamp).toEqual(new Date('2024-11-14T21:14:00.000Z'));
    expect(seen[0].raw).toBe('2024-11-14T21:14:00.000Z');
  });

  it('answers with the status and body the turn asks for (an invoke response)', async () => {
    const adapter: Pick<TeamsCloudAdapter, 'processIncoming'> = { processIncoming: async () => ({ status: 409, body: { error: 'x' } }) };
    const listener = createMessagesListener({ adapter, bot, logger: memoryLogger().logger });
    expect(await post(listener, fixture('personal-message'))).toBe(409);
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

