/** SLACK_EXPERTS_CHANNEL, TEAMS_EXPERTS_CHANNEL, SLACK_ADMIN_USER_IDS: checked at startup, every problem named. */
import { ConfigError, describeConfig, parseConfig } from '../../adapters/server/config';

const problems = (env: Record<string, string>): string[] => {
  try {
    parseConfig(env, '/srv/app');
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((i) => `${i.variable}: ${i.message}`);
    throw error;
  }
  return [];
};

describe('experts configuration', () => {
  it('is off when unset', () => {
    expect(parseConfig({}, '/srv/app').experts).toEqual({ slackAdminUserIds: [] });
  });

  it('reads a Slack channel id, a Teams channel id and the admins', () => {
    const config = parseConfig(
      {
        SLACK_EXPERTS_CHANNEL: 'C0123ABCDEF',
        TEAMS_EXPERTS_CHANNEL: '19:a1b2c3d4e5f6@thread.tacv2',
        SLACK_ADMIN_USER_IDS: 'U012AB3CD, W0456EF7GH',
      },
      '/srv/app',
    );
    expect(config.experts).toEqual({
      slackChannel: 'C0123ABCDEF',
      teamsChannel: '19:a1b2c3d4e5f6@thread.tacv2',
      slackAdminUserIds: ['U012AB3CD', 'W0456EF7GH'],
    });
    // The startup log says what is set, never who the admins are.
    expect(JSON.stringify(describeConfig(config))).not.toContain('U012AB3CD');
    expect(describeConfig(config).experts).toEqual({
      slackChannel: 'C0123ABCDEF',
      teamsChannel: '19:a1b2c3d4e5f6@thread.tacv2',
      slackAdmins: 2,
    });
  });

  it('names every malformed value at once', () => {
    expect(
      problems({
        SLACK_EXPERTS_CHANNEL: '#aws-experts',
        TEAMS_EXPERTS_CHANNEL: '19:abc@thread.skype',
        SLACK_ADMIN_USER_IDS: 'U012AB3CD,alice',
      }),
    ).toEqual([
      "SLACK_EXPERTS_CHANNEL: must be a Slack channel id (C… or G…, from the channel's details; not its name)",
      'TEAMS_EXPERTS_CHANNEL: must be a Teams channel id (19:…@thread.tacv2, from "Get link to channel")',
      'SLACK_ADMIN_USER_IDS: must be a comma-separated list of Slack user ids (U… or W…)',
    ]);
    expect(problems({ SLACK_EXPERTS_CHANNEL: 'D0123ABCDEF' })).toHaveLength(1);
  });
});
