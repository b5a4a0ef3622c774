/** Status mapping of the /api/messages listener: invokes get 4xx, unvalidatable tokens get 401, errors are never echoed. */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TeamsCloudAdapter } from '../../adapters/teams/adapter';
import { createMessagesListener } from '../../adapters/teams/http';
import { type TeamsQaBot } from '../../adapters/teams/bot';
import { fakeAssistant } from './helpers/fake-assistant';
import { fixture } from './helpers/fixtures';
import { memoryLogger } from './helpers/memory-logger';
import { startTeamsServer } from './helpers/teams-server';

interface Posted {
  status: number;
  body: string;
}

function post(listener: ReturnType<typeof createMessagesListener>, body: object, headers: Record<string, string> = {}): Promise<Posted> {
  const server = createServer(listener);
  return new Promise((resolve, reject) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const req = request(
        { host: '127.0.0.1', port, path: '/api/messages', method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => server.close(() => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') })));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });
  });
}

/**
 * An adapter double whose turn fails with `error`, before or after running the bot logic (an
 * error the turn's own `onTurnError` did not absorb).
 */
function failingAdapter(
  runLogicFirst: boolean,
  error: Error = new Error('boom: https://login.example/keys unreachable'),
): Pick<TeamsCloudAdapter, 'processIncoming'> {
  return {
    async processIncoming(_auth, _activity, logic) {
      if (runLogicFirst) await logic({} as never).catch(() => undefined);
      throw error;
    },
  };
}

/** An error like botframework-connector's `AuthenticationError` (same class name, a status code). */
class AuthenticationError extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
  }
}
const authError = (statusCode: number): Error => new AuthenticationError('Unauthorized Access. Request is not authorized', statusCode);

