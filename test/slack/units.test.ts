import pino from 'pino';
import { askValueSchema, decodeValue, encodeValue, feedbackValueSchema } from '../../adapters/slack/actions';
import { SeenIds } from '../../adapters/slack/dedupe';
import { boltLogger, createRedactor } from '../../adapters/slack/log';
import { errorSerializer } from '../../adapters/shared/redactor';
import { markVoted, renderSlack } from '../../adapters/slack/render';
import { createAnswer } from '../helpers/answer-factory';

describe('SeenIds', () => {
  describe('firstSeen', () => {
    it('is true once per id, false for repeats', () => {
      const seen = new SeenIds();
      expect(seen.firstSeen('Ev1')).toBe(true);
      expect(seen.firstSeen('Ev1')).toBe(false);
      expect(seen.firstSeen('Ev2')).toBe(true);
    });

    it('forgets an id after the TTL', () => {
      let now = 0;
      const seen = new SeenIds({ ttlMs: 1000, now: () => now });
      seen.firstSeen('Ev1');
      now = 999;
      expect(seen.firstSeen('Ev1')).toBe(false);
      now = 1001;
      expect(seen.firstSeen('Ev1')).toBe(true);
    });

    it('stays bounded, forgetting the oldest ids first', () => {
      const seen = new SeenIds({ capacity: 3 });
      for (const id of ['a', 'b', 'c', 'd']) seen.firstSeen(id);
      expect(seen.size).toBe(3);
      expect(seen.firstSeen('b')).toBe(false);
      expect(seen.firstSeen('a')).toBe(true);
    });

    it('holds 10,000 ids by default', () => {
      const seen = new SeenIds();
      for (let i = 0; i < 12_000; i++) seen.firstSeen(`Ev${i}`);
      expect(seen.size).toBe(10_000);
      expect(seen.firstSeen('Ev11999')).toBe(false);
      expect(seen.firstSeen('Ev0')).toBe(true);
    });
  });
});

describe('button values', () => {
  describe('encodeValue / decodeValue', () => {
    it('round-trips a question and an answer id', () => {
      const raw = encodeValue({ q: 'SLA for "EKS" & <ECS>', a: 'sla-1' });
      expect(decodeValue(raw, feedbackValueSchema)).toEqual({ q: 'SLA for "EKS" & <ECS>', a: 'sla-1' });
    });

    it('shortens a long question at a word boundary to fit 2,000 chars', () => {
      const q = 'word "quoted" '.repeat(400);
      const raw = encodeValue({ q });
      expect(raw.length).toBeLessThanOrEqual(2000);
      const back = decodeValue(raw, askValueSchema)!;
      expect(q.startsWith(back.q)).toBe(true);
      expect(back.q.length).toBeGreaterThan(1500);
    });

    it.each([
      ['not JSON', 'click_me_123'],
      ['wrong shape', '{"question":"x"}'],
      ['empty question', '{"q":""}'],
      ['not a string', 42],
      ['an object instead of its JSON (a Slack value is always a string)', { q: 'SLA for EKS' }],
      ['over the 2,000-character button value', JSON.stringify({ q: 'x'.repeat(2000) })],
    ])('rejects %s', (_name, raw) => {
      expect(decodeValue(raw, askValueSchema)).toBeUndefined();
    });
  });
});

describe('markVoted', () => {
  it('replaces the 👍/👎 row with a thanks line and keeps the share button and the rest', () => {
    const blocks = renderSlack(createAnswer('sla'), { share: true }).blocks as never[];
    const voted = markVoted(blocks, 'up');
    const json = JSON.stringify(voted);
    expect(json).toContain('Thanks for the feedback 👍');
    expect(json).not.toContain('aws_qa_feedback_up');
    expect(json).toContain('aws_qa_share');
    expect(json).toContain('99.95%');
    expect(voted).toHaveLength(blocks.length + 1);
  });

  it('leaves blocks without a feedback row unchanged', () => {
    const blocks = renderSlack(createAnswer('help')).blocks as never[];
    expect(markVoted(blocks, 'down')).toEqual(blocks);
  });
});

describe('logging without secrets', () => {
  const secrets = ['my-signing-secret-123', 'xoxb-1-2-abc'];

  it('redacts known secrets and anything shaped like a Slack token', () => {
    expect(createRedactor(secrets).text('a my-signing-secret-123 b xoxb-1-2-abc c xapp-1-A1-9-zz d xoxp-9-9')).toBe(
      'a [redacted] b [redacted] c [redacted] d [redacted]',
    );
  });

  it('reduces errors to safe, redacted fields', () => {
    const error = Object.assign(new Error('failed with xoxb-1-2-abc'), {
      code: 'slack_webapi_platform_error',
      data: { error: 'not_in_channel' },
    });
    expect(errorSerializer(createRedactor(secrets))(error)).toMatchObject({
      type: 'Error',
      code: 'slack_webapi_platform_error',
      slackError: 'not_in_channel',
      message: 'failed with [redacted]',
    });
  });

  it('gives Bolt a logger that writes redacted lines to pino', () => {
    const lines: string[] = [];
    const logger = boltLogger(pino({ level: 'info' }, { write: (l: string) => void lines.push(l) }), secrets);
    logger.error('token my-signing-secret-123', new Error('boom xoxb-1-2-abc'));
    logger.debug('not written at info');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('boom [redacted]');
    expect(lines[0]).not.toMatch(/my-signing-secret-123|xoxb-1-2-abc/);
  });
});
