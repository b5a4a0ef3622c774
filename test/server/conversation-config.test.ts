/** `CONVERSATION_TTL_MINUTES`: how long a conversation is remembered (default 15, 0 turns follow-ups off), checked at startup. */
import { ConfigError, DEFAULT_CONVERSATION_TTL_MINUTES, describeConfig, parseConfig } from '../../adapters/server/config';

describe('CONVERSATION_TTL_MINUTES', () => {
  it('defaults to 15 minutes and accepts 0 (off) up to a day', () => {
    expect(DEFAULT_CONVERSATION_TTL_MINUTES).toBe(15);
    expect(parseConfig({}).conversationTtlMinutes).toBe(15);
    expect(parseConfig({ CONVERSATION_TTL_MINUTES: '0' }).conversationTtlMinutes).toBe(0);
    expect(parseConfig({ CONVERSATION_TTL_MINUTES: ' 1440 ' }).conversationTtlMinutes).toBe(1440);
    expect(describeConfig(parseConfig({ CONVERSATION_TTL_MINUTES: '30' }))).toMatchObject({ conversationTtlMinutes: 30 });
  });

  it.each(['-1', '1441', '2.5', 'fifteen'])('refuses %p, naming the variable and the range', (value) => {
    expect(() => parseConfig({ CONVERSATION_TTL_MINUTES: value })).toThrow(ConfigError);
    try {
      parseConfig({ CONVERSATION_TTL_MINUTES: value });
    } catch (error) {
      expect((error as ConfigError).issues).toEqual([
        { variable: 'CONVERSATION_TTL_MINUTES', message: 'must be an integer from 0 to 1440' },
      ]);
    }
  });
});
