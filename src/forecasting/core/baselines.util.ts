/**
 * Classical baselines the global model has to beat. Each gives an h-step point forecast plus an 80%
 * interval from empirical quantiles of its own in-sample h-step errors, so coverage is comparable with
 * the model's quantiles.
 */

import { formatPeriod, lastPeriodIndex, toPeriodValues, validateHorizon, validateSeries, type ForecastResult, type MonthlySeries, type SeriesFailure } from './series.util';

export type BaselineMethod = 'naive' | 'seasonal-naive' | 'drift' | 'ses';

export const BASELINE_METHODS: readonly BaselineMethod[] = ['naive', 'seasonal-naive', 'drift', 'ses'];

export const SEASON_LENGTH = 12;

export interface IntervalForecast {
  point: number[];
  lower: number[];
  upper: number[];
}

export interface IntervalOptions {
  lowerQuantile?: number;
  upperQuantile?: number;
  seasonLength?: number;
  /** Fewer in-sample errors than this at a step: borrow a shorter step's errors, widened by sqrt(h). */
  minErrors?: number;
}

export function naiveForecast(values: number[], horizon: number): number[] {
  return Array.from({ length: horizon }, () => values[values.length - 1]);
}

/** Same month last year; with less than one season of history it degrades to naive. */
export function seasonalNaiveForecast(values: number[], horizon: number, seasonLength = SEASON_LENGTH): number[] {
  const n = values.length;
  if (n < seasonLength) return naiveForecast(values, horizon);
  return Array.from({ length: horizon }, (_, i) => values[n - seasonLength + (i % seasonLength)]);
}

/** Naive plus the average historical change per month (the line through the first and last points). */
export function driftForecast(values: number[], horizon: number): number[] {
  const n = values.length;
  const slope = n > 1 ? (values[n - 1] - values[0]) / (n - 1) : 0;
  return Array.from({ length: horizon }, (_, i) => values[n - 1] + slope * (i + 1));
}

/** Levels l_0..l_{n-1} of simple exponential smoothing, l_0 = y_0. */
export function sesLevels(values: number[], alpha: number): number[] {
  const levels: number[] = [];
  let level = values[0];
  for (const y of values) {
    level = levels.length === 0 ? y : alpha * y + (1 - alpha) * level;
    levels.push(level);
  }
  return levels;
}

/** Alpha on a 0.01 grid over (0, 1] minimising the in-sample one-step SSE; ties keep the smaller alpha. */
export function fitSesAlpha(values: number[]): number {
  let best = { alpha: 1, sse: Infinity };
  for (let step = 1; step <= 100; step++) {
    const alpha = step / 100;
    let level = values[0];
    let sse = 0;
    for (let t = 1; t < values.length; t++) {
      sse += (values[t] - level) ** 2;
      level = alpha * values[t] + (1 - alpha) * level;
    }
    if (sse < best.sse - 1e-12) best = { alpha, sse };
  }
  return best.alpha;
}

export function sesForecast(values: number[], horizon: number, alpha = fitSesAlpha(values)): number[] {
  const levels = sesLevels(values, alpha);
  return Array.from({ length: horizon }, () => levels[levels.length - 1]);
}

export function pointForecast(method: BaselineMethod, values: number[], horizon: number, seasonLength = SEASON_LENGTH): number[] {
  switch (method) {
    case 'naive':
      return naiveForecast(values, horizon);
    case 'seasonal-naive':
      return seasonalNaiveForecast(values, horizon, seasonLength);
    case 'drift':
      return driftForecast(values, horizon);
    case 'ses':
      return sesForecast(values, horizon);
  }
}

/** Type-7 (linear interpolation) empirical quantile, as R and numpy default to. */
export function empiricalQuantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/**
 * In-sample errors y[t+k] - forecast made at t for step k, for every origin t that the method can use.
 * SES reuses the alpha fitted on the whole history (refitting per origin costs O(n²·grid) for little change).
 */
export function inSampleErrors(method: BaselineMethod, values: number[], horizon: number, seasonLength = SEASON_LENGTH): number[][] {
  const n = values.length;
  const levels = method === 'ses' ? sesLevels(values, fitSesAlpha(values)) : [];
  const firstOrigin = method === 'seasonal-naive' ? seasonLength - 1 : method === 'drift' ? 1 : 0;
  const errors: number[][] = Array.from({ length: horizon }, () => []);
  for (let t = firstOrigin; t < n - 1; t++) {
    for (let k = 1; k <= horizon && t + k < n; k++) {
      let forecast: number;
      if (method === 'naive') forecast = values[t];
      else if (method === 'seasonal-naive') forecast = values[t + k - seasonLength * Math.ceil(k / seasonLength)];
      else if (method === 'drift') forecast = values[t] + (k * (values[t] - values[0])) / t;
      else forecast = levels[t];
      errors[k - 1].push(values[t + k] - forecast);
    }
  }
  return errors;
}

export function baselineForecast(method: BaselineMethod, values: number[], horizon: number, options: IntervalOptions = {}): IntervalForecast {
  const { lowerQuantile = 0.1, upperQuantile = 0.9, seasonLength = SEASON_LENGTH, minErrors = 5 } = options;
  const point = pointForecast(method, values, horizon, seasonLength);
  const errors = inSampleErrors(method, values, horizon, seasonLength).map((e) => e.sort((a, b) => a - b));
  const lower: number[] = [];
  const upper: number[] = [];
  for (let k = 0; k < horizon; k++) {
    let source = k;
    while (source > 0 && errors[source].length < minErrors) source--;
    const widen = Math.sqrt((k + 1) / (source + 1));
    lower.push(point[k] + widen * empiricalQuantile(errors[source], lowerQuantile));
    upper.push(point[k] + widen * empiricalQuantile(errors[source], upperQuantile));
  }
  return { point, lower, upper };
}

/**
 * The fallback when the model is not promoted: the same answer shape as forecastSeries, clipped at 0.
 * minHistory defaults to 2 months, the least any baseline (drift) needs.
 */
export function forecastWithBaseline(method: BaselineMethod, series: MonthlySeries, horizon: number, minHistory = 2): ForecastResult | SeriesFailure {
  const failure = validateSeries(series, Math.max(1, minHistory)) ?? validateHorizon(series.key, horizon);
  if (failure) return failure;
  const f = baselineForecast(method, series.values, horizon);
  const firstTarget = lastPeriodIndex(series) + 1;
  return {
    ok: true,
    key: series.key,
    history: toPeriodValues(series),
    forecast: f.point.map((value, k) => ({
      period: formatPeriod(firstTarget + k),
      value: Math.max(0, value),
      lower: Math.max(0, f.lower[k]),
      upper: Math.max(0, f.upper[k]),
    })),
  };
}
