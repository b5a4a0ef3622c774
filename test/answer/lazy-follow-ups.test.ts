/**
 * `finish`: follow-ups given as a function are made when first read, once; the router builds
 * several answers to score them and only the chosen one's follow-ups are ever read.
 */
import { finish, type AnswerDraft } from '../../src/answer/common';
import type { Suggestion } from '../../src/answer/answer';

const ask = (question: string): Suggestion => ({ label: question, question });

/** A draft whose follow-ups are made by a function that counts its calls. */
function counted(followUps: Suggestion[]): { draft: AnswerDraft; calls: () => number } {
  let calls = 0;
  const draft: AnswerDraft = {
    kind: 'lookup',
    question: 'What is the Lambda timeout?',
    title: 'Lambda limits',
    parts: [{ type: 'text', text: '15 minutes' }],
    sources: [],
    followUps: () => {
      calls += 1;
      return followUps;
    },
    confidence: 0.75,
    answered: true,
  };
  return { draft, calls: () => calls };
}

describe('finish: follow-ups made when read', () => {
  it('does not make them when the answer is built, nor when its id or text fields are read', () => {
    const { draft, calls } = counted([ask('SLA for Lambda')]);
    const a = finish(draft);
    expect([a.id, a.title, a.parts.length]).toBeTruthy();
    expect(calls()).toBe(0);
  });

  it('makes them once, however often they are read, spread or serialized', () => {
    const { draft, calls } = counted([ask('SLA for Lambda')]);
    const a = finish(draft);
    expect(a.followUps).toEqual([ask('SLA for Lambda')]);
    expect({ ...a }.followUps).toBe(a.followUps);
    expect(JSON.parse(JSON.stringify(a)).followUps).toEqual([ask('SLA for Lambda')]);
    expect(calls()).toBe(1);
  });

  it('keeps them distinct, without the question asked, at most 3 (as given eagerly)', () => {
    const given = [
      ask('what is the lambda timeout?'),
      ask('SLA for Lambda'),
      ask('sla for lambda '),
      ask('Lambda vs Fargate'),
      ask('Pros and cons of Lambda'),
      ask('What is Lambda best for?'),
    ];
    const lazy = finish(counted(given).draft);
    const eager = finish({ ...counted(given).draft, followUps: given });
    expect(lazy.followUps.map((s) => s.question)).toEqual(['SLA for Lambda', 'Lambda vs Fargate', 'Pros and cons of Lambda']);
    expect(eager.followUps).toEqual(lazy.followUps);
  });

  it("keeps the draft's key order, the id last, and works once the answer is frozen", () => {
    const { draft, calls } = counted([ask('SLA for Lambda')]);
    const a = Object.freeze(finish(draft));
    expect(Object.keys(a)).toEqual([...Object.keys(draft), 'id']);
    expect(a.followUps).toHaveLength(1);
    expect(calls()).toBe(1);
  });
});
