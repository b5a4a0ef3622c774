/** Reading a question as a follow-up of the conversation's last turn, and the turn a question leaves. */
import { completeFollowUp, followUp, followUpShape, turnOf } from '../../src/conversation/follow-up';
import { isTurn, type Turn } from '../../src/conversation/turn';
import { normalizeQuestion } from '../../src/read/normalize';
import { routerContext } from '../helpers/router-context';

const ctx = routerContext();
const read = (q: string) => ctx.reader.read(normalizeQuestion(q));
/** A turn as `route` leaves it; by default an answered SLA question about EC2. */
const turn = (overrides: Partial<Turn> = {}): Turn => ({
  services: ['Amazon EC2'],
  aspects: ['sla'],
  compare: false,
  answered: true,
  ...overrides,
});
const follow = (q: string, last: Turn | undefined) => followUp(read(q), last, ctx.kb);

describe('followUp', () => {
  describe('when the question names a service and asks nothing else', () => {
    it("takes the last turn's aspect, written as the facet's first question word", () => {
      expect(follow('and for Lambda?', turn())).toEqual({
        text: 'and for Lambda? sla',
        taken: { services: [], aspects: ['availability SLA'] },
        takes: 'aspects',
        anaphoric: true,
      });
    });

    it('joins several of the last turn\'s aspects with "and", in the turn\'s order', () => {
      const f = follow('what about ECS?', turn({ aspects: ['pros', 'cons'] }));
      expect(f?.text).toBe('what about ECS? pros and cons');
      expect(f?.taken.aspects).toEqual(['pros', 'cons']);
    });

    it('leaves out aspect ids the knowledge base has no facet for', () => {
      expect(follow('and for Lambda?', turn({ aspects: ['no-such-facet', 'limits'] }))?.taken.aspects).toEqual(['limits']);
    });

    it('returns undefined when the last turn asked no aspect the knowledge base knows', () => {
      expect(follow('and for Lambda?', turn({ aspects: [] }))).toBeUndefined();
      expect(follow('and for Lambda?', turn({ aspects: ['no-such-facet'] }))).toBeUndefined();
    });
  });

  describe('when the question asks something but names nothing to ask it of', () => {
    it("takes the last turn's service by its short name", () => {
      expect(follow("what's its SLA?", turn({ services: ['Amazon EKS'], aspects: [] }))).toEqual({
        text: "what's its SLA? EKS",
        taken: { services: ['EKS'], aspects: [] },
        takes: 'services',
        anaphoric: true,
      });
      expect(follow('and the cons?', turn({ services: ['AWS Elastic Beanstalk'], aspects: ['pros'] }))?.text).toBe(
        'and the cons? Elastic Beanstalk',
      );
    });

    it('joins the two services of a comparison with "vs", and other services with "and"', () => {
      const pair = ['AWS Elastic Beanstalk', 'AWS App Runner'];
      expect(follow('which one gives more control?', turn({ services: pair, aspects: [], compare: true }))?.text).toBe(
        'which one gives more control? Elastic Beanstalk vs App Runner',
      );
      expect(follow('what are the SLAs of both?', turn({ services: pair, aspects: [] }))?.text).toBe(
        'what are the SLAs of both? Elastic Beanstalk and App Runner',
      );
      const three = [...pair, 'AWS Lambda'];
      expect(follow('what are their cons?', turn({ services: three, aspects: [], compare: true }))?.text).toBe(
        'what are their cons? Elastic Beanstalk and App Runner and Lambda',
      );
    });

    it('returns undefined when the last turn named no service the knowledge base knows', () => {
      expect(follow("what's its SLA?", turn({ services: [] }))).toBeUndefined();
      expect(follow("what's its SLA?", turn({ services: ['Amazon Nowhere'] }))).toBeUndefined();
    });
  });

  describe('when there is nothing to complete', () => {
    it('returns undefined without a last turn', () => {
      expect(follow('and for Lambda?', undefined)).toBeUndefined();
      expect(follow("what's its SLA?", undefined)).toBeUndefined();
    });

    it('returns undefined when the question names a service and asks about it on its own', () => {
      expect(follow('Can I store movies in DynamoDB?', turn({ services: ['Amazon EKS'] }))).toBeUndefined();
      expect(follow('Lambda max execution time', turn())).toBeUndefined();
    });
  });

  describe('anaphoric', () => {
    it.each([
      ["what's its SLA?", turn({ services: ['Amazon EKS'], aspects: [] })],
      ['what are the SLAs of both?', turn({ services: ['AWS Elastic Beanstalk', 'AWS App Runner'], aspects: [] })],
      ['use Lambda instead', turn()],
      ['and for Lambda?', turn()],
      ['what about ECS?', turn()],
    ])('is set by a word or start that points back: %s', (q, last) => {
      expect(follow(q, last)?.anaphoric).toBe(true);
    });

    it('is not set by a question that neither points back nor starts like a follow-up', () => {
      expect(follow('which services publish no SLA?', turn())?.anaphoric).toBe(false);
      expect(follow('Lambda and ECS', turn())?.anaphoric).toBe(false);
      expect(follow('ECS about', turn())?.anaphoric).toBe(false);
    });
  });
});

