/** Knowledge-base vocabulary in services.yml: the facet ids the code relies on, and users' synonyms. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkKnowledge } from '../../src/index';
import { REQUIRED_FACETS } from '../../src/knowledge/facet-ids';
import { knowledgeCopy } from '../helpers/knowledge';
import { routerContext } from '../helpers/router-context';

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
    expect(u.tokens).toEqual(expect.arrayContaining(['store', 'images']));
    const v = routerContext().reader.read('does dynamodb support streaming video');
    expect(v.tokens).toContain('video');
    expect(v.synonymTokens).toContain('movies');
  });

  it('refuses a synonyms entry that is not a list', () => {
    const dir = knowledgeCopy();
    const file = join(dir, 'services.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  item: [record, records, row, rows]', '  item: records'));
    expect(checkKnowledge(dir).filter((p) => p.severity === 'error').map((p) => p.message).join('\n')).toMatch(/synonyms\.item/);
  });
});
