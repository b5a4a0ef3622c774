import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, describeConfig, loadConfig, parseConfig } from '../../adapters/server/config';
import { tempDir } from '../helpers/temp-dir';

const BOT = 'xoxb-1234-5678-configTestBotToken';
const SIGNING = '8f14e45fceea167a5a36dedd4bea2543';
const APP_TOKEN = 'xapp-1-A111-222-configTestAppToken';
const APP_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const PASSWORD = 'configTestAppPassword~s3cr3t';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function issuesOf(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env, '/srv/app');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  describe('parseConfig', () => {
    it('gives zero-setup local mode with no environment at all', () => {
      const config = parseConfig({}, '/srv/app');
      expect(config).toMatchObject({
        port: 3978,
        host: '127.0.0.1',
        logLevel: 'info',
        knowledgeDir: '/srv/app/knowledge',
        knowledgeWatch: true,
        shutdownTimeoutMs: 8000,
        shutdownDelayMs: 0,
        local: true,
        production: false,
        playground: true,
        slack: { mode: 'off' },
        teams: { mode: 'open', allowedTenantIds: [] },
        secrets: [],
      });
    });

    it('treats empty values as unset, as a copied .env template has them', () => {
      expect(parseConfig({ SLACK_BOT_TOKEN: '', MicrosoftAppId: '  ', PORT: '' }).local).toBe(true);
    });

    it('turns on Slack HTTP mode and binds every interface when Slack is configured', () => {
      const config = parseConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, SLACK_ALLOWED_TEAM_IDS: 'T0001, E0002' });
      expect(config.slack).toEqual({
        mode: 'http',
        botToken: BOT,
        signingSecret: SIGNING,
        apiUrl: undefined,
        allowedTeamIds: ['T0001', 'E0002'],
      });
      expect(config).toMatchObject({ local: false, host: '0.0.0.0', playground: false, teams: { mode: 'off' } });
      expect(config.secrets.sort()).toEqual([BOT, SIGNING].sort());
    });

    it('turns on Socket Mode when an app token is given (no signing secret needed)', () => {
      expect(parseConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP_TOKEN }).slack).toMatchObject({
        mode: 'socket',
        appToken: APP_TOKEN,
      });
    });

    it('turns on authenticated Teams with an app id and password', () => {
      const config = parseConfig({
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: PASSWORD,
        MicrosoftAppType: 'singletenant',
        MicrosoftAppTenantId: TENANT,
      });
      expect(config.teams).toEqual({
        mode: 'auth',
        appId: APP_ID,
        appPassword: PASSWORD,
        appType: 'SingleTenant',
        tenantId: TENANT,
        allowedTenantIds: [],
      });
      expect(config.slack.mode).toBe('off');
      expect(config.local).toBe(false);
    });

    it('lets PLAYGROUND, HOST, LOG_LEVEL and the rest override the defaults', () => {
      const config = parseConfig({
        PLAYGROUND: 'on',
        PLAYGROUND_TOKEN: 'playground-token-0123456789',
        HOST: '::',
        LOG_LEVEL: 'DEBUG',
        PORT: '0',
        KNOWLEDGE_DIR: '/data/kb',
        KNOWLEDGE_WATCH: 'no',
        SHUTDOWN_TIMEOUT_MS: '2500',
        SLACK_BOT_TOKEN: BOT,
        SLACK_SIGNING_SECRET: SIGNING,
      });
      expect(config).toMatchObject({
        playground: true,
        host: '::',
        logLevel: 'debug',
        port: 0,
        knowledgeDir: '/data/kb',
        knowledgeWatch: false,
        shutdownTimeoutMs: 2500,
      });
    });

    it('names the missing signing secret when a bot token is set without it (HTTP mode)', () => {
      const error = issuesOf({ SLACK_BOT_TOKEN: BOT });
      expect(error.issues).toEqual([
        { variable: 'SLACK_SIGNING_SECRET', message: expect.stringContaining('required when SLACK_BOT_TOKEN is set') },
      ]);
    });

    it('lists every problem at once, in one message', () => {
      const error = issuesOf({
        PORT: '99999',
        LOG_LEVEL: 'loud',
        PLAYGROUND: 'maybe',
        SLACK_SIGNING_SECRET: SIGNING,
        SLACK_API_URL: 'ftp://x',
        SLACK_ALLOWED_TEAM_IDS: 'T1,not-a-team',
        MicrosoftAppId: APP_ID,
        MicrosoftAppType: 'SingleTenant',
        TEAMS_ALLOWED_TENANT_IDS: 'nope',
      });
      expect(error.issues.map((i) => i.variable).sort()).toEqual([
        'LOG_LEVEL',
        'MicrosoftAppPassword',
        'MicrosoftAppTenantId',
        'PLAYGROUND',
        'PORT',
        'SLACK_ALLOWED_TEAM_IDS',
        'SLACK_API_URL',
        'SLACK_BOT_TOKEN',
        'TEAMS_ALLOWED_TENANT_IDS',
      ]);
      for (const { variable } of error.issues) expect(error.message).toContain(`  ${variable}: `);
      expect(error.message).toMatch(/^invalid configuration \(9 problems\):\n/);
    });

    it('never echoes a secret value, valid or not', () => {
      const badBot = 'xoxp-9999-user-token-not-a-bot-token';
      const badSecret = 'has spaces in-the-secret value';
      const error = issuesOf({
        SLACK_BOT_TOKEN: badBot,
        SLACK_SIGNING_SECRET: badSecret,
        SLACK_APP_TOKEN: 'xoxb-wrong-kind-of-token-123',
        MicrosoftAppPassword: PASSWORD,
      });
      expect(error.issues.map((i) => i.variable).sort()).toEqual([
        'MicrosoftAppId',
        'SLACK_APP_TOKEN',
        'SLACK_BOT_TOKEN',
        'SLACK_SIGNING_SECRET',
      ]);
      for (const secret of [badBot, badSecret, 'xoxb-wrong-kind-of-token-123', PASSWORD]) expect(error.message).not.toContain(secret);
    });

    it('serves Teams without auth outside local mode only when explicitly allowed', () => {
      const slack = { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING };
      expect(parseConfig({ ...slack, TEAMS_ALLOW_UNAUTHENTICATED: 'true' }).teams.mode).toBe('open');
      expect(parseConfig({ ...slack, TEAMS_ALLOW_UNAUTHENTICATED: 'false' }).teams.mode).toBe('off');
      expect(
        issuesOf({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: PASSWORD, TEAMS_ALLOW_UNAUTHENTICATED: '1' }).issues.map(
          (i) => i.variable,
        ),
      ).toEqual(['TEAMS_ALLOW_UNAUTHENTICATED']);
    });

    it('has no local mode in production: missing secrets fail at startup instead of serving without auth', () => {
      expect(issuesOf({ NODE_ENV: 'production' }).issues).toEqual([
        { variable: 'NODE_ENV', message: expect.stringContaining('nothing is configured to serve') },
      ]);
      const slackOnly = parseConfig({ NODE_ENV: 'production', SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP_TOKEN });
      expect(slackOnly).toMatchObject({ local: false, production: true, host: '0.0.0.0', playground: false, teams: { mode: 'off' } });
      expect(parseConfig({ NODE_ENV: 'production', PLAYGROUND: '1', HOST: '127.0.0.1' })).toMatchObject({
        local: false,
        playground: true,
        teams: { mode: 'off' },
        slack: { mode: 'off' },
      });
    });

    it('requires the pieces of each Teams identity type', () => {
      expect(issuesOf({ MicrosoftAppId: APP_ID }).issues.map((i) => i.variable)).toEqual(['MicrosoftAppPassword']);
      expect(issuesOf({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI' }).issues.map((i) => i.variable)).toEqual([
        'MicrosoftAppTenantId',
      ]);
      expect(issuesOf({ MicrosoftAppId: 'not-a-guid', MicrosoftAppPassword: PASSWORD }).issues.map((i) => i.variable)).toEqual([
        'MicrosoftAppId',
      ]);
      expect(parseConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT }).teams.mode).toBe(
        'auth',
      );
      expect(
        issuesOf({
          MicrosoftAppId: APP_ID,
          MicrosoftAppType: 'UserAssignedMSI',
          MicrosoftAppTenantId: TENANT,
          MicrosoftAppPassword: PASSWORD,
        }).issues.map((i) => i.variable),
      ).toEqual(['MicrosoftAppPassword']);
    });
  });

  describe('describeConfig', () => {
    it('says which secrets are set without their values', () => {
      const config = parseConfig({
        SLACK_BOT_TOKEN: BOT,
        SLACK_SIGNING_SECRET: SIGNING,
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: PASSWORD,
      });
      const text = JSON.stringify(describeConfig(config));
      for (const secret of [BOT, SIGNING, PASSWORD]) expect(text).not.toContain(secret);
      expect(describeConfig(config)).toMatchObject({
        slack: { mode: 'http', botToken: 'set', signingSecret: 'set' },
        teams: { mode: 'auth', appId: APP_ID, appPassword: 'set' },
      });
    });
  });

  describe('loadConfig', () => {
    const dirWithEnv = (content: string): string => {
      const dir = tempDir('aws-qa-config-');
      writeFileSync(join(dir, '.env'), content);
      return dir;
    };

    it('reads .env from the working directory', () => {
      const dir = dirWithEnv(`# local secrets\nSLACK_BOT_TOKEN=${BOT}\nSLACK_SIGNING_SECRET="${SIGNING}"\nPORT=4000\n`);
      const config = loadConfig({ env: {}, cwd: dir });
      expect(config).toMatchObject({
        port: 4000,
        envFile: join(dir, '.env'),
        slack: { mode: 'http', botToken: BOT, signingSecret: SIGNING },
      });
    });

    it('never lets .env override the real environment, nor touches process.env', () => {
      const dir = dirWithEnv('PORT=4000\nLOG_LEVEL=debug\nAWS_QA_TEST_ONLY=1\n');
      const config = loadConfig({ env: { PORT: '5000' }, cwd: dir });
      expect(config.port).toBe(5000);
      expect(config.logLevel).toBe('debug');
      expect(process.env.AWS_QA_TEST_ONLY).toBeUndefined();
    });

    it('reports .env problems like any other, without echoing its secrets', () => {
      const dir = dirWithEnv('SLACK_SIGNING_SECRET=abc def ghi jkl\n');
      expect(() => loadConfig({ env: {}, cwd: dir })).toThrow(ConfigError);
      try {
        loadConfig({ env: {}, cwd: dir });
      } catch (error) {
        expect((error as Error).message).not.toContain('abc def ghi jkl');
        expect((error as ConfigError).issues.map((i) => i.variable).sort()).toEqual(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']);
      }
    });

    it('is fine without a .env file', () => {
      expect(loadConfig({ env: {}, cwd: tempDir('aws-qa-config-') }).envFile).toBeUndefined();
    });
  });

  describe('hardening (issue 12 items 10-14, issue 15 item 12)', () => {
    it('names each variable once in a flag error', () => {
      const error = issuesOf({ PLAYGROUND: 'maybe', KNOWLEDGE_WATCH: 'sometimes' });
      expect(error.issues).toEqual([
        { variable: 'KNOWLEDGE_WATCH', message: 'must be one of 1/0, true/false, yes/no, on/off' },
        { variable: 'PLAYGROUND', message: 'must be one of 1/0, true/false, yes/no, on/off' },
      ]);
      for (const line of error.message.split('\n').slice(1)) expect(line.match(/PLAYGROUND|KNOWLEDGE_WATCH/g)).toHaveLength(1);
    });

    it('requires a sane minimum length for the signing secret and the app password, without echoing them', () => {
      const error = issuesOf({
        SLACK_BOT_TOKEN: BOT,
        SLACK_SIGNING_SECRET: 'short-secret-1234',
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'pw-1234',
      });
      expect(error.issues.map((i) => i.variable)).toEqual(['SLACK_SIGNING_SECRET', 'MicrosoftAppPassword']);
      expect(error.message).toMatch(/SLACK_SIGNING_SECRET: must be the app's signing secret \(at least 32 characters/);
      expect(error.message).toMatch(/MicrosoftAppPassword: must be the app's client secret \(at least 16 characters/);
      expect(error.message).not.toMatch(/short-secret-1234|pw-1234/);
    });

    it('refuses credentials in SLACK_API_URL without echoing them', () => {
      const error = issuesOf({
        SLACK_BOT_TOKEN: BOT,
        SLACK_SIGNING_SECRET: SIGNING,
        SLACK_API_URL: 'https://proxyuser:pr%40xy-pass@proxy.internal:8443/api/',
      });
      expect(error.issues.map((i) => i.variable)).toEqual(['SLACK_API_URL']);
      expect(error.message).toMatch(/must not carry credentials/);
      expect(error.message).not.toMatch(/proxyuser|pr%40xy|pr@xy/);
    });

    it('refuses local mode on a non-loopback HOST unless LOCAL_ALLOW_REMOTE', () => {
      expect(issuesOf({ HOST: '0.0.0.0' }).issues.map((i) => i.variable)).toEqual(['HOST']);
      expect(issuesOf({ HOST: '192.168.1.10' }).issues.map((i) => i.variable)).toEqual(['HOST']);
      expect(parseConfig({ HOST: '0.0.0.0', LOCAL_ALLOW_REMOTE: 'yes' })).toMatchObject({ local: true, host: '0.0.0.0' });
      expect(parseConfig({ HOST: '::1' })).toMatchObject({ local: true });
      // One loopback check (issue 23): all of 127.0.0.0/8, and ::1 bracketed or not, bound without brackets.
      expect(parseConfig({ HOST: '127.0.0.2' })).toMatchObject({ local: true, host: '127.0.0.2' });
      expect(parseConfig({ HOST: '[::1]' })).toMatchObject({ local: true, host: '::1' });
      expect(new Set(issuesOf({ HOST: '[not-an-address]' }).issues.map((i) => i.variable))).toEqual(new Set(['HOST']));
      expect(new Set(issuesOf({ HOST: 'http://0.0.0.0' }).issues.map((i) => i.variable))).toEqual(new Set(['HOST']));
    });

    it('requires PLAYGROUND_TOKEN (16+ characters) or a loopback HOST for the playground beside production settings', () => {
      expect(issuesOf({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, PLAYGROUND: '1' }).issues.map((i) => i.variable)).toEqual([
        'PLAYGROUND',
      ]);
      expect(
        issuesOf({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, PLAYGROUND: '1', PLAYGROUND_TOKEN: 'short' }).issues.map(
          (i) => i.variable,
        ),
      ).toEqual(['PLAYGROUND_TOKEN']);
      const token = 'a-long-enough-playground-token';
      const config = parseConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, PLAYGROUND: '1', PLAYGROUND_TOKEN: token });
      expect(config).toMatchObject({ playground: true, playgroundToken: token });
      expect(config.secrets).toContain(token);
      expect(parseConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, PLAYGROUND: '1', HOST: '127.0.0.1' }).playground).toBe(
        true,
      );
    });

    it('reads TEAMS_ALLOWED_SERVICE_URLS, PUBLIC_HOST and KNOWLEDGE_MAX_BYTES', () => {
      const config = parseConfig({
        TEAMS_ALLOWED_SERVICE_URLS: 'http://host.docker.internal:50000, https://emulator.example',
        PUBLIC_HOST: 'QA.Example.com',
        KNOWLEDGE_MAX_BYTES: '1048576',
      });
      expect(config.teams).toMatchObject({
        mode: 'open',
        allowedServiceUrls: ['http://host.docker.internal:50000', 'https://emulator.example'],
      });
      expect(config).toMatchObject({ publicHost: 'qa.example.com', knowledgeMaxBytes: 1048576 });
      expect(parseConfig({}).knowledgeMaxBytes).toBe(20 * 1024 * 1024);
      expect(
        issuesOf({ TEAMS_ALLOWED_SERVICE_URLS: 'ftp://x', PUBLIC_HOST: 'http://x/', KNOWLEDGE_MAX_BYTES: '12' }).issues.map(
          (i) => i.variable,
        ),
      ).toEqual(['KNOWLEDGE_MAX_BYTES', 'PUBLIC_HOST', 'TEAMS_ALLOWED_SERVICE_URLS']);
    });
  });
});
