/**
 * One global quantile network trained across all series: the last `window` months, scaled per window,
 * plus sin/cos of each target month (and optional summary and cross-series inputs) in; `horizon` steps ×
 * (0.1, 0.5, 0.9) quantiles out (direct multi-horizon), trained with pinball loss.
 *
 * tf is passed in rather than imported: the caller picks the backend once (src/ml/tfjs-backend.ts), and
 * importing this file must not load TensorFlow.js into the API process.
 */
import type * as tfType from '@tensorflow/tfjs';
import {
  formatPeriod,
  lastPeriodIndex,
  MAX_HORIZON,
  monthOfYear,
  parsePeriod,
  toPeriodValues,
  validateHorizon,
  validateSeries,
  type ForecastResult,
  type MonthlySeries,
  type SeriesFailure,
} from './series.util';
import { seededRandom, seededShuffle } from './seeded-random.util';
import { pointForecast, type BaselineMethod } from './baselines.util';
import { maseScale } from './metrics.util';

export type Tf = typeof tfType;

export const QUANTILES = [0.1, 0.5, 0.9] as const;

/**
 * How a window is made scale-free: x / mean, log1p(x / mean), (x - mean) / mean|Δx| (window-diff), or
 * log((x + c) / (level + c)) with level = mean of the last `levelMonths` and c = logOffset × window mean
 * (log-level). Targets use the same window statistics, so nothing from the future leaks into the scaling.
 */
export type Normalisation = 'window-mean' | 'log1p-mean' | 'window-diff' | 'log-level';
/** 'gru' is for comparison only: it trains on WASM but ~10× slower (conv1d and Embedding do not train there). */
export type Architecture = 'mlp' | 'gru';
/** 'last': the network predicts change from the last (normalised) value, so an untrained net is naive. */
export type Anchor = 'last' | 'none';
/**
 * 'mase': each training window counts in proportion to (d value / d normalised value) / its series'
 * MASE scale at that origin, so the pinball loss approximates the metric's scaled absolute error.
 */
export type LossWeighting = 'none' | 'mase';

export interface QuantileModelConfig {
  window: number;
  horizon: number;
  /** Shorter series are answered with INSUFFICIENT_HISTORY; default window + horizon. */
  minHistory: number;
  normalisation: Normalisation;
  /** log-level only: c = logOffset × window mean keeps zeros finite and shrinks the log scale for small counts. */
  logOffset: number;
  /** log-level only: months averaged for the level that inputs and targets are relative to. */
  levelMonths: number;
  anchor: Anchor;
  architecture: Architecture;
  hiddenUnits: number[];
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  /** Independently initialised sub-networks in one graph, trained side by side; served quantiles are their mean. */
  ensemble: number;
  /** Scale-free summary inputs: level of the last 6 / 12 / all window months, recent slope, noise-to-level ratio, share of zeros. */
  summaryFeatures: boolean;
  /** Whole-history inputs: log ratio of the all-history mean to the window mean, and months since the first non-zero month (÷ 120, capped at 1). */
  historyFeatures: boolean;
  /**
   * Months of the cross-series aggregate fed in (0 = none): a chain-linked index of the sum of every
   * series passed in (training set, or the batch being forecast), up to the origin only.
   */
  aggregateWindow: number;
  /**
   * Divide each window month by the aggregate index of that month relative to the origin, so the window
   * reads as "this series at the origin's overall volume" (a share-like history) while targets stay raw.
   */
  aggregateRelative: boolean;
  lossWeighting: LossWeighting;
  /** 'mase' weights are capped at this multiple of their median, so a few near-constant histories cannot dominate. */
  maxWeightRatio: number;
  /** The predicted median's change from the reference (log-level: the level; else the last value) is scaled by this. */
  damping: number;
  /** Served median = (1 - blendWeight)·model + blendWeight·blendBaseline; interval widths are kept. */
  blendBaseline: BaselineMethod;
  blendWeight: number;
  /** Training windows this many months older than the newest count half as much; null = all equal. */
  recencyHalfLife: number | null;
}

