/**
 * Every column the reader takes for an SLA compares numerically with every other (issue 24 item 11):
 * a new table headed as README says ("Monthly Uptime SLA", test/fixtures/knowledge-sla) is ranked
 * with the shipped table's columns, and a bound ("below 99.95%") is a bound, not the figure's text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAssistant, renderText, type Assistant } from '../../src/index';
import { figureBound } from '../../src/read/figure-bound';
import { FIXTURES_DIR, knowledgeCopy } from '../helpers/knowledge';

const MESSAGING = readFileSync(join(FIXTURES_DIR, 'knowledge-sla', 'messaging.md'), 'utf8');

/** The `Service (column): value` lines of the answer to `question`. */
const listed = (assistant: Assistant, question: string): string[] =>
  renderText(assistant.ask(question))
    .split('\n')
    .filter((l) => l.startsWith('• '))
    .map((l) => l.slice(2));

describe('SLA figures across tables', () => {
  let assistant: Assistant;
  beforeAll(() => {
    assistant = createAssistant({ knowledgeDir: knowledgeCopy({ 'messaging.md': MESSAGING }) });
  });

  it('ranks the new table with the shipped one: the highest SLA is every 99.99%, whatever the column', () => {
    expect(listed(assistant, 'which has the highest SLA')).toEqual([
      'EC2 (Monthly Region-Level Availability SLA): 99.99%',
      'ECS (Monthly Region-Level Availability SLA): 99.99%',
      'SNS (Monthly Uptime SLA): 99.99%',
    ]);
  });

  it('the lowest SLA is the lowest figure of any column, alone', () => {
    expect(listed(assistant, 'which service has the lowest SLA?')).toEqual([
      'EC2 (Monthly Instance-Level (or equivalent) Availability SLA): 99.5% for individual EC2 instances',
    ]);
  });

  it('"below 99.95%" lists only figures under it, from every table', () => {
    const below = listed(assistant, 'which services have an SLA below 99.95%');
    expect(below).toEqual([
      'EC2 (Monthly Instance-Level (or equivalent) Availability SLA): 99.5% for individual EC2 instances',
      'SQS (Monthly Uptime SLA): 99.9%',
    ]);
    expect(renderText(assistant.ask('which services have an SLA below 99.95%'))).toContain('below 99.95%');
  });

  it('"at least", "above" and "or more" are bounds too', () => {
    const atLeast = listed(assistant, 'which services have an SLA of at least 99.95%');
    expect(atLeast).toHaveLength(6); // EC2, ECS, EKS, Lambda, SNS, Kinesis
    expect(atLeast.join('\n')).not.toMatch(/: 99\.9%|99\.5%/);
    expect(listed(assistant, 'SLA above 99.95%')).toEqual(listed(assistant, 'which services have an SLA of 99.99% or more'));
    expect(listed(assistant, 'SLA above 99.95%').every((l) => l.includes('99.99%'))).toBe(true);
  });

  it('a figure alone is that number, not its text: 99.9% is not 99.95% nor 99.99%', () => {
    expect(listed(assistant, 'what does the 99.9% figure apply to')).toEqual(['SQS (Monthly Uptime SLA): 99.9%']);
  });
});

describe('figureBound', () => {
  const bound = (question: string, figure: string): string => {
    const tokens = question.split(' ');
    return figureBound(tokens, tokens.indexOf(figure));
  };
  it.each([
    ['an sla below 99.95', '<'],
    ['an sla less than 99.95', '<'],
    ['an sla higher than 99.95', '>'],
    ['an sla over 99.95', '>'],
    ['an sla of at least 99.95', '>='],
    ['an sla of at most 99.95', '<='],
    ['an sla of 99.95 or more', '>='],
    ['an sla of 99.95 or lower', '<='],
    ['what does the 99.95 figure apply to', '='],
  ])('%s: %s', (question, expected) => {
    expect(bound(question, '99.95')).toBe(expected);
  });
});
