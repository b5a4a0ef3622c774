/** The edge check of incoming activities (Ajv over a JSON Schema) and the timestamp conversion. */
import { z } from 'zod';
import { checkIncomingActivity, isHttpUrl, withDateTimestamps } from '../../adapters/teams/incoming-activity';
import { prng } from '../helpers/prng';
import { fixture, type ActivityJson, type FixtureName } from './helpers/fixtures';

const FIXTURES: FixtureName[] = [
  'channel-mention',
  'group-chat-mention',
  'group-chat-no-mention',
  'personal-message',
  'card-submit-ask',
  'card-submit-feedback',
  'members-added-personal',
  'members-added-channel',
];

/**
 * An independent statement of the same contract, in zod (the schema this edge used before Ajv):
 * the randomized test below checks that both accept exactly the same activities.
 */
const reference = z.looseObject({
  type: z.string().min(1),
  channelId: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.looseObject({ id: z.string().min(1) }),
  from: z.looseObject({ id: z.string().min(1) }),
  recipient: z.looseObject({ id: z.string().min(1) }),
  id: z.string().optional(),
  text: z.string().optional(),
  entities: z.array(z.looseObject({ type: z.string() })).optional(),
  membersAdded: z.array(z.looseObject({ id: z.string() })).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
});

function problem(value: unknown): string | undefined {
  const r = checkIncomingActivity(value);
  return r.ok ? undefined : r.problem;
}

describe('checkIncomingActivity', () => {
  it.each(FIXTURES)('accepts the %s fixture and returns the very same object', (name) => {
    const activity = fixture(name);
    const r = checkIncomingActivity(activity);
    expect(r.ok).toBe(true);
    expect(r.ok && r.activity).toBe(activity);
  });

  it('lets fields it does not check pass through (value, attachments, anything new)', () => {
    expect(problem(fixture('personal-message', { value: 42, attachments: [1, 'x'], futureField: { a: [null] } }))).toBeUndefined();
  });

  it.each([
    ['a JSON array', [], 'body: must be object'],
    ['null', null, 'body: must be object'],
    ['a string', 'hello', 'body: must be object'],
    ['no type', { type: undefined }, 'type: is required'],
    ['an empty type', { type: '' }, 'type: must NOT have fewer than 1 characters'],
    ['a numeric channelId', { channelId: 7 }, 'channelId: must be string'],
    ['no conversation', { conversation: undefined }, 'conversation: is required'],
    ['a conversation without id', { conversation: { isGroup: true } }, 'conversation.id: is required'],
    ['a numeric conversation id', { conversation: { id: 7 } }, 'conversation.id: must be string'],
    ['a from that is a string', { from: 'me' }, 'from: must be object'],
    ['an empty recipient id', { recipient: { id: '' } }, 'recipient.id: must NOT have fewer than 1 characters'],
    ['no serviceUrl', { serviceUrl: undefined }, 'serviceUrl: is required'],
    ['a file: serviceUrl', { serviceUrl: 'file:///etc/passwd' }, 'serviceUrl: must be an http(s) URL'],
    ['a relative serviceUrl', { serviceUrl: '/v3/conversations' }, 'serviceUrl: must be an http(s) URL'],
    ['entities that are not objects', { entities: ['x'] }, 'entities.0: must be object'],
    ['an entity without type', { entities: [{ type: 'mention' }, { text: 'x' }] }, 'entities.1.type: is required'],
    ['a null text', { text: null }, 'text: must be string'],
    ['membersAdded that is an object', { membersAdded: { id: 'x' } }, 'membersAdded: must be array'],
    ['channelData that is an array', { channelData: [] }, 'channelData: must be object'],
    ['a numeric text', { text: 5 }, 'text: must be string'],
  ])('refuses %s, naming the field', (_what, override, expected) => {
    const value =
      Array.isArray(override) || override === null || typeof override !== 'object' ? override : fixture('personal-message', override);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) if (v === undefined) delete (value as ActivityJson)[k];
    }
    expect(problem(value)).toBe(expected);
  });

  it('accepts exactly what the reference zod schema accepts, over 4,000 random mutations', () => {
    const random = prng(20261127);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const values = [
      undefined,
      null,
      '',
      'x',
      0,
      7,
      true,
      [],
      ['x'],
      [{}],
      [{ type: 'mention' }],
      [{ id: 'u' }],
      {},
      { id: '' },
      { id: 'c1' },
      { id: 9 },
      'https://smba.trafficmanager.net/amer/',
      'http://127.0.0.1:3978/',
      'ftp://x',
      'https://',
      'not a url',
      'HTTPS://EXAMPLE.COM/x',
      'http:evil.example',
      'https:/evil.example/x',
      'https:\\\\evil.example',
      'HTTPS:evil.example',
    ];
    const fields = [
      'type',
      'channelId',
      'serviceUrl',
      'conversation',
      'from',
      'recipient',
      'id',
      'text',
      'entities',
      'membersAdded',
      'channelData',
      'value',
    ];
    let accepted = 0;
    for (let i = 0; i < 4000; i += 1) {
      const activity = fixture(pick(FIXTURES));
      const changes = 1 + Math.floor(random() * 3);
      for (let c = 0; c < changes; c += 1) {
        const field = pick(fields);
        const v = pick(values);
        if (v === undefined) delete activity[field];
        else activity[field] = structuredClone(v);
      }
      const ours = checkIncomingActivity(activity).ok;
      expect({ activity, ok: ours }).toEqual({ activity, ok: reference.safeParse(activity).success });
      if (ours) accepted += 1;
    }
    // Both outcomes were exercised.
    expect(accepted).toBeGreaterThan(400);
    expect(accepted).toBeLessThan(3600);
  });
});

describe('isHttpUrl', () => {
  it.each([
    ['https://smba.trafficmanager.net/teams/', true],
    ['http://127.0.0.1:3978/api', true],
    ['HTTPS://example.com', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['//example.com/x', false],
    ['https://', false],
    ['http:evil.example', false],
    ['https:/evil.example/x', false],
    ['https:\\\\evil.example', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isHttpUrl(url)).toBe(expected);
  });
});

describe('withDateTimestamps', () => {
  it('turns ISO timestamps into Dates, keeping the strings as raw*', () => {
    const checked = checkIncomingActivity(
      fixture('personal-message', {
        timestamp: '2024-11-14T21:14:00.123Z',
        localTimestamp: '2024-11-14T13:14:00.123-08:00',
        expiration: '2024-11-15T00:00:00Z',
      }),
    );
    if (!checked.ok) throw new Error(checked.problem);
    const activity = withDateTimestamps(checked.activity) as unknown as ActivityJson;
    expect(activity.timestamp).toEqual(new Date('2024-11-14T21:14:00.123Z'));
    expect(activity.rawTimestamp).toBe('2024-11-14T21:14:00.123Z');
    expect(activity.localTimestamp).toEqual(new Date('2024-11-14T21:14:00.123Z'));
    expect(activity.rawLocalTimestamp).toBe('2024-11-14T13:14:00.123-08:00');
    expect(activity.expiration).toEqual(new Date('2024-11-15T00:00:00Z'));
    expect(activity.rawExpiration).toBe('2024-11-15T00:00:00Z');
  });

  it('leaves an activity without timestamps as it was', () => {
    const activity = fixture('personal-message');
    delete activity.timestamp;
    delete activity.localTimestamp;
    const before = structuredClone(activity);
    const checked = checkIncomingActivity(activity);
    if (!checked.ok) throw new Error(checked.problem);
    expect(withDateTimestamps(checked.activity)).toEqual(before);
  });
});