/**
 * Chosen on the HN validation year (the 12 months before the test window; `bench/forecast-core.bench.ts
 * --variants` prints the comparison), checked on the synthetic set. Windows made relative to the
 * cross-series aggregate (HN thread volume moves every term) were the big gain on counts (MASE 1.12 →
 * 0.99, naive 1.11); summary and whole-history inputs took it to 0.94; 5 members averaged remove most of
 * the ±1.5-point seed noise of one; 10 epochs beat 20 and 16×16 units tied 32×32, at less time. Log-level
 * targets, MASE loss weights, aggregate-momentum inputs, window 24, recency weights and damping did not
 * help there. Shares stay within 2% of SES. A GRU tied the MLP on HN shares at ~10× the time on WASM.
 */
export const DEFAULT_MODEL_CONFIG: Readonly<QuantileModelConfig> = {
  window: 12,
  horizon: 6,
  minHistory: 18,
  normalisation: 'window-diff',
  logOffset: 0.5,
  levelMonths: 3,
  anchor: 'last',
  architecture: 'mlp',
  hiddenUnits: [16, 16],
  epochs: 10,
  batchSize: 128,
  learningRate: 1e-3,
  seed: 7,
  ensemble: 5,
  summaryFeatures: true,
  historyFeatures: true,
  aggregateWindow: 0,
  aggregateRelative: true,
  lossWeighting: 'none',
  maxWeightRatio: 5,
  damping: 1,
  blendBaseline: 'ses',
  blendWeight: 0,
  recencyHalfLife: null,
};

export const MODEL_FORMAT_VERSION = 2;

export interface QuantileModelMeta extends QuantileModelConfig {
  formatVersion: typeof MODEL_FORMAT_VERSION;
  quantiles: number[];
  /** Last month any training target came from. */
  trainedThrough: string | null;
  seriesCount: number;
  sampleCount: number;
  finalLoss: number;
  trainMs: number;
  backend: string;
}

export interface QuantileForecastModel {
  tf: Tf;
  network: tfType.LayersModel;
  meta: QuantileModelMeta;
}

/** What goes into a Postgres row: JSON columns for topology/specs/meta and a bytea for the weights. */
export interface SerializedQuantileModel {
  topology: object;
  weights: Buffer;
  weightSpecs: tfType.io.WeightsManifestEntry[];
  meta: QuantileModelMeta;
}

export interface TrainOptions {
  /** Use only months up to and including this 'YYYY-MM' (backtests train before the first origin). */
  throughPeriod?: string;
  onEpoch?: (epoch: number, loss: number) => void;
}

/** Normalised values are capped so one near-constant window cannot dominate the loss. */
const MAX_NORMALISED = 20;
/** The same cap for log-scale values (a factor of e^5 ≈ 150 either way). */
const MAX_LOG = 5;

export function resolveModelConfig(overrides: Partial<QuantileModelConfig> = {}): QuantileModelConfig {
  const config = { ...DEFAULT_MODEL_CONFIG, ...overrides };
  if (overrides.minHistory === undefined) config.minHistory = config.window + config.horizon;
  if (!Number.isInteger(config.window) || config.window < 2) throw new RangeError(`window must be an integer >= 2, got ${config.window}`);
  if (!Number.isInteger(config.horizon) || config.horizon < 1 || config.horizon > MAX_HORIZON) {
    throw new RangeError(`horizon must be an integer in 1..${MAX_HORIZON}, got ${config.horizon}`);
  }
  if (config.minHistory < config.window) throw new RangeError(`minHistory (${config.minHistory}) must be >= window (${config.window})`);
  if (config.blendWeight < 0 || config.blendWeight > 1) throw new RangeError(`blendWeight must be in [0, 1], got ${config.blendWeight}`);
  if (!Number.isInteger(config.ensemble) || config.ensemble < 1) throw new RangeError(`ensemble must be a positive integer, got ${config.ensemble}`);
  if (!Number.isInteger(config.levelMonths) || config.levelMonths < 1 || config.levelMonths > config.window) {
    throw new RangeError(`levelMonths must be an integer in 1..window, got ${config.levelMonths}`);
  }
  if (!(config.logOffset > 0)) throw new RangeError(`logOffset must be > 0, got ${config.logOffset}`);
  if (!Number.isInteger(config.aggregateWindow) || config.aggregateWindow < 0) throw new RangeError(`aggregateWindow must be a non-negative integer, got ${config.aggregateWindow}`);
  if (!(config.maxWeightRatio > 0)) throw new RangeError(`maxWeightRatio must be > 0, got ${config.maxWeightRatio}`);
  if (!(config.damping >= 0 && config.damping <= 1)) throw new RangeError(`damping must be in [0, 1], got ${config.damping}`);
  return config;
}

