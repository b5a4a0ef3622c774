/**
 * The Teams adapter's connector clients are built once per (app id, serviceUrl, audience) and
 * reused: the real botbuilder authentication underneath, the real adapter and bot through HTTP,
 * two fake connectors on loopback. Reuse must never send a reply to another conversation's
 * service URL, and a connector that failed once must not stay broken.
 */
import type { Activity } from 'botbuilder';
import { MAX_CLIENTS, ReusedClientsAuthentication } from '../../adapters/teams/reused-clients';
import { fakeAssistant } from './helpers/fake-assistant';
import { startFakeConnector, type FakeConnector } from './helpers/fake-connector';
import { fixture } from './helpers/fixtures';
import { startTeamsServer, type TeamsServer } from './helpers/teams-server';

/** A personal-chat message to the bot, replied to at `serviceUrl`. */
function message(serviceUrl: string, conversationId: string, text: string): Activity {
  const activity = fixture('personal-message', { serviceUrl, text }) as unknown as Activity;
  return { ...activity, conversation: { ...activity.conversation, id: conversationId } };
}

describe('ReusedClientsAuthentication (no app id: local mode)', () => {
  const connectorFor = async (auth: ReusedClientsAuthentication, serviceUrl: string) => {
    const result = await auth.authenticateRequest(message(serviceUrl, 'c1', 'hi'), '');
    return result.connectorFactory!.create(serviceUrl, result.audience);
  };

  it('hands every request for one serviceUrl the same connector client, and another serviceUrl its own', async () => {
    const auth = new ReusedClientsAuthentication({});
    const a1 = await connectorFor(auth, 'http://127.0.0.1:1/');
    const a2 = await connectorFor(auth, 'http://127.0.0.1:1/');
    const b = await connectorFor(auth, 'http://127.0.0.1:2/');
    expect(a2).toBe(a1);
    expect(b).not.toBe(a1);
    expect(auth.clientCount()).toEqual({ connectors: 2, tokenClients: 0 });
  });

  it('keys connector clients by the audience too', async () => {
    const auth = new ReusedClientsAuthentication({});
    const factory = (await auth.authenticateRequest(message('http://127.0.0.1:1/', 'c1', 'hi'), '')).connectorFactory!;
    const a = await factory.create('http://127.0.0.1:1/', 'https://api.botframework.com');
    const b = await factory.create('http://127.0.0.1:1/', 'https://api.botframework.us');
    expect(b).not.toBe(a);
    expect(await factory.create('http://127.0.0.1:1/', 'https://api.botframework.com')).toBe(a);
  });

  it('keeps one user-token client per app id', async () => {
    const auth = new ReusedClientsAuthentication({});
    const { claimsIdentity } = await auth.authenticateRequest(message('http://127.0.0.1:1/', 'c1', 'hi'), '');
    const first = await auth.createUserTokenClient(claimsIdentity);
    expect(await auth.createUserTokenClient(claimsIdentity)).toBe(first);
    expect(auth.clientCount().tokenClients).toBe(1);
  });

  it(`keeps at most ${MAX_CLIENTS} connector clients, dropping the least recently used`, async () => {
    const auth = new ReusedClientsAuthentication({});
    const url = (i: number) => `http://127.0.0.${1 + (i % 200)}:${1000 + i}/`;
    const first = await connectorFor(auth, url(0));
    for (let i = 1; i < MAX_CLIENTS; i += 1) await connectorFor(auth, url(i));
    expect(await connectorFor(auth, url(0))).toBe(first); // used again: now the most recent
    await connectorFor(auth, url(MAX_CLIENTS)); // one too many: url(1) goes, url(0) stays
    expect(auth.clientCount().connectors).toBe(MAX_CLIENTS);
    expect(await connectorFor(auth, url(0))).toBe(first);
    const second = await connectorFor(auth, url(1));
    expect(await connectorFor(auth, url(1))).toBe(second);
    expect(auth.clientCount().connectors).toBe(MAX_CLIENTS);
  });

  it('shares the clients of requests with factories made for proactive messages (createConnectorFactory)', async () => {
    const auth = new ReusedClientsAuthentication({});
    const { claimsIdentity, connectorFactory } = await auth.authenticateRequest(message('http://127.0.0.1:1/', 'c1', 'hi'), '');
    const viaRequest = await connectorFactory!.create('http://127.0.0.1:1/');
    const viaFactory = await auth.createConnectorFactory(claimsIdentity).create('http://127.0.0.1:1/');
    expect(viaFactory).toBe(viaRequest); // same key: app id, serviceUrl, audience
  });
});

