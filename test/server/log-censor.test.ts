/** The key censor of the logger: what it censors, that it never changes the caller's objects, and that it copies nothing when nothing matches. */
import { censorKeys } from '../../adapters/server/logger';

describe('censorKeys', () => {
  it('censors top-level keys, keys one level down and the literal header paths, on copies', () => {
    const obj = {
      token: 't',
      keep: 1,
      options: { secret: 's', other: 'o' },
      req: { headers: { authorization: 'a', cookie: 'c', 'x-slack-signature': 'v0', host: 'h' } },
      headers: { Authorization: 'A' },
      list: [{ token: 'in an array: left to the value scrubber' }],
    };
    const before = JSON.stringify(obj);
    const out = censorKeys(obj);
    expect(JSON.stringify(obj)).toBe(before);
    expect(out).toEqual({
      token: '[redacted]',
      keep: 1,
      options: { secret: '[redacted]', other: 'o' },
      req: { headers: { authorization: '[redacted]', cookie: '[redacted]', 'x-slack-signature': '[redacted]', host: 'h' } },
      headers: { Authorization: '[redacted]' },
      list: [{ token: 'in an array: left to the value scrubber' }],
    });
  });

  it('returns the very object when nothing matches (no garbage per log line)', () => {
    const line = { platform: 'slack', intent: 'sla', kind: 'sla', answered: true, confidence: 0.9, latencyMs: 0.1, reqId: 'abc' };
    expect(censorKeys(line)).toBe(line);
    const err = new Error('boom');
    const withError = { err };
    expect(censorKeys(withError)).toBe(withError);
  });
});
