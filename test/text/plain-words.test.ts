/** Plain words: what the reader and the entity scanner count in. */
import { plainWords } from '../../src/text/tokens';

describe('plainWords', () => {
  it('keeps a name written with "@" whole, a product of its own (Lambda@Edge is not Lambda)', () => {
    expect(plainWords('Does CloudFront support Lambda@Edge?')).toEqual(['does', 'cloudfront', 'support', 'lambda@edge']);
  });

  it('drops an "@" at either end of a word', () => {
    expect(plainWords('@aws-bot sla for ecs @')).toEqual(['aws-bot', 'sla', 'for', 'ecs']);
  });

  it('keeps the separators it always kept', () => {
    expect(plainWords('Beanstalk vs. App-Runner? eks/ecs')).toEqual(['beanstalk', 'vs', 'app-runner', 'eks', 'ecs']);
  });
});
