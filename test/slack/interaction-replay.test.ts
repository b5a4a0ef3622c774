/**
 * Issue 12, item 4: a replayed interaction (the same signed `block_actions` again, within the
 * 5 minutes Bolt accepts) is acknowledged and ignored; a new click (its own trigger_id) is not.
 */
import { interactionId } from '../../adapters/slack/interactions';
import { useHarness } from './helpers/harness';
import { buttonClick } from './helpers/payloads';
import { interactionBody } from './helpers/signed-request';

describe('Slack interaction replays', () => {
  const h = useHarness();

  const click = (triggerId: string, q = 'Compare EKS vs EC2'): string =>
    interactionBody(buttonClick('aws_qa_ask_0', JSON.stringify({ q }), triggerId, h.fake.responseUrl()));
  const posts = () => h.fake.ok('chat.postMessage').length;

  it('posts once for a click and its replay, and again for a new click', async () => {
    const body = click('900.1.replayed');
    expect((await h.post(body)).status).toBe(200);
    await h.fake.waitFor(() => posts() === 1);
    expect((await h.post(body)).status).toBe(200); // the same signed bytes again
    expect((await h.post(body)).status).toBe(200);
    // A new click is the sentinel: once its answer is posted, a replay's would have been too.
    expect((await h.post(click('900.2.new', 'lambda timeout limit'))).status).toBe(200);
    await h.fake.waitFor(() => h.fake.ok('chat.postMessage').some((c) => String(c.body.text).includes('15 minutes')));
    expect(posts()).toBe(2);
    expect(h.logs.filter((l) => l.includes('replayed interaction ignored'))).toHaveLength(2);
  });

  it('keys a click on its trigger_id, else on who clicked and when', () => {
    expect(interactionId({ trigger_id: 't1', user: { id: 'U1' } }, { action_id: 'a', action_ts: '1.2' })).toBe('action:t1');
    expect(interactionId({ user: { id: 'U1' } }, { action_id: 'a', action_ts: '1.2' })).toBe('action:U1:1.2:a');
    expect(interactionId({}, { action_id: 'a' })).toBeUndefined();
  });
});
