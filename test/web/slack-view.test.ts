/** The Slack preview: Block Kit from the real renderer → HTML in Slack's layout, escaped. */
import { renderSlack } from '../../adapters/slack/render';
import { blockHtml, slackMessageHtml } from '../../adapters/web/client/slack-view';
import { allSampleAnswers, createAnswer } from '../helpers/answer-factory';

describe('slackMessageHtml', () => {
  it('shows the header, fields, context line and buttons of an SLA answer', () => {
    const html = slackMessageHtml(renderSlack(createAnswer('sla')), { time: '14:05' });
    expect(html).toContain('<div class="sk-block sk-header">Availability SLA: Amazon EKS</div>');
    expect(html).toContain('<div class="sk-field"><b>Monthly Region-Level Availability SLA</b><br>99.95%</div>');
    expect(html).toMatch(/<div class="sk-block sk-context">.*📄 aws-qa\.md › What are the availability SLAs/);
    expect(html).toContain(
      'data-action-id="aws_qa_ask_0" data-value="{&quot;q&quot;:&quot;compare EKS vs ECS&quot;}">Compare EKS vs ECS</button>',
    );
    expect(html).toContain('data-action-id="aws_qa_feedback_up"');
    expect(html).toContain('<span class="sk-time">14:05</span>');
  });

  it.each(allSampleAnswers().map((a) => [a.kind, a] as const))('previews every block of a %s answer (none unsupported)', (_, answer) => {
    const html = slackMessageHtml(renderSlack(answer));
    expect(html).not.toContain('sk-unsupported');
    expect((html.match(/class="sk-block /g) ?? []).length).toBe(renderSlack(answer).blocks.length);
  });

  it('escapes user and knowledge text everywhere: header, fields, buttons, values', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const answer = createAnswer('not-found', {
      title: evil,
      question: evil,
      parts: [{ type: 'facts', heading: evil, facts: [{ label: evil, value: evil }] }],
      followUps: [{ label: evil, question: `"><script>alert(1)</script>` }],
    });
    const html = slackMessageHtml(renderSlack(answer));
    expect(html).not.toMatch(/<(img|script)\b/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('marks blocks it does not preview instead of dropping them', () => {
    expect(blockHtml({ type: 'rich_text', block_id: 'b1' })).toBe(
      '<div class="sk-block sk-unsupported" data-block-id="b1">[rich_text block: not previewed]</div>',
    );
  });

  it('falls back to the message text when there are no blocks', () => {
    expect(slackMessageHtml({ text: '*hi* &lt;there&gt;', blocks: [] })).toContain('<b>hi</b> &lt;there&gt;');
  });
});
