/**
 * Follow-ups end to end over the real knowledge base: each question is routed with the turn the
 * previous `route` returned, as a Slack thread or a Teams chat would pass it.
 */
import { createAssistant, renderText, type Turn } from '../../src/index';
import { KNOWLEDGE_DIR } from '../helpers/knowledge';

const assistant = createAssistant({ knowledgeDir: KNOWLEDGE_DIR });

/** Routes `questions` in order as one conversation; returns the last one's result. */
function converse(questions: string[], options: { explain?: boolean } = {}, on = assistant) {
  let turns: Turn[] = [];
  let routed = on.route(questions[0], options);
  for (const q of questions.slice(1)) {
    turns = [...turns, routed.turn];
    routed = on.route(q, { ...options, turns });
  }
  return routed;
}

interface Case {
  turns: string[];
  q: string;
  must?: string[];
  must_not?: string[];
  answered?: boolean;
}

/** The kinds of the shared follow-up evaluation (dev-followups.jsonl), with its samples first. */
const CASES: Record<string, Case[]> = {
  'the aspect carried over to the service named': [
    { turns: ['SLA for EC2'], q: 'and for Lambda?', must: ['99\\.95'] },
    { turns: ['What is EMR best for?'], q: 'and SageMaker?', must: ['machine learning|ml'] },
    { turns: ['SLA for EKS'], q: 'what about ECS?', must: ['99\\.99', 'ECS'], must_not: ['EKS'] },
    { turns: ['pros of Beanstalk'], q: 'what about App Runner?', must: ['fully managed'], must_not: ['Elastic Beanstalk'] },
  ],
  'the service carried over to the aspect asked': [
    { turns: ['pros of Beanstalk'], q: 'and the cons?', must: ['less flexible|complex'] },
    { turns: ['Tell me about EKS'], q: "what's its SLA?", must: ['99\\.95'] },
    { turns: ['SLA for Lambda'], q: 'what languages does it support?', must: ['python', 'node'] },
    { turns: ['Tell me about Lambda'], q: 'what are its cons?', must: ['15 minutes'] },
  ],
  "a comparison's two services carried over": [
    { turns: ['Beanstalk vs App Runner'], q: 'which one gives more control over the infrastructure?', must: ['beanstalk'] },
    { turns: ['Beanstalk vs App Runner'], q: 'what about both SLAs?', must: ['Elastic Beanstalk', 'App Runner', 'SLA'] },
  ],
  'a new topic, read on its own': [
    { turns: ['SLA for EKS'], q: 'Can I store movies in DynamoDB?', must: ['400\\s?kb', 's3'], must_not: ['99\\.95'] },
    { turns: ['SLA for EKS'], q: 'what is the best service for event-driven workloads?', must: ['Lambda'], must_not: ['EKS'] },
    { turns: ['SLA for EKS'], q: 'what is the max item size in DynamoDB?', must: ['400 KB'], must_not: ['99\\.95'] },
  ],
  'a near miss refused, naming the service from the conversation': [
    { turns: ['SLA for ECS'], q: 'what about its max request size?', answered: false, must: ['ECS'] },
    { turns: ['SLA for Lambda'], q: 'what about its max request size?', answered: false, must: ['Lambda'] },
    { turns: ['SLA for EKS'], q: 'how much does it cost?', answered: false, must: ['EKS'] },
  ],
};

