// Gradient-boosted decision trees for K classes (softmax loss, second-order splits on binned
// features, as in XGBoost/LightGBM), small enough to train and run in plain TypeScript.
import { mulberry32 } from "../text/prng.js";

export interface GbdtParams {
  rounds: number;
  learningRate: number;
  maxDepth: number;
  /** Smallest hessian sum a leaf may have. */
  minHessian: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** Share of rows each round draws (seeded), for variance reduction and speed. */
  subsample: number;
  /** At most this many bins per feature (≤ 255). */
  maxBins: number;
  seed: number;
}

/** One tree: node i splits on `feature[i]` at `value[i]` (x ≤ value goes to `left[i]`, else
 * `left[i] + 1`); a leaf has feature −1 and its output in `value[i]`. */
export interface GbdtTree {
  feature: number[];
  value: number[];
  left: number[];
}

export interface GbdtModel {
  classes: number;
  /** Initial score of each class (log prior). */
  base: number[];
  /** `trees[round][class]`. */
  trees: GbdtTree[][];
}

export interface TrainingSet {
  rows: ReadonlyArray<readonly number[]>;
  labels: readonly number[];
  weights?: readonly number[];
}

/** Per-round callback: the model so far, to score a held-out set at checkpoints. */
export type RoundHook = (round: number, model: GbdtModel) => void;

/** Fits a softmax GBDT; the same data and seed give the same model. */
export function trainGbdt(
  data: TrainingSet,
  classes: number,
  params: GbdtParams,
  onRound?: RoundHook,
): GbdtModel {
  const n = data.rows.length;
  const featureCount = data.rows[0]?.length ?? 0;
  const weights = data.weights ?? new Array<number>(n).fill(1);
  const cuts = Array.from({ length: featureCount }, (_, f) =>
    quantileCuts(
      data.rows.map((r) => r[f] ?? 0),
      params.maxBins,
    ),
  );
  const binned = cuts.map((c, f) => {
    const column = new Uint8Array(n);
    for (let i = 0; i < n; i++) column[i] = binOf(data.rows[i]?.[f] ?? 0, c);
    return column;
  });
  const prior = new Array<number>(classes).fill(0);
  let total = 0;
  data.labels.forEach((y, i) => {
    prior[y] = (prior[y] ?? 0) + (weights[i] ?? 1);
    total += weights[i] ?? 1;
  });
  const base = prior.map((p) => Math.log(Math.max(p, 1e-9) / total));
  const model: GbdtModel = { classes, base, trees: [] };
  const scores = Array.from({ length: classes }, (_, k) => new Float64Array(n).fill(base[k] ?? 0));
  const random = mulberry32(params.seed);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const probs = Array.from({ length: classes }, () => new Float64Array(n));
  const grower = { binned, cuts, g, h, params };
  for (let round = 0; round < params.rounds; round++) {
    softmaxInto(scores, probs, n);
    const picked: number[] = [];
    for (let i = 0; i < n; i++) if (random() < params.subsample) picked.push(i);
    const rows = Int32Array.from(picked);
    const roundTrees: GbdtTree[] = [];
    for (let k = 0; k < classes; k++) {
      const p = probs[k] as Float64Array;
      for (let i = 0; i < n; i++) {
        const w = weights[i] ?? 1;
        const pi = p[i] ?? 0;
        g[i] = w * (pi - (data.labels[i] === k ? 1 : 0));
        h[i] = w * Math.max(pi * (1 - pi), 1e-6);
      }
      const tree = growTree(grower, rows);
      roundTrees.push(tree);
      const s = scores[k] as Float64Array;
      for (let i = 0; i < n; i++) s[i] = (s[i] ?? 0) + treeOutput(tree, data.rows[i] ?? []);
    }
    model.trees.push(roundTrees);
    onRound?.(round + 1, model);
  }
  return model;
}

/** Class probabilities of one feature vector, using the first `rounds` rounds (default all). */
export function predictGbdt(model: GbdtModel, x: readonly number[], rounds?: number): number[] {
  const raw = [...model.base];
  const upto = Math.min(rounds ?? model.trees.length, model.trees.length);
  for (let r = 0; r < upto; r++) {
    const roundTrees = model.trees[r] ?? [];
    for (let k = 0; k < model.classes; k++) {
      const tree = roundTrees[k];
      if (tree) raw[k] = (raw[k] ?? 0) + treeOutput(tree, x);
    }
  }
  return softmax(raw);
}

