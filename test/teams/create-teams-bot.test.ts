import { createTeamsBot, teamsAuthProblems } from '../../adapters/teams/create-teams-bot';
import { InMemoryFeedbackStore } from '../../src/index';
import { fakeAssistant } from './helpers/fake-assistant';
import { memoryLogger } from './helpers/memory-logger';

const APP_ID = '2f1c6a2e-5b7d-4c3e-9a8f-0d1e2f3a4b5c';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const base = () => ({ assistant: fakeAssistant(), feedbackStore: new InMemoryFeedbackStore(), logger: memoryLogger().logger });

describe('createTeamsBot', () => {
  it('builds an adapter, a bot and a request listener in local mode', () => {
    const teams = createTeamsBot(base());
    expect(typeof teams.requestListener).toBe('function');
    expect(typeof teams.adapter.processIncoming).toBe('function');
    expect(typeof teams.bot.run).toBe('function');
  });

  it('runs turns only from an Authorization header string, never from a pre-authenticated result', async () => {
    const teams = createTeamsBot(base());
    const forged = { claimsIdentity: {}, audience: 'x', callerId: 'x' } as unknown as string;
    await expect(teams.adapter.processIncoming(forged, { type: 'message' } as never, async () => undefined)).rejects.toThrow(TypeError);
  });

  it.each([
    ['MultiTenant', { appId: APP_ID, appPassword: 'secret-value-1234', appType: 'MultiTenant' as const }],
    ['SingleTenant', { appId: APP_ID, appPassword: 'secret-value-1234', appType: 'SingleTenant' as const, tenantId: TENANT }],
    ['UserAssignedMSI', { appId: APP_ID, appType: 'UserAssignedMSI' as const, tenantId: TENANT }],
  ])('accepts a consistent %s identity', (_type, auth) => {
    expect(teamsAuthProblems(auth)).toEqual([]);
    expect(() => createTeamsBot({ ...base(), ...auth })).not.toThrow();
  });

  describe('teamsAuthProblems', () => {
    it('names every problem at once, never echoing the password', () => {
      const problems = teamsAuthProblems({ appId: 'my-bot', appType: 'SingleTenant' });
      expect(problems).toEqual([
        'MicrosoftAppId must be a GUID, not "my-bot"',
        'MicrosoftAppPassword is required when MicrosoftAppId is set (SingleTenant)',
        'MicrosoftAppTenantId is required for SingleTenant',
      ]);
      const msi = teamsAuthProblems({ appId: APP_ID, appType: 'UserAssignedMSI', appPassword: 'hunter2-hunter2', tenantId: TENANT });
      expect(msi).toEqual(['MicrosoftAppPassword must be empty for UserAssignedMSI']);
      expect(msi.join(' ')).not.toContain('hunter2');
    });

    it('flags a password without an app id and an unknown app type', () => {
      expect(teamsAuthProblems({ appPassword: 'secret-value-1234' })).toEqual(['MicrosoftAppPassword is set but MicrosoftAppId is empty']);
      expect(teamsAuthProblems({ appType: 'Personal' as never })[0]).toMatch(/MicrosoftAppType must be/);
    });

    it('makes createTeamsBot throw with the list', () => {
      expect(() => createTeamsBot({ ...base(), appId: APP_ID })).toThrow(/Teams bot configuration: MicrosoftAppPassword is required/);
    });
  });
});
