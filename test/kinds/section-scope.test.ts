/**
 * A word of the question that names a section (a table's heading) says which table is asked: it
 * scopes answers across services to that table, and a list question about a table gets every row.
 * The knowledge file here is made up for the test: two SLA tables, one of queues, one of caches.
 */
import { createAssistant, renderText } from '../../src/index';
import { knowledgeCopy } from '../helpers/knowledge';

const QUEUES = `# Messaging and caching

## What are the availability SLAs for the AWS messaging services?

| Service | Monthly Availability SLA | Retention |
| ------- | ------------------------ | --------- |
| SQS     | 99.9%                    | Up to 14 days |
| SNS     | 99.9%                    | Not stored |
| MQ      | No specific SLA published | Depends on the broker |

## What are the availability SLAs for the AWS caching services?

| Service     | Monthly Availability SLA  | Engines |
| ----------- | ------------------------- | ------- |
| ElastiCache | 99.99%                    | Redis, Memcached |
| MemoryDB    | 99.95%                    | Redis |
| DAX         | No specific SLA published | DynamoDB only |
`;

const assistant = createAssistant({ knowledgeDir: knowledgeCopy({ 'queues-and-caches.md': QUEUES }) });
const text = (q: string) => renderText(assistant.ask(q));

describe('a question naming one table of several', () => {
  it('lists only that table’s services that state no figure', () => {
    const t = text('which caching services have no published SLA');
    expect(t).toMatch(/DAX/);
    expect(t).not.toMatch(/\bMQ\b|Elastic Beanstalk|App Runner/);
  });

  it('ranks within that table', () => {
    const t = text('which messaging service has the highest SLA');
    expect(t).toMatch(/SQS[\s\S]*99\.9%/);
    expect(t).not.toMatch(/ElastiCache|99\.99%/);
  });

  it('still answers across every table when no word names one', () => {
    const t = text('which services publish no SLA');
    expect(t).toMatch(/DAX/);
    expect(t).toMatch(/\bMQ\b/);
    expect(t).toMatch(/App Runner/);
  });

  it('gives the SLA table its heading names, not every SLA table', () => {
    const t = text('show me the messaging SLAs');
    for (const service of ['SQS', 'SNS', 'MQ']) expect(t).toMatch(service);
    expect(t).not.toMatch(/ElastiCache|EC2|Lambda/);
  });

  it('lists every row of the table its heading names', () => {
    const t = text('list the caching SLAs');
    for (const service of ['ElastiCache', 'MemoryDB', 'DAX']) expect(t).toMatch(service);
    expect(t).not.toMatch(/SQS|SNS/);
  });
});

describe('a service named with its SLA', () => {
  it('gets the other cells of its SLA row that the question names', () => {
    const answer = assistant.ask('what is the SQS sla and retention');
    expect(answer.kind).toBe('sla');
    const t = renderText(answer);
    expect(t).toMatch(/99\.9%/);
    expect(t).toMatch(/Retention: Up to 14 days/);
    expect(text('SLA for SQS')).not.toMatch(/Retention/);
  });
});

describe('services that state no figure', () => {
  it('are set apart only where other services state one', () => {
    // Languages are named, never counted: "no language support figure" would list every service.
    expect(text('which services publish no language support')).not.toMatch(/states no language support figure/);
    expect(text('which services publish no SLA')).toMatch(/states no availability SLA figure/);
  });
});

describe('words that all name one section', () => {
  const OPTIONS = `# Caching

## What are the caching options on AWS?

1. **ElastiCache**
   * Pros: Managed Redis and Memcached
   * Best for: Session stores and leaderboards
2. **DAX**
   * Pros: Microsecond reads for DynamoDB
   * Best for: Read-heavy DynamoDB tables

## What are the availability SLAs for the AWS queues?

| Service | Monthly Availability SLA | Notes |
| ------- | ------------------------ | ----- |
| SQS     | 99.9%                    | Messages are stored, never cached |
| SNS     | 99.9%                    | Nothing is stored or cached |
`;
  const withOptions = createAssistant({ knowledgeDir: knowledgeCopy({ 'caching.md': OPTIONS }) });

  it('are answered with that section, not with every fact holding them', () => {
    const t = renderText(withOptions.ask('what are the caching options'));
    expect(t).not.toMatch(/Each of these has a fact holding every word asked/);
    expect(t).toMatch(/ElastiCache[\s\S]*DAX/);
  });
});
