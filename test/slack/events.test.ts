import { renderSlack } from '../../adapters/slack/render';
import { realAssistant, settle, useHarness } from './helpers/harness';
import { eventEnvelope } from './helpers/payloads';

describe('Slack app over HTTP', () => {
  const h = useHarness({}, { resetEachTest: true });

  const posts = () => h.fake.ok('chat.postMessage').map((c) => c.body);

  /** Sends `body`, then a sentinel DM, waits for the sentinel's answer: anything `body` caused is posted by then. */
  async function sendThenSentinel(body: unknown): Promise<void> {
    expect((await h.post(JSON.stringify(body))).status).toBe(200);
    await h.post(JSON.stringify(eventEnvelope('message-im', { channel: 'DSENTINEL', text: 'Lambda SLA' })));
    await h.fake.waitFor(() => posts().some((p) => p.channel === 'DSENTINEL'));
    await settle(50);
  }

  describe('app_mention', () => {
    it('answers in the thread of the mentioning message, mention stripped', async () => {
      const body = eventEnvelope('app-mention');
      const res = await h.post(JSON.stringify(body));
      expect(res.status).toBe(200);
      await h.fake.waitFor(() => posts().length === 1);
      const [post] = posts();
      expect(post).toMatchObject({ channel: 'C123ABC456', thread_ts: '1515449522.000016' });
      expect(String(post.text)).toMatch(/99\.95/);
      const expected = renderSlack(realAssistant().ask('What is the SLA for EKS?'));
      expect(post.blocks).toEqual(expected.blocks);
      expect(h.fake.ok('chat.postMessage')[0].authorization).toBe('Bearer xoxb-111-222-e2eBotTokenValue');
    });

    it('answers a mention inside a thread in that thread (its root)', async () => {
      await h.post(JSON.stringify(eventEnvelope('app-mention', { ts: '1515449600.000100', thread_ts: '1515449000.000001' })));
      await h.fake.waitFor(() => posts().length === 1);
      expect(posts()[0]).toMatchObject({ channel: 'C123ABC456', thread_ts: '1515449000.000001' });
    });

    it('answers a bare mention with help', async () => {
      await h.post(JSON.stringify(eventEnvelope('app-mention', { text: '<@UBOTUSER1>' })));
      await h.fake.waitFor(() => posts().length === 1);
      expect(posts()[0].blocks).toEqual(renderSlack(realAssistant().ask('help')).blocks);
    });

    it('ignores a mention by another bot', async () => {
      await sendThenSentinel(eventEnvelope('app-mention', { bot_id: 'BOTHER', channel: 'CBOT' }));
      expect(posts().filter((p) => p.channel === 'CBOT')).toEqual([]);
    });

    it('ignores a mention inside a DM (the message.im copy answers it)', async () => {
      await sendThenSentinel(eventEnvelope('app-mention', { channel: 'D0MENTION' }));
      expect(posts().filter((p) => p.channel === 'D0MENTION')).toEqual([]);
    });
  });

  describe('direct messages', () => {
    it('answers in the DM, not in a thread', async () => {
      await h.post(JSON.stringify(eventEnvelope('message-im', { text: 'what is the availability sla of amazon ecs' })));
      await h.fake.waitFor(() => posts().length === 1);
      const [post] = posts();
      expect(post.channel).toBe('D024BE91L');
      expect(post.thread_ts).toBeUndefined();
      expect(String(post.text)).toMatch(/99\.99/);
    });

    it('answers a DM sent inside a thread in that thread', async () => {
      await h.post(JSON.stringify(eventEnvelope('message-im', { text: 'Lambda SLA', thread_ts: '1355517000.000001' })));
      await h.fake.waitFor(() => posts().length === 1);
      expect(posts()[0]).toMatchObject({ channel: 'D024BE91L', thread_ts: '1355517000.000001' });
    });

    it.each([
      ['a bot message', { bot_id: 'B0OTHER', channel: 'DIGNORED' }],
      ['its own message', { user: 'UBOTUSER1', channel: 'DIGNORED' }],
      ['an edit (message_changed)', { subtype: 'message_changed', channel: 'DIGNORED' }],
      ['a join (channel_join)', { subtype: 'channel_join', channel: 'DIGNORED' }],
      ['a bot_message subtype', { subtype: 'bot_message', channel: 'DIGNORED' }],
      ['a channel message (not im)', { channel_type: 'channel', channel: 'CIGNORED' }],
    ])('ignores %s', async (_name, event) => {
      const asked = h.asked();
      await sendThenSentinel(eventEnvelope('message-im', event));
      expect(posts().filter((p) => String(p.channel).endsWith('IGNORED'))).toEqual([]);
      expect(h.asked()).toBe(asked + 1); // only the sentinel was asked
    });
  });

  describe('url_verification', () => {
    it('answers the challenge', async () => {
      const res = await h.post(
        JSON.stringify({
          token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
          challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
          type: 'url_verification',
        }),
      );
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
    });
  });
});
