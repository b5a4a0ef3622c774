/**
 * Features read from a reading's built answer: whether it states a count of what a "how many"
 * question counts, how much of the noun phrase a "what is/are" question asks about it holds, and whether a procedure or a cause asked is answered by a section that asks one.
 */
import type { Answer } from '../../src/index';
import { normalizeQuestion } from '../../src/read/normalize';
import { evidenceFeatures, featureValue, withAnswer, type FeatureName } from '../../src/router/features';
import { routerContext } from '../helpers/router-context';

const read = (q: string) => routerContext().reader.read(normalizeQuestion(q));

/** An answer showing `text`, from a section titled `section`. */
const answer = (text: string, section: string): Answer => ({
  kind: 'lookup',
  id: 'a1',
  question: 'q',
  title: 'A title',
  answered: true,
  confidence: 0.9,
  parts: [{ type: 'text', text }],
  sources: [{ file: 'kb.md', section, line: 3 }],
  followUps: [],
});

const features = (q: string, a: Answer) => {
  const u = read(q);
  const x = withAnswer(evidenceFeatures(u, 'lookup', { subjects: 1, content: 1, form: 0.9 }, false), u, a);
  return (f: FeatureName): number => featureValue(x, f);
};

describe('answer features', () => {
  it('marks a count asked that the answer does not state', () => {
    const q = 'how many shards can a kinesis stream have';
    expect(features(q, answer('A stream can have up to 500 shards.', 'Limits'))('answer.count-missing')).toBe(0);
    expect(features(q, answer('Each shard ingests 1 MB per second.', 'Limits'))('answer.count-missing')).toBe(1);
    expect(features('what is a shard', answer('Each shard ingests 1 MB per second.', 'Limits'))('answer.count-missing')).toBe(0);
  });

  it('marks the share of the noun phrase a "what is/are" question asks about that the answer lacks', () => {
    const q = 'What is provisioned concurrency in Lambda?';
    expect(features(q, answer('Provisioned concurrency keeps functions warm.', 'Lambda'))('answer.asked-missing')).toBe(0);
    expect(features(q, answer('Concurrency is limited per account.', 'Lambda'))('answer.asked-missing')).toBe(0.5);
    expect(features(q, answer('Cold starts can increase latency.', 'Lambda'))('answer.asked-missing')).toBe(1);
    expect(features('What is Amazon ECS?', answer('Easy container orchestration.', 'ECS'))('answer.asked-missing')).toBe(0);
  });

  it("marks a procedure asked unless the answer's section asks one itself", () => {
    const q = 'how do i make lambda cheaper';
    expect(features(q, answer('Pay only for compute time used.', 'What are the options?'))('answer.procedure-not-answered')).toBe(1);
    expect(features(q, answer('Use fewer invocations.', 'How can I reduce the cost of Lambda?'))('answer.procedure-not-answered')).toBe(0);
    expect(features('how is lambda billed', answer('Pay only for compute time used.', 'Options'))('answer.procedure-not-answered')).toBe(0);
  });

  it("marks a cause asked unless the answer's section asks one itself", () => {
    const q = 'what causes lambda cold starts';
    expect(features(q, answer('Cold starts can increase latency.', 'Options'))('answer.cause-not-answered')).toBe(1);
    expect(features(q, answer('A new environment is started.', 'Why do cold starts happen?'))('answer.cause-not-answered')).toBe(0);
  });
});
