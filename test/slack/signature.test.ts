import { isValidSlackRequest, verifySlackRequest } from '@slack/bolt';
import { SIGNING_SECRET, useHarness } from './helpers/harness';
import { slashCommand } from './helpers/payloads';
import { slackSignature } from './helpers/signed-request';

// Slack's documented example ("Verifying requests from Slack").
const DOC_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const DOC_TIMESTAMP = 1531420618;
const DOC_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const DOC_SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';

describe('request signatures', () => {
  describe('Slack’s documented example', () => {
    it('HMAC-SHA256 of v0:timestamp:body gives the documented signature', () => {
      expect(slackSignature(DOC_SECRET, DOC_TIMESTAMP, DOC_BODY)).toBe(DOC_SIGNATURE);
    });

    it('is accepted by Bolt’s own verifier at that time', () => {
      const headers = { 'x-slack-signature': DOC_SIGNATURE, 'x-slack-request-timestamp': DOC_TIMESTAMP };
      expect(() =>
        verifySlackRequest({ signingSecret: DOC_SECRET, body: DOC_BODY, headers, nowMilliseconds: DOC_TIMESTAMP * 1000 }),
      ).not.toThrow();
      expect(
        isValidSlackRequest({ signingSecret: DOC_SECRET, body: DOC_BODY, headers, nowMilliseconds: DOC_TIMESTAMP * 1000 + 60_000 }),
      ).toBe(true);
    });

    it('is rejected with another secret, another body, or 5+ minutes later', () => {
      const headers = { 'x-slack-signature': DOC_SIGNATURE, 'x-slack-request-timestamp': DOC_TIMESTAMP };
      const now = DOC_TIMESTAMP * 1000;
      expect(isValidSlackRequest({ signingSecret: `${DOC_SECRET}x`, body: DOC_BODY, headers, nowMilliseconds: now })).toBe(false);
      expect(
        isValidSlackRequest({ signingSecret: DOC_SECRET, body: DOC_BODY.replace('text=', 'text=x'), headers, nowMilliseconds: now }),
      ).toBe(false);
      expect(isValidSlackRequest({ signingSecret: DOC_SECRET, body: DOC_BODY, headers, nowMilliseconds: now + 6 * 60_000 })).toBe(false);
    });
  });

  describe('over HTTP, through the real receiver', () => {
    // Each test stands alone (any order, any subset): it measures what its own request caused.
    const h = useHarness();

    /** A slash command whose response_url points at the fake (never at Slack). */
    const slashBody = (): string => slashCommand('SLA for EKS', { response_url: h.fake.responseUrl() });

    /**
     * What sending one request caused: status, asks, Web API calls and response_url posts. A signed
     * slash command (answered in its acknowledgement) is sent after it as a sentinel: whatever the
     * request caused has happened once the sentinel is answered; the sentinel's own ask is not counted.
     */
    async function effectsOf(
      send: () => Promise<{ status: number }>,
    ): Promise<{ status: number; asked: number; calls: string[]; responses: number }> {
      const before = { asked: h.asked(), calls: h.fake.calls.length, responses: h.fake.responses.length };
      const { status } = await send();
      expect((await h.post(slashBody())).status).toBe(200);
      return {
        status,
        asked: h.asked() - before.asked - 1,
        calls: h.fake.calls
          .slice(before.calls)
          .map((c) => c.method)
          .filter((m) => m !== 'auth.test'),
        responses: h.fake.responses.length - before.responses,
      };
    }

    const REJECTED = { status: 401, asked: 0, calls: [], responses: 0 };

    it('answers a correctly signed request (control)', async () => {
      const effects = await effectsOf(() => h.post(slashBody()));
      expect(effects).toMatchObject({ status: 200, asked: 1 });
    });

    it('gives 401 to a forged signature and runs no handler', async () => {
      const body = slashBody();
      expect(
        await effectsOf(() =>
          h.post(body, { signature: slackSignature('not-the-secret-000000000000', Math.floor(Date.now() / 1000), body) }),
        ),
      ).toEqual(REJECTED);
    });

    it('gives 401 to a body changed after signing', async () => {
      const body = slashBody();
      const ts = Math.floor(Date.now() / 1000);
      expect(
        await effectsOf(() =>
          h.post(`${body}&text=%3C%21channel%3E`, { timestamp: ts, signature: slackSignature(SIGNING_SECRET, ts, body) }),
        ),
      ).toEqual(REJECTED);
    });

    it('gives 401 to a correctly signed request older than 5 minutes', async () => {
      expect(await effectsOf(() => h.post(slashBody(), { timestamp: Math.floor(Date.now() / 1000) - 5 * 60 - 30 }))).toEqual(REJECTED);
    });

    it('gives 401 to a request without signature headers', async () => {
      const send = () =>
        fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: slashBody() });
      expect(await effectsOf(send)).toEqual(REJECTED);
    });
  });
});
