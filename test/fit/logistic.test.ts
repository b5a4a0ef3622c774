/** The fitting method behind `npm run fit`: the linear solver and L2-regularized logistic regression. */
import { dot, fitLogistic, sigmoid, solve } from '../../scripts/fit/logistic';
import { prng } from '../helpers/prng';

/**
 * `n` rows of [1 (the intercept), x1, x2, …] with x uniform in [-2, 2], each labeled 1 with the
 * probability the logistic model of `weights` gives it: separable in the large, with noise.
 */
function synthetic(weights: number[], n: number, seed: number): { x: number[][]; y: number[] } {
  const random = prng(seed);
  const x = Array.from({ length: n }, () => [1, ...weights.slice(1).map(() => random() * 4 - 2)]);
  const y = x.map((row) => (random() < sigmoid(dot(weights, row)) ? 1 : 0));
  return { x, y };
}

describe('solve', () => {
  it('solves a positive-definite system', () => {
    const v = solve(
      [
        [2, 1],
        [1, 3],
      ],
      [3, 5],
    );
    expect(v[0]).toBeCloseTo(0.8, 12);
    expect(v[1]).toBeCloseTo(1.4, 12);
  });

  it('pivots past a zero on the diagonal', () => {
    const v = solve(
      [
        [0, 1, 0],
        [1, 0, 0],
        [0, 0, 2],
      ],
      [2, 3, 4],
    );
    expect(v.map((n) => Math.round(n * 1e12) / 1e12)).toEqual([3, 2, 2]);
  });

  it('solves a larger system to the vector it was built from', () => {
    const random = prng(7);
    const n = 6;
    const m = Array.from({ length: n }, () => Array.from({ length: n }, () => random() - 0.5));
    // mᵀm + I is positive definite.
    const a = m.map((_, i) =>
      m.map(
        (__, j) =>
          dot(
            m.map((r) => r[i]),
            m.map((r) => r[j]),
          ) + (i === j ? 1 : 0),
      ),
    );
    const want = Array.from({ length: n }, () => random() * 10 - 5);
    const v = solve(
      a,
      a.map((row) => dot(row, want)),
    );
    v.forEach((vi, i) => expect(vi).toBeCloseTo(want[i], 9));
  });

  it('leaves its arguments unchanged', () => {
    const a = [
      [4, 1],
      [1, 2],
    ];
    const b = [1, 2];
    solve(a, b);
    expect(a).toEqual([
      [4, 1],
      [1, 2],
    ]);
    expect(b).toEqual([1, 2]);
  });
});

describe('fitLogistic', () => {
  const truth = [-0.5, 2, -1.5, 0];
  const data = synthetic(truth, 3000, 42);

  it('recovers the sign and rough size of known weights', () => {
    const w = fitLogistic(data.x, data.y, { l2: 0.01, unpenalized: [0] });
    expect(w).toHaveLength(truth.length);
    expect(w[1]).toBeGreaterThan(1.5);
    expect(w[1]).toBeLessThan(2.5);
    expect(w[2]).toBeLessThan(-1);
    expect(w[2]).toBeGreaterThan(-2);
    expect(Math.abs(w[3])).toBeLessThan(0.3);
    expect(w[0]).toBeLessThan(0);
    expect(w[0]).toBeGreaterThan(-1);
  });

  it('gives the same weights for the same input', () => {
    const again = synthetic(truth, 3000, 42);
    expect(fitLogistic(again.x, again.y, { l2: 1, unpenalized: [0] })).toEqual(fitLogistic(data.x, data.y, { l2: 1, unpenalized: [0] }));
  });

  it('shrinks the weights as the L2 penalty grows', () => {
    const size = (w: number[]) => Math.hypot(...w.slice(1));
    const sizes = [0.01, 10, 1000, 100000].map((l2) => size(fitLogistic(data.x, data.y, { l2, unpenalized: [0] })));
    sizes.slice(1).forEach((s, i) => expect(s).toBeLessThan(sizes[i]));
    expect(sizes[3]).toBeLessThan(0.2 * sizes[0]);
  });

  it('does not shrink the unpenalized columns', () => {
    // Mostly zeros: the intercept alone says so; a huge penalty flattens the other weights only.
    const skewed = synthetic([-2, 1, 1], 2000, 9);
    const rate = skewed.y.reduce((s, v) => s + v, 0) / skewed.y.length;
    const free = fitLogistic(skewed.x, skewed.y, { l2: 1e6, unpenalized: [0] });
    expect(Math.abs(free[1]) + Math.abs(free[2])).toBeLessThan(0.01);
    expect(free[0]).toBeCloseTo(Math.log(rate / (1 - rate)), 2);
    const penalized = fitLogistic(skewed.x, skewed.y, { l2: 1e6 });
    expect(Math.abs(penalized[0])).toBeLessThan(0.01);
  });

  it('gives a column that is zero everywhere a weight of zero', () => {
    const x = data.x.map((row) => [...row, 0]);
    const w = fitLogistic(x, data.y, { l2: 1, unpenalized: [0, 4] });
    expect(w[4]).toBe(0);
    expect(w.slice(0, 4).every(Number.isFinite)).toBe(true);
  });
});
