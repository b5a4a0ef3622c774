/**
 * Random and malformed requests for the fuzz test, from a seeded generator (a failure is
 * reproducible from its seed and index). Every URL a payload carries points at loopback: the
 * fake connector, or a closed port on 127.0.0.1, or a string that is not an http(s) URL.
 */
import { prng } from '../../helpers/prng';
import type { RawRequest } from './requests';
import { slackCommand, slackHeaders, slackMention, teamsMessage } from './requests';

export type Category = 'bad-json' | 'content-type' | 'huge' | 'empty' | 'missing-fields' | 'hostile' | 'method-path' | 'forged';

export interface FuzzCase extends RawRequest {
  category: Category;
  /** Which server: `local` (Teams without auth) or `prod` (Slack HTTP + Teams with auth). */
  target: 'local' | 'prod';
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202e\u2066evil\u2069',
  '\u200b\u200c\u200d\ufeff',
  '😀'.repeat(500),
  '\ud800',
  '\udfff\ud800',
  'é'.normalize('NFD').repeat(300),
  '<@U123> <@U123> <!channel> <!here> <#C1|x>',
  '<script>alert(1)</script>',
  '${jndi:ldap://127.0.0.1/a}',
  "'; DROP TABLE x; --",
  '../../../../etc/passwd',
  '%00%ff%fe',
  '\\u0000\\"',
  '{"a":',
  'SLA for EKS',
  'compare ECS and EKS and Lambda and Fargate and App Runner and Beanstalk',
  '\n'.repeat(1000),
  '__proto__',
  'constructor',
  'toString',
  'Ω≈ç√∫˜µ≤≥÷',
  '𝕊𝕃𝔸 𝕗𝕠𝕣 𝔼𝕂𝕊',
  'ＳＬＡ　ｆｏｒ　ＥＫＳ',
  'a'.repeat(5000),
  'x '.repeat(20_000),
];

const CONTENT_TYPES = [
  'text/plain',
  'text/html',
  'application/xml',
  'multipart/form-data; boundary=----x',
  'application/octet-stream',
  'application/jsonp',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'application/json;;;',
  'application/x-www-form-urlencoded',
  ';',
  '*/*',
  'image/png',
];

export class FuzzCases {
  private readonly rnd: () => number;

  constructor(
    seed: number,
    private readonly connectorUrl: string,
    private readonly signingSecret: string,
  ) {
    this.rnd = prng(seed);
  }

