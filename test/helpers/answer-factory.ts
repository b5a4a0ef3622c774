/**
 * Factories for hand-built answers of every kind, for renderer tests that must not depend on
 * the knowledge base. `createAnswer(kind, overrides)` returns a complete, realistic Answer.
 */
import type { Answer, AnswerKind } from '../../src/index';

const source = { file: 'aws-qa.md', section: 'What are the Application Server Options for AWS?', line: 46 };

const samples: { [K in AnswerKind]: Extract<Answer, { kind: K }> } = {
  help: {
    kind: 'help',
    id: 'help-1',
    question: 'help',
    title: 'What I can answer',
    answered: true,
    confidence: 1,
    sources: [],
    parts: [
      { type: 'text', text: 'I answer AWS architecture questions from the team knowledge base.' },
      { type: 'bullets', heading: 'Try', items: ['SLA for EKS', 'Beanstalk vs App Runner', 'Lambda max execution time'] },
    ],
    followUps: [
      { label: 'SLA for EKS', question: 'SLA for EKS' },
      { label: 'Beanstalk vs App Runner', question: 'Beanstalk vs App Runner' },
    ],
  },
  sla: {
    kind: 'sla',
    id: 'sla-1',
    question: 'SLA for EKS',
    title: 'Availability SLA: Amazon EKS',
    answered: true,
    confidence: 0.95,
    services: ['Amazon EKS'],
    parts: [
      {
        type: 'facts',
        heading: 'Amazon EKS',
        facts: [
          { label: 'Monthly Region-Level Availability SLA', value: '99.95%' },
          { label: 'Monthly Instance-Level (or equivalent) Availability SLA', value: 'No specific instance-level SLA' },
        ],
      },
    ],
    sources: [{ ...source, section: 'What are the availability SLAs for the different AWS Application SLAs?', line: 3 }],
    followUps: [{ label: 'Compare EKS vs ECS', question: 'compare EKS vs ECS' }],
  },
  compare: {
    kind: 'compare',
    id: 'cmp-1',
    question: 'beanstalk vs app runner',
    title: 'Elastic Beanstalk vs App Runner',
    answered: true,
    confidence: 0.9,
    services: ['AWS Elastic Beanstalk', 'AWS App Runner'],
    synthesized: false,
    parts: [
      {
        type: 'comparison',
        columns: ['Elastic Beanstalk', 'App Runner'],
        rows: [
          {
            dimension: 'Scaling',
            values: [
              'Offers both time-based and metric-based auto-scaling options.',
              'Provides automatic scaling based on incoming traffic.',
            ],
          },
          {
            dimension: 'Deployment options',
            values: ['Rolling, immutable, blue/green; ZIP, Docker, Git.', 'From source code repositories or container registries.'],
          },
        ],
      },
      { type: 'text', text: 'In summary, Elastic Beanstalk offers more control; App Runner is simpler.' },
    ],
    sources: [{ ...source, section: 'What are the difference between Beanstalk and App Runner?', line: 14 }],
    followUps: [{ label: 'SLA for App Runner', question: 'SLA for App Runner' }],
  },
  facet: {
    kind: 'facet',
    id: 'fac-1',
    question: 'lambda max execution time',
    title: 'AWS Lambda: limits',
    answered: true,
    confidence: 0.85,
    services: ['AWS Lambda'],
    facet: 'limits',
    parts: [{ type: 'facts', facts: [{ label: 'Cons', value: 'Limited execution time (15 minutes max)' }] }],
    sources: [source],
    followUps: [{ label: 'Lambda pros and cons', question: 'pros and cons of Lambda' }],
  },
  recommend: {
    kind: 'recommend',
    id: 'rec-1',
    question: 'best service for event-driven workloads',
    title: 'Recommended: AWS Lambda',
    answered: true,
    confidence: 0.8,
    services: ['AWS Lambda'],
    parts: [{ type: 'text', text: 'AWS Lambda is best for event-driven, sporadic workloads, microservices.' }],
    sources: [source],
    followUps: [],
  },
  lookup: {
    kind: 'lookup',
    id: 'look-1',
    question: 'best place to store large images',
    title: 'Can I store images and movies in DynamoDB?',
    answered: true,
    confidence: 0.7,
    parts: [{ type: 'bullets', items: ['S3 is designed for storing and retrieving large objects like movies and images.'] }],
    sources: [{ ...source, section: 'Can I store images and movies in DynamoDB?', line: 120 }],
    followUps: [],
  },
  clarify: {
    kind: 'clarify',
    id: 'clar-1',
    question: 'sla for ec',
    title: 'Did you mean…',
    answered: true,
    confidence: 0.4,
    parts: [{ type: 'text', text: 'I am not sure which service you mean.' }],
    sources: [],
    choices: [
      { label: 'SLA for EC2', question: 'SLA for EC2' },
      { label: 'SLA for ECS', question: 'SLA for ECS' },
    ],
    followUps: [],
  },
  'not-found': {
    kind: 'not-found',
    id: 'nf-1',
    question: 'SLA for Route 53',
    title: 'Not in the knowledge base',
    answered: false,
    confidence: 0.9,
    parts: [{ type: 'text', text: 'The knowledge base has no SLA for Route 53.' }],
    sources: [],
    followUps: [
      { label: 'SLA for EKS', question: 'SLA for EKS' },
      { label: 'Beanstalk vs ECS', question: 'Beanstalk vs ECS' },
    ],
  },
};

/** A complete answer of `kind`, with `overrides` applied on top. */
export function createAnswer<K extends AnswerKind>(
  kind: K,
  overrides: Partial<Extract<Answer, { kind: K }>> = {},
): Extract<Answer, { kind: K }> {
  return { ...structuredClone(samples[kind]), ...overrides } as Extract<Answer, { kind: K }>;
}

/** One sample answer of every kind. */
export function allSampleAnswers(): Answer[] {
  return (Object.keys(samples) as AnswerKind[]).map((k) => createAnswer(k));
}
