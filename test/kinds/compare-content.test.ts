/**
 * What a comparison reading holds of the question: asked to compare ("X vs Y", "X or Y?"), the
 * comparison answers the choice whatever the use case's words; asked something else about two
 * services ("do you get root access to EC2 and EMR?"), every content word is what is asked.
 */
import { compareCandidates } from '../../src/kinds/compare/candidates';
import { routerContext } from '../helpers/router-context';

const ctx = routerContext();
const content = (q: string): number => {
  const [c] = compareCandidates({ u: ctx.reader.read(q), ctx });
  return c.evidence.content;
};

describe('comparison content evidence', () => {
  it('counts every content word of a question that asks no comparison', () => {
    expect(content('Do you get root access to EC2 and Elastic MapReduce?')).toBe(0);
  });

  it('keeps its floor for a comparison asked, whatever words the knowledge base lacks', () => {
    expect(content('EC2 vs EMR for root access')).toBeGreaterThanOrEqual(0.6);
  });
});
