import { createAssistant } from '../../src/index';
import { AnswerCache } from '../../src/answer-cache';
import { KNOWLEDGE_DIR } from '../helpers/knowledge';

describe('AnswerCache', () => {
  describe('get', () => {
    it('computes once per key and returns the frozen result after', () => {
      const cache = new AnswerCache<{ intent: string; answer: never }>(10);
      let calls = 0;
      const compute = () => {
        calls += 1;
        return { intent: 'help', answer: { parts: [{ type: 'text', text: 'x' }] } as never };
      };
      const first = cache.get('q', compute);
      expect(cache.get('q', compute)).toBe(first);
      expect(calls).toBe(1);
      expect(Object.isFrozen((first.answer as unknown as { parts: object[] }).parts[0])).toBe(true);
    });

    it('evicts the least recently used key beyond its capacity', () => {
      const cache = new AnswerCache<{ intent: string; answer: never }>(2);
      const computed: string[] = [];
      const make = (k: string) => () => {
        computed.push(k);
        return { intent: k, answer: {} as never };
      };
      cache.get('a', make('a'));
      cache.get('b', make('b'));
      cache.get('a', make('a'));
      cache.get('c', make('c'));
      cache.get('b', make('b'));
      expect(computed).toEqual(['a', 'b', 'c', 'b']);
      expect(cache.size).toBe(2);
    });

    it('keeps nothing with capacity 0', () => {
      const cache = new AnswerCache<{ intent: string; answer: never }>(0);
      let calls = 0;
      cache.get('q', () => {
        calls += 1;
        return { intent: 'x', answer: {} as never };
      });
      cache.get('q', () => {
        calls += 1;
        return { intent: 'x', answer: {} as never };
      });
      expect(calls).toBe(2);
    });
  });

  it('serves repeated questions from one assistant with equal answers, cached or not', () => {
    const cachedAssistant = createAssistant({ knowledgeDir: KNOWLEDGE_DIR });
    const uncached = createAssistant({ knowledgeDir: KNOWLEDGE_DIR, cacheSize: 0 });
    expect(cachedAssistant.ask('<@U1> SLA for EKS')).toBe(cachedAssistant.ask('<@U2> SLA for EKS'));
    expect(uncached.ask('SLA for EKS')).toEqual(cachedAssistant.ask('SLA for EKS'));
  });

  it('answers a repeated raw question (normalized once, then remembered) as a fresh assistant would', () => {
    const cachedAssistant = createAssistant({ knowledgeDir: KNOWLEDGE_DIR });
    const uncached = createAssistant({ knowledgeDir: KNOWLEDGE_DIR, cacheSize: 0 });
    const questions = [
      'SLA for EKS',
      '<@U1> SLA for EKS',
      'SLA for ECS',
      '<at>AWS Bot</at> beanstalk &amp; app runner?',
      'lambda :rocket: timeout 🚀',
      'SLA for EKS',
      'sla   for   eks',
      'SLA for ECS',
      '<at>AWS Bot</at> beanstalk &amp; app runner?',
    ];
    for (const q of [...questions, ...questions]) expect({ q, answer: cachedAssistant.ask(q) }).toEqual({ q, answer: uncached.ask(q) });
    expect(cachedAssistant.ask('lambda :rocket: timeout 🚀')).toBe(cachedAssistant.ask('lambda :rocket: timeout 🚀'));
    // A memo far smaller than the questions: emptied again and again, still the same answers.
    const tiny = createAssistant({ knowledgeDir: KNOWLEDGE_DIR, cacheSize: 2 });
    for (const q of [...questions, ...questions.reverse()]) expect({ q, answer: tiny.ask(q) }).toEqual({ q, answer: uncached.ask(q) });
  });

  describe('in a conversation', () => {
    const ec2Sla = { services: ['Amazon EC2'], aspects: ['sla'], compare: false, answered: true };
    const lambdaLanguages = { services: ['AWS Lambda'], aspects: ['languages'], compare: false, answered: true };

    it('serves a question that stands on its own from its one cached answer whatever turn came before', () => {
      const assistant = createAssistant({ knowledgeDir: KNOWLEDGE_DIR });
      const alone = assistant.route('SLA for EKS');
      expect(assistant.route('SLA for EKS', { turns: [ec2Sla] })).toBe(alone);
      expect(assistant.route('SLA for EKS', { turns: [lambdaLanguages] })).toBe(alone);
    });

    it('routes a question shaped like a follow-up again with the turn it follows, as an assistant without a cache does', () => {
      const cachedAssistant = createAssistant({ knowledgeDir: KNOWLEDGE_DIR });
      const uncached = createAssistant({ knowledgeDir: KNOWLEDGE_DIR, cacheSize: 0 });
      for (const q of ['and for Lambda?', "what's its SLA?", 'and the cons?'])
        for (const turns of [undefined, [ec2Sla], [lambdaLanguages], [ec2Sla], undefined]) {
          const cached = cachedAssistant.route(q, { turns });
          expect({ q, turns, answer: cached.answer, turn: cached.turn }).toEqual({
            q,
            turns,
            answer: uncached.route(q, { turns }).answer,
            turn: uncached.route(q, { turns }).turn,
          });
        }
      expect(cachedAssistant.route('and for Lambda?', { turns: [ec2Sla] }).answer).not.toEqual(
        cachedAssistant.route('and for Lambda?').answer,
      );
    });
  });
});