type ModelShape = Pick<
  QuantileModelConfig,
  'window' | 'horizon' | 'normalisation' | 'logOffset' | 'levelMonths' | 'anchor' | 'summaryFeatures' | 'historyFeatures' | 'aggregateWindow' | 'aggregateRelative'
>;

/** y = offset + scale·z (linear), or y = scale·e^z − offset (log-level: offset c, scale level + c). */
interface Scaling {
  offset: number;
  scale: number;
}

interface EncodedWindow extends Scaling {
  inputs: number[];
  extras: number[];
  anchor: number;
  /** Normalised value that "no change" means, for damping. */
  reference: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, hi));
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

function normalise(value: number, w: Scaling, normalisation: Normalisation): number {
  if (normalisation === 'log-level') return w.scale > 0 ? clamp(Math.log((value + w.offset) / w.scale), -MAX_LOG, MAX_LOG) : 0;
  const z = clamp((value - w.offset) / w.scale, -MAX_NORMALISED, MAX_NORMALISED);
  return normalisation === 'log1p-mean' ? Math.log1p(z) : z;
}

function denormalise(z: number, w: Scaling, normalisation: Normalisation): number {
  if (normalisation === 'log-level') return w.scale * Math.exp(z) - w.offset;
  return w.offset + w.scale * (normalisation === 'log1p-mean' ? Math.expm1(z) : z);
}

function calendarFeatures(firstTargetIndex: number, horizon: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < horizon; k++) {
    const angle = (2 * Math.PI * monthOfYear(firstTargetIndex + k)) / 12;
    out.push(Math.sin(angle), Math.cos(angle));
  }
  return out;
}

function windowScaling(window: number[], config: ModelShape): Scaling {
  const m = mean(window);
  if (config.normalisation === 'log-level') {
    // scale 0 (an all-zero window) encodes to z = 0 and decodes to 0; such windows are not trained on.
    const c = config.logOffset * m;
    return { offset: c, scale: mean(window.slice(-config.levelMonths)) + c };
  }
  if (config.normalisation === 'window-diff') {
    // Month-to-month variability as the unit: the pinball loss then weighs series the way MASE does.
    let diff = 0;
    for (let t = 1; t < window.length; t++) diff += Math.abs(window[t] - window[t - 1]);
    diff /= window.length - 1;
    return { offset: m, scale: diff > 0 ? diff : m > 0 ? m : 1 };
  }
  return { offset: 0, scale: m > 0 ? m : 1 };
}

/** Least-squares slope of the values against 0..n-1. */
function slope(values: number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const xMean = (n - 1) / 2;
  const yMean = mean(values);
  let num = 0;
  let den = 0;
  values.forEach((y, i) => {
    num += (i - xMean) * (y - yMean);
    den += (i - xMean) ** 2;
  });
  return num / den;
}

