/**
 * `aws-qa check` reports every problem of the knowledge directory in one pass (issue 24 item 10):
 * a file with errors does not hide a one-sided comparison in another file, a name given to two
 * services is an error, and a YAML file that is not read is said to be so.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkKnowledge, createAssistant, formatProblem, KnowledgeError } from '../../src/index';
import { FIXTURES_DIR, knowledgeCopy } from '../helpers/knowledge';
import { runCli } from '../helpers/run-cli';

const ONE_SIDED = readFileSync(join(FIXTURES_DIR, 'knowledge-one-sided', 'compute.md'), 'utf8');
const problems = (dir: string): string[] => checkKnowledge(dir).map(formatProblem);

describe('aws-qa check: one pass', () => {
  it('reports a file with no entries and the one-sided comparisons of another file together', async () => {
    const dir = knowledgeCopy({ 'compute-extra.md': ONE_SIDED, 'notes.md': 'Just some notes, no questions.\n' });
    expect(problems(dir)).toEqual(
      expect.arrayContaining([
        'notes.md: no Q&A entries: start each question with a `## ` heading',
        expect.stringMatching(/^compute-extra\.md:3: comparison "What are the differences between Lambda and Fargate\?" gives no value for Fargate/),
        expect.stringMatching(/^compute-extra\.md:18: comparison "What are the differences between Batch and Step Functions\?"/),
      ]),
    );
    const run = await runCli(['check', '--knowledge', dir], {});
    expect(run.code).toBe(1);
    expect(run.out).toContain('notes.md: no Q&A entries');
    expect(run.out).toContain('compute-extra.md:3: comparison');
    expect(run.out).toMatch(/: 3 error\(s\)\n$/);
  });

  it('reports a service name or alias given to two services, at its line, and refuses the knowledge base', () => {
    const services = readFileSync(join(knowledgeCopy(), 'services.yml'), 'utf8');
    const lineOf = (name: string): number => services.split('\n').findIndex((l) => l.includes(`name: ${name},`)) + 1;
    const dir = knowledgeCopy({
      'services.yml': services.replace('name: Amazon ECS, short: ECS, aliases: [', 'name: Amazon ECS, short: ECS, aliases: [Fargate, AWS Lambda, '),
    });
    const ecs = lineOf('Amazon ECS');
    expect(problems(dir)).toEqual([
      `services.yml:${lineOf('AWS Lambda')}: "AWS Lambda" names both Amazon ECS (line ${ecs}) and AWS Lambda: give each name to one service`,
      `services.yml:${lineOf('AWS Fargate')}: "AWS Fargate" names both Amazon ECS (line ${ecs}) and AWS Fargate: give each name to one service`,
    ]);
    expect(() => createAssistant({ knowledgeDir: dir })).toThrow(KnowledgeError);
  });

  it('matches names as questions do: "EB" (Beanstalk) and "EBS" are two names, "Route53" and "Route 53" one', () => {
    const services = readFileSync(join(knowledgeCopy(), 'services.yml'), 'utf8');
    expect(problems(knowledgeCopy())).toEqual([]); // EB and EBS are both in the shipped catalog
    const dir = knowledgeCopy({ 'services.yml': services.replace('aliases: [Cloud Front]', 'aliases: [Cloud Front, route53]') });
    expect(problems(dir)).toEqual([expect.stringMatching(/"route53" names both Amazon Route 53 \(line \d+\) and Amazon CloudFront/)]);
  });

  it('warns about a YAML file it does not read, at the top or below, and still loads', () => {
    const dir = knowledgeCopy({ 'aliases.yml': 'services: []\n' });
    mkdirSync(join(dir, 'team'));
    writeFileSync(join(dir, 'team', 'services.yaml'), 'services: []\n');
    expect(problems(dir)).toEqual([
      'aliases.yml: warning: not read: only services.yml at the top of the knowledge directory is (services, aliases and facets go there)',
      'team/services.yaml: warning: not read: only services.yml at the top of the knowledge directory is (services, aliases and facets go there)',
    ]);
    expect(() => createAssistant({ knowledgeDir: dir })).not.toThrow();
  });
});
