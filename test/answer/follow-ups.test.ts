/** Every question the bot offers (follow-ups, suggestions, help examples) is one it can answer. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAssistant } from '../../src/index';
import { KNOWLEDGE_DIR } from '../helpers/knowledge';

const assistant = createAssistant({ knowledgeDir: KNOWLEDGE_DIR });
const samples = readFileSync(join(__dirname, '..', 'eval', 'dev.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => (JSON.parse(l) as { q: string }).q);

describe('offered questions', () => {
  const offered = new Map<string, string>();
  for (const q of [...samples, 'help', 'SLA for Route 53', 'qwerty']) {
    const a = assistant.ask(q);
    for (const s of a.followUps) offered.set(s.question, q);
    if (a.kind === 'clarify') for (const c of a.choices) offered.set(c.question, q);
  }

  it('are offered for the sample questions', () => {
    expect(offered.size).toBeGreaterThan(15);
  });

  it.each([...offered.entries()])('"%s" (offered for "%s") is answered', (question) => {
    const a = assistant.ask(question);
    expect({ question, answered: a.answered, kind: a.kind }).toEqual({
      question,
      answered: true,
      kind: expect.not.stringMatching(/^help$/),
    });
  });

  it('are never the question just asked, and never repeated', () => {
    for (const q of samples) {
      const a = assistant.ask(q);
      const asked = a.followUps.map((s) => s.question.toLowerCase());
      expect(new Set(asked).size).toBe(asked.length);
      expect(asked).not.toContain(a.question.toLowerCase());
    }
  });
});