describe('Assistant.route with turns', () => {
  describe.each(Object.entries(CASES))('%s', (_, cases) => {
    it.each(cases.map((c) => [`${c.turns.join(' → ')} → ${c.q}`, c] as const))('answers %s', (_name, c) => {
      const { answer } = converse([...c.turns, c.q]);
      const body = renderText(answer);
      expect(answer.answered).toBe(c.answered ?? true);
      for (const m of c.must ?? []) expect(body).toMatch(new RegExp(m, 'i'));
      for (const m of c.must_not ?? []) expect(body).not.toMatch(new RegExp(m, 'i'));
    });
  });

  it('reads the same question differently without the conversation', () => {
    expect(renderText(assistant.route('and for Lambda?').answer)).not.toMatch(/Availability SLA: Lambda/);
    expect(renderText(converse(['SLA for EC2', 'and for Lambda?']).answer)).toMatch(/Availability SLA: Lambda/);
  });

  it('returns the turn of the completed reading, so a chain of follow-ups keeps its context', () => {
    const second = converse(['SLA for EC2', 'and for Lambda?']);
    expect(second.turn).toEqual({ services: ['AWS Lambda'], aspects: ['sla'], compare: false, answered: true });
    const third = converse(['SLA for EC2', 'and for Lambda?', 'and ECS?']);
    expect(renderText(third.answer)).toMatch(/Availability SLA: ECS[\s\S]*99\.99%/);
  });

  it('reads only the last turn', () => {
    const eks = assistant.route('Tell me about EKS').turn;
    const beanstalk = assistant.route('pros of Beanstalk').turn;
    const body = renderText(assistant.route('and the cons?', { turns: [eks, beanstalk] }).answer);
    expect(body).toMatch(/Elastic Beanstalk: cons/);
    expect(body).not.toMatch(/EKS/);
  });

  it('answers as ask does with the same turns', () => {
    const turns = [assistant.route('SLA for EC2').turn];
    expect(assistant.ask('and for Lambda?', { turns })).toEqual(assistant.route('and for Lambda?', { turns }).answer);
  });

  it('gives the same answer with explain as without it', () => {
    for (const questions of [
      ['SLA for EC2', 'and for Lambda?'],
      ['SLA for EKS', 'what is the best service for event-driven workloads?'],
      ['SLA for ECS', 'what about its max request size?'],
    ]) {
      expect(converse(questions, { explain: true }).answer).toEqual(converse(questions).answer);
    }
  });
});

describe('explain.context', () => {
  it('says what was taken, the completed question, and that it was used', () => {
    expect(converse(['SLA for EC2', 'and for Lambda?'], { explain: true }).explain?.context).toEqual({
      question: 'and for Lambda? sla',
      taken: { services: [], aspects: ['availability SLA'] },
      used: true,
    });
    expect(converse(['Beanstalk vs App Runner', 'which one gives more control?'], { explain: true }).explain?.context).toEqual({
      question: 'which one gives more control? Elastic Beanstalk vs App Runner',
      taken: { services: ['Elastic Beanstalk', 'App Runner'], aspects: [] },
      used: true,
    });
  });

  it('says when the completed reading was not used because the question stands better alone', () => {
    const r = converse(['SLA for EKS', 'what is the best service for event-driven workloads?'], { explain: true });
    expect(r.explain?.context).toEqual({
      question: 'what is the best service for event-driven workloads? EKS',
      taken: { services: ['EKS'], aspects: [] },
      used: false,
    });
    expect(r.answer).toEqual(assistant.route('what is the best service for event-driven workloads?').answer);
  });

  it('is absent when nothing was taken: no turns, or a question that names and asks on its own', () => {
    expect(assistant.route('and for Lambda?', { explain: true }).explain?.context).toBeUndefined();
    expect(converse(['SLA for EKS', 'Can I store movies in DynamoDB?'], { explain: true }).explain?.context).toBeUndefined();
  });
});

describe('the answer cache', () => {
  const sla = /Availability SLA: Lambda/;

  it("does not serve a follow-up's answer for the same text asked without turns", () => {
    const fresh = createAssistant({ knowledgeDir: KNOWLEDGE_DIR });
    const turns = [fresh.route('SLA for EC2').turn];
    expect(renderText(fresh.route('and for Lambda?', { turns }).answer)).toMatch(sla);
    expect(renderText(fresh.route('and for Lambda?').answer)).not.toMatch(sla);
    expect(renderText(fresh.ask('and for Lambda?'))).not.toMatch(sla);
  });

  it("does not serve the standalone answer to a follow-up, nor one turn's follow-up to another's", () => {
    const fresh = createAssistant({ knowledgeDir: KNOWLEDGE_DIR });
    expect(renderText(fresh.route('and the cons?').answer)).not.toMatch(/Elastic Beanstalk: cons/);
    const beanstalk = [fresh.route('pros of Beanstalk').turn];
    expect(renderText(fresh.route('and the cons?', { turns: beanstalk }).answer)).toMatch(/Elastic Beanstalk: cons/);
    const lambda = [fresh.route('pros of Lambda').turn];
    const body = renderText(fresh.route('and the cons?', { turns: lambda }).answer);
    expect(body).toMatch(/Lambda: cons/);
    expect(body).not.toMatch(/Beanstalk/);
  });

  it('serves a repeated follow-up in the same context from the cache', () => {
    const fresh = createAssistant({ knowledgeDir: KNOWLEDGE_DIR });
    const turns = [fresh.route('SLA for EC2').turn];
    expect(fresh.route('and for Lambda?', { turns }).answer).toBe(fresh.route('and for Lambda?', { turns: [{ ...turns[0] }] }).answer);
  });
});
