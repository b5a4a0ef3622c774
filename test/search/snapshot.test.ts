/** A snapshot restores to an assistant that answers exactly like a freshly built one. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer');
import { buildWithSnapshot, createAssistantFromSnapshot, readKnowledgeSources, knowledgeFingerprint } from '../../src/index';
import { KNOWLEDGE_DIR, knowledgeCopy } from '../helpers/knowledge';

const questions = [
  ...readFileSync(join(__dirname, '..', 'eval', 'dev.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { q: string }).q),
  'app runer vs beanstlak',
  'how should I key a DynamoDB table of user media',
  'hadoop',
  'what is kubernetes',
  'Is DynamoDB serverless?',
];

describe('snapshots', () => {
  const sources = readKnowledgeSources(KNOWLEDGE_DIR);
  const built = buildWithSnapshot(sources, { cacheSize: 0 });
  const snapshot = JSON.parse(JSON.stringify(built.snapshot()));
  const restored = createAssistantFromSnapshot(snapshot, { cacheSize: 0 });

  it.each(questions)('answers %p exactly like the built assistant', (q) => {
    expect(restored.route(q)).toEqual(built.assistant.route(q));
  });

  it('records the fingerprint of its sources, which changes with any file', () => {
    expect(snapshot.fingerprint).toBe(knowledgeFingerprint(sources));
    const changed = readKnowledgeSources(knowledgeCopy({ 'extra.md': '## A new question?\n\nAn answer.\n' }));
    expect(knowledgeFingerprint(changed)).not.toBe(snapshot.fingerprint);
  });

  it('refuses a snapshot of another format', () => {
    expect(() => createAssistantFromSnapshot({ ...snapshot, format: 999 })).toThrow(/format 999/);
  });

  it('carries the stems of the knowledge base words, each exactly what the stemmer gives', () => {
    const stems = snapshot.stems as [string, string][];
    expect(stems.length).toBeGreaterThan(300);
    expect(new Map(stems).get('containers')).toBe('contain');
    const porter = PorterStemmer.stem.bind(PorterStemmer);
    for (const [word, s] of stems) {
      // The memo's rule (see tokens.ts): Porter until stable, numbers and dotted words kept.
      let expected = word;
      if (!/[\d./#+]/.test(word)) {
        expected = porter(word);
        for (let i = 0; i < 2 && porter(expected) !== expected; i += 1) expected = porter(expected);
      }
      expect([word, s]).toEqual([word, expected]);
    }
  });

  it('keeps the stats', () => {
    expect(restored.stats()).toEqual(built.assistant.stats());
  });
});
