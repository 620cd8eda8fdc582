import type * as tfType from '@tensorflow/tfjs';
import { FEATURE_COUNT, FEATURE_NAMES, MatchContext, PostingProfile, PreparedCandidate, postingView, writeFeatures } from './match-features';
import { MatchModelFormatError, readModelBuffer, writeModelBuffer } from './model-buffer.util';
import { SeededRandom } from './seeded-random.util';

type Tf = typeof tfType;

/**
 * Match scorer: logistic regression (hidden = 0) or a one-hidden-layer ReLU MLP over the FEATURE_NAMES vector,
 * trained with TF.js on weak labels (see weak-labels.ts for the labelling scheme) and evaluated in plain
 * JavaScript, so scoring 100k postings needs no tensors and the API process could score without TF.js.
 */
export interface ScoringModelTopology {
  kind: 'match-scorer';
  formatVersion: 1;
  featureNames: string[];
  hidden: number;
  activation: 'relu';
}

export interface ScoringTrainingOptions {
  /** Hidden units; 0 trains plain logistic regression (default 8: 12 and 16 scored no better on held-out NDCG). */
  hidden?: number;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

export interface TrainingSet {
  /** Row-major n × FEATURE_COUNT. */
  features: Float32Array;
  /** 1 relevant, 0 not. */
  labels: Float32Array;
}

const MAGIC = 'HSMS';
const FORMAT_VERSION = 1;
const DEFAULTS = { hidden: 8, epochs: 25, batchSize: 512, learningRate: 0.01, l2: 1e-4, seed: 1 } satisfies Required<ScoringTrainingOptions>;

export class ScoringModel {
  private readonly w: Float64Array;
  private readonly inputs: number;
  private readonly hidden: number;
  private readonly acc: Float64Array;
  /** Hidden-major copy of W1, plus b1, w2, b2 split out, for the unrolled path. */
  private readonly transposed: Float64Array;
  private readonly b1: Float64Array;
  private readonly w2: Float64Array;
  private readonly b2: number;

  /** weights: W1 (inputs × hidden, row-major) | b1 | w2 (hidden) | b2; with hidden = 0: w (inputs) | b. */
  constructor(
    readonly topology: ScoringModelTopology,
    weights: Float32Array,
  ) {
    if (topology.kind !== 'match-scorer') throw new MatchModelFormatError(`Not a match-scorer topology: ${topology.kind}`);
    const names = topology.featureNames.join(',');
    if (names !== FEATURE_NAMES.join(',')) {
      throw new MatchModelFormatError(`Model was trained on features [${names}], this build computes [${FEATURE_NAMES.join(',')}]`);
    }
    this.inputs = topology.featureNames.length;
    this.hidden = topology.hidden;
    const expected = this.hidden === 0 ? this.inputs + 1 : this.inputs * this.hidden + 2 * this.hidden + 1;
    if (weights.length !== expected) throw new MatchModelFormatError(`Expected ${expected} weights, got ${weights.length}`);
    this.w = Float64Array.from(weights);
    this.acc = new Float64Array(this.hidden);
    const F = this.inputs;
    const H = this.hidden;
    this.transposed = new Float64Array(F * H);
    for (let h = 0; h < H; h++) for (let i = 0; i < F; i++) this.transposed[h * F + i] = this.w[i * H + h];
    this.b1 = this.w.slice(F * H, F * H + H);
    this.w2 = this.w.slice(F * H + H, F * H + 2 * H);
    this.b2 = H === 0 ? 0 : this.w[F * H + 2 * H];
  }

  static topologyFor(hidden: number): ScoringModelTopology {
    return { kind: 'match-scorer', formatVersion: 1, featureNames: [...FEATURE_NAMES], hidden, activation: 'relu' };
  }

  get weights(): Float32Array {
    return Float32Array.from(this.w);
  }

  /** Pre-sigmoid score of the feature row at row[offset …]: monotone in the probability, cheaper to rank by. */
  logit(row: ArrayLike<number>, offset = 0): number {
    return this.hasLogit9 ? this.logitUnrolled9(row, offset) : this.logitReference(row, offset);
  }

