/** Knowledge-base vocabulary in services.yml: the facet ids the code relies on, users' synonyms, the domain's words. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkKnowledge } from '../../src/index';
import { REQUIRED_FACETS } from '../../src/knowledge/facet-ids';
import { knowledgeCopy } from '../helpers/knowledge';
import { routerContext } from '../helpers/router-context';
import { helpAnswer } from '../../src/kinds/help/answer';
import { renderText } from '../../src/answer/text';

describe('services.yml vocabulary', () => {
  it('defines every facet the answers rely on (the real file)', () => {
    const dir = knowledgeCopy();
    expect(checkKnowledge(dir).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it.each(REQUIRED_FACETS)('a facets list without "%s" fails the check, naming the file and line', (id) => {
    const dir = knowledgeCopy();
    const file = join(dir, 'services.yml');
    const yml = readFileSync(file, 'utf8').replace(new RegExp(`^  ${id}:\\n(    .*\\n)+`, 'm'), '');
    expect(yml).not.toMatch(new RegExp(`^  ${id}:`, 'm'));
    writeFileSync(file, yml);
    const errors = checkKnowledge(dir).filter((p) => p.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ file: 'services.yml', message: expect.stringMatching(new RegExp(`facets.*${REQUIRED_FACETS.join(', ')}`)) })]);
    expect(errors[0].line).toBeGreaterThan(0);
  });

  it('reads a user\'s word the knowledge base does not use as the word it lists; entries are matched with every synonym read', () => {
    const u = routerContext().reader.read('can dynamo db hold pics');
    expect(u.words.texts).toEqual(expect.arrayContaining(['store', 'images']));
    const v = routerContext().reader.read('does dynamodb support streaming video');
    expect(v.words.texts).toContain('video');
    expect(v.words.list.map((w) => w.synonym)).toContain('movies');
  });

  it('refuses a synonyms entry that is not a list', () => {
    const dir = knowledgeCopy();
    const file = join(dir, 'services.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  item: [record, records, row, rows]', '  item: records'));
    expect(checkKnowledge(dir).filter((p) => p.severity === 'error').map((p) => p.message).join('\n')).toMatch(/synonyms\.item/);
  });

  it("reads everyday English synonyms from the lexicon, whatever services.yml lists ('keep' is 'store')", () => {
    const yml = readFileSync(join(knowledgeCopy(), 'services.yml'), 'utf8');
    expect(/^synonyms:\n(?: {2}.*\n)+/m.exec(yml)?.[0]).not.toMatch(/\bkeep\b/);
    expect(routerContext().reader.read('can dynamo db keep pics').words.texts).toEqual(expect.arrayContaining(['store', 'images']));
  });

  it('reads the domain words services.yml lists as naming no subject, and only those', () => {
    const question = 'which aws compute workload runs longest';
    const u = routerContext().reader.read(question);
    expect(u.words.content).not.toEqual(expect.arrayContaining(['aws']));
    expect(u.words.content).not.toEqual(expect.arrayContaining(['compute']));
    expect(u.words.subjects).toEqual([]);
    const dir = knowledgeCopy();
    const file = join(dir, 'services.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^domainWords: .*$/m, 'domainWords: [cloud]'));
    const without = routerContext(dir).reader.read(question);
    expect(without.words.content).toEqual(expect.arrayContaining(['aws', 'compute', 'workload']));
  });

  it("reads a product's abbreviation listed as a synonym as its name ('k8s' is 'kubernetes')", () => {
    expect(routerContext().reader.read('k8s on aws').words.texts).toContain('kubernetes');
  });

  it('reads the vendor words services.yml lists before a service name as part of the name', () => {
    expect(routerContext().reader.read('acme lambda sla').words.list[0].role).not.toBe('service');
    const dir = knowledgeCopy();
    const file = join(dir, 'services.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^vendors: .*$/m, 'vendors: [AWS, Amazon, Acme]'));
    const u = routerContext(dir).reader.read('acme lambda sla');
    expect(u.entities.map((e) => e.id)).toEqual(['AWS Lambda']);
    expect(u.words.list[0].role).toBe('service');
  });

  it("says what the knowledge base is about in services.yml's words (domain), and plainly without them", () => {
    expect(renderText(helpAnswer(routerContext(), 'help'))).toContain('I answer AWS architecture questions from the team');
    const dir = knowledgeCopy();
    const file = join(dir, 'services.yml');
    const yml = readFileSync(file, 'utf8');
    writeFileSync(file, yml.replace('questions: AWS architecture questions', 'questions: questions about our platform'));
    expect(renderText(helpAnswer(routerContext(dir), 'help'))).toContain('I answer questions about our platform from the team');
    const bare = knowledgeCopy();
    writeFileSync(join(bare, 'services.yml'), yml.replace(/^domain:\n(?: {2}.*\n)+/m, ''));
    const text = renderText(helpAnswer(routerContext(bare), 'help'));
    expect(text).toMatch(/I answer questions from the team's knowledge base \(\d+ Q&A entries\)\./);
    expect(text).not.toContain('AWS architecture');
  });
});
