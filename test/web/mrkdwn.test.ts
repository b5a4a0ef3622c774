/** Slack mrkdwn → HTML for the playground's Slack preview: formatting, tokens, and escaping. */
import { mrkdwnToHtml } from '../../adapters/web/client/mrkdwn';
import { escapeMrkdwn } from '../../adapters/slack/escape';

describe('mrkdwnToHtml', () => {
  describe('formatting and tokens', () => {
    it.each([
      ['bold', '*Amazon EKS*', '<b>Amazon EKS</b>'],
      ['italics', '_maybe_ later', '<i>maybe</i> later'],
      ['strike-through', '~old~ new', '<s>old</s> new'],
      ['inline code', 'use `kubectl get pods`', 'use <code class="sk-code">kubectl get pods</code>'],
      ['a line break', '*Region SLA*\n99.95%', '<b>Region SLA</b><br>99.95%'],
      ['bullets as typed', '• one\n• two', '• one<br>• two'],
      ['a quote', '&gt; quoted', '<span class="sk-quote">quoted</span>'],
      ['markers inside words as text', 'user_id and snake_case_name', 'user_id and snake_case_name'],
      ['an unclosed marker as text', '5 * 3 = 15', '5 * 3 = 15'],
      ['markers between digits as text', '2*3*4', '2*3*4'],
      ['a code block unformatted inside', '```a *b* &lt;c&gt;```', '<pre class="sk-pre">a *b* &lt;c&gt;</pre>'],
      [
        'an http(s) link with rel=noopener and its label',
        '<https://aws.amazon.com/eks/sla/?a=1&amp;b=2|EKS SLA>',
        '<a href="https://aws.amazon.com/eks/sla/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">EKS SLA</a>',
      ],
      ['a user mention as text, never pinging', '<@U123ABC> asked', '<span class="sk-mention">@U123ABC</span> asked'],
      ['a special mention as text, never pinging', '<!here>', '<span class="sk-mention">@here</span>'],
      ['a channel as its name', '<#C123|general>', '<span class="sk-mention">#general</span>'],
      ['a non-http link as its label alone', '<javascript:alert(1)|click>', 'click'],
    ])('renders %s', (_what, input, html) => {
      expect(mrkdwnToHtml(input)).toBe(html);
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
