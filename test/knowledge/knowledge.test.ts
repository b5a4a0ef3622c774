import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkKnowledge, formatProblem } from '../../src/index';
import { loadKnowledge } from '../../src/knowledge/load';
import { parseMarkdown } from '../../src/knowledge/parse';
import { KNOWLEDGE_DIR, knowledgeCopy } from '../helpers/knowledge';

const kb = loadKnowledge(KNOWLEDGE_DIR).kb!;
const factsOf = (entity: string, attribute?: RegExp) =>
  kb.facts.filter((f) => f.entity === entity && (!attribute || attribute.test(f.attribute)));

describe('knowledge', () => {
  describe('the user\'s document', () => {
    it('is copied unchanged from shared/', () => {
      const shared = join(__dirname, '..', '..', '..', 'shared', 'knowledge', 'aws-qa.md');
      let original: string | undefined;
      try { original = readFileSync(shared, 'utf8'); } catch { original = undefined; }
      if (original !== undefined) expect(readFileSync(join(KNOWLEDGE_DIR, 'aws-qa.md'), 'utf8')).toBe(original);
      expect(readFileSync(join(KNOWLEDGE_DIR, 'aws-qa.md'), 'utf8')).toContain('Q\\&A');
    });

    it('loads without errors', () => {
      expect(checkKnowledge(KNOWLEDGE_DIR).filter((p) => p.severity === 'error')).toEqual([]);
    });
  });

  describe('parseMarkdown', () => {
    const { parsed } = parseMarkdown('aws-qa.md', readFileSync(join(KNOWLEDGE_DIR, 'aws-qa.md'), 'utf8'));

    it('makes one entry per ## question, with its line', () => {
      expect(parsed.entries.map((e) => [e.question, e.line])).toEqual([
        ['What are the availability SLAs for the different AWS Application SLAs?', 3],
        ['What are the difference between Beanstalk and App Runner?', 14],
        ['What are the difference between Beanstalk and ECS?', 45],
        ['What are the Application Server Options for AWS?', 73],
        ['Can I store images and movies in DynamoDB?', 127],
        ['What are the differences between EMR and ML (SageMaker)?', 216],
      ]);
    });

    it('decodes the artifacts of the export (Q\\&A, &#x20;)', () => {
      expect(parsed.title).toBe('Q&A');
      expect(parsed.entries[0].question.endsWith('?')).toBe(true);
    });
  });

  describe('passages', () => {
    it('drop the UI residue line and the back-reference to an earlier chat', () => {
      const texts = kb.passages.map((p) => p.text);
      expect(texts.some((t) => /Click to open document/.test(t))).toBe(false);
      expect(texts.some((t) => /As we discussed earlier/i.test(t))).toBe(false);
      expect(texts).toContain('DynamoDB has a maximum item size of 400 KB.');
    });

    it('keep their heading path and labels', () => {
      const p = kb.passages.find((x) => x.text.startsWith('Provides automatic scaling'))!;
      expect(p.source.section).toBe('What are the difference between Beanstalk and App Runner?');
      expect(p.context).toEqual(['Scaling', 'App Runner']);
      expect(p.entities).toEqual(['AWS App Runner']);
    });
  });

  describe('facts', () => {
    it('come from the SLA table, region and instance level', () => {
      expect(factsOf('Amazon EKS', /SLA/).map((f) => f.value)).toEqual(['99.95%', 'No specific instance-level SLA']);
      expect(factsOf('Amazon EC2', /Instance-Level/)[0].value).toBe('99.5% for individual EC2 instances');
      expect(factsOf('AWS Elastic Beanstalk', /Region-Level/)[0].value).toBe('No specific SLA published');
    });

    it('come from the options list, per service', () => {
      expect(factsOf('AWS Lambda', /^Cons$/).map((f) => f.value)).toContain('Limited execution time (15 minutes max)');
      expect(factsOf('AWS Elastic Beanstalk', /^Language support$/)[0].value).toBe('Java, .NET, PHP, Node.js, Python, Ruby, Go, Docker');
      expect(factsOf('Amazon ECS', /^Best for$/)[0].value).toMatch(/already containerized/);
    });

    it('come from the DynamoDB limits and recommendation', () => {
      expect(factsOf('Amazon DynamoDB', /Size limitations/).map((f) => f.value)).toContain('DynamoDB has a maximum item size of 400 KB.');
      expect(factsOf('Amazon DynamoDB', /Amazon S3/).length).toBeGreaterThan(0);
    });
  });

  describe('comparisons', () => {
    const cmp = (a: string, b: string) => kb.comparisons.find((c) => c.entities.includes(a) && c.entities.includes(b))!;

    it('read "dimension → side: value" lists (Beanstalk vs App Runner)', () => {
      const c = cmp('AWS Elastic Beanstalk', 'AWS App Runner');
      expect(c.rows.map((r) => r.dimension)).toEqual([
        'Level of abstraction', 'Infrastructure control', 'Scaling', 'Deployment options',
        'Language/framework support', 'Customization', 'Use cases', 'Pricing model',
      ]);
      expect(c.summary).toMatch(/^In summary/);
    });

    it('read "side: → dimension: value" lists and key differences (Beanstalk vs ECS)', () => {
      const c = cmp('AWS Elastic Beanstalk', 'Amazon ECS');
      const scaling = c.rows.find((r) => r.dimension === 'Scaling')!;
      expect(scaling.values).toEqual({
        'AWS Elastic Beanstalk': 'Automatic scaling based on predefined rules',
        'Amazon ECS': 'Manual or automatic scaling with more granular control',
      });
      expect(c.notes.map((n) => n.label)).toEqual(['Purpose', 'Flexibility', 'Learning curve', 'Integration', 'Use cases']);
    });

    it('read the comparison table too (SageMaker vs EMR), with ML resolving to SageMaker', () => {
      const c = cmp('Amazon EMR', 'Amazon SageMaker');
      expect(c.rows.filter((r) => r.from === 'list')).toHaveLength(10);
      expect(c.rows.filter((r) => r.from === 'table').map((r) => r.dimension)).toContain('Key Tools');
      expect(c.rows.find((r) => r.dimension === 'Key Tools')!.values['Amazon EMR']).toBe('Hadoop, Spark, Hive, HBase');
    });
  });

  describe('checkKnowledge', () => {
    it('reports each problem with file and line', () => {
      const dir = knowledgeCopy({
        'broken.md': '# Broken\n\n## An empty question\n\n## A table question?\n\n| Service | SLA |\n| --- | --- |\n|  | 99% |\n',
        'services.yml': 'services:\n  - name: Amazon EC2\n    aliases: oops-not-a-list\n',
      });
      const lines = checkKnowledge(dir).filter((p) => p.severity === 'error').map(formatProblem);
      expect(lines).toEqual(expect.arrayContaining([
        'broken.md:3: question "An empty question" has no answer under it',
        'broken.md:9: table row has an empty cell under "Service"',
        expect.stringMatching(/^services\.yml:3: services\.0\.aliases: /),
      ]));
    });

    it('reports a directory with no markdown', () => {
      const dir = knowledgeCopy();
      const { rmSync } = require('node:fs') as typeof import('node:fs');
      rmSync(join(dir, 'aws-qa.md'));
      expect(checkKnowledge(dir).map(formatProblem)).toContainEqual(expect.stringMatching(/no markdown/));
    });

    it('reports a file that is not UTF-8', () => {
      const dir = knowledgeCopy();
      require('node:fs').writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x23, 0x23, 0x20, 0xe9, 0x0a]));
      expect(checkKnowledge(dir).map(formatProblem)).toContain('latin1.md:1: not UTF-8 text');
    });
  });
});
