/**
 * Issue 23, item 1: no regex over user text is worse than linear, and user text is capped once at
 * the edge of the core. Each pathological shape is timed against plain text of the same size
 * (the ratio, never an absolute budget), on a ladder of sizes up to 1 MB: a quadratic pattern
 * already fails at the first rung (a ratio in the hundreds), long before 1 MB could hang the test.
 */
import { capQuestion, capWords, MAX_QUESTION_LENGTH, MAX_WORD_LENGTH, normalizeQuestion } from '../../src/index';
import { plainWords, words } from '../../src/text/tokens';
import { normalizeLoggedQuestion } from '../../src/store/logged-question';
import { describeStoreError } from '../../src/store/store-health';

const SIZES = [16 * 1024, 64 * 1024, 1024 * 1024];
/** A linear pattern on a hostile shape costs a small multiple of plain text; a quadratic one, hundreds. */
const RATIO_BUDGET = 40;

const fill = (unit: string, size: number, tail = ''): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size) + tail;

/** The shapes the red team (and a reading of every pattern) found expensive. */
const SHAPES: Record<string, (size: number) => string> = {
  'one long lower-case word': (n) => fill('a', n),
  'unclosed Slack mentions': (n) => fill('<@', n),
  'unclosed Slack links with a label bar': (n) => fill('<http:|', n),
  'unclosed Slack links': (n) => fill('<https:', n),
  'unclosed tags': (n) => fill('<a', n),
  'entity-encoded unclosed mentions': (n) => fill('&lt;@', n),
  'unclosed Teams mentions': (n) => fill('<at>', n),
  'unclosed emoji shortcodes': (n) => fill(':a', n),
  'sentences run together': (n) => fill('ab.Cd', n),
  'trailing punctuation then a letter': (n) => fill(' .?!', n, 'x'),
  'white space then a letter': (n) => fill(' \t', n, 'x'),
  'pictographs and joiners': (n) => fill('😀\u200d', n),
  'format characters': (n) => fill('\u200b', n),
  'URL schemes without userinfo': (n) => fill('x://', n),
};

const plain = (n: number): string => fill('what is the sla for eks and how do i size a lambda ', n);

/** The fastest of a few runs, in ms (the minimum is what the work costs; the rest is the machine). */
function fastest(fn: (s: string) => unknown, input: string, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    fn(input);
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}

/** Asserts `fn` on every shape stays within {@link RATIO_BUDGET} of plain text, rung by rung. */
function expectLinear(fn: (s: string) => unknown): void {
  for (const size of SIZES) {
    const baseline = Math.max(fastest(fn, plain(size)), 0.05);
    for (const [name, shape] of Object.entries(SHAPES)) {
      const input = shape(size);
      const ratio = fastest(fn, input, size > 100_000 ? 3 : 5) / baseline;
      expect({ shape: name, size, ratio: ratio < RATIO_BUDGET ? 'within budget' : ratio }).toEqual({
        shape: name,
        size,
        ratio: 'within budget',
      });
    }
  }
}

describe('regexes over user text are linear (1 MB of each pathological shape)', () => {
  it("the core's normalization, uncapped", () => {
    expectLinear(normalizeQuestion);
  });

  it("the question log's normalization", () => {
    expectLinear(normalizeLoggedQuestion);
  });

  it('the word cap, uncapped by length', () => {
    expectLinear(capWords);
  });

  it("a store error's description (driver messages can quote user text)", () => {
    expectLinear((s) => describeStoreError(new Error(s)));
  });
});

describe('capQuestion: the one cap at the edge of the core', () => {
  it('cuts to MAX_QUESTION_LENGTH and every word to 64 code points; idempotent', () => {
    const long = capQuestion('a'.repeat(250_000));
    expect(long).toBe('a'.repeat(64));
    const text = capQuestion(`sla ${'word '.repeat(2000)}`);
    expect(text.length).toBe(MAX_QUESTION_LENGTH);
    expect(capQuestion(text)).toBe(text);
    expect(capQuestion(`x${'😀'.repeat(3000)}`)).toBe(`x${'😀'.repeat(63)}`);
    expect(capQuestion(undefined)).toBe('');
  });

  it('one word limit: what capQuestion keeps of a long word, the tokenizer reads; a longer word in uncapped text it skips', () => {
    const capped = capQuestion(`sla ${'b'.repeat(100)}`);
    expect(capped).toBe(`sla ${'b'.repeat(MAX_WORD_LENGTH)}`);
    expect(words(capped)).toEqual(['sla', 'b'.repeat(MAX_WORD_LENGTH)]);
    expect(plainWords(capped)).toEqual(['sla', 'b'.repeat(MAX_WORD_LENGTH)]);
    expect(words(`sla ${'b'.repeat(MAX_WORD_LENGTH + 1)}`)).toEqual(['sla']);
    expect(plainWords(`sla ${'b'.repeat(MAX_WORD_LENGTH + 1)}`)).toEqual(['sla']);
  });

  it('never splits a surrogate pair at the length cut', () => {
    const text = capQuestion(`${'ab '.repeat(1333)}😀😀`); // 3,999 characters, then a pair across the cut
    expect(text.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
    expect(text.endsWith('\uD83D')).toBe(false);
  });

  it('the question log never reads more than the cap', () => {
    const logged = normalizeLoggedQuestion(`${'how do i size a lambda '.repeat(20_000)}`);
    expect(logged.length).toBeLessThanOrEqual(500);
  });
});
