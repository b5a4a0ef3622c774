/** The fitted scoring model: loading (checked against features.ts), the score, and each feature's contribution. */
import { FEATURES, type FeatureName, type FeatureVector } from '../../src/router/features';
import { contributions, fittedScore, loadModel, MODEL } from '../../src/router/fitted-model';
import committed from '../../src/router/fitted-weights.json';

/** A model file as `npm run fit` writes it, weighing every feature (0 unless given). */
const rawModel = (weights: Partial<Record<FeatureName, number>> = {}, threshold = 0.5) => ({
  features: [...FEATURES] as string[],
  weights: FEATURES.map((f) => weights[f] ?? 0),
  threshold,
});
/** A feature vector, 0 unless given. */
const vector = (values: Partial<Record<FeatureName, number>> = {}): FeatureVector => FEATURES.map((f) => values[f] ?? 0);

describe('loadModel', () => {
  it('reads the weights by feature name, in any order', () => {
    const raw = rawModel({ answer: -2, 'answer.relevance': 1.5 }, 0.4);
    const reversed = { features: [...raw.features].reverse(), weights: [...raw.weights].reverse(), threshold: 0.4 };
    const m = loadModel(reversed);
    expect(m.threshold).toBe(0.4);
    expect(m.weights.answer).toBe(-2);
    expect(m.weights['answer.relevance']).toBe(1.5);
    expect(m.weights).toEqual(loadModel(raw).weights);
  });

  it('rejects a model missing a feature, naming it', () => {
    const raw = rawModel();
    const i = raw.features.indexOf('answer.partial');
    raw.features.splice(i, 1);
    raw.weights.splice(i, 1);
    expect(() => loadModel(raw)).toThrow('(missing: answer.partial; unknown: none): run npm run fit');
  });

  it('rejects a model with a feature features.ts does not compute, naming it', () => {
    const raw = rawModel();
    raw.features.push('answer.colour');
    raw.weights.push(1);
    expect(() => loadModel(raw)).toThrow('(missing: none; unknown: answer.colour)');
  });

  it('names both the missing and the unknown features of a renamed one', () => {
    const raw = rawModel();
    raw.features[raw.features.indexOf('not-found.amount')] = 'not-found.amounts';
    expect(() => loadModel(raw)).toThrow('(missing: not-found.amount; unknown: not-found.amounts)');
  });

  it('rejects a model with a weight count that differs from its features', () => {
    const raw = rawModel();
    raw.weights.pop();
    expect(() => loadModel(raw)).toThrow(/does not match features\.ts/);
  });

  it.each([-0.01, 1.01, 50])('rejects the threshold %s, outside [0, 1]', (threshold) => {
    expect(() => loadModel(rawModel({}, threshold))).toThrow(/threshold/);
  });

  it.each([0, 1])('accepts the threshold %s', (threshold) => {
    expect(loadModel(rawModel({}, threshold)).threshold).toBe(threshold);
  });

  it('rejects what is not a model', () => {
    expect(() => loadModel(null)).toThrow();
    expect(() => loadModel({ ...rawModel(), weights: 'many' })).toThrow(/weights/);
  });
});

describe('the committed fitted-weights.json', () => {
  it('weighs exactly the features of features.ts, in their order, and loads as MODEL', () => {
    expect(committed.features).toEqual([...FEATURES]);
    expect(committed.weights).toHaveLength(FEATURES.length);
    expect(committed.threshold).toBeGreaterThanOrEqual(0);
    expect(committed.threshold).toBeLessThanOrEqual(1);
    expect(loadModel(committed)).toEqual(MODEL);
    expect(Object.keys(MODEL.weights)).toEqual([...FEATURES]);
  });
});

describe('fittedScore', () => {
  it('is one half when the linear score is zero, and the logistic of it rounded to 1e-3 otherwise', () => {
    const m = loadModel(rawModel({ answer: 2 }));
    expect(fittedScore(vector(), m)).toBe(0.5);
    expect(fittedScore(vector({ answer: 1 }), m)).toBe(Math.round(1000 / (1 + Math.exp(-2))) / 1000);
    expect(fittedScore(vector({ answer: 1 }), m)).toBe(0.881);
  });

  it('rises with a feature of positive weight, and falls with one of negative weight', () => {
    const m = loadModel(rawModel({ answer: -1, 'answer.relevance': 3, 'answer.long-question': -2 }));
    const steps = Array.from({ length: 11 }, (_, i) => i / 10);
    const rising = steps.map((v) => fittedScore(vector({ answer: 1, 'answer.relevance': v }), m));
    const falling = steps.map((v) => fittedScore(vector({ answer: 1, 'answer.relevance': 0.5, 'answer.long-question': v }), m));
    rising.slice(1).forEach((s, i) => expect(s).toBeGreaterThan(rising[i]));
    falling.slice(1).forEach((s, i) => expect(s).toBeLessThan(falling[i]));
  });

  it('is monotonic in the committed model for each feature of positive weight', () => {
    const positive = FEATURES.filter((f) => MODEL.weights[f] > 0);
    expect(positive.length).toBeGreaterThan(0);
    for (const f of positive) {
      const scores = [0, 0.25, 0.5, 0.75, 1].map((v) => fittedScore(vector({ answer: 1, [f]: v })));
      scores.slice(1).forEach((s, i) => expect(s).toBeGreaterThanOrEqual(scores[i]));
      // The score is rounded to 3 decimals, which a small weight far from 0.5 need not move: its
      // contribution to the linear score is what must rise.
      expect(contributions(vector({ answer: 1, [f]: 1 })).find((c) => c.feature === f)?.contribution).toBeGreaterThan(0);
    }
  });

  it('stays within [0, 1] at any size of evidence', () => {
    const m = loadModel(rawModel({ answer: 1000, 'not-found': -1000 }));
    expect(fittedScore(vector({ answer: 1 }), m)).toBe(1);
    expect(fittedScore(vector({ 'not-found': 1 }), m)).toBe(0);
  });
});

describe('contributions', () => {
  const m = loadModel(rawModel({ answer: -2, 'answer.relevance': 1.5, 'answer.content': 0.5, 'answer.form': 4, 'answer.partial': -0.3 }));

  it('lists weight × value of each non-zero feature, largest magnitude first', () => {
    const x = vector({ answer: 1, 'answer.relevance': 0.8, 'answer.content': 0.5, 'answer.partial': 1 });
    expect(contributions(x, m)).toEqual([
      { feature: 'answer', value: 1, contribution: -2 },
      { feature: 'answer.relevance', value: 0.8, contribution: 1.2 },
      { feature: 'answer.partial', value: 1, contribution: -0.3 },
      { feature: 'answer.content', value: 0.5, contribution: 0.25 },
    ]);
  });

  it('leaves out the features that are zero, even those of large weight', () => {
    const listed = contributions(vector({ answer: 1 }), m).map((c) => c.feature);
    expect(listed).toEqual(['answer']);
    expect(listed).not.toContain('answer.form');
  });

  it('adds up to the linear score whose logistic is the fitted score', () => {
    const x = vector({ answer: 1, 'answer.relevance': 0.6, 'answer.form': 0.3 });
    const z = contributions(x, m).reduce((sum, c) => sum + c.contribution, 0);
    expect(Math.round(1000 / (1 + Math.exp(-z))) / 1000).toBe(fittedScore(x, m));
  });
});
