import type * as tfType from '@tensorflow/tfjs';
import { readModelBuffer, writeModelBuffer } from './model-buffer.util';
import { SeededRandom } from './seeded-random.util';

type Tf = typeof tfType;

/**
 * Skill vectors learned from which skills postings ask for together: a shifted positive PMI matrix over skill
 * co-occurrence (Levy & Goldberg 2014), factorised low-rank by gradient descent. Dense matMul only: the WASM
 * backend cannot train Embedding layers (no UnsortedSegmentSum gradient).
 */
export interface SkillEmbeddingOptions {
  /** Vector size, 32–64 (default 48). */
  dim?: number;
  /**
   * PMI shift log k, k in 1..5 (default 1). Larger k keeps only stronger associations; with a vocabulary of a
   * few hundred skills that leaves the matrix too sparse (k = 2 already pulls PyTorch–TensorFlow to ~0).
   */
  shiftK?: number;
  /** Context-distribution smoothing exponent (default 0.75, as in word2vec). */
  contextSmoothing?: number;
  /** Skills seen in fewer postings get no vector (default 2). */
  minPostings?: number;
  steps?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

export interface SkillEmbeddingMeta {
  dim: number;
  shiftK: number;
  contextSmoothing: number;
  minPostings: number;
  steps: number;
  learningRate: number;
  seed: number;
  postingCount: number;
  activeSkills: number;
  finalLoss: number;
}

export interface SkillNeighbour {
  skillId: number;
  similarity: number;
}

export interface SppmiMatrix {
  /** Skill id of each row/column. */
  activeIds: Int32Array;
  /** Row-major n × n shifted positive PMI, zero diagonal. */
  values: Float32Array;
  /** Postings mentioning each active skill. */
  postingCounts: Float64Array;
}

const MAGIC = 'HSSE';
const FORMAT_VERSION = 1;

const DEFAULTS = {
  dim: 48,
  shiftK: 1,
  contextSmoothing: 0.75,
  minPostings: 2,
  steps: 500,
  learningRate: 0.02,
  l2: 1e-5,
  seed: 1,
} satisfies Required<SkillEmbeddingOptions>;

/**
 * SPPMI(i, j) = max(0, log(P(i, j) / (P(i) · Pα(j))) − log k) over skill pairs that share a posting, where Pα is
 * the context distribution raised to `contextSmoothing`. Only skills seen in `minPostings` postings take part, which
 * keeps the matrix (and the factorisation cost) proportional to the skills actually in use, not the taxonomy.
 */
export function buildSppmiMatrix(
  skillSets: Iterable<ArrayLike<number>>,
  vocabSize: number,
  options: Pick<SkillEmbeddingOptions, 'shiftK' | 'contextSmoothing' | 'minPostings'> = {},
): SppmiMatrix & { postingCount: number } {
  const shiftK = options.shiftK ?? DEFAULTS.shiftK;
  if (!(shiftK >= 1 && shiftK <= 5)) throw new RangeError(`shiftK must be in 1..5, got ${shiftK}`);
  const alpha = options.contextSmoothing ?? DEFAULTS.contextSmoothing;
  const minPostings = options.minPostings ?? DEFAULTS.minPostings;
  const sets = Array.from(skillSets, (s) => uniqueInVocab(s, vocabSize));

  const df = new Float64Array(vocabSize);
  for (const set of sets) for (const s of set) df[s]++;
  const compact = new Int32Array(vocabSize).fill(-1);
  const active: number[] = [];
  for (let s = 0; s < vocabSize; s++) if (df[s] >= minPostings && df[s] > 0) compact[s] = active.push(s) - 1;
  const n = active.length;

  const counts = new Float64Array(n * n);
  for (const set of sets) {
    const idx = set.map((s) => compact[s]).filter((i) => i >= 0);
    for (let a = 0; a < idx.length; a++) for (let b = 0; b < idx.length; b++) if (a !== b) counts[idx[a] * n + idx[b]]++;
  }
  const rowSums = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) rowSums[i] += counts[i * n + j];
    total += rowSums[i];
  }
  const smoothed = rowSums.map((c) => Math.pow(c, alpha));
  const smoothedTotal = smoothed.reduce((a, b) => a + b, 0);
  const values = new Float32Array(n * n);
  const shift = Math.log(shiftK);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const c = counts[i * n + j];
      if (c === 0 || i === j) continue;
      const pmi = Math.log((c / total) / ((rowSums[i] / total) * (smoothed[j] / smoothedTotal)));
      values[i * n + j] = Math.max(0, pmi - shift);
    }
  }
  return { activeIds: Int32Array.from(active), values, postingCounts: Float64Array.from(active, (s) => df[s]), postingCount: sets.length };
}

/**
 * Learns W, C (n × dim) with SPPMI ≈ W·Cᵀ by Adam on a masked squared error (the diagonal, which co-occurrence
 * never fills, is left out), then returns W + C normalised per row. Initial weights come from a seeded PRNG, so a
 * run is reproducible on a given backend.
 */
