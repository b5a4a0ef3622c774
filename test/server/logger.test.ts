import { createLogger, routeConsole } from '../../adapters/server/logger';
import { createRedactor } from '../../adapters/shared/redactor';

/** `line` as the logger writes it: every secret, URL userinfo and credential-shaped string replaced. */
const scrub = (line: string, secrets: readonly string[]): string => createRedactor(secrets).text(line);

const BOT = 'xoxb-1111-2222-loggerTestToken';
const PASSWORD = 'pa"ss\\word~LoggerTest';

function capture(level = 'trace') {
  const lines: string[] = [];
  const logger = createLogger({ level, secrets: [BOT, PASSWORD, 'short'], destination: { write: (l: string) => void lines.push(l) } });
  return { logger, lines, text: () => lines.join('') };
}

describe('logger', () => {
  describe('createLogger', () => {
    it('censors secrets by key wherever the usual shapes put them', () => {
      const { logger, text } = capture();
      logger.info(
        {
          token: 'abcdefgh-1',
          password: 'abcdefgh-2',
          req: { headers: { authorization: 'Bearer abcdefgh-3', cookie: 'sid=abcdefgh-4', 'x-slack-signature': 'v0=abcdefgh-5' } },
          headers: { authorization: 'abcdefgh-6' },
          options: { signingSecret: 'abcdefgh-7', appPassword: 'abcdefgh-8', botToken: 'abcdefgh-9' },
        },
        'keys',
      );
      for (let i = 1; i <= 9; i += 1) expect(text()).not.toContain(`abcdefgh-${i}`);
      expect(text()).toContain('[redacted]');
    });

    it('scrubs configured secret values and token shapes from messages, errors and any key', () => {
      const { logger, text } = capture();
      logger.error(
        { err: new Error(`call failed with ${BOT}`), nested: { deep: { whatever: PASSWORD } } },
        `sent Authorization: Bearer eyJhbGciOi.abc.def and ${BOT}`,
      );
      logger.warn(`user token xoxp-9-9-9-someUserToken and app token xapp-1-A1-123-abc, basic Basic dXNlcjpwYXNzd29yZA==`);
      expect(text()).not.toContain(BOT);
      expect(text()).not.toContain(JSON.stringify(PASSWORD).slice(1, -1));
      expect(text()).not.toMatch(/xoxp-|xapp-|eyJhbGciOi|dXNlcjpwYXNzd29yZA/);
      expect(text()).toContain('Bearer [redacted]');
    });

    it('scrubs every configured secret whatever its length (the configuration enforces sane lengths)', () => {
      expect(scrub('a short word', ['short'])).toBe('a [redacted] word');
      expect(scrub('pin 42!', ['42!'])).toBe('pin [redacted]');
    });

    it('scrubs a long hostile line in linear time', () => {
      /** The hostile line at `scale` (4: about 1.4 MB). */
      const hostile = (scale: number): string => {
        const n = (count: number): number => (count * scale) / 4;
        return (
          `${'a.'.repeat(n(100_000))} ${'x://'.repeat(n(20_000))} ${'eyJ.'.repeat(n(20_000))} ${'eyJ-'.repeat(n(50_000))} ${'eyJa.a'.repeat(n(20_000))} ` +
          `${'xoxb-'.repeat(n(50_000))} xoxb-1-${'a-'.repeat(n(20_000))} ${'Bearer '.repeat(n(20_000))}`
        );
      };
      /** The fastest of three scrubs of the line at `scale`, in ms. */
      const fastest = (scale: number): number => {
        const line = hostile(scale);
        return Math.min(
          ...[1, 2, 3].map(() => {
            const started = performance.now();
            scrub(line, ['secret-value-1234']);
            return performance.now() - started;
          }),
        );
      };
      // Growth, not a budget: four times the line takes about four times as long when linear, sixteen when quadratic.
      const small = fastest(1);
      const large = fastest(4);
      expect(large).toBeLessThan(10 * Math.max(small, 2));
    });

    it('scrubs URL userinfo (a proxy password in SLACK_API_URL) and the password wherever else it appears', () => {
      const lines: string[] = [];
      const logger = createLogger({
        secrets: ['https://proxyuser:pr0xy%40pw@proxy.example:8080/api/'],
        destination: { write: (l: string) => void lines.push(l) },
      });
      const text = (): string => lines.join('');
      logger.info({ apiUrl: 'https://proxyuser:pr0xy%40pw@proxy.example:8080/api/' }, 'calling http://other:s3cret@host/ with pr0xy@pw');
      expect(text()).not.toMatch(/proxyuser|pr0xy|s3cret/);
      expect(text()).toContain('https://[redacted]@proxy.example:8080/api/');
    });
  });

  describe('routeConsole', () => {
    it('turns console output into scrubbed JSON lines, and restores console', () => {
      const { logger, lines } = capture('debug');
      const original = console.error;
      const restore = routeConsole(logger);
      try {
        console.error('library failed:', { token: BOT });
        const auth = new Error('Unauthorized');
        auth.name = 'AuthenticationError';
        console.error(auth);
      } finally {
        restore();
      }
      expect(console.error).toBe(original);
      const parsed = lines.map((l) => JSON.parse(l));
      expect(parsed[0]).toMatchObject({ level: 50, component: 'console', msg: expect.stringContaining('library failed') });
      expect(parsed[0].msg).not.toContain(BOT);
      expect(parsed[1]).toMatchObject({ level: 20, msg: expect.stringMatching(/AuthenticationError\]?: Unauthorized/) });
    });
  });
});