  /** The plain loop the unrolled path must agree with. */
  logitReference(row: ArrayLike<number>, offset = 0): number {
    const w = this.w;
    const F = this.inputs;
    const H = this.hidden;
    if (H === 0) {
      let z = w[F];
      for (let i = 0; i < F; i++) z += w[i] * row[offset + i];
      return z;
    }
    // Input-major with a scratch accumulator, so weight reads are contiguous.
    const acc = this.acc;
    const b1 = F * H;
    for (let h = 0; h < H; h++) acc[h] = w[b1 + h];
    for (let i = 0; i < F; i++) {
      const x = row[offset + i];
      const base = i * H;
      for (let h = 0; h < H; h++) acc[h] += x * w[base + h];
    }
    const w2 = b1 + H;
    let out = w[w2 + H];
    for (let h = 0; h < H; h++) if (acc[h] > 0) out += acc[h] * w[w2 + h];
    return out;
  }

  /**
   * The MLP with the current 9 features spelled out: about 3× faster in V8 than the generic loop, which matters
   * at 100k postings per candidate. Same summation order as the generic loop, so results are bit-identical
   * (a spec checks this); the generic loop takes over if the feature count changes.
   */
  private logitUnrolled9(r: ArrayLike<number>, o: number): number {
    return this.logit9(r[o], r[o + 1], r[o + 2], r[o + 3], r[o + 4], r[o + 5], r[o + 6], r[o + 7], r[o + 8]);
  }

  /** True when logit9 may be called (an MLP over exactly 9 features). */
  get hasLogit9(): boolean {
    return this.hidden > 0 && this.inputs === 9;
  }

  /** The unrolled MLP on features passed as arguments, so the 100k-posting loop needs no row array. */
  logit9(x0: number, x1: number, x2: number, x3: number, x4: number, x5: number, x6: number, x7: number, x8: number): number {
    const t = this.transposed;
    const b1 = this.b1;
    const w2 = this.w2;
    let out = this.b2;
    for (let h = 0, k = 0; h < this.hidden; h++, k += 9) {
      const a =
        b1[h] + x0 * t[k] + x1 * t[k + 1] + x2 * t[k + 2] + x3 * t[k + 3] + x4 * t[k + 4] + x5 * t[k + 5] + x6 * t[k + 6] + x7 * t[k + 7] + x8 * t[k + 8];
      if (a > 0) out += a * w2[h];
    }
    return out;
  }

  /** Match probability in (0, 1). */
  score(row: ArrayLike<number>, offset = 0): number {
    return sigmoid(this.logit(row, offset));
  }

  /** For `ml_models.topology` (jsonb) and `ml_models.weights` (bytea). */
  toParts(): { topology: ScoringModelTopology; weights: Buffer } {
    return { topology: this.topology, weights: this.serialize() };
  }

  static fromParts(topology: ScoringModelTopology, weights: Uint8Array): ScoringModel {
    const model = ScoringModel.deserialize(weights);
    // Compare key-order-insensitively: a jsonb column hands keys back in its own order.
    if (canonicalJson(model.topology) !== canonicalJson(topology)) throw new MatchModelFormatError('Topology column does not match the weights buffer');
    return model;
  }

  /** Self-contained buffer: topology in the header, float32 weights after it. */
  serialize(): Buffer {
    return writeModelBuffer(MAGIC, FORMAT_VERSION, this.topology, this.weights);
  }

