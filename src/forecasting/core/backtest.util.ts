/**
 * Rolling-origin backtest of the global model against every baseline.
 *
 * Origins are calendar months (the last observed month at each origin): the last `origins` months from
 * which a full `horizon` still fits before the latest month in the data. The model is trained ONCE on
 * data up to the first origin and reused at later origins with their newer inputs; no target it is
 * scored on was seen in training. Retraining per origin would be slightly more faithful and k times slower.
 *
 * Per series and origin, MASE uses that origin's in-sample scale; a series' MASE is the mean over its
 * origins, and overall MASE is the mean over series. Series whose scale is undefined (constant history)
 * are excluded for every method alike and counted in `unscaledSeries`.
 */
import { BASELINE_METHODS, baselineForecast, SEASON_LENGTH, type BaselineMethod } from './baselines.util';
import { finiteMean, intervalCoverage, maseScale, meanAbsoluteError, smape } from './metrics.util';
import { disposeModel, predictQuantiles, resolveModelConfig, trainQuantileModel, type QuantileModelConfig, type QuantileModelMeta, type Tf } from './quantile-mlp.util';
import { formatPeriod, insufficientHistory, lastPeriodIndex, MAX_HORIZON, parsePeriod, seriesThrough, validateSeries, type MonthlySeries, type SeriesFailure } from './series.util';

export const MODEL_METHOD = 'model';
export type BlendMethod = `model+${BaselineMethod}@${number}`;
export type BacktestMethod = typeof MODEL_METHOD | BaselineMethod | BlendMethod;

export interface BacktestOptions {
  horizon?: number;
  origins?: number;
  model?: Partial<QuantileModelConfig>;
  /** Extra diagnostic rows (never promoted): the model's median blended with a baseline at a baseline weight. */
  blends?: Array<{ baseline: BaselineMethod; weight: number }>;
  seasonLength?: number;
}

export interface MethodMetrics {
  method: BacktestMethod;
  mase: number;
  smape: number;
  coverage: number;
  seriesCount: number;
}

export interface SeriesMetrics {
  key: string;
  method: BacktestMethod;
  mase: number;
  smape: number;
  coverage: number;
}

export interface BacktestReport {
  horizon: number;
  originPeriods: string[];
  overall: MethodMetrics[];
  perSeries: SeriesMetrics[];
  skipped: SeriesFailure[];
  unscaledSeries: string[];
  bestBaseline: { method: BaselineMethod; mase: number };
  modelMase: number;
  /** 1 - model / best baseline: positive means the model is better. */
  improvement: number;
  promote: boolean;
  modelMeta: QuantileModelMeta;
}

interface Accumulator {
  scaledErrors: number[];
  smapes: number[];
  covered: number;
  points: number;
}

function accumulate(acc: Accumulator, actual: number[], point: number[], lower: number[], upper: number[], scale: number): void {
  acc.scaledErrors.push(meanAbsoluteError(actual, point) / scale);
  acc.smapes.push(smape(actual, point));
  acc.covered += intervalCoverage(actual, lower, upper) * actual.length;
  acc.points += actual.length;
}

const clip = (values: number[]) => values.map((v) => Math.max(0, v));

