/** A snapshot restores to an assistant that answers exactly like a freshly built one. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWithSnapshot, createAssistantFromSnapshot, readKnowledgeSources, knowledgeFingerprint } from '../../src/index';
import { KNOWLEDGE_DIR, knowledgeCopy } from '../helpers/knowledge';

const questions = [
  ...readFileSync(join(__dirname, '..', 'eval', 'dev.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { q: string }).q),
  'app runer vs beanstlak', 'how should I key a DynamoDB table of user media', 'hadoop', 'what is kubernetes', 'Is DynamoDB serverless?',
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

  it('keeps the stats', () => {
    expect(restored.stats()).toEqual(built.assistant.stats());
  });
});
