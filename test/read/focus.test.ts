/** The focus of a long message (the sentences that ask, and a post's title) and the normalizing it relies on. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { focusOf, MIN_SENTENCES, sentenceEnds } from '../../src/read/focus';
import { normalizeQuestion } from '../../src/read/normalize';

/** A plain sentence of `n` words that neither asks nor starts like a question. */
const telling = (n: number) => `${Array.from({ length: n }, (_, i) => (i === 0 ? 'Our' : `word${i}`)).join(' ')}.`;

describe('focusOf', () => {
  describe('when the message is short', () => {
    it(`returns undefined under ${MIN_SENTENCES} sentences`, () => {
      expect(focusOf('Is there an SLA for EKS?')).toBeUndefined();
      expect(focusOf('We run EKS in production. Is there an SLA?')).toBeUndefined();
    });
  });

  describe('when no sentence asks', () => {
    it('returns undefined', () => {
      expect(focusOf('We run EKS. We use Terraform. We like it.')).toBeUndefined();
    });

    it('reads a first sentence that asks as the focus like any other', () => {
      expect(focusOf('Is there an SLA? We run EKS. We use Terraform.')).toEqual({
        focus: 'Is there an SLA?',
        context: 'We run EKS. We use Terraform.',
      });
    });
  });

  describe('when a later sentence asks', () => {
    it('keeps the sentences ending in a question mark and puts the story in context', () => {
      const story = 'Our Jenkins pipelines deploy with Terraform to a dozen accounts across three regions every day.';
      expect(focusOf(`${story} We're looking at EKS. Is there an uptime SLA?`)).toEqual({
        focus: 'Is there an uptime SLA?',
        context: `${story} We're looking at EKS.`,
      });
    });

    it('keeps a sentence whose first word asks, without a question mark', () => {
      expect(focusOf(`${telling(20)} We run pipelines. How reliable is EKS`)).toEqual({
        focus: 'How reliable is EKS',
        context: `${telling(20)} We run pipelines.`,
      });
      expect(focusOf(`${telling(20)} We run pipelines. Does EKS publish an SLA.`)?.focus).toBe('Does EKS publish an SLA.');
    });

    it('keeps every asking sentence, in order', () => {
      expect(focusOf(`${telling(20)} Is EKS covered? We run pipelines. What about ECS?`)?.focus).toBe('Is EKS covered? What about ECS?');
    });

    it('puts a first sentence that states (a title, or the story) in context, however short', () => {
      expect(focusOf(`${telling(4)} We run pipelines. Is there an SLA?`)).toEqual({
        focus: 'Is there an SLA?',
        context: `${telling(4)} We run pipelines.`,
      });
    });

    it('returns undefined when every sentence asks (nothing to set apart)', () => {
      expect(focusOf('Is EKS covered? Is there one? Does it cover the control plane?')).toBeUndefined();
    });
  });

  it('keeps a post title (a short first line of its own) in the focus, and a long first line in context', () => {
    const long = telling(13).replace(/\.$/, '');
    expect(focusOf(normalizeQuestion(`${long}\nWe run pipelines.\nIs there an SLA?`))?.focus).toBe('Is there an SLA?');
    expect(focusOf(normalizeQuestion(`EKS uptime\nWe run pipelines.\nIs there an SLA?`))?.focus).toBe('EKS uptime. Is there an SLA?');
  });

  it('finds the sentences of a normalized post whose title has no full stop', () => {
    const post = normalizeQuestion(
      'EKS uptime\nOur platform team deploys everything with Terraform and Jenkins across many accounts.\nIs there an SLA for the control plane?',
    );
    expect(focusOf(post)).toEqual({
      focus: 'EKS uptime. Is there an SLA for the control plane?',
      context: 'Our platform team deploys everything with Terraform and Jenkins across many accounts.',
    });
  });
});

describe('focusOf skips the segmenter only where it could not find enough sentences', () => {
  const evalDir = join(__dirname, '..', 'eval');
  const files = [
    ...readdirSync(evalDir).map((f) => join(evalDir, f)),
    ...readdirSync(join(evalDir, 'corpus')).map((f) => join(evalDir, 'corpus', f)),
  ].filter((f) => f.endsWith('.jsonl'));
  const questions = files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { q?: string }).q ?? '')
      .filter(Boolean),
  );
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

  it.each([
    ['every question of the eval sets and the corpus', questions],
    ['hand-made edge cases', ['One. Two. Three', 'a\nb\nc', 'Is EKS 99.95?! Really?', 'why\u2029so\u2029many', 'A。B。C', 'SLA for EKS?']],
  ])('%s: where ICU finds enough sentences, there are enough places a sentence may end', (_, texts) => {
    for (const text of texts.map(normalizeQuestion)) {
      const sentences = Array.from(segmenter.segment(text), (s) => s.segment.trim()).filter(Boolean).length;
      if (sentences >= MIN_SENTENCES) expect({ text, ends: sentenceEnds(text) >= MIN_SENTENCES - 1 }).toEqual({ text, ends: true });
      else expect({ text, focus: focusOf(text) }).toEqual({ text, focus: undefined });
    }
  });
});

describe('normalizeQuestion', () => {
  it('drops web addresses, keeping the words around them', () => {
    expect(normalizeQuestion('see https://aws.amazon.com/eks/sla/ for the EKS SLA')).toBe('see for the EKS SLA');
    expect(normalizeQuestion('mirror at ftp://files.example/x.tgz and HTTP://EXAMPLE.COM/A ok')).toBe('mirror at and ok');
  });

  it("keeps a Slack link's label and drops its address", () => {
    expect(normalizeQuestion('read <https://docs.aws.amazon.com/eks|the EKS docs> first')).toBe('read the EKS docs first');
  });

  it('ends a sentence at a line that ends without punctuation, and keeps one line break', () => {
    expect(normalizeQuestion('SLA for EKS\nIs it 99.95?')).toBe('SLA for EKS.\nIs it 99.95?');
    expect(normalizeQuestion('EKS uptime \r\n\n  we run it')).toBe('EKS uptime.\nwe run it');
  });

  it('adds nothing to a line that already ends with punctuation', () => {
    expect(normalizeQuestion('We run EKS.\nIs there an SLA?\nWhich one:\nEKS or ECS')).toBe(
      'We run EKS.\nIs there an SLA?\nWhich one:\nEKS or ECS',
    );
  });
});
