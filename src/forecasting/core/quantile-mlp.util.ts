/**
 * One global quantile network trained across all series: the last `window` months, scaled per window,
 * plus sin/cos of each target month in; `horizon` steps × (0.1, 0.5, 0.9) quantiles out (direct
 * multi-horizon), trained with pinball loss.
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

export type Tf = typeof tfType;

export const QUANTILES = [0.1, 0.5, 0.9] as const;

/**
 * How a window is made scale-free: x / mean, log1p(x / mean), or (x - mean) / mean|Δx| (window-diff).
 * Targets use the same window statistics, so nothing from the future leaks into the scaling.
 */
export type Normalisation = 'window-mean' | 'log1p-mean' | 'window-diff';
/** 'gru' is for comparison only: it trains on WASM but ~10× slower (conv1d and Embedding do not train there). */
export type Architecture = 'mlp' | 'gru';
/** 'last': the network predicts change from the last (normalised) value, so an untrained net is naive. */
export type Anchor = 'last' | 'none';

export interface QuantileModelConfig {
  window: number;
  horizon: number;
  /** Shorter series are answered with INSUFFICIENT_HISTORY; default window + horizon. */
  minHistory: number;
  normalisation: Normalisation;
  anchor: Anchor;
  architecture: Architecture;
  hiddenUnits: number[];
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  /** Served median = (1 - blendWeight)·model + blendWeight·blendBaseline; interval widths are kept. */
  blendBaseline: BaselineMethod;
  blendWeight: number;
  /** Training windows this many months older than the newest count half as much; null = all equal. */
  recencyHalfLife: number | null;
}

/**
 * Chosen by backtest (bench/forecast-core.bench.ts): window-diff beat window-mean and log1p-mean on the
 * synthetic set and on the HN validation year; window 12 with 32×32 units for 20 epochs matched or beat
 * window 24/36 and 64×64×30 there at about half the training time. A GRU tied the MLP on HN shares at
 * ~10× the training time on WASM, so the MLP is the default.
 */
export const DEFAULT_MODEL_CONFIG: Readonly<QuantileModelConfig> = {
  window: 12,
  horizon: 6,
  minHistory: 18,
  normalisation: 'window-diff',
  anchor: 'last',
  architecture: 'mlp',
  hiddenUnits: [32, 32],
  epochs: 20,
  batchSize: 128,
  learningRate: 1e-3,
  seed: 7,
  blendBaseline: 'ses',
  blendWeight: 0,
  recencyHalfLife: null,
};

