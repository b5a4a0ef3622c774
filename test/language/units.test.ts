/** Quantities of time and size, in one base unit per dimension. */
import { askedDimension, quantities } from '../../src/language/units';

describe('quantities', () => {
  it.each([
    ['a 30-minute job', 30, 'time', 1800, '30 minutes'],
    ['15 minutes max', 15, 'time', 900, '15 minutes'],
    ['over 400KB', 400, 'size', 400 * 1024, '400 KB'],
    ['2.5 mb session', 2.5, 'size', 2.5 * 1024 ** 2, '2.5 MB'],
    ['takes 1 hour', 1, 'time', 3600, '1 hour'],
  ])('%s', (text, value, dimension, base, shown) => {
    expect(quantities(text)).toEqual([{ value, dimension, base, text: shown }]);
  });

  it('reads digits written in other forms as their NFKC digits, and finds none in text without digits', () => {
    expect(quantities('a \uFF13\uFF10-minute job')).toEqual(quantities('a 30-minute job'));
    expect(quantities('a thirty-minute job, minutes and KB')).toEqual([]);
  });

  it('finds none in words without a unit', () => {
    expect(quantities('99.95% for EKS, 3 services')).toEqual([]);
  });

  it('reads the dimension asked without a figure', () => {
    expect(askedDimension('how long can it run')).toBe('time');
    expect(askedDimension('max memory')).toBe('size');
    expect(askedDimension('sla for eks')).toBeUndefined();
  });
});
