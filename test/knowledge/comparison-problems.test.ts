/**
 * A comparison entry that gives values for only one of its sides is reported by `check` with its
 * file and line, instead of answering "nothing on Fargate" and suggesting itself.
 */
import { join } from 'node:path';
import { checkKnowledge, createAssistant, formatProblem, KnowledgeError } from '../../src/index';
import { FIXTURES_DIR, KNOWLEDGE_DIR } from '../helpers/knowledge';

const ONE_SIDED = join(FIXTURES_DIR, 'knowledge-one-sided');

describe('comparisons with a side that has no value', () => {
  it('are errors pinned to the heading, naming the missing side (lists and tables)', () => {
    const errors = checkKnowledge(ONE_SIDED)
      .filter((p) => p.severity === 'error')
      .map(formatProblem);
    expect(errors).toEqual([
      expect.stringMatching(
        /^compute\.md:3: comparison "What are the differences between Lambda and Fargate\?" gives no value for Fargate, only for Lambda: give every side a value/,
      ),
      expect.stringMatching(
        /^compute\.md:18: comparison "What are the differences between Batch and Step Functions\?" gives no value for Step Functions/,
      ),
    ]);
  });

  it('make the knowledge base invalid, so a server keeps its last good index', () => {
    expect(() => createAssistant({ knowledgeDir: ONE_SIDED })).toThrow(KnowledgeError);
  });

  it('are not reported for the shipped knowledge, whose comparisons name every side', () => {
    expect(checkKnowledge(KNOWLEDGE_DIR).filter((p) => /comparison/.test(p.message))).toEqual([]);
  });
});