  static deserialize(buffer: Uint8Array): ScoringModel {
    const { meta, floats } = readModelBuffer<ScoringModelTopology>(buffer, MAGIC, FORMAT_VERSION);
    return new ScoringModel(meta, floats);
  }
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Probability and features for one pair, through the same code path as the vectorised scorer. */
export function scoreMatch(model: ScoringModel, candidate: PreparedCandidate, posting: PostingProfile, ctx: MatchContext): number {
  const row = new Float64Array(FEATURE_COUNT);
  writeFeatures(candidate, postingView(posting, ctx), ctx, row, 0);
  return model.score(row);
}

/**
 * Minimises binary cross-entropy + L2 with Adam on mini-batches. Initial weights (Glorot uniform) and the batch
 * order come from a seeded PRNG, not Math.random or tf's global seed, so the same data and options give the
 * same weights on a given backend.
 */
export async function trainScoringModel(
  tf: Tf,
  data: TrainingSet,
  options: ScoringTrainingOptions = {},
): Promise<{ model: ScoringModel; finalLoss: number; steps: number }> {
  const opts = { ...DEFAULTS, ...options };
  const F = FEATURE_COUNT;
  const n = data.labels.length;
  if (n === 0 || data.features.length !== n * F) throw new RangeError(`Training set needs n × ${F} features for n > 0 labels`);
  const rng = new SeededRandom(opts.seed);
  const glorot = (fanIn: number, fanOut: number) => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return Float32Array.from({ length: fanIn * fanOut }, () => (rng.next() * 2 - 1) * limit);
  };
  const H = opts.hidden;
  // Inside tidy so the initial-value tensors are released; variables survive it.
  const vars: tfType.Variable[] = tf.tidy(() =>
    H === 0
      ? [tf.variable(tf.tensor2d(glorot(F, 1), [F, 1])), tf.variable(tf.zeros([1]))]
      : [
          tf.variable(tf.tensor2d(glorot(F, H), [F, H])),
          tf.variable(tf.zeros([H])),
          tf.variable(tf.tensor2d(glorot(H, 1), [H, 1])),
          tf.variable(tf.zeros([1])),
        ],
  );
  const forward = (x: tfType.Tensor2D): tfType.Tensor2D =>
    H === 0
      ? (tf.add(tf.matMul(x, vars[0]), vars[1]) as tfType.Tensor2D)
      : (tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, vars[0]), vars[1])), vars[2]), vars[3]) as tfType.Tensor2D);
  const optimizer = tf.train.adam(opts.learningRate);
  const order = Array.from({ length: n }, (_, i) => i);
  const batchX = new Float32Array(opts.batchSize * F);
  const batchY = new Float32Array(opts.batchSize);
  let finalLoss = NaN;
  let steps = 0;
  try {
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      rng.shuffle(order);
      let epochLoss = 0;
      let batches = 0;
      for (let start = 0; start < n; start += opts.batchSize) {
        const size = Math.min(opts.batchSize, n - start);
        for (let r = 0; r < size; r++) {
          const src = order[start + r];
          batchX.set(data.features.subarray(src * F, src * F + F), r * F);
          batchY[r] = data.labels[src];
        }
        const x = tf.tensor2d(batchX.subarray(0, size * F), [size, F]);
        const y = tf.tensor2d(batchY.subarray(0, size), [size, 1]);
        const loss = optimizer.minimize(
          () =>
            tf.tidy(() => {
              const bce = tf.losses.sigmoidCrossEntropy(y, forward(x));
              const penalty = tf.mul(opts.l2, tf.addN(vars.filter((_, i) => i % 2 === 0).map((v) => tf.sum(tf.square(v)))));
              return tf.add(bce, penalty) as tfType.Scalar;
            }),
          true,
          vars,
        );
        x.dispose();
        y.dispose();
        if (loss) {
          epochLoss += (await loss.data())[0];
          loss.dispose();
        }
        batches++;
        steps++;
      }
      finalLoss = epochLoss / batches;
    }
    const parts = await Promise.all(vars.map((v) => v.data()));
    const weights = new Float32Array(parts.reduce((sum, p) => sum + p.length, 0));
    let at = 0;
    for (const p of parts) {
      weights.set(p as Float32Array, at);
      at += p.length;
    }
    return { model: new ScoringModel(ScoringModel.topologyFor(H), weights), finalLoss, steps };
  } finally {
    optimizer.dispose();
    for (const v of vars) v.dispose();
  }
}