export interface QuantileModelMeta extends QuantileModelConfig {
  formatVersion: 1;
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

export function resolveModelConfig(overrides: Partial<QuantileModelConfig> = {}): QuantileModelConfig {
  const config = { ...DEFAULT_MODEL_CONFIG, ...overrides };
  if (overrides.minHistory === undefined) config.minHistory = config.window + config.horizon;
  if (!Number.isInteger(config.window) || config.window < 2) throw new RangeError(`window must be an integer >= 2, got ${config.window}`);
  if (!Number.isInteger(config.horizon) || config.horizon < 1 || config.horizon > MAX_HORIZON) {
    throw new RangeError(`horizon must be an integer in 1..${MAX_HORIZON}, got ${config.horizon}`);
  }
  if (config.minHistory < config.window) throw new RangeError(`minHistory (${config.minHistory}) must be >= window (${config.window})`);
  if (config.blendWeight < 0 || config.blendWeight > 1) throw new RangeError(`blendWeight must be in [0, 1], got ${config.blendWeight}`);
  return config;
}

interface EncodedWindow {
  inputs: number[];
  calendar: number[];
  offset: number;
  scale: number;
  anchor: number;
}

function normalise(value: number, w: Pick<EncodedWindow, 'offset' | 'scale'>, normalisation: Normalisation): number {
  const z = Math.max(-MAX_NORMALISED, Math.min((value - w.offset) / w.scale, MAX_NORMALISED));
  return normalisation === 'log1p-mean' ? Math.log1p(z) : z;
}

function denormalise(z: number, w: Pick<EncodedWindow, 'offset' | 'scale'>, normalisation: Normalisation): number {
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

function windowScaling(window: number[], normalisation: Normalisation): Pick<EncodedWindow, 'offset' | 'scale'> {
  const mean = window.reduce((s, v) => s + v, 0) / window.length;
  if (normalisation === 'window-diff') {
    // Month-to-month variability as the unit: the pinball loss then weighs series the way MASE does.
    let diff = 0;
    for (let t = 1; t < window.length; t++) diff += Math.abs(window[t] - window[t - 1]);
    diff /= window.length - 1;
    return { offset: mean, scale: diff > 0 ? diff : mean > 0 ? mean : 1 };
  }
  return { offset: 0, scale: mean > 0 ? mean : 1 };
}

function encodeWindow(window: number[], firstTargetIndex: number, config: QuantileModelConfig): EncodedWindow {
  const scaling = windowScaling(window, config.normalisation);
  const inputs = window.map((v) => normalise(v, scaling, config.normalisation));
  return { ...scaling, inputs, calendar: calendarFeatures(firstTargetIndex, config.horizon), anchor: config.anchor === 'last' ? inputs[inputs.length - 1] : 0 };
}

interface SampleSet {
  inputs: number[];
  calendar: number[];
  anchors: number[];
  targets: number[];
  /** Last target month of each sample, for recency weights. */
  targetEnds: number[];
  count: number;
  seriesCount: number;
  lastTargetIndex: number;
}

/** Every (window, next horizon months) pair that fits, stride 1. */
function collectSamples(series: MonthlySeries[], config: QuantileModelConfig, throughIndex: number): SampleSet {
  const set: SampleSet = { inputs: [], calendar: [], anchors: [], targets: [], targetEnds: [], count: 0, seriesCount: 0, lastTargetIndex: -Infinity };
  const { window, horizon } = config;
  for (const s of series) {
    const start = parsePeriod(s.start);
    const usable = Math.min(s.values.length, throughIndex - start + 1);
    if (usable < window + horizon) continue;
    set.seriesCount++;
    for (let t = window - 1; t + horizon < usable; t++) {
      const encoded = encodeWindow(s.values.slice(t - window + 1, t + 1), start + t + 1, config);
      set.inputs.push(...encoded.inputs);
      set.calendar.push(...encoded.calendar);
      set.anchors.push(encoded.anchor);
      for (let k = 1; k <= horizon; k++) set.targets.push(normalise(s.values[t + k], encoded, config.normalisation));
      set.targetEnds.push(start + t + horizon);
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
  const calendarInput = tf.input({ shape: [config.horizon * 2], name: 'calendar' });
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
    features = tf.layers.concatenate().apply([encoded, calendarInput]) as tfType.SymbolicTensor;
    hidden = hidden.slice(1);
  } else {
    features = tf.layers.concatenate().apply([windowInput, calendarInput]) as tfType.SymbolicTensor;
  }
  for (const units of hidden) {
    features = tf.layers.dense({ units, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: nextSeed() }) }).apply(features) as tfType.SymbolicTensor;
  }
  const output = tf.layers
    .dense({ units: config.horizon * QUANTILES.length, kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed() }), name: 'quantiles' })
    .apply(features) as tfType.SymbolicTensor;
  return tf.model({ inputs: [windowInput, calendarInput], outputs: output });
}

/**
 * Raw outputs → ordered quantiles [batch, horizon, 3]: the median plus softplus offsets below and above,
 * so the 0.1 quantile can never cross the 0.9 one.
 */
function decodeQuantiles(tf: Tf, raw: tfType.Tensor, anchors: tfType.Tensor, horizon: number): tfType.Tensor3D {
  const [median, below, above] = tf.split(raw.reshape([-1, horizon, 3]), 3, 2);
  const centre = median.add(anchors.reshape([-1, 1, 1]));
  return tf.concat([centre.sub(tf.softplus(below)), centre, centre.add(tf.softplus(above))], 2) as tfType.Tensor3D;
}

function pinballLossTensor(tf: Tf, quantiles: tfType.Tensor3D, targets: tfType.Tensor, weights: tfType.Tensor): tfType.Scalar {
  const error = targets.expandDims(2).sub(quantiles);
  const levels = tf.tensor1d([...QUANTILES]);
  const perSample = tf.maximum(error.mul(levels), error.mul(levels.sub(1))).mean([1, 2]);
  return perSample.mul(weights.reshape([-1])).mean() as tfType.Scalar;
}

