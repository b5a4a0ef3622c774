/**
 * Issue 12 on the Slack listener: authentication before parsing, signed payloads Bolt cannot
 * route, and Enterprise Grid ids in the allow-list. Each test reproduces a failure of the code
 * before the fix.
 */
import { connect } from 'node:net';
import { fixture, SIGNING_SECRET, useHarness } from './helpers/harness';
import { eventEnvelope, slashCommand } from './helpers/payloads';
import { formBody, slackSignature } from './helpers/signed-request';

const mention = (envelope: Record<string, unknown> = {}) => eventEnvelope('app-mention', { text: '<@UBOTUSER1> SLA for EKS' }, envelope);

/** Sends raw HTTP on a socket and resolves with the status line once it arrives (the body may never be sent). */
function rawStatus(url: string, head: string, body = ''): Promise<{ status: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(head + body));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (m) {
        socket.destroy();
        resolve({ status: Number(m[1]) });
      }
    });
    socket.on('error', reject);
    socket.setTimeout(5000, () => {
      socket.destroy();
      reject(new Error(`no response in 5 s: ${text}`));
    });
  });
}

describe('Slack listener hardening', () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown): void => void rejections.push(reason);
  beforeAll(() => {
    process.on('unhandledRejection', onRejection);
  });
  afterAll(() => {
    process.off('unhandledRejection', onRejection);
  });
  const h = useHarness();
  /** A signed slash command, answered in its acknowledgement: whatever the requests before it caused has happened once it returns. */
  const sentinel = async (): Promise<void> => {
    const asked = h.asked();
    expect((await h.post(slashCommand('SLA for EKS', { response_url: h.fake.responseUrl() }))).status).toBe(200);
    expect(h.asked()).toBe(asked + 1);
  };

  describe('signed payloads Bolt cannot route get 400 at once (issue 12 item 3)', () => {
    const payload = (value: unknown) => formBody({ payload: JSON.stringify(value) });
    const blockActions = { ...fixture('block-actions') };
    it.each([
      ['payload=null', formBody({ payload: 'null' })],
      ['payload=5', formBody({ payload: '5' })],
      ['payload="x"', formBody({ payload: '"x"' })],
      ['payload=[]', formBody({ payload: '[]' })],
      ['payload={}', payload({})],
      ['payload not JSON', formBody({ payload: '{oops' })],
      ['block_actions with actions: []', payload({ ...blockActions, actions: [] })],
      ['block_actions with actions: [null]', payload({ ...blockActions, actions: [null] })],
      ['block_actions without a user', payload({ ...blockActions, user: undefined })],
      ['a JSON body {}', '{}'],
      ['a JSON body null', 'null'],
      ['a JSON body []', '[]'],
      ['a form with neither payload nor command', formBody({ text: 'hi' })],
    ])('%s', async (_what, body) => {
      const res = await h.post(body, {
        contentType: body.startsWith('{') || body === 'null' || body === '[]' ? 'application/json' : 'application/x-www-form-urlencoded',
      });
      expect(res.status).toBe(400); // the listener's own refusal, not an unhandled request left to Bolt's acknowledgement timeout
      const asked = h.asked();
      await sentinel();
      expect(rejections).toEqual([]);
      expect(h.asked() - asked).toBe(1); // the sentinel alone
    });
  });

  describe('authentication before the body is read or parsed (issue 12 item 1)', () => {
    it('refuses a request without signature headers with 401 before its body arrives', async () => {
      const { pathname } = new URL(h.url);
      const head = `POST ${pathname} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 1000000\r\n\r\n`;
      // The body never arrives (8 of 1,000,000 bytes): a status at all is the proof.
      expect((await rawStatus(h.url, head, '{"type":')).status).toBe(401);
    });

    it('refuses a stale timestamp with 401 before reading the body', async () => {
      const { pathname } = new URL(h.url);
      const ts = Math.floor(Date.now() / 1000) - 600;
      const head =
        `POST ${pathname} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 1000000\r\n` +
        `x-slack-request-timestamp: ${ts}\r\nx-slack-signature: ${slackSignature(SIGNING_SECRET, ts, 'x')}\r\n\r\n`;
      expect((await rawStatus(h.url, head, '{"type":')).status).toBe(401);
    });

    it('never parses the body of a request with a wrong signature', async () => {
      const deep = `{"type":"event_callback","x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
      const parse = jest.spyOn(JSON, 'parse');
      try {
        const res = await h.post(deep, { signature: `v0=${'0'.repeat(64)}` });
        expect(res.status).toBe(401);
        expect(parse.mock.calls.filter(([text]) => typeof text === 'string' && text.length > 1000)).toEqual([]);
      } finally {
        parse.mockRestore();
      }
    });

    it('refuses a signed body nested deeper than 64 levels with 400, and one over 1 MB with 413', async () => {
      const deep = `{"type":"event_callback","x":${'['.repeat(100)}${']'.repeat(100)}}`;
      expect((await h.post(deep)).status).toBe(400);
      const big = JSON.stringify({ type: 'event_callback', pad: 'x'.repeat(1024 * 1024) });
      expect((await h.post(big)).status).toBe(413);
    });

    it("still answers Slack's unsigned ssl_check", async () => {
      const res = await fetch(h.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'ssl_check=1&token=x',
      });
      expect(res.status).toBe(200);
    });

    it('hands Bolt nothing but the ssl_check of an unsigned ssl_check: a smuggled command or click reaches no listener', async () => {
      const click = {
        type: 'block_actions',
        user: { id: 'U0SMUGGLE' },
        team: { id: 'T0SMUGGLE' },
        trigger_id: 'smuggled.1',
        response_url: h.fake.responseUrl(),
        container: { type: 'message', is_ephemeral: true },
        actions: [{ type: 'button', action_id: 'aws_qa_ask_0', value: '{"q":"SLA for EKS"}', action_ts: '1.2' }],
      };
      const asked = h.asked();
      const responses = h.fake.responses.length;
      for (const body of [
        `ssl_check=1&${formBody({ command: '/aws', text: 'SLA for EKS', team_id: 'T0SMUGGLE', user_id: 'U0SMUGGLE' })}`,
        formBody({ ssl_check: '1', payload: JSON.stringify(click) }),
      ]) {
        expect(body.length).toBeLessThanOrEqual(1024); // read as a possible ssl_check at all
        const res = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
        expect(res.status).toBe(200);
        expect(await res.text()).toBe('');
      }
      await sentinel();
      expect(h.asked()).toBe(asked + 1); // the sentinel alone
      expect(h.fake.responses.length).toBe(responses);
    });

    it('still answers a signed url_verification and keeps serving', async () => {
      const res = await h.post(JSON.stringify({ type: 'url_verification', challenge: 'abc', token: 'x' }));
      expect(res.json).toEqual({ challenge: 'abc' });
    });
  });
});

describe('SLACK_ALLOWED_TEAM_IDS with an Enterprise Grid id (issue 12 item 5)', () => {
  const h = useHarness({ allowedTeamIds: ['E0GRID001'] });

  it('admits every workspace of the listed enterprise', async () => {
    const body = mention({ team_id: 'T0WORKSP1', enterprise_id: 'E0GRID001' });
    body.authorizations = [
      { enterprise_id: 'E0GRID001', team_id: 'T0WORKSP1', user_id: 'UBOTUSER1', is_bot: true, is_enterprise_install: false },
    ];
    expect((await h.post(JSON.stringify(body))).status).toBe(200);
    await h.fake.waitFor(() => h.fake.ok('chat.postMessage').length === 1);
    expect(h.asked()).toBe(1);
  });

  it('still refuses a workspace of another enterprise or none', async () => {
    const other = mention({ team_id: 'T0WORKSP2', enterprise_id: 'E0OTHER01', event_id: 'Ev0OTHER' });
    other.authorizations = [
      { enterprise_id: 'E0OTHER01', team_id: 'T0WORKSP2', user_id: 'UBOTUSER1', is_bot: true, is_enterprise_install: false },
    ];
    await h.post(JSON.stringify(other));
    await h.post(JSON.stringify(mention({ event_id: 'Ev0NONE' })));
    // A sentinel from the listed enterprise: once it is answered, the two before it were decided.
    const admitted = mention({ team_id: 'T0WORKSP1', enterprise_id: 'E0GRID001', event_id: 'Ev0SENTINEL' });
    admitted.authorizations = [
      { enterprise_id: 'E0GRID001', team_id: 'T0WORKSP1', user_id: 'UBOTUSER1', is_bot: true, is_enterprise_install: false },
    ];
    expect((await h.post(JSON.stringify(admitted))).status).toBe(200);
    await h.fake.waitFor(() => h.fake.ok('chat.postMessage').length === 2);
    expect(h.asked()).toBe(2); // the first test's mention and the sentinel
  });
});
