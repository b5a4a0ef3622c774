/** Reading a question: entities (known, not covered, outside AWS), aspects, cues, subjects and quantities. */
import { normalizeQuestion } from '../../src/read/normalize';
import { routerContext } from '../helpers/router-context';

const read = (q: string) => routerContext().reader.read(normalizeQuestion(q));
const names = (q: string) => read(q).entities.map((e) => e.short);

describe('reading a question', () => {
  it.each([
    ['SLA for EKS', ['EKS']],
    ['beanstlak vs lamda', ['Elastic Beanstalk', 'Lambda']],
    ['app runer vs beanstlak', ['App Runner', 'Elastic Beanstalk']],
    ['DDB item size', ['DynamoDB']],
    ['Cannot store items over 400kb with spring-data-dynamodb', ['DynamoDB']],
  ])('finds the services named: %s', (q, expected) => {
    expect(names(q)).toEqual(expected);
  });

  it('never reads a name spelt by function words alone ("I am" is not IAM)', () => {
    expect(names('I am not sure how to run batch predictions')).toEqual([]);
  });

  it('keeps products outside AWS apart, and services the knowledge base does not cover among the entities', () => {
    const u = read('Google Cloud Run vs App Runner');
    expect(u.outside.map((e) => e.name)).toEqual(['Google Cloud Run']);
    const sqs = read('Lambda or ECS for an SQS queue?');
    const covered = routerContext().kb.covered;
    expect(sqs.entities.filter((e) => !covered.has(e.id)).map((e) => e.short)).toEqual(['SQS']);
  });

  it.each([
    ['lambda timeout limit', ['limits']],
    ['what languages does beanstalk support', ['languages']],
    ['slaa for eks', ['sla']],
    ['is ec2 99.999?', ['sla']],
    ['can I run a 30-minute job on Lambda?', ['limits']],
    ['is beanstalk good for complex apps', ['best-for', 'ease']],
  ])('reads the aspects asked: %s', (q, aspects) => {
    expect(read(q).facets.sort()).toEqual([...aspects].sort());
  });

  it('never reads a word as a facet typo of a short facet word it does not start with ("cron" is not "con")', () => {
    expect(read('cron job support with lambda').facets).not.toContain('cons');
  });

  it.each([
    ['Can I run a 30-minute job on Lambda?', 'yesNo'],
    ['our images are too big for a DynamoDB item, what now', 'advice'],
    ['which services publish no SLA', 'negation'],
    ['which of these support Go?', 'list'],
  ] as const)('reads the cues: %s → %s', (q, cue) => {
    expect(read(q).cues[cue]).toBe(true);
  });

  it('reads superlatives with their direction', () => {
    expect(read('which has the lowest SLA').cues.superlative).toBe('asc');
    expect(read('highest availability').cues.superlative).toBe('desc');
  });

  it('takes only product-like unknown words as subjects, never English padding or typos of it', () => {
    expect(read('does app runner support IPv6').words.subjects).toEqual(['ipv6']);
    expect(read('kindly state how long a Lambda invocation may last').words.subjects).toEqual([]);
    expect(read('what uptime do the services we plan to adopt promise').words.subjects).toEqual([]);
    expect(read('difference betwen beanstalk and ecs').words.subjects).toEqual([]);
    expect(read('terraform vs beanstalk').words.subjects).toEqual(['terraform']);
  });

  it('reads two words the knowledge base writes as one as that word, never a plural or a name', () => {
    expect(read('is lambda good for micro services').words.texts).toContain('microservices');
    expect(read("Can Lambda's memory limit exceed 10 GB").words.texts).toContain('lambda');
    expect(read('app runner sla').entities.map((e) => e.short)).toEqual(['App Runner']);
  });

  it('reads "at least" and "at most" as bounds on a figure, not as superlatives', () => {
    expect(read('which services have an SLA of at least 99.95%').cues.superlative).toBeUndefined();
    expect(read('which services have an SLA of at most 99.9%').cues.superlative).toBeUndefined();
    expect(read('which service has the least downtime').cues.superlative).toBe('asc');
    expect(read('which has the most nines').cues.superlative).toBe('desc');
  });

  it('reads a word of an aspect phrase as that aspect, not as a superlative ("what is Lambda best for")', () => {
    expect(read('what is Lambda best for').cues.superlative).toBeUndefined();
    expect(read('what is Lambda best for').facets).toEqual(['best-for']);
    expect(read('which service is best').cues.superlative).toBe('desc');
  });

  it('reads the word right before an aspect word as the one asked ("memory limit")', () => {
    expect(read('Lambda memory limit').words.modifiers).toEqual(['memory']);
    expect(read('how long can a lambda run').words.modifiers).toEqual([]);
  });

  it('reads "what is X?" as asking what X is, unless it asks for a recommendation', () => {
    expect(read('What is container orchestration?').cues.definition).toBe(true);
    expect(read("what's a cold start").cues.definition).toBe(true);
    expect(read('what is the best service for containers').cues.definition).toBe(false);
    expect(read('which service should I use for containers').cues.definition).toBe(false);
  });

  it('reads the words right after a superlative aspect word as the one asked ("maximum concurrent executions")', () => {
    expect(read('What is the maximum lambda concurrent executions?').words.modifiers).toEqual(['concurrent', 'executions']);
    expect(read('max lambda concurrent executions').words.modifiers).toEqual(['concurrent', 'executions']);
    // An aspect word after it ends the run: "size" is the aspect, "item" says which size.
    expect(read('maximum item size in dynamodb').words.modifiers).toEqual(['item']);
    expect(read('what is the maximum execution time of lambda').words.modifiers).toEqual([]);
    // Ending in a dimension word, the run asks for a figure of that dimension (the reading's `dimension`).
    expect(read('What is the maximum processing time of an AWS Lambda function?').words.modifiers).toEqual([]);
  });

  it('knows a chat abbreviation whose full word the knowledge base uses ("repo": repository)', () => {
    expect(read('can beanstalk deploy from a git repo?').words.unknown).toEqual([]);
    expect(read('can beanstalk deploy from a git frobnicator?').words.unknown).toEqual(['frobnicator']);
  });

  it('reads the noun phrase a "what is/are" question asks about', () => {
    // Words that name nothing ("two", "types") are passed over: the content words say which one.
    expect(read('What are the two ECS launch types?').words.asked).toEqual(['launch']);
    expect(read('What is provisioned concurrency?').words.asked).toEqual(['provisioned', 'concurrency']);
    expect(read('What are Lambda Layers?').words.asked).toEqual(['layers']);
    // Ranking words before it are passed over; a cue or aspect word after it says what is asked itself.
    expect(read('What are the main components of SageMaker?').words.asked).toEqual(['components']);
    expect(read('What are the main differences between AWS Lambda and EC2?').words.asked).toEqual([]);
    expect(read('what is the lambda memory limit').words.asked).toEqual([]);
    // Only after a "what is/are" starter, and only a phrase with a noun.
    expect(read('how do Lambda layers work').words.asked).toEqual([]);
    expect(read('What is Amazon ECS?').words.asked).toEqual([]);
  });

  it('reads an adjective of importance before an aspect or a generic word as ranking, not as what is asked', () => {
    const main = read('What are the main benefits of using AWS Lambda?');
    expect(main.facets).toEqual(['pros']);
    expect(main.words.modifiers).toEqual([]);
    expect(main.words.content).toEqual([]);
    expect(read('What are the Key Features of AWS Lambda?').words.content).toEqual([]);
    // A verb that only says the service acts on what is asked ("how does Lambda handle scaling") is no content either.
    expect(read('How does AWS Lambda handle scaling?').words.content).toEqual([]);
    // …nor a stated problem: how a service works is asked, not what to do.
    expect(read('How does Amazon EMR handle data processing?').cues.advice).toBe(false);
    expect(read('how do I handle items over 400 KB in DynamoDB').cues.advice).toBe(true);
    // Elsewhere the same words are content like any other.
    expect(read('what goes in the sort key of the media table').words.content).toContain('key');
  });

  it.each([
    ['Is there a service level agreement for Lambda?', ['sla']],
    ['what Service-Level Agreements does EKS have', ['sla']],
    ['SLA for EKS', ['sla']],
  ])('reads an acronym of a facet\'s title (the SLA facet: "availability SLA") spelled out as that facet: %s', (q, facets) => {
    expect(read(q).facets).toEqual(facets);
    expect(read(q).words.content).not.toContain('agreement');
  });

  it('does not read an acronym across a function word or from words merely starting with its letters elsewhere', () => {
    expect(read('service for lambda agreement').facets).toEqual([]);
    expect(read('a service in the lambda area').facets).toEqual([]);
  });

  it('reads quantities with their dimension, and the dimension a question asks about', () => {
    const u = read('Can I run a 30-minute job on Lambda?');
    expect(u.quantities.map((q) => [q.value, q.dimension, q.base])).toEqual([[30, 'time', 1800]]);
    expect(read('how big can a dynamodb item be').dimension).toBe('size');
    expect(read('lambda max memory').dimension).toBe('size');
  });
});

describe('normalizing a question', () => {
  it('strips invisible format characters that would split words or reorder text', () => {
    expect(normalizeQuestion('S\u200bLA for E\u200dKS\u202e')).toBe('SLA for EKS');
    expect(read('S\u200bLA for E\u200bKS').facets).toEqual(['sla']);
  });

  it('separates a sentence run into the next one, but not a dotted name', () => {
    expect(normalizeQuestion('it failed earlier.Lambda stops')).toBe('it failed earlier. Lambda stops');
    expect(normalizeQuestion('node.js on beanstalk')).toBe('node.js on beanstalk');
  });
});
