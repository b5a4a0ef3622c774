/**
 * The fitted scoring model: a logistic model over `features.ts`, with the abstain threshold, read
 * from `fitted-weights.json` (written by `npm run fit`, committed). A candidate's score is the
 * model's estimate that its answer is right; `contributions` says how much each feature added.
 */
import { AT, FEATURES, type FeatureName, type FeatureVector } from './features';
import fitted from './fitted-weights.json';

/** The file's shape, as `npm run fit` writes it. */
interface ModelFile {
  features: string[];
  weights: number[];
  threshold: number;
}

/**
 * Checks the file's shape. The file is generated and committed, never user input, and the engine
 * loads it on every start (a CLI answer too): a plain check here keeps a schema library's load
 * time (about 60 ms for zod) off every start.
 */
function asModelFile(raw: unknown): ModelFile {
  const m = raw as Partial<ModelFile> | null;
  const ok =
    typeof m === 'object' &&
    m !== null &&
    Array.isArray(m.features) &&
    m.features.every((f) => typeof f === 'string') &&
    Array.isArray(m.weights) &&
    m.weights.every((w) => typeof w === 'number' && Number.isFinite(w)) &&
    typeof m.threshold === 'number' &&
    m.threshold >= 0 &&
    m.threshold <= 1;
  if (!ok)
    throw new Error(
      'fitted-weights.json is not a fitted model (features: string[], weights: number[], threshold in [0, 1]): run npm run fit',
    );
  return m as ModelFile;
}

export interface FittedModel {
  weights: Record<FeatureName, number>;
  /** The same weights by feature index (as a {@link FeatureVector} holds its values). */
  vector: readonly number[];
  /** Below this estimate the best answered reading gives way to "not in the knowledge base". */
  threshold: number;
}

/** Reads a model, checking that it weighs exactly the features the code computes. */
export function loadModel(raw: unknown): FittedModel {
  const m = asModelFile(raw);
  const missing = FEATURES.filter((f) => !m.features.includes(f));
  const extra = m.features.filter((f) => !(FEATURES as readonly string[]).includes(f));
  if (missing.length || extra.length || m.weights.length !== m.features.length)
    throw new Error(
      `fitted-weights.json does not match features.ts (missing: ${missing.join(', ') || 'none'}; unknown: ${extra.join(', ') || 'none'}): run npm run fit`,
    );
  const weights = Object.fromEntries(m.features.map((f, i) => [f, m.weights[i]])) as Record<FeatureName, number>;
  return { weights, vector: FEATURES.map((f) => weights[f]), threshold: m.threshold };
}

export const MODEL: FittedModel = loadModel(fitted);

/** The model's estimate, in (0, 1), rounded to 1e-3 like every score shown. */
export function fittedScore(x: Readonly<FeatureVector>, model: FittedModel = MODEL): number {
  return probability(linearScore(x, model));
}

/** The model's linear score of `x` (the log-odds its estimate is the logistic of), summed in feature order. */
function linearScore(x: Readonly<FeatureVector>, model: FittedModel): number {
  const w = model.vector;
  let z = 0;
  for (let i = 0; i < w.length; i += 1) z += w[i] * x[i];
  return z;
}

/**
 * Bounds on the linear score of `x` whatever values the `open` features (zero in `x`) take in
 * [0, 1]: for scoring only the readings that can still win (`choose.ts`).
 */
export function scoreBounds(
  x: Readonly<FeatureVector>,
  open: readonly FeatureName[],
  model: FittedModel = MODEL,
): { low: number; high: number } {
  let low = linearScore(x, model);
  let high = low;
  for (const f of open) {
    low += Math.min(0, model.weights[f]);
    high += Math.max(0, model.weights[f]);
  }
  return { low, high };
}

/** The model's estimate for a linear score `z`, rounded like `fittedScore`. */
export function probability(z: number): number {
  return Math.round(1000 / (1 + Math.exp(-z))) / 1000;
}

/** Each non-zero feature's share of the linear score (`weight × value`), largest first. */
export function contributions(
  x: Readonly<FeatureVector>,
  model: FittedModel = MODEL,
): { feature: FeatureName; value: number; contribution: number }[] {
  return FEATURES.filter((f) => x[AT[f]] !== 0)
    .map((f) => ({
      feature: f,
      value: Math.round(x[AT[f]] * 1000) / 1000,
      contribution: Math.round(model.weights[f] * x[AT[f]] * 1000) / 1000,
    }))
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
}
