/** The one relevance function: each part of the evidence moves the score the way its contract says. */
import { ABSTAIN_BELOW, ASPECT_WEIGHT, FORM, relevance } from '../../src/router/relevance';

const full = { subjects: 1, content: 1, form: FORM.asked };

describe('relevance', () => {
  it('is 1 for a candidate that speaks to everything asked, in the form asked', () => {
    expect(relevance(full)).toBe(1);
  });

  it('is 0 for a contradicting form or no subject spoken to, whatever the rest', () => {
    expect(relevance({ ...full, form: FORM.contradicts })).toBe(0);
    expect(relevance({ ...full, subjects: 0 })).toBe(0);
  });

  it('leaves a candidate that ignores one of two services under the threshold', () => {
    expect(relevance({ ...full, subjects: 0.5 })).toBeLessThan(ABSTAIN_BELOW);
  });

  it('weighs aspects against the other content words when aspects are asked', () => {
    expect(relevance({ ...full, aspects: 1, content: 0 })).toBeCloseTo(ASPECT_WEIGHT, 3);
    expect(relevance({ ...full, aspects: 0, content: 1 })).toBeCloseTo(1 - ASPECT_WEIGHT, 3);
    expect(relevance({ ...full, aspects: 0, content: 1 })).toBeLessThan(ABSTAIN_BELOW);
  });

  it('is monotonic in each part', () => {
    for (const k of ['subjects', 'content', 'form'] as const) {
      expect(relevance({ ...full, [k]: 0.6 })).toBeLessThan(relevance({ ...full, [k]: 0.9 }));
    }
  });
});
