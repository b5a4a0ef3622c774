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
      const p = sigmoid(dot(w, x[n]));
      const r = p - y[n];
      const s = Math.max(p * (1 - p), 1e-9);
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
