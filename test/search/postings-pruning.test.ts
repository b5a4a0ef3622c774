/**
 * The pruned top-k paths of `Postings.query` (rare terms first with a bound on the common ones;
 * an explicit list of the documents to rank) give exactly the full ranking, filtered and cut:
 * same documents, same scores to the bit, same order, on random postings large enough to take
 * those paths.
 */
import { lunrWeights } from '../../src/search/lunr-weights';
import { Postings } from '../../src/search/postings';

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Postings over `fields[doc][field]` with the field boosts `boosts` (title 3, text 1, keywords 2). */
function postingsOf(fields: string[][][], boosts = [3, 1]): Postings {
  const names = ['title', 'text', 'keywords'];
  return new Postings(
    lunrWeights(
      boosts.map((boost, f) => ({ name: names[f], boost })),
      fields.length,
      (doc, field) => fields[doc][field],
    ),
  );
}

/**
 * `docs` documents whose words are all drawn at `rates` (now and then twice): a title (at a third
 * of the rates), then a short text field (with filler) per further field boost in `boosts`.
 */
function ratedCorpus(seed: number, docs: number, rates: [string, number][], boosts: number[]): Postings {
  const rnd = random(seed);
  const words = (scale: number): string[] =>
    rates.filter(([, rate]) => rnd() < rate * scale).flatMap(([w]) => (rnd() < 0.2 ? [w, w] : [w]));
  const text = (): string[] => [...words(1), 'filler'].slice(0, 2 + Math.floor(rnd() * 6));
  return postingsOf(
    Array.from({ length: docs }, () => [words(0.3), ...boosts.slice(1).map(text)]),
    boosts,
  );
}

/** `docs` documents of two fields: common words in most of them, rare ones in a few, the odd repeat. */
function corpus(seed: number, docs: number): Postings {
  const rnd = random(seed);
  const common = ['sla', 'product', 'beta', 'service'];
  const rare = Array.from({ length: 200 }, (_, i) => `rare${i}`);
  const words = (n: number): string[] =>
    Array.from({ length: n }, () => (rnd() < 0.7 ? common[Math.floor(rnd() * common.length)] : rare[Math.floor(rnd() * rare.length)]));
  return postingsOf(Array.from({ length: docs }, () => [words(1 + Math.floor(rnd() * 4)), words(3 + Math.floor(rnd() * 12))]));
}

/**
 * Two fields whose words are all common, at different rates (a few per cent of the documents for
 * `audit`, most of them for `product`): no rare term to start from.
 */
const commonCorpus = (seed: number, docs: number): Postings =>
  ratedCorpus(
    seed,
    docs,
    [
      ['audit', 0.12],
      ['backup', 0.2],
      ['beta', 0.4],
      ['service', 0.5],
      ['product', 0.8],
    ],
    [3, 1],
  );

describe('pruned top-k queries of common terms only', () => {
  const docs = 30_000;
  const postings = commonCorpus(3, docs);
  const words = ['audit', 'backup', 'beta', 'service', 'product'];

  it('equal the full ranking, and most score only some of the documents', () => {
    const rnd = random(5);
    let pruned = 0;
    for (let k = 0; k < 120; k += 1) {
      const terms = words.filter(() => rnd() < 0.6).map((term) => ({ term, boost: rnd() < 0.7 ? 10 : 2 }));
      if (terms.length < 2) continue;
      const all = postings.query(terms);
      const everyDoc = postings.lastScored;
      for (const limit of [1, 8, 40]) {
        expect(postings.query(terms, { limit })).toEqual(all.slice(0, limit));
        if (postings.lastScored < everyDoc) pruned += 1;
      }
    }
    expect(pruned).toBeGreaterThan(50);
  });

  it('scores only the documents of the rarest term when the others cannot catch up', () => {
    const terms = ['audit', 'beta', 'product'].map((term) => ({ term, boost: 10 }));
    const all = postings.query(terms);
    const everyDoc = postings.lastScored;
    expect(postings.query(terms, { limit: 8 })).toEqual(all.slice(0, 8));
    expect(postings.lastScored).toBeLessThan(everyDoc / 2);
  });
});

