import { selectTfBackend } from '../../ml/tfjs-backend';
import {
  deserializeModel,
  disposeModel,
  forecastMany,
  forecastSeries,
  predictQuantiles,
  serializeModel,
  trainQuantileModel,
  type QuantileForecastModel,
  type QuantileModelConfig,
  type Tf,
} from './quantile-mlp.util';
import type { ForecastResult } from './series.util';
import { syntheticSeries } from './synthetic-series.util';

/** Small enough to train in about a second on WASM; the accuracy test lives in backtest.util.spec.ts. */
const SMALL: Partial<QuantileModelConfig> = { window: 12, horizon: 3, hiddenUnits: [16], epochs: 4, batchSize: 64, seed: 11, ensemble: 2 };
/** The version-1 model: one network, window inputs and calendar only. */
const V1_SHAPE: Partial<QuantileModelConfig> = { ensemble: 1, summaryFeatures: false, historyFeatures: false, aggregateRelative: false, aggregateWindow: 0 };

describe('quantile-mlp.util', () => {
  let tf: Tf;
  let model: QuantileForecastModel;
  const series = syntheticSeries({ count: 12, months: 48, seed: 5 });

  beforeAll(async () => {
    ({ tf } = await selectTfBackend());
    model = await trainQuantileModel(tf, series, SMALL);
  });

  afterAll(() => disposeModel(model));

  it('forecasts labelled months with ordered, non-negative quantiles', () => {
    const result = forecastSeries(model, series[0], 3) as ForecastResult;
    expect(result.ok).toBe(true);
    expect(result.history).toHaveLength(48);
    expect(result.forecast.map((p) => p.period)).toEqual(['2019-01', '2019-02', '2019-03']);
    for (const p of result.forecast) {
      expect(p.lower).toBeGreaterThanOrEqual(0);
      expect(p.lower).toBeLessThanOrEqual(p.value);
      expect(p.value).toBeLessThanOrEqual(p.upper);
    }
    expect(model.meta).toMatchObject({ trainedThrough: '2018-12', seriesCount: 12, sampleCount: 12 * (48 - 12 - 3 + 1), minHistory: 15 });
  });

  it('answers insufficient history and bad horizons with typed results, never throwing', () => {
    expect(forecastSeries(model, { key: 'young-skill', start: '2024-01', values: [1, 2, 3, 4, 5] }, 3)).toEqual({
      ok: false,
      key: 'young-skill',
      reason: 'INSUFFICIENT_HISTORY',
      message: 'insufficient history (5 months, need 15)',
    });
    expect(forecastSeries(model, series[0], 4)).toMatchObject({ ok: false, reason: 'INVALID_HORIZON' });
    const mixed = forecastMany(model, [series[1], { key: 'short', start: '2024-01', values: [1] }], 2);
    expect(mixed.map((r) => r.ok)).toEqual([true, false]);
  });

  it('round-trips through a bytea-like buffer and predicts identical numbers', async () => {
    const stored = await serializeModel(model);
    expect(Buffer.isBuffer(stored.weights)).toBe(true);
    // pg hands back Buffers that may be views into a larger pool, and JSON columns come back re-parsed.
    const pooled = Buffer.concat([Buffer.from('padding'), stored.weights]).subarray(7);
    const fromDb = { ...(JSON.parse(JSON.stringify({ ...stored, weights: undefined })) as typeof stored), weights: pooled };
    const loaded = await deserializeModel(tf, fromDb);
    try {
      expect(predictQuantiles(loaded, series)).toEqual(predictQuantiles(model, series));
      expect(loaded.meta).toEqual(model.meta);
    } finally {
      disposeModel(loaded);
    }
  });

  it('is reproducible: the same seed gives the same predictions, another seed does not', async () => {
    const a = await trainQuantileModel(tf, series, SMALL);
    const b = await trainQuantileModel(tf, series, SMALL);
    const c = await trainQuantileModel(tf, series, { ...SMALL, seed: 12 });
    try {
      expect(predictQuantiles(a, series)).toEqual(predictQuantiles(b, series));
      expect(predictQuantiles(c, series)).not.toEqual(predictQuantiles(a, series));
    } finally {
      [a, b, c].forEach(disposeModel);
    }
  });

  it('leaks no tensors across train, predict, serialize, load and dispose', async () => {
    const before = tf.memory().numTensors;
    const trained = await trainQuantileModel(tf, series, { ...SMALL, epochs: 1 });
    forecastMany(trained, series, 3);
    const loaded = await deserializeModel(tf, await serializeModel(trained));
    forecastSeries(loaded, series[0]);
    disposeModel(trained);
    disposeModel(loaded);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('learns nothing from months after throughPeriod, the cross-series aggregate included', async () => {
    const through = '2017-12'; // 36 of 48 months
    const garbled = series.map((s, i) => ({ ...s, values: s.values.map((v, t) => (t >= 36 ? v * (3 + i) + 1000 : v)) }));
    const known = series.map((s) => ({ ...s, values: s.values.slice(0, 36) }));
    const a = await trainQuantileModel(tf, series, { ...SMALL, epochs: 2 }, { throughPeriod: through });
    const b = await trainQuantileModel(tf, garbled, { ...SMALL, epochs: 2 }, { throughPeriod: through });
    try {
      expect(a.meta.trainedThrough).toBe(through);
      expect(predictQuantiles(b, known)).toEqual(predictQuantiles(a, known));
    } finally {
      [a, b].forEach(disposeModel);
    }
  });

  it('reads the aggregate from the set it is given: one series with its set as context matches the batch', () => {
    const batch = forecastMany(model, series, 3);
    expect(forecastSeries(model, series[4], 3, series)).toEqual(batch[4]);
    expect(forecastSeries(model, series[4], 3)).not.toEqual(batch[4]);
  });

  it('is scale-free: multiplying a whole set by a constant multiplies its forecasts', () => {
    const scaled = series.map((s) => ({ ...s, values: s.values.map((v) => v * 1000) }));
    const base = predictQuantiles(model, series);
    predictQuantiles(model, scaled).forEach((steps, i) =>
      steps.forEach((q, k) => q.forEach((v, j) => expect(v / 1000).toBeCloseTo(base[i][k][j], 6))),
    );
  });

  it('still loads and predicts with a version-1 model (no ensemble, no extra inputs)', async () => {
    const legacy = await trainQuantileModel(tf, series, { ...SMALL, ...V1_SHAPE, epochs: 1 });
    const stored = await serializeModel(legacy);
    const { ensemble, summaryFeatures, historyFeatures, aggregateWindow, aggregateRelative, lossWeighting, maxWeightRatio, damping, logOffset, levelMonths, ...v1Meta } = stored.meta;
    const loaded = await deserializeModel(tf, { ...stored, meta: { ...v1Meta, formatVersion: 1 } as unknown as typeof stored.meta });
    try {
      expect(predictQuantiles(loaded, series)).toEqual(predictQuantiles(legacy, series));
      expect(loaded.meta).toEqual(legacy.meta);
    } finally {
      [legacy, loaded].forEach(disposeModel);
    }
  });

  it('refuses to train when no series is long enough', async () => {
    await expect(trainQuantileModel(tf, [{ key: 'a', start: '2024-01', values: [1, 2] }], SMALL)).rejects.toThrow(RangeError);
  });
});
