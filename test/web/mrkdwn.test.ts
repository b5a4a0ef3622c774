/** Slack mrkdwn → HTML for the playground's Slack preview: formatting, tokens, and escaping. */
import { mrkdwnToHtml } from '../../adapters/web/client/mrkdwn';
import { escapeMrkdwn } from '../../adapters/slack/escape';

describe('mrkdwnToHtml', () => {
  describe('formatting', () => {
    it.each([
      ['*Amazon EKS*', '<b>Amazon EKS</b>'],
      ['_maybe_ later', '<i>maybe</i> later'],
      ['~old~ new', '<s>old</s> new'],
      ['use `kubectl get pods`', 'use <code class="sk-code">kubectl get pods</code>'],
      ['*Region SLA*\n99.95%', '<b>Region SLA</b><br>99.95%'],
      ['• one\n• two', '• one<br>• two'],
      ['&gt; quoted', '<span class="sk-quote">quoted</span>'],
    ])('renders %j', (input, html) => {
      expect(mrkdwnToHtml(input)).toBe(html);
    });

    it('leaves markers inside words and unclosed markers alone', () => {
      expect(mrkdwnToHtml('user_id and snake_case_name')).toBe('user_id and snake_case_name');
      expect(mrkdwnToHtml('5 * 3 = 15')).toBe('5 * 3 = 15');
      expect(mrkdwnToHtml('2*3*4')).toBe('2*3*4');
    });

    it('does not format inside code blocks', () => {
      expect(mrkdwnToHtml('```a *b* &lt;c&gt;```')).toBe('<pre class="sk-pre">a *b* &lt;c&gt;</pre>');
    });
  });

  describe('tokens', () => {
    it('renders http(s) links with rel=noopener and their label', () => {
      expect(mrkdwnToHtml('<https://aws.amazon.com/eks/sla/?a=1&amp;b=2|EKS SLA>')).toBe(
        '<a href="https://aws.amazon.com/eks/sla/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">EKS SLA</a>',
      );
    });

    it('shows mentions and special mentions as text, never pinging', () => {
      expect(mrkdwnToHtml('<@U123ABC> asked')).toBe('<span class="sk-mention">@U123ABC</span> asked');
      expect(mrkdwnToHtml('<!here>')).toBe('<span class="sk-mention">@here</span>');
      expect(mrkdwnToHtml('<#C123|general>')).toBe('<span class="sk-mention">#general</span>');
    });

    it('drops non-http link targets but keeps the label', () => {
      expect(mrkdwnToHtml('<javascript:alert(1)|click>')).toBe('click');
    });
  });

  describe('escaping', () => {
    it.each([
      '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script>',
      '"><svg onload=alert(1)>',
      "*bold <b onmouseover='x'>*",
      '<https://x.example/"onmouseover="alert(1)|hi>',
    ])('never lets user text %j become markup (after the Slack renderer escaped it)', (userText) => {
      const html = mrkdwnToHtml(escapeMrkdwn(userText));
      expect(html).not.toMatch(/<(img|script|svg)\b/i);
      expect(html).not.toMatch(/<[a-z]+[^>]*\son\w+=/i);
      expect(html.replace(/<\/?(b|i|s|code|pre|span|br|a)\b[^>]*>/g, '')).not.toMatch(/[<>]/);
    });

    it('shows escaped entities as the characters the user typed', () => {
      expect(mrkdwnToHtml(escapeMrkdwn('a < b && c > d'))).toBe('a &lt; b &amp;&amp; c &gt; d');
    });

    it('escapes quotes in link targets', () => {
      const html = mrkdwnToHtml('<https://x.example/a"b|label>');
      expect(html).not.toContain('a"b');
    });
  });
});
