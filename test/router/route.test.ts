/**
 * Candidates and the choice, end to end over the real knowledge base: the explain record, partial
 * answers, abstention with what is related, verdicts, answers across services.
 */
import { createAssistant, renderText } from '../../src/index';
import { KNOWLEDGE_DIR } from '../helpers/knowledge';

const assistant = createAssistant({ knowledgeDir: KNOWLEDGE_DIR });
const explain = (q: string) => assistant.route(q, { explain: true });
const text = (q: string) => renderText(assistant.ask(q));

describe('the explain record', () => {
  it.each(['SLA for EKS', 'Lambda or ECS for consuming an SQS queue?', 'tell me a joke', 'which of these support Go?', 'hello'])(
    "has exactly one chosen candidate, and it is the answer's intent (%s)",
    (q) => {
      const r = explain(q);
      const chosen = r.explain!.candidates.filter((c) => c.chosen);
      expect(chosen).toHaveLength(1);
      expect(chosen[0].intent).toBe(r.intent);
      expect(chosen[0].answered).toBe(r.answer.answered);
      expect(r.explain!.decision.threshold).toBeGreaterThan(0);
    },
  );

  it('says how the question was read', () => {
    const r = explain('does app runner support IPv6?');
    expect(r.explain!.read).toMatchObject({ entities: ['AWS App Runner'], unknown: ['ipv6'] });
    expect(r.explain!.read.cues).toContain('yesNo');
  });

  it('gives the same answer as without it', () => {
    for (const q of ['SLA for EKS', 'beanstalk vs ecs', 'how much is lambda per hour']) {
      expect(explain(q).answer).toEqual(assistant.route(q).answer);
    }
  });
});

describe('partial answers', () => {
  it('answers the covered part and names what the knowledge base does not cover', () => {
    const r = assistant.route('Lambda or ECS for consuming an SQS queue?');
    expect(r.answer.answered).toBe(true);
    expect(r.answer.kind).toBe('compare');
    expect(r.answer.notCovered).toEqual(['Amazon SQS']);
    expect(renderText(r.answer)).toMatch(/Not in the knowledge base: Amazon SQS\./);
  });

  it('never makes a comparison half of which the knowledge base lacks into a partial answer', () => {
    const r = assistant.route('Google Cloud Run vs App Runner');
    expect(r.answer.answered).toBe(false);
    expect(r.answer.notCovered).toBeUndefined();
  });

  it('gives the SLA it has and names the service it has none for', () => {
    const r = assistant.route('SLA for EKS and Route 53');
    expect(r.answer.answered).toBe(true);
    expect(renderText(r.answer)).toMatch(/99\.95%[\s\S]*Not in the knowledge base: Amazon Route 53/);
  });
});

describe('long messages', () => {
  it('reads the whole message when the sentence that asks asks for nothing ("Can you please suggest?")', () => {
    const q =
      'We keep user uploads next to their records. Our avatars and screen recordings are too big for a DynamoDB item. ' +
      'The writes fail with an item size error. Can you please suggest?';
    const answer = assistant.ask(q);
    expect(answer.kind).not.toBe('help');
    expect(renderText(answer)).toMatch(/400 KB/);
  });
});

describe('abstaining', () => {
  it('says an attribute it lacks is missing, then shows what it does hold, labelled', () => {
    const r = assistant.route('does app runner support IPv6?');
    expect(r.answer.answered).toBe(false);
    expect(renderText(r.answer)).toMatch(/nothing on "ipv6" for AWS App Runner/);
  });

  it('never echoes the leftover English words of a question it cannot answer; names a product-like word it lacks', () => {
    expect(text('which widget spins the wheel fastest today')).not.toMatch(/widget|spins|wheel|today/);
    expect(text('how do I configure terraform state locking')).toMatch(/nothing on "terraform"/);
  });

  it('names each missing word once, however often the question repeats it', () => {
    const t = text('Can Lambda run ffmpeg? Our ffmpeg build needs more than the ffmpeg layer allows.');
    expect(t.match(/"ffmpeg"/g)).toHaveLength(1);
  });

  it('does not let English padding become the subject', () => {
    expect(text('kindly state how long a Lambda invocation may last')).toMatch(/15 minutes/);
    expect(assistant.route('what uptime do the services we plan to adopt promise').answer.kind).toBe('sla');
  });
});

describe('yes/no and amounts', () => {
  it('answers a figure against a stated limit with a verdict', () => {
    expect(text('Can I run a 30-minute job on Lambda?')).toMatch(/^Lambda: limits\n\nNo: 30 minutes is more than the 15 minutes maximum/);
    expect(text('can lambda run for 10 minutes?')).toMatch(/Yes: 10 minutes is within the 15 minutes maximum/);
  });

  it('says it has no prices for a comparison of cost, then shows the pricing models', () => {
    const r = assistant.route('Is App Runner cheaper than Beanstalk?');
    expect(r.answer.answered).toBe(false);
    const t = renderText(r.answer);
    expect(t).toMatch(/no prices/);
    expect(t).toMatch(/compute and memory resources/);
    expect(t).not.toMatch(/\$\s*\d/);
  });
});

describe('across services', () => {
  it('lists every service whose facts hold the words asked', () => {
    const t = text('which of these support Go?');
    expect(t).toMatch(/Lambda/);
    expect(t).toMatch(/Elastic Beanstalk/);
    expect(t).not.toMatch(/App Runner|ECS/);
  });

  it('answers which state no figure, and what a figure applies to', () => {
    const none = text('which services publish no SLA');
    expect(none).toMatch(/Elastic Beanstalk/);
    expect(none).toMatch(/App Runner/);
    expect(none).not.toMatch(/99\./);
    expect(text('what does the 99.5% figure apply to')).toMatch(/EC2[\s\S]*99\.5%/);
  });
});

describe('stated problems', () => {
  it('gives the entry that advises, not the lone limit', () => {
    const t = text('our avatars and screen recordings are too big for a DynamoDB item, what now');
    expect(t).toMatch(/400 KB/);
    expect(t).toMatch(/S3/);
  });
});

describe('sections, negations and limits', () => {
  it('answers an entry asked in other words with its section', () => {
    const r = assistant.route('Is it a good idea to store images in DynamoDB?');
    expect(r.intent).toBe('section');
    expect(renderText(r.answer)).toMatch(/400 KB[\s\S]*S3/);
  });

  it('reads a negation only right before the aspect it negates', () => {
    expect(assistant.route('which services publish no SLA').intent).toBe('filter');
    const r = assistant.route('which aws service would you recommend for hosting a simple web app without managing servers?');
    expect(r.intent).toBe('recommend');
  });

  it('at the limit itself, "longer than" puts the figure past it', () => {
    expect(text('Can Lambda functions run longer than 15 minutes?')).toMatch(/No: the knowledge base gives 15 minutes as the maximum/);
  });
});
