import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';

const root = join(__dirname, '../..');
const schema = JSON.parse(readFileSync(join(root, 'test/fixtures/schemas/slack-manifest.schema.1.0.0.json'), 'utf8'));
const load = () => parse(readFileSync(join(root, 'manifest.yml'), 'utf8'));

describe('manifest.yml', () => {
  // The schema's only format is `uri` (on `$schema`); ajv-formats is not a dependency, so define it.
  const validate = new Ajv({ allErrors: true, strict: false }).addFormat('uri', (value: string) => URL.canParse(value)).compile(schema);

  it('validates against Slack’s app manifest JSON Schema', () => {
    const ok = validate(load());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('is checked by the schema for real (a broken manifest fails)', () => {
    const broken = load();
    broken.features.slash_commands[0].command = 'aws';
    broken.settings.interactivity = {};
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/features/slash_commands/0/command', '/settings/interactivity']),
    );
  });

  it('declares the bot user, /aws with a usage hint, scopes, events, interactivity, the Messages and Home tabs', () => {
    const m = load();
    expect(m.features.bot_user.display_name).toBeTruthy();
    expect(m.features.slash_commands).toEqual([expect.objectContaining({ command: '/aws', usage_hint: expect.stringMatching(/\S/) })]);
    expect([...m.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'chat:write', 'commands', 'im:history']);
    expect([...m.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(m.settings.interactivity.is_enabled).toBe(true);
    expect(m.features.app_home.messages_tab_enabled).toBe(true);
    expect(m.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(m.features.app_home.home_tab_enabled).toBe(true);
  });

  it('points every request URL at /slack/events on a placeholder host', () => {
    const m = load();
    const urls = [m.features.slash_commands[0].url, m.settings.event_subscriptions.request_url, m.settings.interactivity.request_url];
    for (const url of urls) expect(url).toBe('https://aws-qa.example.com/slack/events');
  });
});
