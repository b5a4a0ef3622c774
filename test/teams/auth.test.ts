/**
 * Auth on: with an app id configured, CloudAdapter must reject requests without a valid Bot
 * Framework token with 401 before any bot code runs, and never post to the connector. These
 * requests are rejected before any OpenID metadata fetch, so nothing leaves the machine.
 */
import { fakeAssistant } from './helpers/fake-assistant';
import { fixture } from './helpers/fixtures';
import { startTeamsServer, type TeamsServer } from './helpers/teams-server';

const APP_ID = '2f1c6a2e-5b7d-4c3e-9a8f-0d1e2f3a4b5c';
const APP_PASSWORD = 'Zq8~not-a-real-secret-but-long-enough';

describe('Teams bot with MicrosoftAppId set', () => {
  let t: TeamsServer;
  const assistant = fakeAssistant();
  // Nothing may reach the console: every failure goes through the (redacting) pino logger.
  let consoleError: jest.SpyInstance;

  beforeAll(async () => {
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    t = await startTeamsServer(assistant, { appId: APP_ID, appPassword: APP_PASSWORD, appType: 'MultiTenant' });
  });
  afterAll(async () => {
    await t.close();
    consoleError.mockRestore();
  });

  it.each([
    ['no Authorization header', {}],
    ['an empty bearer', { authorization: 'Bearer ' }],
    ['a non-bearer scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['a bearer that is not a JWT', { authorization: 'Bearer not-a-token' }],
  ])('answers a request with %s with 401, runs no handler and posts nothing', async (_what, headers) => {
    const started = Date.now();
    const res = await t.postActivity(fixture('personal-message'), headers);
    expect(res.status).toBe(401);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(assistant.questions).toEqual([]);
    expect(t.connector.calls).toEqual([]);
  });

  it('does not log the app password or the Authorization header', async () => {
    await t.postActivity(fixture('personal-message'), { authorization: 'Basic dXNlcjpwYXNz' });
    const forged = 'Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IngifQ.eyJpc3MiOiJ4In0.c2lnbmF0dXJl';
    await t.postActivity(fixture('personal-message'), { authorization: forged });
    expect(t.logs.text()).not.toContain(APP_PASSWORD);
    expect(t.logs.text()).not.toContain('dXNlcjpwYXNz');
    expect(t.logs.text()).not.toContain('c2lnbmF0dXJl');
    expect(consoleError).not.toHaveBeenCalled();
    // A header that is not even a bearer JWT is refused before the body is read (a debug line);
    // a JWT-shaped one goes to botbuilder's validation, whose refusal is a warning.
    expect(t.logs.entries().some((e) => e.msg === 'teams request refused' && e.status === 401)).toBe(true);
    expect(t.logs.entries().some((e) => e.msg === 'teams request rejected: not authenticated')).toBe(true);
  });
});

describe('Teams bot without MicrosoftAppId (local mode)', () => {
  it('accepts an unauthenticated request and replies without a token', async () => {
    const t = await startTeamsServer(fakeAssistant());
    try {
      const res = await t.postActivity(fixture('personal-message'));
      expect(res.status).toBe(200);
      const [call] = await t.connector.waitForCalls(1);
      expect(call.authorization).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
