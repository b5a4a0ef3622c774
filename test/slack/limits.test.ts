import { chunkArray, SLACK_LIMITS, splitText, truncateText } from '../../adapters/slack/limits';
import { escapeMrkdwn, mentionUser } from '../../adapters/slack/escape';
import { DOCUMENTED_LIMITS } from './helpers/slack-limits';

const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe('limits', () => {
  describe('SLACK_LIMITS', () => {
    it('states Slack’s documented numbers (as the tests restate them, apart from the code)', () => {
      const documented = DOCUMENTED_LIMITS;
      expect(SLACK_LIMITS).toEqual({
        blocksPerMessage: documented.blocks,
        sectionText: documented.section,
        headerText: documented.header,
        fieldsPerSection: documented.fields,
        fieldText: documented.field,
        buttonText: documented.buttonText,
        buttonValue: documented.buttonValue,
        actionId: documented.id,
        blockId: documented.id,
        contextElements: documented.context,
        contextText: documented.contextText,
        actionsElements: documented.actions,
        messageText: documented.text,
      });
    });
  });

  describe('splitText', () => {
    it('returns the text whole when it fits', () => {
      expect(splitText('short text', 100)).toEqual(['short text']);
      expect(splitText('', 100)).toEqual([]);
    });

    it('splits at spaces, never inside a word, and keeps every word in order', () => {
      const text = Array.from({ length: 500 }, (_, i) => `word${i}`).join(' ');
      const chunks = splitText(text, 100);
      expect(chunks.length).toBeGreaterThan(1);
      for (const c of chunks) expect(c.length).toBeLessThanOrEqual(100);
      expect(words(chunks.join(' '))).toEqual(words(text));
    });

    it('prefers a line break in the second half of the window', () => {
      const text = `${'a '.repeat(30)}\n${'b '.repeat(30)}`;
      const chunks = splitText(text, 80);
      expect(chunks[0]).toBe('a '.repeat(30).trimEnd());
      expect(chunks[1].startsWith('b')).toBe(true);
    });

    it('cuts a word longer than max inside the word, losing no character', () => {
      const long = 'x'.repeat(250);
      const chunks = splitText(long, 100);
      expect(chunks.map((c) => c.length)).toEqual([100, 100, 50]);
      expect(chunks.join('')).toBe(long);
    });

    it('never cuts inside an &amp; entity', () => {
      const text = `${'y'.repeat(97)}&amp;${'z'.repeat(50)}`;
      const chunks = splitText(text, 100);
      expect(chunks[0]).toBe('y'.repeat(97));
      expect(chunks.join('')).toBe(text);
    });
  });

  describe('truncateText', () => {
    it('keeps a fitting text and shortens a long one at a word boundary with an ellipsis', () => {
      expect(truncateText('fits', 75)).toBe('fits');
      const t = truncateText('The quick brown fox jumps over the lazy dog '.repeat(5), 75);
      expect(t.length).toBeLessThanOrEqual(75);
      expect(t.endsWith('…')).toBe(true);
      expect(t).not.toMatch(/ …$/);
    });
  });

  describe('chunkArray', () => {
    it('groups items by size', () => {
      expect(chunkArray([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    });
  });
});

describe('escape', () => {
  describe('escapeMrkdwn', () => {
    it('escapes &, < and > so special mentions and links are inert', () => {
      expect(escapeMrkdwn('<!channel> <!here> <@U123ABC> a & b > c')).toBe(
        '&lt;!channel&gt; &lt;!here&gt; &lt;@U123ABC&gt; a &amp; b &gt; c',
      );
    });

    it('escapes an already-escaped entity again (the user typed it literally)', () => {
      expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
    });
  });

  describe('mentionUser', () => {
    it('builds a mention for a plain user id only', () => {
      expect(mentionUser('U2CERLKJA')).toBe('<@U2CERLKJA>');
      expect(mentionUser('U1> <!channel')).toBe('someone');
    });
  });
});