export async function runBacktest(tf: Tf, series: MonthlySeries[], options: BacktestOptions = {}): Promise<BacktestReport> {
  const { horizon = 6, origins = 6, blends = [], seasonLength = SEASON_LENGTH } = options;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON) throw new RangeError(`horizon must be an integer in 1..${MAX_HORIZON}, got ${horizon}`);
  if (!Number.isInteger(origins) || origins < 1) throw new RangeError(`origins must be a positive integer, got ${origins}`);
  const config = resolveModelConfig({ ...options.model, horizon });

  const lastIndex = Math.max(...series.filter((s) => validateSeries(s, 0) === undefined).map(lastPeriodIndex));
  const originIndexes = Array.from({ length: origins }, (_, i) => lastIndex - horizon - (origins - 1) + i);
  const firstOrigin = originIndexes[0];

  const skipped: SeriesFailure[] = [];
  const eligible: MonthlySeries[] = [];
  for (const s of series) {
    const invalid = validateSeries(s, 0);
    const known = invalid ? 0 : firstOrigin - parsePeriod(s.start) + 1;
    if (invalid) skipped.push(invalid);
    // In a backtest, "history" is what was known at the first origin.
    else if (known < config.minHistory) skipped.push(insufficientHistory(s.key, Math.max(0, known), config.minHistory));
    else eligible.push(s);
  }
  if (eligible.length === 0) throw new RangeError('no series has enough history before the first backtest origin');

  const model = await trainQuantileModel(tf, eligible, config, { throughPeriod: formatPeriod(firstOrigin) });
  const blendLabel = (b: { baseline: BaselineMethod; weight: number }): BlendMethod => `model+${b.baseline}@${b.weight}`;
  const methods: BacktestMethod[] = [MODEL_METHOD, ...blends.map(blendLabel), ...BASELINE_METHODS];
  const accumulators = new Map<string, Map<BacktestMethod, Accumulator>>(
    eligible.map((s) => [s.key, new Map(methods.map((m) => [m, { scaledErrors: [], smapes: [], covered: 0, points: 0 }]))]),
  );
  const unscaled = new Set<string>();
  try {
    for (const origin of originIndexes) {
      const scored = eligible.filter((s) => lastPeriodIndex(s) >= origin + horizon);
      const known = scored.map((s) => seriesThrough(s, origin));
      const quantiles = predictQuantiles(model, known);
      scored.forEach((s, i) => {
        const insample = known[i].values;
        const actual = s.values.slice(insample.length, insample.length + horizon);
        const scale = maseScale(insample, seasonLength);
        if (!Number.isFinite(scale)) unscaled.add(s.key);
        const acc = accumulators.get(s.key)!;
        const [lower, median, upper] = [0, 1, 2].map((q) => quantiles[i].map((step) => step[q]));
        accumulate(acc.get(MODEL_METHOD)!, actual, clip(median), clip(lower), clip(upper), scale);
        const baselines = new Map(BASELINE_METHODS.map((method) => [method, baselineForecast(method, insample, horizon, { seasonLength })]));
        for (const blend of blends) {
          const point = baselines.get(blend.baseline)!.point;
          const shift = median.map((m, k) => blend.weight * (point[k] - m));
          const moved = (values: number[]) => clip(values.map((v, k) => v + shift[k]));
          accumulate(acc.get(blendLabel(blend))!, actual, moved(median), moved(lower), moved(upper), scale);
        }
        for (const [method, f] of baselines) accumulate(acc.get(method)!, actual, clip(f.point), clip(f.lower), clip(f.upper), scale);
      });
    }
  } finally {
    disposeModel(model);
  }

  const perSeries: SeriesMetrics[] = [];
  for (const [key, byMethod] of accumulators) {
    for (const [method, acc] of byMethod) {
      if (acc.points === 0) continue;
      perSeries.push({ key, method, mase: unscaled.has(key) ? NaN : finiteMean(acc.scaledErrors), smape: finiteMean(acc.smapes), coverage: acc.covered / acc.points });
    }
  }
  const overall = methods.map((method): MethodMetrics => {
    const rows = perSeries.filter((r) => r.method === method && Number.isFinite(r.mase));
    return { method, mase: finiteMean(rows.map((r) => r.mase)), smape: finiteMean(rows.map((r) => r.smape)), coverage: finiteMean(rows.map((r) => r.coverage)), seriesCount: rows.length };
  });
  const baselines = overall.filter((r) => (BASELINE_METHODS as readonly string[]).includes(r.method));
  const best = baselines.reduce((a, b) => (b.mase < a.mase ? b : a));
  const modelMase = overall[0].mase;
  return {
    horizon,
    originPeriods: originIndexes.map(formatPeriod),
    overall,
    perSeries,
    skipped,
    unscaledSeries: [...unscaled],
    bestBaseline: { method: best.method as BaselineMethod, mase: best.mase },
    modelMase,
    improvement: 1 - modelMase / best.mase,
    promote: modelMase < best.mase,
    modelMeta: model.meta,
  };
}