describe('ReusedClientsAuthentication with an app id', () => {
  const APP_ID = '2f1c6a2e-5b7d-4c3e-9a8f-0d1e2f3a4b5c';
  /** Claims as botframework's validation leaves them for a channel token addressed to `aud`. */
  const claimsFor = (aud: string) => {
    const claims = [{ type: 'aud', value: aud }];
    return { claims, isAuthenticated: true, getClaimValue: (type: string) => claims.find((c) => c.type === type)?.value ?? null };
  };
  type Claims = Parameters<ReusedClientsAuthentication['createConnectorFactory']>[0];

  it('keys connector clients by the app id of the claims, and forgets a client that could not be built', async () => {
    const auth = new ReusedClientsAuthentication({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'Zq8~not-a-real-secret',
      MicrosoftAppType: 'MultiTenant',
    });
    const url = 'http://127.0.0.1:1/';
    const ours = await auth.createConnectorFactory(claimsFor(APP_ID) as unknown as Claims).create(url);
    expect(await auth.createConnectorFactory(claimsFor(APP_ID) as unknown as Claims).create(url)).toBe(ours);
    // botbuilder refuses credentials for an app id other than the bot's: not reused, not kept.
    const foreignClaims = claimsFor('5a5a5a5a-0000-4000-8000-000000000000') as unknown as Claims;
    const foreign = auth.createConnectorFactory(foreignClaims);
    await expect(foreign.create(url)).rejects.toThrow('Invalid appId');
    expect(auth.clientCount().connectors).toBe(1);
    // User-token clients are per app id too: the bot's own is kept; another app's is refused, not shared.
    const tokens = await auth.createUserTokenClient(claimsFor(APP_ID) as unknown as Claims);
    expect(await auth.createUserTokenClient(claimsFor(APP_ID) as unknown as Claims)).toBe(tokens);
    await expect(auth.createUserTokenClient(foreignClaims)).rejects.toThrow('Invalid appId');
    expect(auth.clientCount().tokenClients).toBe(1);
  });
});

describe('Teams bot with reused connector clients, through HTTP', () => {
  let t: TeamsServer;
  let other: FakeConnector;

  beforeAll(async () => {
    t = await startTeamsServer(fakeAssistant());
    other = await startFakeConnector();
  });
  afterAll(async () => {
    await t.close();
    await other.close();
  });

  const post = (activity: Activity) =>
    t.raw({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) }).then((r) => r.status);

  it('sends each reply to its own activity serviceUrl, however requests for two connectors interleave', async () => {
    const sent = [
      message(t.connector.url, 'conv-a', 'lambda timeout'),
      message(other.url, 'conv-b', 'sqs vs sns'),
      message(t.connector.url, 'conv-a', 's3 sla'),
      message(other.url, 'conv-b', 'dynamodb limits'),
    ];
    const statuses = await Promise.all(sent.map(post));
    expect(statuses).toEqual([200, 200, 200, 200]);
    expect(t.connector.calls.map((c) => c.conversationId)).toEqual(['conv-a', 'conv-a']);
    expect(other.calls.map((c) => c.conversationId)).toEqual(['conv-b', 'conv-b']);
  });

  it('keeps replying through a connector that failed once, once it heals', async () => {
    const before = t.connector.calls.length;
    t.connector.fail(403); // a 4xx: not retried by the client
    expect(await post(message(t.connector.url, 'conv-c', 'lambda timeout'))).toBe(200); // logged, not thrown
    t.connector.fail(undefined);
    expect(await post(message(t.connector.url, 'conv-c', 's3 sla'))).toBe(200);
    const calls = await t.connector.waitForCalls(before + 2);
    expect(calls.slice(before).map((c) => c.conversationId)).toEqual(['conv-c', 'conv-c']);
    expect(t.logs.entries().some((e) => e.msg === 'teams reply not delivered')).toBe(true);
  });
});