/** Exponential recency weights, normalised to mean 1 so the learning rate means the same either way. */
function recencyWeights(targetEnds: number[], halfLife: number | null): number[] {
  if (halfLife === null) return targetEnds.map(() => 1);
  const newest = Math.max(...targetEnds);
  const raw = targetEnds.map((end) => 0.5 ** ((newest - end) / halfLife));
  const mean = raw.reduce((s, v) => s + v, 0) / raw.length;
  return raw.map((w) => w / mean);
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

  const { horizon, window } = config;
  const inputs = tf.tensor2d(samples.inputs, [samples.count, window]);
  const calendar = tf.tensor2d(samples.calendar, [samples.count, horizon * 2]);
  const anchors = tf.tensor2d(samples.anchors, [samples.count, 1]);
  const targets = tf.tensor2d(samples.targets, [samples.count, horizon]);
  const weights = tf.tensor2d(recencyWeights(samples.targetEnds, config.recencyHalfLife), [samples.count, 1]);
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
          const [x, c, a, y, w] = [inputs, calendar, anchors, targets, weights].map((t) => tf.gather(t, index));
          const cost = optimizer.minimize(() => pinballLossTensor(tf, decodeQuantiles(tf, network.apply([x, c], { training: true }) as tfType.Tensor, a, horizon), y, w), true);
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
    tf.dispose([inputs, calendar, anchors, targets, weights]);
  }
  return {
    tf,
    network,
    meta: {
      ...config,
      formatVersion: 1,
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

/** [series][step] → [lower, median, upper] in original units (not clipped). Series need >= window months. */
export function predictQuantiles(model: QuantileForecastModel, series: MonthlySeries[]): number[][][] {
  if (series.length === 0) return [];
  const { tf, network, meta } = model;
  const encoded = series.map((s) => encodeWindow(s.values.slice(-meta.window), lastPeriodIndex(s) + 1, meta));
  const raw = tf.tidy(() => {
    const x = tf.tensor2d(encoded.flatMap((e) => e.inputs), [encoded.length, meta.window]);
    const c = tf.tensor2d(encoded.flatMap((e) => e.calendar), [encoded.length, meta.horizon * 2]);
    const a = tf.tensor2d(encoded.map((e) => e.anchor), [encoded.length, 1]);
    return decodeQuantiles(tf, network.predict([x, c]) as tfType.Tensor, a, meta.horizon).arraySync();
  });
  return raw.map((steps, i) => {
    const baseline = meta.blendWeight > 0 ? pointForecast(meta.blendBaseline, series[i].values, meta.horizon) : [];
    return steps.map((q, k) => {
      const [lower, median, upper] = q.map((z) => denormalise(z, encoded[i], meta.normalisation));
      if (meta.blendWeight === 0) return [lower, median, upper];
      const blended = (1 - meta.blendWeight) * median + meta.blendWeight * baseline[k];
      return [blended - (median - lower), blended, blended + (upper - median)];
    });
  });
}

/** Batch form of forecastSeries: one network call for all valid series. */
export function forecastMany(model: QuantileForecastModel, series: MonthlySeries[], horizon = model.meta.horizon): Array<ForecastResult | SeriesFailure> {
  const results: Array<ForecastResult | SeriesFailure> = series.map(
    (s) => validateSeries(s, model.meta.minHistory) ?? validateHorizon(s.key, horizon, model.meta.horizon) ?? { ok: true, key: s.key, history: [], forecast: [] },
  );
  const valid = series.filter((_, i) => results[i].ok);
  const predictions = predictQuantiles(model, valid);
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

export function forecastSeries(model: QuantileForecastModel, series: MonthlySeries, horizon = model.meta.horizon): ForecastResult | SeriesFailure {
  return forecastMany(model, [series], horizon)[0];
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

/** Accepts the Buffer that pg returns for a bytea column (possibly a view into a larger pooled buffer). */
export async function deserializeModel(tf: Tf, stored: SerializedQuantileModel): Promise<QuantileForecastModel> {
  if (stored.meta.formatVersion !== 1) throw new Error(`unsupported forecast model formatVersion ${String(stored.meta.formatVersion)}`);
  const bytes = stored.weights;
  const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const network = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: stored.topology, weightSpecs: stored.weightSpecs, weightData }));
  return { tf, network, meta: { ...stored.meta } };
}