export function treeOutput(tree: GbdtTree, x: readonly number[]): number {
  let i = 0;
  for (;;) {
    const f = tree.feature[i] ?? -1;
    const v = tree.value[i] ?? 0;
    if (f < 0) return v;
    i = (tree.left[i] ?? 0) + ((x[f] ?? 0) <= v ? 0 : 1);
  }
}

export function softmax(raw: readonly number[]): number[] {
  const max = Math.max(...raw);
  const e = raw.map((r) => Math.exp(r - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

function softmaxInto(scores: Float64Array[], probs: Float64Array[], n: number): void {
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (const s of scores) max = Math.max(max, s[i] ?? 0);
    let sum = 0;
    scores.forEach((s, k) => {
      const e = Math.exp((s[i] ?? 0) - max);
      (probs[k] as Float64Array)[i] = e;
      sum += e;
    });
    for (const p of probs) p[i] = (p[i] ?? 0) / sum;
  }
}

// Thresholds are rounded before binning so that the stored model splits exactly as trained.
const roundCut = (x: number) => Number(x.toPrecision(6));

/** Up to `maxBins − 1` split points at the quantiles of `values` (x ≤ cut goes left). */
export function quantileCuts(values: readonly number[], maxBins: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const cuts: number[] = [];
  for (let b = 1; b < maxBins; b++) {
    const v = sorted[Math.floor((b * sorted.length) / maxBins)];
    if (v === undefined) continue;
    const cut = roundCut(v);
    if (cut < (sorted[sorted.length - 1] ?? cut) && cut !== cuts[cuts.length - 1]) cuts.push(cut);
  }
  return cuts;
}

function binOf(x: number, cuts: readonly number[]): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x <= (cuts[mid] ?? 0)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

interface Grower {
  binned: Uint8Array[];
  cuts: number[][];
  g: Float64Array;
  h: Float64Array;
  params: GbdtParams;
}

function growTree(grower: Grower, rows: Int32Array): GbdtTree {
  const tree: GbdtTree = { feature: [0], value: [0], left: [0] };
  const { binned, cuts, g, h, params } = grower;
  const histG = new Float64Array(256);
  const histH = new Float64Array(256);
  const grow = (node: number, rows: Int32Array, depth: number) => {
    let G = 0;
    let H = 0;
    for (const r of rows) {
      G += g[r] ?? 0;
      H += h[r] ?? 0;
    }
    const leaf = () => {
      tree.feature[node] = -1;
      tree.value[node] = Number(((-G / (H + params.lambda)) * params.learningRate).toPrecision(5));
      tree.left[node] = 0;
    };
    if (depth >= params.maxDepth || H < 2 * params.minHessian) return leaf();
    const parentScore = (G * G) / (H + params.lambda);
    let bestGain = 1e-9;
    let bestFeature = -1;
    let bestBin = 0;
    binned.forEach((column, f) => {
      const bins = (cuts[f]?.length ?? 0) + 1;
      if (bins < 2) return;
      histG.fill(0, 0, bins);
      histH.fill(0, 0, bins);
      for (const r of rows) {
        const b = column[r] ?? 0;
        histG[b] = (histG[b] ?? 0) + (g[r] ?? 0);
        histH[b] = (histH[b] ?? 0) + (h[r] ?? 0);
      }
      let gl = 0;
      let hl = 0;
      for (let b = 0; b < bins - 1; b++) {
        gl += histG[b] ?? 0;
        hl += histH[b] ?? 0;
        const hr = H - hl;
        if (hl < params.minHessian || hr < params.minHessian) continue;
        const gr = G - gl;
        const gain =
          (gl * gl) / (hl + params.lambda) + (gr * gr) / (hr + params.lambda) - parentScore;
        if (gain > bestGain) {
          bestGain = gain;
          bestFeature = f;
          bestBin = b;
        }
      }
    });
    if (bestFeature < 0) return leaf();
    const column = binned[bestFeature] as Uint8Array;
    const leftRows = rows.filter((r) => (column[r] ?? 0) <= bestBin);
    const rightRows = rows.filter((r) => (column[r] ?? 0) > bestBin);
    const left = tree.feature.length;
    tree.feature[node] = bestFeature;
    tree.value[node] = cuts[bestFeature]?.[bestBin] ?? 0;
    tree.left[node] = left;
    tree.feature.push(0, 0);
    tree.value.push(0, 0);
    tree.left.push(0, 0);
    grow(left, leftRows, depth + 1);
    grow(left + 1, rightRows, depth + 1);
  };
  grow(0, rows, 0);
  return tree;
}
