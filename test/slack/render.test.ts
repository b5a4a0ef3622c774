import type { Answer } from '../../src/index';
import { allSampleAnswers, createAnswer } from '../helpers/answer-factory';
import { askValueSchema, decodeValue, feedbackValueSchema } from '../../adapters/slack/actions';
import { renderSlack } from '../../adapters/slack/render';
import { allStrings, decodeMrkdwn, slackViolations } from './helpers/slack-limits';

type Blocks = ReturnType<typeof renderSlack>['blocks'];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const byType = (blocks: Blocks, type: string): any[] => blocks.filter((b) => b.type === type);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const buttons = (blocks: Blocks): any[] => byType(blocks, 'actions').flatMap((b) => b.elements);
const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe('renderSlack', () => {
  describe('every answer kind', () => {
    it.each(allSampleAnswers().map((a) => [a.kind, a] as const))(
      'renders %s within Slack limits, with text and a header',
      (_kind, answer) => {
        const message = renderSlack(answer);
        expect(slackViolations(message)).toEqual([]);
        expect(message.text).toContain(answer.title);
        expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: answer.title, emoji: true } });
        for (const s of answer.sources) expect(JSON.stringify(message.blocks)).toContain(`${s.file} › ${s.section}`);
      },
    );

    it.each(allSampleAnswers().map((a) => [a.kind, a] as const))('carries every word of %s in the blocks', (_kind, answer) => {
      const body = decodeMrkdwn(allStrings(renderSlack(answer).blocks).join(' '));
      for (const { type: _type, ...part } of answer.parts) for (const w of words(allStrings(part).join(' '))) expect(body).toContain(w);
    });
  });

  describe('sla', () => {
    it('shows the figures as bold-labelled fields and puts them in text', () => {
      const message = renderSlack(createAnswer('sla'));
      const [section] = byType(message.blocks, 'section');
      expect(section.text.text).toBe('*Amazon EKS*');
      expect(section.fields[0].text).toBe('*Monthly Region-Level Availability SLA*\n99.95%');
      expect(message.text).toContain('Monthly Region-Level Availability SLA: 99.95%');
    });

    it('splits more than 10 facts over sections of at most 10 fields', () => {
      const facts = Array.from({ length: 23 }, (_, i) => ({ label: `Service ${i}`, value: `99.${i}%` }));
      const message = renderSlack(createAnswer('sla', { parts: [{ type: 'facts', facts }] }));
      const sections = byType(message.blocks, 'section');
      expect(sections.map((s) => s.fields.length)).toEqual([10, 10, 3]);
      expect(slackViolations(message)).toEqual([]);
    });

    it('splits a fact value longer than 2,000 chars over several fields, keeping every word', () => {
      const value = Array.from({ length: 900 }, (_, i) => `w${i}`).join(' ');
      const message = renderSlack(createAnswer('facet', { parts: [{ type: 'facts', facts: [{ label: 'Notes', value }] }] }));
      expect(slackViolations(message)).toEqual([]);
      const fields = byType(message.blocks, 'section').flatMap((s) => s.fields ?? []);
      expect(fields.length).toBeGreaterThan(1);
      expect(words(fields.map((f: { text: string }) => f.text).join(' '))).toEqual(['*Notes*', ...words(value)]);
    });
  });

  describe('compare', () => {
    it('lays out one section per dimension with one bold-labelled field per service', () => {
      const message = renderSlack(createAnswer('compare'));
      const rows = byType(message.blocks, 'section').filter((s) => s.fields);
      expect(rows).toHaveLength(2);
      expect(rows[0].text.text).toBe('*Scaling*');
      expect(rows[0].fields.map((f: { text: string }) => f.text)).toEqual([
        '*Elastic Beanstalk*\nOffers both time-based and metric-based auto-scaling options.',
        '*App Runner*\nProvides automatic scaling based on incoming traffic.',
      ]);
      expect(message.text).toContain('Scaling: Elastic Beanstalk: Offers both time-based');
    });

    it('shows a missing value as a dash instead of an empty field', () => {
      const answer = createAnswer('compare', {
        parts: [{ type: 'comparison', columns: ['A', 'B'], rows: [{ dimension: 'Cost', values: ['cheap', ''] }] }],
      });
      const [row] = byType(renderSlack(answer).blocks, 'section');
      expect(row.fields[1].text).toBe('*B*\n—');
    });
  });

  describe('buttons', () => {
    it('offers follow-ups as buttons whose value decodes to the question', () => {
      const answer = createAnswer('sla');
      const [ask] = buttons(renderSlack(answer).blocks).filter((b) => b.action_id.startsWith('aws_qa_ask_'));
      expect(ask.text.text).toBe('Compare EKS vs ECS');
      expect(decodeValue(ask.value, askValueSchema)).toEqual({ q: 'compare EKS vs ECS' });
    });

    it('offers clarify choices as "Did you mean" buttons before the follow-ups', () => {
      const answer = createAnswer('clarify', { followUps: [{ label: 'Help', question: 'help' }] });
      const asks = buttons(renderSlack(answer).blocks).filter((b) => b.action_id.startsWith('aws_qa_ask_'));
      expect(asks.map((b) => decodeValue(b.value, askValueSchema)?.q)).toEqual(['SLA for EC2', 'SLA for ECS', 'help']);
    });

    it('adds 👍/👎 carrying the answer id and question, except on help', () => {
      const fb = buttons(renderSlack(createAnswer('lookup')).blocks).filter((b) => b.action_id.startsWith('aws_qa_feedback_'));
      expect(fb.map((b) => b.action_id)).toEqual(['aws_qa_feedback_up', 'aws_qa_feedback_down']);
      expect(decodeValue(fb[0].value, feedbackValueSchema)).toEqual({ q: 'best place to store large images', a: 'look-1' });
      expect(buttons(renderSlack(createAnswer('help')).blocks).some((b) => b.action_id.startsWith('aws_qa_feedback_'))).toBe(false);
    });

    it('adds "Share in channel" only when asked to', () => {
      const share = (a: Answer, o = {}) => buttons(renderSlack(a, o).blocks).filter((b) => b.action_id === 'aws_qa_share');
      expect(share(createAnswer('sla'))).toHaveLength(0);
      expect(share(createAnswer('sla'), { share: true })).toHaveLength(1);
      expect(share(createAnswer('help'), { share: true })).toHaveLength(1);
    });

    it('replaces 👍/👎 with a thanks line once voted, keeping the share button', () => {
      const message = renderSlack(createAnswer('sla'), { share: true, vote: 'down' });
      expect(JSON.stringify(message.blocks)).toContain('Thanks for the feedback 👎');
      expect(buttons(message.blocks).map((b) => b.action_id)).toEqual(['aws_qa_ask_0', 'aws_qa_share']);
    });

    it('keeps labels ≤75 chars and values ≤2,000 for a 4,000-char question', () => {
      const q = Array.from({ length: 800 }, (_, i) => `q${i}`)
        .join(' ')
        .slice(0, 4000);
      const answer = createAnswer('clarify', { question: q, choices: [{ label: q, question: q }] });
      const message = renderSlack(answer, { share: true });
      expect(slackViolations(message)).toEqual([]);
      for (const b of buttons(message.blocks)) expect(JSON.parse(b.value).q.length).toBeGreaterThan(1500);
    });

    it('splits more than 25 buttons over several actions blocks', () => {
      const choices = Array.from({ length: 30 }, (_, i) => ({ label: `Choice ${i}`, question: `question ${i}` }));
      const message = renderSlack(createAnswer('clarify', { choices }));
      expect(slackViolations(message)).toEqual([]);
      expect(buttons(message.blocks).filter((b) => b.action_id.startsWith('aws_qa_ask_'))).toHaveLength(30);
    });
  });

  describe('limits', () => {
    it('keeps a title over 150 chars whole in a section below a truncated header', () => {
      const title = `Availability ${'very '.repeat(40)}long title end`;
      const message = renderSlack(createAnswer('lookup', { title }));
      expect(slackViolations(message)).toEqual([]);
      expect((message.blocks[0] as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(150);
      expect(JSON.stringify(message.blocks[1])).toContain('long title end');
    });

    it('packs more than 10 sources into at most 10 context elements per block', () => {
      const sources = Array.from({ length: 14 }, (_, i) => ({ file: 'aws-qa.md', section: `Section ${i}`, line: i + 1 }));
      const message = renderSlack(createAnswer('lookup', { sources }));
      expect(slackViolations(message)).toEqual([]);
      const ctx = JSON.stringify(byType(message.blocks, 'context'));
      for (let i = 0; i < 14; i++) expect(ctx).toContain(`Section ${i}`);
    });

    it('splits a long paragraph at word boundaries and keeps every word', () => {
      const text = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
      const message = renderSlack(createAnswer('lookup', { parts: [{ type: 'text', text }] }));
      expect(slackViolations(message)).toEqual([]);
      const sections = byType(message.blocks, 'section')
        .map((s) => s.text.text)
        .join(' ');
      expect(words(sections)).toEqual(words(text));
    });

    it('merges many short paragraphs into fewer sections rather than dropping any', () => {
      const parts = Array.from({ length: 80 }, (_, i) => ({ type: 'text' as const, text: `paragraph ${i}` }));
      const message = renderSlack(createAnswer('lookup', { parts }));
      expect(slackViolations(message)).toEqual([]);
      const body = JSON.stringify(message.blocks);
      const found = new Set([...body.matchAll(/paragraph (\d+)/g)].map((m) => Number(m[1])));
      expect(found.size).toBe(80);
      expect(message.blocks.length).toBeLessThan(10);
      expect(body).not.toContain('truncated');
    });

    it('cuts a huge answer at 50 blocks with an explicit "(… truncated, N more)" notice', () => {
      const parts = Array.from({ length: 80 }, (_, i) => ({ type: 'text' as const, text: `paragraph ${i} ${'filler '.repeat(300)}` }));
      const message = renderSlack(createAnswer('lookup', { parts }));
      expect(slackViolations(message)).toEqual([]);
      expect(message.blocks).toHaveLength(50);
      const body = JSON.stringify(message.blocks);
      const shown = parts.filter((p) => body.includes(`paragraph ${p.text.split(' ')[1]} `)).length;
      expect(shown).toBeGreaterThan(30);
      expect(body).toContain(`(… truncated, ${80 - shown} more blocks`);
      expect(buttons(message.blocks).map((b) => b.action_id)).toContain('aws_qa_feedback_up');
    });

    it('keeps the notification text within 4,000 chars with the key facts first', () => {
      const parts = [
        { type: 'facts' as const, facts: [{ label: 'SLA', value: '99.95%' }] },
        { type: 'text' as const, text: 'z '.repeat(5000) },
      ];
      const message = renderSlack(createAnswer('sla', { parts }));
      expect(message.text.length).toBeLessThanOrEqual(4000);
      expect(message.text).toContain('SLA: 99.95%');
    });
  });

  describe('escaping', () => {
    const hostile = '<!channel> <!here> <@U0HOSTILE> & <https://evil.example|click>';

    it('escapes user and knowledge-base text everywhere mrkdwn is parsed', () => {
      const answer = createAnswer('lookup', {
        question: hostile,
        title: hostile,
        parts: [
          { type: 'text', text: hostile },
          { type: 'bullets', heading: hostile, items: [hostile] },
          { type: 'facts', heading: hostile, facts: [{ label: hostile, value: hostile }] },
          { type: 'comparison', heading: hostile, columns: [hostile, 'B'], rows: [{ dimension: hostile, values: [hostile, hostile] }] },
        ],
        sources: [{ file: 'aws-qa.md', section: hostile, line: 1 }],
      });
      const message = renderSlack(answer, { askedBy: 'U2CERLKJA' });
      const mrkdwn = [message.text, ...JSON.stringify(message.blocks).match(/"type":"mrkdwn","text":"(?:[^"\\]|\\.)*"/g)!];
      for (const m of mrkdwn) {
        expect(m).not.toMatch(/<!|<@U0HOSTILE|<https/);
      }
      expect(message.text).toContain('&lt;!channel&gt;');
      expect(message.text.startsWith('<@U2CERLKJA> asked: &lt;!channel&gt;')).toBe(true);
    });

    it('leaves plain_text (header, button labels) unescaped: Slack shows it literally', () => {
      const message = renderSlack(createAnswer('lookup', { title: 'A & B <x>' }));
      expect((message.blocks[0] as { text: { text: string } }).text.text).toBe('A & B <x>');
    });
  });

  describe('shared answers', () => {
    it('starts with who asked, built by us, and the question as plain_text (never parsed as markup)', () => {
      const message = renderSlack(createAnswer('sla'), { askedBy: 'U2CERLKJA' });
      expect(message.blocks[0]).toEqual({
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: '<@U2CERLKJA> asked:' },
          { type: 'plain_text', text: 'SLA for EKS', emoji: false },
        ],
      });
      expect(message.text.startsWith('<@U2CERLKJA> asked: SLA for EKS\n')).toBe(true);
    });

    it('echoes the question without invisible format characters, line breaks, pings or markup', () => {
      const question = 'SLA\u200b for\u202e EKS\u2066 *bold* <!channel> <@U0HOSTILE>\n\u00adnext\u{E0041} line';
      const message = renderSlack(createAnswer('sla', { question }), { askedBy: 'U2CERLKJA' });
      const [, echoed] = (message.blocks[0] as { elements: { type: string; text: string }[] }).elements;
      expect(echoed).toEqual({ type: 'plain_text', text: 'SLA for EKS *bold* <!channel> <@U0HOSTILE> next line', emoji: false });
      const firstLine = message.text.split('\n')[0];
      expect(firstLine).toBe('<@U2CERLKJA> asked: SLA for EKS *bold* &lt;!channel&gt; &lt;@U0HOSTILE&gt; next line');
      // Shown text only: button values carry the question back to us, never displayed.
      expect(JSON.stringify([message.text, message.blocks[0]])).not.toMatch(/[\u200b\u202e\u2066\u00ad]|\u{E0041}/u);
      expect(JSON.stringify(message)).not.toMatch(/"type":"mrkdwn","text":"[^"]*(<!channel>|<@U0HOSTILE>)/);
    });
  });
});