function summaryFeatures(window: number[], inputs: number[], scaling: Scaling, config: ModelShape): number[] {
  const z = (v: number) => normalise(v, scaling, config.normalisation);
  const m = mean(window);
  let diff = 0;
  for (let t = 1; t < window.length; t++) diff += Math.abs(window[t] - window[t - 1]);
  diff /= window.length - 1;
  const recent = inputs.slice(-Math.min(12, inputs.length));
  return [
    z(mean(window.slice(-6))),
    z(mean(window.slice(-12))),
    z(m),
    clamp(slope(recent) * recent.length, -MAX_LOG, MAX_LOG),
    m > 0 ? clamp(Math.log(Math.max(diff / m, 1e-3)), -7, 3) : 0,
    window.filter((v) => v === 0).length / window.length,
  ];
}

function historyFeatures(history: number[], config: ModelShape): number[] {
  const recent = mean(history.slice(-config.window));
  const all = mean(history);
  const c = 0.1 * recent + 1e-12;
  const firstNonZero = history.findIndex((v) => v > 0);
  const age = firstNonZero < 0 ? 0 : history.length - firstNonZero;
  return [clamp(Math.log((all + c) / (recent + c)), -MAX_LOG, MAX_LOG), Math.min(age / 120, 1)];
}

/**
 * Chain-linked log index of the summed series: index[t] − index[t−1] = log(Σy_t / Σy_{t−1}) over the
 * series observed in both months, so series starting or ending at different months do not show up as jumps.
 */
interface AggregateIndex {
  start: number;
  index: number[];
}

function aggregateIndex(series: MonthlySeries[], throughIndex: number): AggregateIndex | undefined {
  const spans = series.map((s) => ({ s, start: parsePeriod(s.start), end: Math.min(lastPeriodIndex(s), throughIndex) })).filter((x) => x.end >= x.start);
  if (spans.length === 0) return undefined;
  const start = Math.min(...spans.map((x) => x.start));
  const end = Math.max(...spans.map((x) => x.end));
  const now = new Float64Array(end - start + 1);
  const before = new Float64Array(end - start + 1);
  for (const { s, start: first, end: last } of spans) {
    for (let t = first + 1; t <= last; t++) {
      now[t - start] += s.values[t - first];
      before[t - start] += s.values[t - 1 - first];
    }
  }
  const index = [0];
  for (let i = 1; i < now.length; i++) index.push(index[i - 1] + (now[i] > 0 && before[i] > 0 ? Math.log(now[i] / before[i]) : 0));
  return { start, index };
}

/** Log index at a month (clamped to the months the index covers). */
function aggregateAt(aggregate: AggregateIndex, month: number): number {
  return aggregate.index[clamp(month - aggregate.start, 0, aggregate.index.length - 1)];
}

/** The aggregate's last `aggregateWindow` months up to the origin, as log ratios to its own recent level. */
function aggregateFeatures(aggregate: AggregateIndex | undefined, origin: number, config: ModelShape): number[] {
  if (!aggregate) return new Array<number>(config.aggregateWindow).fill(0);
  const at = (month: number) => aggregateAt(aggregate, month);
  const last = at(origin);
  let level = 0;
  for (let j = 0; j < config.levelMonths; j++) level += Math.exp(at(origin - j) - last);
  const levelLog = last + Math.log(level / config.levelMonths);
  return Array.from({ length: config.aggregateWindow }, (_, j) => clamp(at(origin - config.aggregateWindow + 1 + j) - levelLog, -MAX_LOG, MAX_LOG));
}

function usesAggregate(config: ModelShape): boolean {
  return config.aggregateRelative || config.aggregateWindow > 0;
}

function extrasSize(config: ModelShape): number {
  return config.horizon * 2 + (config.summaryFeatures ? 6 : 0) + (config.historyFeatures ? 2 : 0) + config.aggregateWindow;
}

/**
 * `history` ends at the origin and has at least `window` months. With aggregateRelative, window month t is
 * multiplied by aggregate(origin) / aggregate(t): the series as if overall volume had always been the origin's.
 */