describe('createMessagesListener', () => {
  const bot = { run: async () => undefined } as unknown as TeamsQaBot;
  /** A personal message whose serviceUrl is on loopback (local mode replies nowhere else). No connector is called here. */
  const loopbackActivity = (): Record<string, unknown> => ({ ...fixture('personal-message'), serviceUrl: 'http://127.0.0.1:9/' });
  const JWT_SHAPED = 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln';
  const SECRET = 'Zq8~app-password-that-must-not-leak';

  it('refuses with 401 when the token could not be validated at all (e.g. keys unreachable), logged as an error', async () => {
    const logs = memoryLogger();
    const listener = createMessagesListener({ adapter: failingAdapter(false), bot, logger: logs.logger, authRequired: true });
    const res = await post(listener, loopbackActivity(), { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig' });
    expect(res).toEqual({ status: 401, body: JSON.stringify({ error: 'unauthorized' }) });
    const [entry] = logs.entries().filter((e) => /not authenticated/.test(String(e.msg)));
    expect(entry.level).toBe(50);
    expect(logs.text()).toMatch(/unreachable/);
  });

  it('logs a refused token as a warning, with the first line of the reason only', async () => {
    const logs = memoryLogger();
    const listener = createMessagesListener({
      adapter: failingAdapter(false, authError(401)),
      bot,
      logger: logs.logger,
      authRequired: true,
    });
    expect((await post(listener, loopbackActivity(), { authorization: JWT_SHAPED })).status).toBe(401);
    const [entry] = logs.entries().filter((e) => e.msg === 'teams request rejected: not authenticated');
    expect(entry).toMatchObject({ level: 40, reason: 'Unauthorized Access. Request is not authorized' });
  });

  it('keeps a 500 that happened after the bot ran (a bug, not an auth failure)', async () => {
    const listener = createMessagesListener({ adapter: failingAdapter(true), bot, logger: memoryLogger().logger, authRequired: true });
    expect((await post(listener, loopbackActivity(), { authorization: JWT_SHAPED })).status).toBe(500);
  });

  it('keeps a 500 when no authentication is required (local mode), and never echoes the error', async () => {
    const logs = memoryLogger();
    const listener = createMessagesListener({ adapter: failingAdapter(false), bot, logger: logs.logger });
    const res = await post(listener, loopbackActivity());
    expect(res).toEqual({ status: 500, body: JSON.stringify({ error: 'internal error' }) });
    expect(logs.text()).toMatch(/teams request failed/);
  });

  it('redacts the configured secrets from logged errors', async () => {
    for (const authRequired of [true, false]) {
      const logs = memoryLogger();
      const error = new Error(`token request failed for client_secret=${SECRET}`);
      const listener = createMessagesListener({
        adapter: failingAdapter(false, error),
        bot,
        logger: logs.logger,
        authRequired,
        secrets: [SECRET],
      });
      expect((await post(listener, loopbackActivity(), { authorization: JWT_SHAPED })).status).toBe(authRequired ? 401 : 500);
      expect(logs.text()).toMatch(/client_secret=\[redacted\]/);
      expect(logs.text()).not.toContain(SECRET);
    }
  });

  it.each([401, 403, 500])('answers 401 to an AuthenticationError (status %d) even in local mode', async (statusCode) => {
    const listener = createMessagesListener({ adapter: failingAdapter(false, authError(statusCode)), bot, logger: memoryLogger().logger });
    expect((await post(listener, loopbackActivity(), { authorization: JWT_SHAPED })).status).toBe(401);
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
    const activity = { ...loopbackActivity(), timestamp: '2024-11-14T21:14:00.000Z' };
    expect(await post(listener, activity, { authorization: 'Bearer abc' })).toEqual({ status: 200, body: '' });
    expect((await post(listener, activity)).status).toBe(200);
    expect(seen.map((s) => s.auth)).toEqual(['Bearer abc', '']);
    expect(seen[0].timestamp).toEqual(new Date('2024-11-14T21:14:00.000Z'));
    expect(seen[0].raw).toBe('2024-11-14T21:14:00.000Z');
  });

  it('answers with the status and body the turn asks for (an invoke response)', async () => {
    const adapter: Pick<TeamsCloudAdapter, 'processIncoming'> = { processIncoming: async () => ({ status: 409, body: { error: 'x' } }) };
    const listener = createMessagesListener({ adapter, bot, logger: memoryLogger().logger });
    expect(await post(listener, loopbackActivity())).toEqual({ status: 409, body: JSON.stringify({ error: 'x' }) });
  });

  it('with auth on, refuses a missing or malformed Authorization with 401 before reading the body or running the adapter', async () => {
    let calls = 0;
    const adapter: Pick<TeamsCloudAdapter, 'processIncoming'> = {
      processIncoming: async () => {
        calls += 1;
        return undefined;
      },
    };
    const listener = createMessagesListener({ adapter, bot, logger: memoryLogger().logger, authRequired: true });
    for (const authorization of [undefined, 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer not-a-jwt', 'Bearer a.b', 'bearer a.b.c']) {
      const res = await post(listener, loopbackActivity(), authorization === undefined ? {} : { authorization });
      expect(res).toEqual({ status: 401, body: JSON.stringify({ error: 'unauthorized' }) });
    }
    expect(calls).toBe(0);
    // A declared 200 KB body that never comes: the 401 arrives anyway (nothing waits for the body).
    const server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: (server.address() as AddressInfo).port,
            path: '/api/messages',
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': String(200_000) },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.write('{"type":');
      });
      expect(status).toBe(401);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('without auth, refuses an activity whose serviceUrl is not on loopback (no blind relay), unless allowed by origin', async () => {
    const seen: string[] = [];
    const adapter: Pick<TeamsCloudAdapter, 'processIncoming'> = {
      processIncoming: async (_auth, activity) => {
        seen.push(String(activity.serviceUrl));
        return undefined;
      },
    };
    const logs = memoryLogger();
    const listener = createMessagesListener({ adapter, bot, logger: logs.logger });
    for (const serviceUrl of [
      'http://169.254.169.254/latest/',
      'https://smba.trafficmanager.net/amer/',
      'http://10.0.0.1:8080/',
      'http://127.0.0.1.nip.io/',
      'http://[::ffff:a9fe:a9fe]/',
      'http://0.0.0.0:80/',
    ]) {
      expect((await post(listener, { ...fixture('personal-message'), serviceUrl })).status).toBe(403);
    }
    expect(seen).toEqual([]);
    expect(logs.text()).toMatch(/only to loopback serviceUrls/);
    for (const serviceUrl of ['http://127.0.0.1:3979/', 'http://localhost:50000/', 'http://[::1]:9/', 'http://127.8.9.10/']) {
      expect((await post(listener, { ...fixture('personal-message'), serviceUrl })).status).toBe(200);
    }
    const allowing = createMessagesListener({
      adapter,
      bot,
      logger: logs.logger,
      allowedServiceUrls: ['http://host.docker.internal:50000'],
    });
    expect((await post(allowing, { ...fixture('personal-message'), serviceUrl: 'http://host.docker.internal:50000/v3/' })).status).toBe(
      200,
    );
    expect((await post(allowing, { ...fixture('personal-message'), serviceUrl: 'http://host.docker.internal:50001/' })).status).toBe(403);
    expect(seen).toHaveLength(5);
  });

  it('refuses JSON nested deeper than 64 levels with 400 before parsing it', async () => {
    const listener = createMessagesListener({ adapter: failingAdapter(false), bot, logger: memoryLogger().logger });
    const deep = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: deep,
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'request body nests deeper than 64 levels' });
    } finally {
      server.close();
    }
  });
});

describe('an expect-replies request', () => {
  it('gets the replies in the response body and nothing is posted to the connector', async () => {
    const assistant = fakeAssistant();
    const t = await startTeamsServer(assistant);
    try {
      const res = await t.postActivity(fixture('personal-message', { deliveryMode: 'expectReplies' }));
      expect(res.status).toBe(200);
      const { activities } = JSON.parse(res.body) as { activities: { type: string; attachments?: { contentType: string }[] }[] };
      expect(activities).toHaveLength(1);
      expect(activities[0].attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(assistant.questions).toEqual(['Lambda max execution time']);
      expect(t.connector.calls).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe('an invoke activity', () => {
  it('gets 400 (the app declares no invoke feature), not 501, and no reply', async () => {
    const assistant = fakeAssistant();
    const t = await startTeamsServer(assistant);
    try {
      const res = await t.postActivity(
        fixture('personal-message', { type: 'invoke', name: 'composeExtension/query', text: undefined, value: { commandId: 'x' } }),
      );
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toEqual({ error: 'unsupported invoke', name: 'composeExtension/query' });
      expect(assistant.questions).toEqual([]);
      expect(t.connector.calls).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('from a tenant not in TEAMS_ALLOWED_TENANT_IDS gets the same 400 (not 501), and no reply', async () => {
    const assistant = fakeAssistant();
    const t = await startTeamsServer(assistant, { allowedTenantIds: ['00000000-0000-0000-0000-0000000000aa'] });
    try {
      const res = await t.postActivity(
        fixture('personal-message', { type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: { x: 1 } }),
      );
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toEqual({ error: 'unsupported invoke', name: 'adaptiveCard/action' });
      const message = await t.postActivity(fixture('personal-message'));
      expect(message.status).toBe(200);
      expect(assistant.questions).toEqual([]);
      expect(t.connector.calls).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
