/**
 * L2-regularized logistic regression fitted by Newton's method (iteratively reweighted least
 * squares): deterministic, no learning rate, converges in a few dozen steps for a few dozen
 * features. `unpenalized` columns (the intercepts) carry no penalty.
 */
export interface LogisticOptions {
  /** L2 penalty on each weight (not on `unpenalized` columns). Default 1. */
  l2?: number;
  /** Newton steps at most. Default 50. */
  iterations?: number;
  unpenalized?: readonly number[];
  /** Weight of each row (logistic) or group (conditional logit); default 1 each. */
  weights?: readonly number[];
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function fitLogistic(x: readonly (readonly number[])[], y: readonly number[], options: LogisticOptions = {}): number[] {
  const d = x[0]?.length ?? 0;
  const l2 = options.l2 ?? 1;
  const free = new Set(options.unpenalized ?? []);
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < (options.iterations ?? 50); it += 1) {
    const grad = w.map((wj, j) => (free.has(j) ? 0 : l2 * wj));
    const hess = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j && !free.has(i) ? l2 : 0)));
    for (let n = 0; n < x.length; n += 1) {
      const weight = options.weights?.[n] ?? 1;
      const p = sigmoid(dot(w, x[n]));
      const r = weight * (p - y[n]);
      const s = weight * Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < d; i += 1) {
        if (x[n][i] === 0) continue;
        grad[i] += r * x[n][i];
        for (let j = 0; j < d; j += 1) hess[i][j] += s * x[n][i] * x[n][j];
      }
    }
    // A column that is zero everywhere (and free) would make the system singular.
    for (let i = 0; i < d; i += 1) hess[i][i] += 1e-9;
    const step = solve(hess, grad);
    w = w.map((wj, j) => wj - step[j]);
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return w;
}

export function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i += 1) s += a[i] * b[i];
  return s;
}

/** Solves `a · v = b` by Gaussian elimination with partial pivoting (a is small and positive definite). */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c += 1) {
    let pivot = c;
    for (let r = c + 1; r < n; r += 1) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = 0; r < n; r += 1) {
      if (r === c || m[c][c] === 0) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k += 1) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => (row[i] === 0 ? 0 : row[n] / row[i]));
}

/** One question's readings: features and which pass. */
export interface ChoiceGroup {
  x: readonly (readonly number[])[];
  y: readonly number[];
}

/**
 * L2-regularized conditional logit (McFadden's choice model) fitted by Newton's method: within each
 * group the readings compete through a softmax of `w · x`, and the fit raises the probability of the
 * readings that pass (spread evenly when several do). It fits the choice itself, not each reading
 * alone; groups with no passing reading carry no information and are skipped. A feature constant
 * across a group's readings cancels out.
 */
export function fitConditionalLogit(groups: readonly ChoiceGroup[], options: LogisticOptions = {}): number[] {
  const d = groups.find((g) => g.x.length)?.x[0].length ?? 0;
  const l2 = options.l2 ?? 1;
  const free = new Set(options.unpenalized ?? []);
  const used = groups.map((g, i) => ({ ...g, weight: options.weights?.[i] ?? 1 })).filter((g) => g.y.some((v) => v > 0));
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < (options.iterations ?? 50); it += 1) {
    const grad = w.map((wj, j) => (free.has(j) ? 0 : l2 * wj));
    const hess = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j && !free.has(i) ? l2 : 0)));
    for (const g of used) {
      const z = g.x.map((x) => dot(w, x));
      const top = Math.max(...z);
      const e = z.map((v) => Math.exp(v - top));
      const sum = e.reduce((a, b) => a + b, 0);
      const p = e.map((v) => v / sum);
      const passing = g.y.reduce((a, b) => a + b, 0);
      const mean = new Array<number>(d).fill(0);
      g.x.forEach((x, r) => x.forEach((v, j) => (mean[j] += p[r] * v)));
      g.x.forEach((x, r) => {
        const target = g.y[r] / passing;
        for (let i = 0; i < d; i += 1) {
          grad[i] += g.weight * (p[r] - target) * x[i];
          if (x[i] === 0) continue;
          for (let j = 0; j < d; j += 1) hess[i][j] += g.weight * p[r] * x[i] * x[j];
        }
      });
      for (let i = 0; i < d; i += 1) for (let j = 0; j < d; j += 1) hess[i][j] -= g.weight * mean[i] * mean[j];
    }
    for (let i = 0; i < d; i += 1) hess[i][i] += 1e-9;
    const step = solve(hess, grad);
    w = w.map((wj, j) => wj - step[j]);
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return w;
}