function encodeWindow(history: number[], firstTargetIndex: number, config: ModelShape, aggregate: AggregateIndex | undefined): EncodedWindow {
  let window = history.slice(-config.window);
  if (config.aggregateRelative && aggregate) {
    const origin = firstTargetIndex - 1;
    const atOrigin = aggregateAt(aggregate, origin);
    window = window.map((v, j) => v * Math.exp(atOrigin - aggregateAt(aggregate, origin - window.length + 1 + j)));
  }
  const scaling = windowScaling(window, config);
  const inputs = window.map((v) => normalise(v, scaling, config.normalisation));
  const extras = calendarFeatures(firstTargetIndex, config.horizon);
  if (config.summaryFeatures) extras.push(...summaryFeatures(window, inputs, scaling, config));
  if (config.historyFeatures) extras.push(...historyFeatures(history, config));
  if (config.aggregateWindow > 0) extras.push(...aggregateFeatures(aggregate, firstTargetIndex - 1, config));
  const last = inputs[inputs.length - 1];
  return {
    ...scaling,
    inputs,
    extras,
    anchor: config.anchor === 'last' ? last : 0,
    reference: config.normalisation === 'log-level' ? 0 : last,
  };
}

interface SampleSet {
  inputs: number[];
  extras: number[];
  anchors: number[];
  targets: number[];
  /** Last target month of each sample, for recency weights. */
  targetEnds: number[];
  /** (d value / d z) / MASE scale at the origin, for loss weighting. */
  maseWeights: number[];
  count: number;
  seriesCount: number;
  lastTargetIndex: number;
}

/** Every (window, next horizon months) pair that fits, stride 1. */
function collectSamples(series: MonthlySeries[], config: QuantileModelConfig, throughIndex: number): SampleSet {
  const set: SampleSet = { inputs: [], extras: [], anchors: [], targets: [], targetEnds: [], maseWeights: [], count: 0, seriesCount: 0, lastTargetIndex: -Infinity };
  const { window, horizon } = config;
  const aggregate = usesAggregate(config) ? aggregateIndex(series.filter((s) => validateSeries(s, 1) === undefined), throughIndex) : undefined;
  for (const s of series) {
    const start = parsePeriod(s.start);
    const usable = Math.min(s.values.length, throughIndex - start + 1);
    if (usable < window + horizon) continue;
    set.seriesCount++;
    for (let t = window - 1; t + horizon < usable; t++) {
      const history = s.values.slice(0, t + 1);
      const encoded = encodeWindow(history, start + t + 1, config, aggregate);
      if (config.normalisation === 'log-level' && encoded.scale <= 0) continue; // all-zero window: nothing to scale by
      set.inputs.push(...encoded.inputs);
      set.extras.push(...encoded.extras);
      set.anchors.push(encoded.anchor);
      for (let k = 1; k <= horizon; k++) set.targets.push(normalise(s.values[t + k], encoded, config.normalisation));
      set.targetEnds.push(start + t + horizon);
      set.maseWeights.push(config.lossWeighting === 'mase' ? encoded.scale / maseScale(history) : 1);
      set.count++;
      set.lastTargetIndex = Math.max(set.lastTargetIndex, start + t + horizon);
    }
  }
  return set;
}