/**
 * Three fields; a term rarer than the common cut-off (`zeta`), one that is common but held by
 * under a quarter of the documents (`audit`) and common ones: with `zeta` light and `audit` heavy,
 * the first round (the rare term) cannot prove its result, and the second (the heavy term) can.
 */
const threeFieldCorpus = (seed: number, docs: number): Postings =>
  ratedCorpus(
    seed,
    docs,
    [
      ['zeta', 0.03],
      ['audit', 0.07],
      ['beta', 0.4],
      ['service', 0.5],
      ['product', 0.8],
    ],
    [3, 1, 2],
  );

describe('the second MaxScore round', () => {
  const postings = threeFieldCorpus(3, 30_000);

  it.each([
    [
      [
        ['zeta', 2],
        ['audit', 10],
        ['product', 2],
      ],
    ],
    [
      [
        ['zeta', 2],
        ['audit', 10],
        ['beta', 2],
        ['product', 2],
      ],
    ],
    [
      [
        ['zeta', 1],
        ['audit', 10],
      ],
    ],
  ] as [string, number][][][])('proves the ranking of %j from the heavy term when the rare one cannot', (spec) => {
    const terms = spec.map(([term, boost]) => ({ term, boost }));
    const all = postings.query(terms);
    const everyDoc = postings.lastScored;
    for (const limit of [1, 8, 40]) {
      expect(postings.query(terms, { limit })).toEqual(all.slice(0, limit));
      expect(postings.lastRound).toBe(2);
      expect(postings.lastScored).toBeLessThan(everyDoc);
    }
  });
});

describe('pruned top-k queries', () => {
  const postings = corpus(7, 20_000);
  const full = (terms: { term: string; boost: number }[], keep?: (d: number) => boolean, limit = 8) =>
    postings
      .query(terms)
      .filter((d) => !keep || keep(d.id))
      .slice(0, limit);

  it('equals the full ranking for queries mixing common and rare terms', () => {
    const rnd = random(11);
    let checked = 0;
    for (let k = 0; k < 200; k += 1) {
      const terms = [
        { term: ['sla', 'product', 'beta', 'service'][k % 4], boost: 10 },
        { term: `rare${Math.floor(rnd() * 200)}`, boost: rnd() < 0.5 ? 10 : 2 },
        ...(rnd() < 0.5 ? [{ term: 'product', boost: 10 }] : []),
        ...(rnd() < 0.3 ? [{ term: `rare${Math.floor(rnd() * 200)}`, boost: 2 }] : []),
      ];
      for (const limit of [1, 8, 40]) {
        expect(postings.query(terms, { limit })).toEqual(full(terms, undefined, limit));
        checked += 1;
      }
    }
    expect(checked).toBe(600);
  });

  it('equals the full ranking filtered when the candidates are listed', () => {
    for (let k = 0; k < 50; k += 1) {
      const within = Array.from({ length: 300 }, (_, i) => (i * 61 + k * 7) % 20_000)
        .filter((d) => d % 3 !== 0)
        .sort((a, b) => a - b);
      const allowed = new Set(within);
      const terms = [
        { term: 'sla', boost: 10 },
        { term: k % 2 ? 'beta' : `rare${k}`, boost: 10 },
      ];
      expect(postings.query(terms, { limit: 8, within })).toEqual(full(terms, (d) => allowed.has(d)));
    }
  });

  it('still ranks queries of common terms only (no rare term to start from)', () => {
    const terms = [
      { term: 'sla', boost: 10 },
      { term: 'product', boost: 10 },
    ];
    expect(postings.query(terms, { limit: 8 })).toEqual(full(terms));
  });
});
