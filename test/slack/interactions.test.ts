import { renderSlack } from '../../adapters/slack/render';
import { realAssistant, useHarness } from './helpers/harness';
import { buttonClick } from './helpers/payloads';
import { interactionBody } from './helpers/signed-request';

type Payload = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('Slack app over HTTP', () => {
  const h = useHarness({}, { resetEachTest: true });

  const posts = () => h.fake.ok('chat.postMessage').map((c) => c.body);
  let clicks = 0;

  /** A block_actions payload clicking the button `actionId` with `value`, on a message in `where`. */
  function click(
    actionId: string,
    value: string,
    where: { ephemeral?: boolean; channel?: string; ts?: string; thread_ts?: string; blocks?: unknown[] } = {},
  ): Payload {
    // Every real click has its own trigger_id (a repeat is a replay).
    const p = buttonClick(actionId, value, `${(clicks += 1)}.333649436676.d8c1bb837935619ccad0f624c448ffb3`, h.fake.responseUrl());
    p.channel.id = where.channel ?? p.channel.id;
    p.container.channel_id = p.channel.id;
    if (where.ephemeral) {
      p.container.is_ephemeral = true;
      delete p.message;
    } else {
      p.message.ts = where.ts ?? p.message.ts;
      if (where.thread_ts) p.message.thread_ts = where.thread_ts;
      p.message.blocks = where.blocks ?? renderSlack(realAssistant().ask('SLA for EKS')).blocks;
    }
    return p;
  }
  const send = async (payload: Payload) => {
    const res = await h.post(interactionBody(payload));
    expect(res.status).toBe(200);
    return res;
  };
  /** Clicks a follow-up in DM `DSENTINEL` and waits for its answer: whatever the clicks before it caused has happened by then. */
  const sentinel = async () => {
    await send(click('aws_qa_ask_0', JSON.stringify({ q: 'Lambda SLA' }), { channel: 'DSENTINEL' }));
    await h.fake.waitFor(() => posts().some((p) => p.channel === 'DSENTINEL'));
  };
  const postsBeforeSentinel = () => posts().filter((p) => p.channel !== 'DSENTINEL');

  describe('Share in channel', () => {
    it('posts the answer visibly with who asked, through response_url, and removes the ephemeral copy', async () => {
      await send(click('aws_qa_share', JSON.stringify({ q: 'SLA for EKS' }), { ephemeral: true }));
      await h.fake.waitFor(() => h.fake.responses.length === 2);
      const [shared, removed] = h.fake.responses.map((r) => r.body);
      expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false });
      expect(shared.blocks).toEqual(renderSlack(realAssistant().ask('SLA for EKS'), { askedBy: 'UA8RXUSPL' }).blocks);
      expect(JSON.stringify(shared.blocks)).toContain('"<@UA8RXUSPL> asked:"},{"type":"plain_text","text":"SLA for EKS"');
      expect(String(shared.text)).toMatch(/99\.95/);
      expect(JSON.stringify(shared)).not.toContain('aws_qa_share');
      expect(removed).toEqual({ delete_original: true });
      expect(posts()).toEqual([]);
    });
  });

  describe('follow-up and "Did you mean" buttons', () => {
    it('answer a click on a top-level channel message in that message’s thread', async () => {
      await send(click('aws_qa_ask_0', JSON.stringify({ q: 'Compare EKS vs EC2' }), { ts: '1548261231.000200' }));
      await h.fake.waitFor(() => posts().length === 1);
      expect(posts()[0]).toMatchObject({ channel: 'CBR2V3XEX', thread_ts: '1548261231.000200' });
      expect(posts()[0].blocks).toEqual(renderSlack(realAssistant().ask('Compare EKS vs EC2')).blocks);
    });

    it('answer a click inside a thread in the same thread', async () => {
      await send(click('aws_qa_ask_1', JSON.stringify({ q: 'Lambda SLA' }), { ts: '1548261299.000300', thread_ts: '1548261000.000001' }));
      await h.fake.waitFor(() => posts().length === 1);
      expect(posts()[0]).toMatchObject({ channel: 'CBR2V3XEX', thread_ts: '1548261000.000001' });
      expect(String(posts()[0].text)).toMatch(/99\.95/);
    });

    it('answer a click in a DM in the DM, not in a thread', async () => {
      await send(click('aws_qa_ask_0', JSON.stringify({ q: 'Lambda SLA' }), { channel: 'D024BE91L' }));
      await h.fake.waitFor(() => posts().length === 1);
      expect(posts()[0].channel).toBe('D024BE91L');
      expect(posts()[0].thread_ts).toBeUndefined();
    });

    it('answer a click on an ephemeral answer ephemerally, through response_url', async () => {
      await send(click('aws_qa_ask_2', JSON.stringify({ q: 'SLA for EC2' }), { ephemeral: true }));
      await h.fake.waitFor(() => h.fake.responses.length === 1);
      expect(h.fake.responses[0].body).toEqual({
        response_type: 'ephemeral',
        replace_original: false,
        ...renderSlack(realAssistant().ask('SLA for EC2'), { share: true }),
      });
      expect(posts()).toEqual([]);
    });

    it('fall back to an ephemeral answer when the bot is not in the channel', async () => {
      h.fake.platformErrorNext('chat.postMessage', 'not_in_channel');
      await send(click('aws_qa_ask_0', JSON.stringify({ q: 'Lambda SLA' })));
      await h.fake.waitFor(() => h.fake.responses.length === 1);
      expect(h.fake.responses[0].body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(String(h.fake.responses[0].body.text)).toMatch(/99\.95/);
    });

    it('ignore a button value that is not ours', async () => {
      const asked = h.asked();
      await send(click('aws_qa_ask_0', 'click_me_123'));
      await send(click('aws_qa_ask_0', JSON.stringify({ question: 'x' })));
      await h.fake.waitFor(() => h.logs.filter((l) => l.includes('button value is not ours')).length >= 2);
      await sentinel();
      expect(h.asked()).toBe(asked + 1); // the sentinel alone
      expect(postsBeforeSentinel()).toEqual([]);
      expect(h.fake.responses).toEqual([]);
    });

    it('acknowledge and ignore a button of ours they do not know (one listener dispatches every aws_qa_ id)', async () => {
      const asked = h.asked();
      await send(click('aws_qa_unknown', JSON.stringify({ q: 'SLA for EKS' })));
      await h.fake.waitFor(() => h.logs.some((l) => l.includes('unknown action')));
      await sentinel();
      expect(h.asked()).toBe(asked + 1); // the sentinel alone
      expect(postsBeforeSentinel()).toEqual([]);
      expect(h.fake.responses).toEqual([]);
    });
  });

  describe('👍/👎', () => {
    it('records the vote and replaces the buttons with a thanks line, posting no message', async () => {
      const answer = realAssistant().ask('SLA for EKS');
      const before = h.store.list().length;
      await send(click('aws_qa_feedback_up', JSON.stringify({ q: answer.question, a: answer.id }), { blocks: renderSlack(answer).blocks }));
      await h.fake.waitFor(() => h.fake.responses.length === 1);
      const vote = h.store.list()[before];
      expect(vote).toEqual({
        platform: 'slack',
        question: answer.question,
        answerId: answer.id,
        vote: 'up',
        user: 'UA8RXUSPL',
        at: expect.any(String),
      });
      expect(Math.abs(Date.parse(vote.at) - Date.now())).toBeLessThan(10_000);
      const replaced = h.fake.responses[0].body;
      expect(replaced.replace_original).toBe(true);
      expect(JSON.stringify(replaced.blocks)).toContain('Thanks for the feedback 👍');
      expect(JSON.stringify(replaced.blocks)).not.toContain('aws_qa_feedback_up');
      expect(JSON.stringify(replaced.blocks)).toMatch(/99\.95/);
      expect(posts()).toEqual([]);
    });

    it('records a 👎 on an ephemeral answer and re-renders it with the share button kept', async () => {
      const answer = realAssistant().ask('Lambda SLA');
      await send(click('aws_qa_feedback_down', JSON.stringify({ q: answer.question, a: answer.id }), { ephemeral: true }));
      await h.fake.waitFor(() => h.fake.responses.length === 1);
      expect(h.store.list().at(-1)).toMatchObject({ answerId: answer.id, vote: 'down' });
      const replaced = h.fake.responses[0].body;
      expect(replaced).toEqual({ replace_original: true, ...renderSlack(answer, { share: true, vote: 'down' }) });
      expect(JSON.stringify(replaced.blocks)).toContain('aws_qa_share');
      expect(posts()).toEqual([]);
    });

    it('records nothing for a malformed value', async () => {
      const before = h.store.list().length;
      const warned = h.logs.filter((l) => l.includes('button value is not ours')).length;
      await send(click('aws_qa_feedback_up', JSON.stringify({ q: 'x' })));
      await h.fake.waitFor(() => h.logs.filter((l) => l.includes('button value is not ours')).length > warned);
      expect(h.store.list().length).toBe(before);
    });
  });
});