function buildNetwork(tf: Tf, config: QuantileModelConfig): tfType.LayersModel {
  const random = seededRandom(config.seed);
  // Every initialiser gets its own seed: unseeded ones draw from Math.random and break reproducibility.
  const nextSeed = () => Math.floor(random() * 2 ** 31);
  const windowInput = tf.input({ shape: [config.window], name: 'window' });
  const extrasInput = tf.input({ shape: [extrasSize(config)], name: 'extras' });
  const joined = config.architecture === 'mlp' ? (tf.layers.concatenate().apply([windowInput, extrasInput]) as tfType.SymbolicTensor) : undefined;
  const outputs: tfType.SymbolicTensor[] = [];
  for (let member = 0; member < config.ensemble; member++) {
    let hidden = config.hiddenUnits;
    let features: tfType.SymbolicTensor;
    if (config.architecture === 'gru') {
      const sequence = tf.layers.reshape({ targetShape: [config.window, 1] }).apply(windowInput) as tfType.SymbolicTensor;
      const encoded = tf.layers
        .gru({
          units: hidden[0],
          kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed() }),
          recurrentInitializer: tf.initializers.orthogonal({ seed: nextSeed() }),
        })
        .apply(sequence) as tfType.SymbolicTensor;
      features = tf.layers.concatenate().apply([encoded, extrasInput]) as tfType.SymbolicTensor;
      hidden = hidden.slice(1);
    } else {
      features = joined!;
    }
    for (const units of hidden) {
      features = tf.layers.dense({ units, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: nextSeed() }) }).apply(features) as tfType.SymbolicTensor;
    }
    outputs.push(
      tf.layers
        .dense({ units: config.horizon * QUANTILES.length, kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed() }), name: config.ensemble > 1 ? `quantiles_${member}` : 'quantiles' })
        .apply(features) as tfType.SymbolicTensor,
    );
  }
  const output = outputs.length > 1 ? (tf.layers.concatenate().apply(outputs) as tfType.SymbolicTensor) : outputs[0];
  return tf.model({ inputs: [windowInput, extrasInput], outputs: output });
}

/**
 * Raw outputs → ordered quantiles [batch, member, horizon, 3]: the median plus softplus offsets below and
 * above, so the 0.1 quantile can never cross the 0.9 one.
 */
function decodeQuantiles(tf: Tf, raw: tfType.Tensor, anchors: tfType.Tensor, horizon: number, members: number): tfType.Tensor4D {
  const [median, below, above] = tf.split(raw.reshape([-1, members, horizon, 3]), 3, 3);
  const centre = median.add(anchors.reshape([-1, 1, 1, 1]));
  return tf.concat([centre.sub(tf.softplus(below)), centre, centre.add(tf.softplus(above))], 3) as tfType.Tensor4D;
}

/** Mean pinball loss over members, steps and quantiles, weighted per sample. */
function pinballLossTensor(tf: Tf, quantiles: tfType.Tensor4D, targets: tfType.Tensor, weights: tfType.Tensor): tfType.Scalar {
  const [, , horizon] = quantiles.shape;
  const error = targets.reshape([-1, 1, horizon, 1]).sub(quantiles);
  const levels = tf.tensor1d([...QUANTILES]);
  const perSample = tf.maximum(error.mul(levels), error.mul(levels.sub(1))).mean([1, 2, 3]);
  return perSample.mul(weights.reshape([-1])).mean() as tfType.Scalar;
}

/** Exponential recency weights times the MASE weights (capped), normalised to mean 1 so the learning rate means the same either way. */
function sampleWeights(targetEnds: number[], halfLife: number | null, maseWeights: number[], maxRatio: number): number[] {
  const newest = Math.max(...targetEnds);
  const finite = maseWeights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const positive = finite.filter((w) => w > 0).sort((a, b) => a - b);
  const cap = positive.length ? maxRatio * positive[Math.floor(positive.length / 2)] : 1;
  const raw = targetEnds.map((end, i) => (halfLife === null ? 1 : 0.5 ** ((newest - end) / halfLife)) * Math.min(finite[i], cap));
  const total = raw.reduce((s, v) => s + v, 0);
  return total > 0 ? raw.map((w) => (w * raw.length) / total) : raw.map(() => 1);
}