describe('followUpShape', () => {
  it('is read from the question alone: what it could take from any turn', () => {
    expect(followUpShape(read('and for Lambda?'))).toMatchObject({ takes: 'aspects', anaphoric: true });
    expect(followUpShape(read("what's its SLA?"))).toMatchObject({ takes: 'services', anaphoric: true });
    expect(followUpShape(read('SLA for EKS'))).toBeUndefined();
    expect(followUpShape(read('Can I store movies in DynamoDB?'))).toBeUndefined();
  });

  it('completed with a turn gives what followUp gives', () => {
    for (const q of ['and for Lambda?', "what's its SLA?", 'and the cons?', 'EKS?', 'SLA for EKS'])
      for (const last of [turn(), turn({ aspects: ['cons'], services: ['AWS Elastic Beanstalk'] }), turn({ aspects: [], services: [] })])
        expect({ q, last, follow: completeFollowUp(followUpShape(read(q)), last, ctx.kb) }).toEqual({ q, last, follow: follow(q, last) });
  });
});

describe('turnOf', () => {
  it('records the services named (ids, in order of mention, outside products after), the aspects, the comparison and whether it was answered', () => {
    expect(turnOf(read('SLA for EKS'), true)).toEqual({ services: ['Amazon EKS'], aspects: ['sla'], compare: false, answered: true });
    expect(turnOf(read('Beanstalk vs App Runner'), true)).toEqual({
      services: ['AWS Elastic Beanstalk', 'AWS App Runner'],
      aspects: [],
      compare: true,
      answered: true,
    });
    expect(turnOf(read('Google Cloud Run vs App Runner'), false)).toEqual({
      services: ['AWS App Runner', 'Google Cloud Run'],
      aspects: [],
      compare: true,
      answered: false,
    });
  });

  it('keeps no text of the question', () => {
    expect(JSON.stringify(turnOf(read('pros and cons of Lambda for my payroll app'), true))).not.toMatch(/payroll/);
  });
});

describe('isTurn', () => {
  it('accepts the turns turnOf makes and turns at the size limits', () => {
    expect(isTurn(turnOf(read('Beanstalk vs App Runner'), true))).toBe(true);
    expect(isTurn(turn({ services: Array.from({ length: 16 }, () => 'x'.repeat(200)) }))).toBe(true);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'turn'],
    ['an array', []],
    ['no services', { aspects: [], compare: false, answered: true }],
    ['services not an array', { ...turn(), services: 'Amazon EKS' }],
    ['a service that is not a string', { ...turn(), services: [42] }],
    ['an aspect that is not a string', { ...turn(), aspects: [null] }],
    ['compare not a boolean', { ...turn(), compare: 'yes' }],
    ['answered missing', { services: [], aspects: [], compare: false }],
    ['17 services', turn({ services: Array.from({ length: 17 }, (_, i) => `s${i}`) })],
    ['17 aspects', turn({ aspects: Array.from({ length: 17 }, () => 'sla') })],
    ['a service id over 200 characters', turn({ services: ['x'.repeat(201)] })],
  ])('rejects %s', (_, value) => {
    expect(isTurn(value)).toBe(false);
  });
});
