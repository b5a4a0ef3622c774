import { renderSlack } from '../../adapters/slack/render';
import { fixture, realAssistant, useHarness } from './helpers/harness';
import { slashCommand } from './helpers/payloads';
import { formBody } from './helpers/signed-request';
import { allStrings, slackViolations } from './helpers/slack-limits';

describe('Slack app over HTTP', () => {
  const h = useHarness();

  describe('/aws <question>', () => {
    it('acks within 3 s with the answer itself, ephemeral, with a share button', async () => {
      const res = await h.post(slashCommand('SLA for EKS'));
      expect(res.status).toBe(200);
      expect(res.ms).toBeLessThan(3000);
      expect(res.json?.response_type).toBe('ephemeral');
      const message = { text: res.json?.text as string, blocks: res.json?.blocks as never };
      expect(slackViolations(message)).toEqual([]);
      expect(message.text).toMatch(/99\.95/);
      expect(JSON.stringify(message.blocks)).toMatch(/99\.95/);
      expect(allStrings(message.blocks)).toContain('aws_qa_share');
      expect(res.json).toEqual({ response_type: 'ephemeral', ...renderSlack(realAssistant().ask('SLA for EKS'), { share: true }) });
    });

    it('acks as JSON (Slack reads a non-JSON ack as plain text), the same bytes for a repeated question', async () => {
      const first = await h.post(slashCommand('what is the sla of eks'));
      const again = await h.post(slashCommand('what is the sla of eks'));
      expect(first.contentType).toMatch(/^application\/json/);
      expect(again.contentType).toMatch(/^application\/json/);
      expect(again.text).toBe(first.text);
      expect(first.json?.blocks).toEqual(renderSlack(realAssistant().ask('what is the sla of eks'), { share: true }).blocks);
    });

    it('posts nothing else: the ack is the answer', async () => {
      const before = h.fake.calls.length;
      await h.post(slashCommand('Lambda SLA'));
      expect(h.fake.calls.slice(before)).toEqual([]);
      expect(h.fake.responses).toEqual([]);
    });

    it.each(['', '   ', 'help'])('answers %j with the help answer', async (text) => {
      const res = await h.post(slashCommand(text));
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ response_type: 'ephemeral', ...renderSlack(realAssistant().ask('help'), { share: true }) });
      expect(realAssistant().ask('help').kind).toBe('help');
    });

    it('never echoes a ping typed by the user', async () => {
      const res = await h.post(slashCommand('<!channel> <!here> <@U0HOSTILE> & SLA for EKS <https://evil.example|x>'));
      expect(res.status).toBe(200);
      const mrkdwn = JSON.stringify(res.json?.blocks) + String(res.json?.text);
      expect(mrkdwn).not.toMatch(/<!channel>|<!here>|<@U0HOSTILE>|<https:/);
    });

    it('still answers a command without a text field (help)', async () => {
      const fields = fixture<Record<string, string>>('slash-command');
      delete fields.text;
      const res = await h.post(formBody(fields));
      expect(res.status).toBe(200);
      expect(res.json?.text).toContain('What I can answer');
    });
  });
});