/** Trains with a hand-written loop (not model.fit) so batch order comes from a seeded shuffle. */
export async function trainQuantileModel(
  tf: Tf,
  series: MonthlySeries[],
  overrides: Partial<QuantileModelConfig> = {},
  options: TrainOptions = {},
): Promise<QuantileForecastModel> {
  const config = resolveModelConfig(overrides);
  const started = Date.now();
  const throughIndex = options.throughPeriod ? parsePeriod(options.throughPeriod) : Infinity;
  const samples = collectSamples(series, config, throughIndex);
  if (samples.count === 0) throw new RangeError(`no training windows: every series is shorter than window + horizon (${config.window + config.horizon}) months`);

  const { horizon, window, ensemble } = config;
  const inputs = tf.tensor2d(samples.inputs, [samples.count, window]);
  const extras = tf.tensor2d(samples.extras, [samples.count, extrasSize(config)]);
  const anchors = tf.tensor2d(samples.anchors, [samples.count, 1]);
  const targets = tf.tensor2d(samples.targets, [samples.count, horizon]);
  const weights = tf.tensor2d(sampleWeights(samples.targetEnds, config.recencyHalfLife, samples.maseWeights, config.maxWeightRatio), [samples.count, 1]);
  const network = buildNetwork(tf, config);
  const optimizer = tf.train.adam(config.learningRate);
  const random = seededRandom(config.seed ^ 0x5bd1e995);
  const order = Array.from({ length: samples.count }, (_, i) => i);
  let finalLoss = NaN;
  try {
    for (let epoch = 0; epoch < config.epochs; epoch++) {
      const shuffled = seededShuffle(order, random);
      let lossSum = 0;
      for (let b = 0; b < shuffled.length; b += config.batchSize) {
        const batch = shuffled.slice(b, b + config.batchSize);
        lossSum += tf.tidy(() => {
          const index = tf.tensor1d(batch, 'int32');
          const [x, e, a, y, w] = [inputs, extras, anchors, targets, weights].map((t) => tf.gather(t, index));
          const cost = optimizer.minimize(
            () => pinballLossTensor(tf, decodeQuantiles(tf, network.apply([x, e], { training: true }) as tfType.Tensor, a, horizon, ensemble), y, w),
            true,
          );
          return cost!.dataSync()[0] * batch.length;
        });
      }
      finalLoss = lossSum / shuffled.length;
      options.onEpoch?.(epoch, finalLoss);
      // Yield so a long training does not starve the event loop (Bull lock renewal, health checks).
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    network.dispose();
    throw error;
  } finally {
    optimizer.dispose();
    tf.dispose([inputs, extras, anchors, targets, weights]);
  }
  return {
    tf,
    network,
    meta: {
      ...config,
      formatVersion: MODEL_FORMAT_VERSION,
      quantiles: [...QUANTILES],
      trainedThrough: formatPeriod(samples.lastTargetIndex),
      seriesCount: samples.seriesCount,
      sampleCount: samples.count,
      finalLoss,
      trainMs: Date.now() - started,
      backend: tf.getBackend(),
    },
  };
}

export function disposeModel(model: QuantileForecastModel): void {
  model.network.dispose();
}

/**
 * [series][step] → [lower, median, upper] in original units (not clipped). Series need >= window months.
 * The cross-series aggregate (aggregateRelative / aggregateWindow) is built from `context`, by default the
 * batch itself: forecast a whole set at once, as in training, rather than one series at a time.
 */
export function predictQuantiles(model: QuantileForecastModel, series: MonthlySeries[], context: MonthlySeries[] = series): number[][][] {
  if (series.length === 0) return [];
  const { tf, network, meta } = model;
  const usable = context.filter((s) => validateSeries(s, 1) === undefined);
  const aggregate = usesAggregate(meta) ? aggregateIndex(usable, Math.max(...series.map(lastPeriodIndex))) : undefined;
  const encoded = series.map((s) => encodeWindow(s.values, lastPeriodIndex(s) + 1, meta, aggregate));
  const raw = tf.tidy(() => {
    const x = tf.tensor2d(encoded.flatMap((e) => e.inputs), [encoded.length, meta.window]);
    const e = tf.tensor2d(encoded.flatMap((w) => w.extras), [encoded.length, extrasSize(meta)]);
    const a = tf.tensor2d(encoded.map((w) => w.anchor), [encoded.length, 1]);
    return decodeQuantiles(tf, network.predict([x, e]) as tfType.Tensor, a, meta.horizon, meta.ensemble).mean(1).arraySync() as number[][][];
  });
  return raw.map((steps, i) => {
    const baseline = meta.blendWeight > 0 ? pointForecast(meta.blendBaseline, series[i].values, meta.horizon) : [];
    return steps.map((q, k) => {
      // Damping moves the whole interval with the median, in normalised units.
      const shift = (meta.damping - 1) * (q[1] - encoded[i].reference);
      const [lower, median, upper] = q.map((z) => denormalise(z + shift, encoded[i], meta.normalisation));
      if (meta.blendWeight === 0) return [lower, median, upper];
      const blended = (1 - meta.blendWeight) * median + meta.blendWeight * baseline[k];
      return [blended - (median - lower), blended, blended + (upper - median)];
    });
  });
}

/** Batch form of forecastSeries: one network call for all valid series (which are also the aggregate's context unless one is given). */
export function forecastMany(model: QuantileForecastModel, series: MonthlySeries[], horizon = model.meta.horizon, context?: MonthlySeries[]): Array<ForecastResult | SeriesFailure> {
  const results: Array<ForecastResult | SeriesFailure> = series.map(
    (s) => validateSeries(s, model.meta.minHistory) ?? validateHorizon(s.key, horizon, model.meta.horizon) ?? { ok: true, key: s.key, history: [], forecast: [] },
  );
  const valid = series.filter((_, i) => results[i].ok);
  const predictions = predictQuantiles(model, valid, context ?? valid);
  let next = 0;
  return results.map((result, i) => {
    if (!result.ok) return result;
    const s = series[i];
    const firstTarget = lastPeriodIndex(s) + 1;
    const steps = predictions[next++].slice(0, horizon);
    return {
      ok: true,
      key: s.key,
      history: toPeriodValues(s),
      forecast: steps.map(([lower, value, upper], k) => ({
        period: formatPeriod(firstTarget + k),
        value: Math.max(0, value),
        lower: Math.max(0, lower),
        upper: Math.max(0, upper),
      })),
    };
  });
}

/** `context`: the set the series belongs to, for the cross-series aggregate (default: the series alone). */
export function forecastSeries(model: QuantileForecastModel, series: MonthlySeries, horizon = model.meta.horizon, context?: MonthlySeries[]): ForecastResult | SeriesFailure {
  return forecastMany(model, [series], horizon, context)[0];
}

export async function serializeModel(model: QuantileForecastModel): Promise<SerializedQuantileModel> {
  const { tf } = model;
  let artifacts: tfType.io.ModelArtifacts | undefined;
  await model.network.save(
    tf.io.withSaveHandler(async (saved) => {
      artifacts = saved;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!artifacts?.modelTopology || !artifacts.weightSpecs || !artifacts.weightData) throw new Error('model save produced no artifacts');
  const data = artifacts.weightData;
  const weights = Buffer.from(Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data);
  return { topology: artifacts.modelTopology as object, weights, weightSpecs: artifacts.weightSpecs, meta: { ...model.meta } };
}

/** What a version-1 model (before ensembles, summary and aggregate inputs, loss weighting and damping) implied. */
const V1_DEFAULTS: Partial<QuantileModelConfig> = { logOffset: 0.5, levelMonths: 3, ensemble: 1, summaryFeatures: false, historyFeatures: false, aggregateWindow: 0, aggregateRelative: false, lossWeighting: 'none', maxWeightRatio: 5, damping: 1 };

/** Accepts the Buffer that pg returns for a bytea column (possibly a view into a larger pooled buffer). */
export async function deserializeModel(tf: Tf, stored: SerializedQuantileModel): Promise<QuantileForecastModel> {
  const version = stored.meta.formatVersion as number;
  if (version !== 1 && version !== MODEL_FORMAT_VERSION) throw new Error(`unsupported forecast model formatVersion ${String(version)}`);
  const bytes = stored.weights;
  const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const network = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: stored.topology, weightSpecs: stored.weightSpecs, weightData }));
  const meta = version === 1 ? { ...V1_DEFAULTS, ...stored.meta, formatVersion: MODEL_FORMAT_VERSION } : { ...stored.meta };
  return { tf, network, meta: meta as QuantileModelMeta };
}
