/** WordNet as the judge of ordinary English: lemmas, inflections, compounds, typos; product names are not. */
import { isEnglishWord } from '../../src/language/english';

describe('isEnglishWord', () => {
  it.each(['kindly', 'plan', 'adopted', 'promises', 'recordings', 'seen', 'whats', 'region-level', 'betwen', 'availabilty'])(
    '%s is English',
    (w) => {
      expect(isEnglishWord(w)).toBe(true);
    },
  );

  it.each(['ipv6', 'terraform', 'kubernetes', 'qwerty', 'sftp', 'snapstart', 'base64'])('%s is not', (w) => {
    expect(isEnglishWord(w)).toBe(false);
  });
});
