/**
 * Passage search internals: the postings table ranks exactly as Lunr's own `idx.query` does over a
 * real Lunr index of the same passages, and
 * the typo neighbours are exactly the vocabulary's terms one edit away.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import lunr from 'lunr';
import { buildKnowledgeOrThrow, readKnowledgeSources } from '../../src/knowledge/load';
import { buildIndex, FIELDS, lunrTerm, type PassageIndex } from '../../src/search/build-index';
import { NearTerms, withinOneEdit } from '../../src/search/near-terms';
import { queryPassages } from '../../src/search/query';
import { words } from '../../src/text/tokens';
import { FIXTURES_DIR, KNOWLEDGE_DIR, knowledgeCopy } from '../helpers/knowledge';
import { prng } from '../helpers/prng';

function indexOf(dir: string): PassageIndex {
  return buildIndex(buildKnowledgeOrThrow(readKnowledgeSources(dir)).kb);
}

/**
 * The reference: a real Lunr index over the same passages, configured as the index once was (our
 * tokenizer, Lunr's trimmer and stop words, its stemmer, the same fields and boosts).
 */
function lunrIndexOf(dir: string): lunr.Index {
  const kb = buildKnowledgeOrThrow(readKnowledgeSources(dir)).kb;
  const tokenize = (value: unknown): lunr.Token[] =>
    value === null || value === undefined
      ? []
      : words(String(value)).map((w, i) => new lunr.Token(w, { position: [i, w.length], index: i }));
  return lunr(function build() {
    this.tokenizer = tokenize as unknown as typeof lunr.tokenizer;
    this.pipeline.reset();
    this.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
    this.searchPipeline.reset();
    this.ref('id');
    for (const f of FIELDS) this.field(f.name, f.boost === 1 ? {} : { boost: f.boost });
    this.metadataWhitelist = [];
    for (const p of kb.passages) this.add({ id: String(p.id), text: p.text, context: p.context.join(' '), section: p.source.section });
  });
}

const questions = readFileSync(join(__dirname, '..', 'eval', 'dev.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => (JSON.parse(l) as { q: string }).q);

describe.each([
  ['the real knowledge base', KNOWLEDGE_DIR],
  [
    'the knowledge base with a new file',
    knowledgeCopy({ 'databases.md': readFileSync(join(FIXTURES_DIR, 'knowledge-extra', 'databases.md'), 'utf8') }),
  ],
])('postings over %s', (_name, dir) => {
  const index = indexOf(dir);
  const reference = lunrIndexOf(dir);
  const vocabulary = [...index.vocabulary];

  /** Lunr's ranking and ours for the same weighted terms: same documents, same order, the same scores to the bit. */
  function expectSameRanking(terms: { term: string; boost: number }[]): void {
    const ranked = reference.query((q) => {
      for (const t of terms) q.term(t.term, { usePipeline: false, boost: t.boost });
    });
    const ours = index.postings.query(terms);
    expect(ours).toEqual(ranked.map((r) => ({ id: Number(r.ref), score: r.score })));
  }

  it('ranks every sample question as idx.query does', () => {
    for (const q of questions) {
      const terms = [
        ...new Set(
          words(q.toLowerCase())
            .map(lunrTerm)
            .filter((t): t is string => Boolean(t)),
        ),
      ];
      expectSameRanking(terms.map((term) => ({ term, boost: 10 })));
    }
  });

  it('ranks random weighted term sets (repeats and unknown terms included) as idx.query does', () => {
    const random = prng(42);
    const pick = (): string => vocabulary[Math.floor(random() * vocabulary.length)];
    for (let n = 0; n < 3000; n += 1) {
      const terms = Array.from({ length: 1 + Math.floor(random() * 8) }, () => ({ term: pick(), boost: random() < 0.7 ? 10 : 2 }));
      if (n % 5 === 0) terms.push({ ...terms[0] });
      if (n % 7 === 0) terms.push({ term: 'zzqxnotaterm', boost: 10 });
      expectSameRanking(terms);
    }
  });

  it("breaks near-ties as idx.query does (scores summed per field, in Lunr's order)", () => {
    expectSameRanking(['allow', 't', 'finegrain', 'now', 'server', 'avail', 'orchestr'].map((term) => ({ term, boost: 10 })));
  });

  it('returns nothing for terms the index does not hold', () => {
    expect(index.postings.query([{ term: 'zzqxnotaterm', boost: 10 }])).toEqual([]);
    expect(index.postings.query([])).toEqual([]);
  });
});

describe('typo neighbours', () => {
  it('tells one edit from two', () => {
    expect(withinOneEdit('lambda', 'lamda')).toBe(true); // deletion
    expect(withinOneEdit('lamda', 'lambda')).toBe(true); // insertion
    expect(withinOneEdit('lambda', 'lambde')).toBe(true); // substitution
    expect(withinOneEdit('lambda', 'lmabda')).toBe(true); // transposition
    expect(withinOneEdit('lambda', 'lambda')).toBe(true);
    expect(withinOneEdit('lambda', 'lmbde')).toBe(false);
    expect(withinOneEdit('lambda', 'alambdaa')).toBe(false);
    expect(withinOneEdit('abcd', 'badc')).toBe(false);
  });

  it('finds exactly the vocabulary terms one edit away', () => {
    const index = indexOf(KNOWLEDGE_DIR);
    const vocabulary = [...index.vocabulary];
    const near = new NearTerms(vocabulary);
    const random = prng(7);
    const alphabet = 'abcdefghijklmnopqrstuvwxyz';
    for (let n = 0; n < 300; n += 1) {
      const base = vocabulary[Math.floor(random() * vocabulary.length)];
      const at = Math.floor(random() * (base.length + 1));
      const letter = alphabet[Math.floor(random() * alphabet.length)];
      const typo = [
        base.slice(0, at) + letter + base.slice(at),
        base.slice(0, at) + base.slice(at + 1),
        base.slice(0, at) + letter + base.slice(at + 1),
      ][n % 3];
      const brute = vocabulary.filter((t) => t !== typo && withinOneEdit(t, typo)).sort();
      expect([...near.near(typo)].sort()).toEqual(brute);
    }
  });

  it('lets a misspelt word find its passages', () => {
    const index = indexOf(KNOWLEDGE_DIR);
    const exact = queryPassages(index, { words: ['dynamodb', 'item'] });
    const typo = queryPassages(index, { words: ['dynamdb', 'item'] });
    expect(exact.length).toBeGreaterThan(0);
    expect(typo.map((h) => h.id)).toContain(exact[0].id);
    expect(typo[0].coverage).toBe(0.75); // the typo counts half
    expect(exact[0].coverage).toBe(1);
  });
});