export async function trainSkillEmbeddings(
  tf: Tf,
  skillSets: Iterable<ArrayLike<number>>,
  vocabSize: number,
  options: SkillEmbeddingOptions = {},
): Promise<SkillEmbeddings> {
  const opts = { ...DEFAULTS, ...options };
  if (!(opts.dim >= 2 && opts.dim <= 256)) throw new RangeError(`dim must be in 2..256, got ${opts.dim}`);
  const sppmi = buildSppmiMatrix(skillSets, vocabSize, opts);
  const n = sppmi.activeIds.length;
  const vectors = new Float32Array(vocabSize * opts.dim);
  const meta: SkillEmbeddingMeta = {
    dim: opts.dim,
    shiftK: opts.shiftK,
    contextSmoothing: opts.contextSmoothing,
    minPostings: opts.minPostings,
    steps: opts.steps,
    learningRate: opts.learningRate,
    seed: opts.seed,
    postingCount: sppmi.postingCount,
    activeSkills: n,
    finalLoss: 0,
  };
  if (n < 2) return new SkillEmbeddings(vocabSize, opts.dim, vectors, meta);

  const rng = new SeededRandom(opts.seed);
  const init = () => Float32Array.from({ length: n * opts.dim }, () => rng.normal(0, 0.1));
  const target = tf.tensor2d(sppmi.values, [n, n]);
  const mask = tf.tidy(() => tf.sub(tf.onesLike(target), tf.eye(n)));
  const maskedCount = n * n - n;
  // tf.variable keeps its own reference, so the initial tensor is disposed here (tidy would not count it).
  const makeVariable = () => tf.tidy(() => tf.variable(tf.tensor2d(init(), [n, opts.dim])));
  const w = makeVariable();
  const c = makeVariable();
  const optimizer = tf.train.adam(opts.learningRate);
  try {
    const loss = (): tfType.Scalar =>
      tf.tidy(() => {
        const residual = tf.mul(tf.sub(tf.matMul(w, c, false, true), target), mask);
        const fit = tf.div(tf.sum(tf.square(residual)), maskedCount);
        const penalty = tf.mul(opts.l2, tf.add(tf.sum(tf.square(w)), tf.sum(tf.square(c))));
        return tf.add(fit, penalty) as tfType.Scalar;
      });
    for (let step = 0; step < opts.steps; step++) {
      const last = step === opts.steps - 1;
      const value = optimizer.minimize(loss, last);
      if (value) {
        meta.finalLoss = (await value.data())[0];
        value.dispose();
      }
    }
    const combined = tf.tidy(() => tf.add(w, c));
    const data = await combined.data();
    combined.dispose();
    for (let i = 0; i < n; i++) {
      const row = data.subarray(i * opts.dim, (i + 1) * opts.dim);
      let norm = 0;
      for (let d = 0; d < opts.dim; d++) norm += row[d] * row[d];
      norm = Math.sqrt(norm);
      if (norm === 0) continue;
      const base = sppmi.activeIds[i] * opts.dim;
      for (let d = 0; d < opts.dim; d++) vectors[base + d] = row[d] / norm;
    }
  } finally {
    optimizer.dispose();
    w.dispose();
    c.dispose();
    target.dispose();
    mask.dispose();
  }
  return new SkillEmbeddings(vocabSize, opts.dim, vectors, meta);
}

/** Unit-length skill vectors indexed by skill id; skills never seen in training have a zero vector. */
export class SkillEmbeddings {
  private readonly known: Uint8Array;

  constructor(
    readonly vocabSize: number,
    readonly dim: number,
    /** Row-major vocabSize × dim. */
    readonly vectors: Float32Array,
    readonly meta: SkillEmbeddingMeta,
  ) {
    if (vectors.length !== vocabSize * dim) throw new RangeError(`vectors has ${vectors.length} values, expected ${vocabSize * dim}`);
    this.known = new Uint8Array(vocabSize);
    for (let s = 0; s < vocabSize; s++) {
      for (let d = 0; d < dim; d++) {
        if (vectors[s * dim + d] !== 0) {
          this.known[s] = 1;
          break;
        }
      }
    }
  }

  /** True when the skill has a learned vector. */
  has(skillId: number): boolean {
    return Number.isInteger(skillId) && skillId >= 0 && skillId < this.vocabSize && this.known[skillId] === 1;
  }

  /** Cosine similarity; 0 when either skill has no vector. */
  similarity(a: number, b: number): number {
    if (!this.has(a) || !this.has(b)) return 0;
    const v = this.vectors;
    const dim = this.dim;
    let dot = 0;
    for (let d = 0, ia = a * dim, ib = b * dim; d < dim; d++) dot += v[ia + d] * v[ib + d];
    return dot;
  }

  /** The k most similar skills (the skill itself excluded), most similar first; [] for a skill without a vector. */
  nearest(skillId: number, k: number): SkillNeighbour[] {
    if (!this.has(skillId)) return [];
    const out: SkillNeighbour[] = [];
    for (let s = 0; s < this.vocabSize; s++) {
      if (s !== skillId && this.known[s] === 1) out.push({ skillId: s, similarity: this.similarity(skillId, s) });
    }
    out.sort((x, y) => y.similarity - x.similarity || x.skillId - y.skillId);
    return out.slice(0, Math.max(0, k));
  }

  /** For the `ml_models.weights` bytea column; hyperparameters ride along in the header. */
  serialize(): Buffer {
    return writeModelBuffer(MAGIC, FORMAT_VERSION, { vocabSize: this.vocabSize, ...this.meta }, this.vectors);
  }

  static deserialize(buffer: Uint8Array): SkillEmbeddings {
    const { meta, floats } = readModelBuffer<SkillEmbeddingMeta & { vocabSize: number }>(buffer, MAGIC, FORMAT_VERSION);
    const { vocabSize, ...rest } = meta;
    return new SkillEmbeddings(vocabSize, rest.dim, floats, rest);
  }
}

function uniqueInVocab(skills: ArrayLike<number>, vocabSize: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < skills.length; i++) {
    const s = skills[i];
    if (Number.isInteger(s) && s >= 0 && s < vocabSize && !out.includes(s)) out.push(s);
  }
  return out;
}