  private int(n: number): number {
    return Math.floor(this.rnd() * n);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  private hostileString(): string {
    const r = this.rnd();
    if (r < 0.6) return this.pick(HOSTILE_STRINGS);
    if (r < 0.8) return Array.from({ length: this.int(200) }, () => String.fromCodePoint(this.int(0x2ffff))).join('');
    return Array.from({ length: this.int(64) }, () => String.fromCharCode(this.int(128))).join('');
  }

  /** A value of a random type, sometimes deep. */
  private hostileValue(depth = 0): unknown {
    const r = this.rnd();
    if (r < 0.45) return this.hostileString();
    if (r < 0.55) return this.pick([null, true, false, 0, -1, 1e308, -0, Number.MAX_SAFE_INTEGER + 2]);
    if (r < 0.7 && depth < 4) return Array.from({ length: this.int(5) }, () => this.hostileValue(depth + 1));
    if (r < 0.85 && depth < 4)
      return Object.fromEntries(
        Array.from({ length: this.int(5) }, () => [
          this.pick(['__proto__', 'constructor', 'text', 'id', 'type', 'value', this.hostileString().slice(0, 20)]),
          this.hostileValue(depth + 1),
        ]),
      );
    if (r < 0.9) return JSON.parse(`${'['.repeat(500)}${']'.repeat(500)}`);
    return {};
  }

  private serviceUrl(): string {
    return this.pick([
      this.connectorUrl,
      this.connectorUrl,
      'http://127.0.0.1:9/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'not a url',
      '',
      'ftp://127.0.0.1/x',
    ]);
  }

  /** A Teams activity of a valid shape with some hostile values. */
  private teamsActivity(): Record<string, unknown> {
    const base = teamsMessage(this.connectorUrl, this.pick(['SLA for EKS', 'help', 'compare ECS and EKS', this.hostileString()]));
    const fields = [
      'text',
      'type',
      'id',
      'from',
      'conversation',
      'recipient',
      'entities',
      'value',
      'channelData',
      'serviceUrl',
      'channelId',
      'replyToId',
      'membersAdded',
      'locale',
      'attachments',
    ];
    for (let i = this.int(4); i > 0; i -= 1) {
      const field = this.pick(fields);
      base[field] = field === 'serviceUrl' ? this.serviceUrl() : this.hostileValue();
    }
    if (this.rnd() < 0.3)
      base.type = this.pick(['message', 'conversationUpdate', 'invoke', 'messageReaction', 'event', 'typing', 'installationUpdate']);
    if (this.rnd() < 0.2)
      base.value = {
        action: this.pick(['ask', 'feedback', 'nope']),
        vote: this.pick(['up', 'down', 'sideways']),
        answerId: this.hostileString(),
        question: this.hostileString(),
      };
    if (this.rnd() < 0.2)
      base.entities = [{ type: 'mention', text: this.hostileString(), mentioned: { id: this.pick(['28:bot-1', this.hostileString()]) } }];
    if (this.rnd() < 0.5) base.serviceUrl = this.connectorUrl; // keep most of them deliverable
    return base;
  }

  /** A Slack body (JSON event, form command or interactivity form), valid in shape, hostile in values. */
  private slackBody(): string {
    const r = this.rnd();
    if (r < 0.35) return slackCommand(this.hostileString());
    if (r < 0.7) {
      const event = JSON.parse(slackMention('SLA for EKS')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      event.event.text = this.hostileString();
      if (this.rnd() < 0.3) event.event.type = this.pick(['message', 'app_home_opened', 'reaction_added', this.hostileString()]);
      if (this.rnd() < 0.3) event.event.channel_type = this.pick(['im', 'channel', 'mpim']);
      if (this.rnd() < 0.3) event.event[this.pick(['user', 'channel', 'ts', 'thread_ts', 'bot_id', 'subtype'])] = this.hostileValue();
      if (this.rnd() < 0.2) event.type = this.pick(['url_verification', 'app_rate_limited', this.hostileString()]);
      if (this.rnd() < 0.2) event.challenge = this.hostileString();
      return JSON.stringify(event);
    }
    const payload = {
      type: this.pick(['block_actions', 'view_submission', 'shortcut', this.hostileString()]),
      team: { id: 'T0001' },
      user: { id: 'U0001' },
      api_app_id: 'A0001',
      trigger_id: '1.2.3',
      response_url: 'http://127.0.0.1:9/response',
      container: { type: 'message', channel_id: 'C0001', message_ts: '1.2' },
      actions: [
        {
          action_id: this.pick(['aws_ask', 'aws_feedback_up', 'aws_feedback_down', 'aws_share', this.hostileString()]),
          block_id: 'b',
          value: this.hostileString(),
          type: 'button',
        },
      ],
      message: this.hostileValue(),
    };
    return new URLSearchParams({ payload: this.rnd() < 0.2 ? this.hostileString() : JSON.stringify(payload) }).toString();
  }

  /** The next case. */
  next(): FuzzCase {
    const r = this.rnd();
    const target = this.rnd() < 0.5 ? 'local' : 'prod';
    const path = target === 'local' || this.rnd() < 0.3 ? '/api/messages' : '/slack/events';
    const slack = path === '/slack/events';
    const json = { 'content-type': 'application/json' };
    const validBody = slack ? this.slackBody() : JSON.stringify(this.teamsActivity());
    const validHeaders = slack ? slackHeaders(this.signingSecret, validBody) : json;
    if (r < 0.15) {
      const cut = validBody.slice(0, this.int(validBody.length));
      const body = this.pick([
        cut,
        `${validBody}}`,
        this.hostileString(),
        Buffer.from(Array.from({ length: this.int(4096) }, () => this.int(256))),
      ]);
      return {
        category: 'bad-json',
        target,
        path,
        headers: slack
          ? slackHeaders(this.signingSecret, String(body), this.pick(['application/json', 'application/x-www-form-urlencoded']))
          : json,
        body,
      };
    }
    if (r < 0.25) {
      const headers: Record<string, string> = { ...validHeaders, 'content-type': this.pick(CONTENT_TYPES) };
      if (this.rnd() < 0.2) delete headers['content-type'];
      return { category: 'content-type', target, path, headers, body: validBody };
    }
    if (r < 0.27) {
      const body = Buffer.alloc(1024 * 1024 + 1 + this.int(1024 * 1024), '{');
      return {
        category: 'huge',
        target,
        path,
        headers: slack ? slackHeaders(this.signingSecret, '') : json,
        body,
        chunked: this.rnd() < 0.5 ? 64 * 1024 : undefined,
      };
    }
    if (r < 0.32)
      return {
        category: 'empty',
        target,
        path,
        headers: slack ? slackHeaders(this.signingSecret, '', this.pick(['application/json', 'application/x-www-form-urlencoded'])) : json,
        body: '',
      };
    if (r < 0.47) {
      const value = JSON.parse(
        slack ? JSON.stringify(JSON.parse(slackMention('SLA for EKS'))) : JSON.stringify(this.teamsActivity()),
      ) as Record<string, unknown>;
      for (const key of Object.keys(value)) if (this.rnd() < 0.4) delete value[key];
      const body = JSON.stringify(value);
      return { category: 'missing-fields', target, path, headers: slack ? slackHeaders(this.signingSecret, body) : json, body };
    }
    if (r < 0.82) return { category: 'hostile', target, path, headers: validHeaders, body: validBody };
    if (r < 0.91) {
      const method = this.pick(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
      const odd = this.pick([
        path,
        `${path}/`,
        `${path}?x=${Buffer.from(this.hostileString().slice(0, 50)).toString('base64url')}&y=%ff%00%zz`,
        '//api/messages',
        '/slack/events/../../x',
        '/%2e%2e/%2e%2e/etc/passwd',
        '/api/MESSAGES',
      ]);
      return {
        category: 'method-path',
        target,
        path: odd,
        method: this.rnd() < 0.5 ? method : 'POST',
        headers: validHeaders,
        body: method === 'GET' || method === 'HEAD' ? undefined : validBody,
      };
    }
    const headers: Record<string, string> = { ...validHeaders };
    const how = this.int(4);
    if (how === 0) headers['x-slack-signature'] = `v0=${'0'.repeat(64)}`;
    if (how === 1) headers['x-slack-request-timestamp'] = String(Math.floor(Date.now() / 1000) - 3600);
    if (how === 2)
      headers.authorization = this.pick(['Bearer ', 'Bearer x.y', 'Basic Zm9vOmJhcg==', 'Bearer ' + 'A'.repeat(4000), 'Digest nonsense']);
    if (how === 3) delete headers['x-slack-signature'];
    return { category: 'forged', target: 'prod', path, headers, body: validBody };
  }
}
