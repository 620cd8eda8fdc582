/** Forecast accuracy metrics. Undefined values are NaN (never thrown) so callers can exclude them visibly. */

import { SEASON_LENGTH } from './baselines.util';

function meanAbsoluteLagDiff(values: number[], lag: number): number {
  let sum = 0;
  for (let t = lag; t < values.length; t++) sum += Math.abs(values[t] - values[t - lag]);
  return values.length > lag ? sum / (values.length - lag) : NaN;
}

/**
 * MASE denominator: in-sample MAE of seasonal naive (lag m); naive (lag 1) when there are fewer than two
 * seasons or the seasonal MAE is 0. NaN when even that is 0 (a constant history: no scale exists).
 */
export function maseScale(insample: number[], seasonLength = SEASON_LENGTH): number {
  if (insample.length >= 2 * seasonLength) {
    const seasonal = meanAbsoluteLagDiff(insample, seasonLength);
    if (seasonal > 0) return seasonal;
  }
  const naive = meanAbsoluteLagDiff(insample, 1);
  return naive > 0 ? naive : NaN;
}

export function meanAbsoluteError(actual: number[], forecast: number[]): number {
  return actual.reduce((sum, a, i) => sum + Math.abs(a - forecast[i]), 0) / actual.length;
}

export function mase(actual: number[], forecast: number[], insample: number[], seasonLength = SEASON_LENGTH): number {
  return meanAbsoluteError(actual, forecast) / maseScale(insample, seasonLength);
}

/** Symmetric MAPE in percent (0..200); a point where actual and forecast are both 0 counts as 0. */
export function smape(actual: number[], forecast: number[]): number {
  const terms = actual.map((a, i) => {
    const denominator = Math.abs(a) + Math.abs(forecast[i]);
    return denominator === 0 ? 0 : (2 * Math.abs(forecast[i] - a)) / denominator;
  });
  return (100 * terms.reduce((s, v) => s + v, 0)) / terms.length;
}

/** Share of actuals inside [lower, upper], bounds inclusive. */
export function intervalCoverage(actual: number[], lower: number[], upper: number[]): number {
  return actual.filter((a, i) => a >= lower[i] && a <= upper[i]).length / actual.length;
}

export function pinballLoss(actual: number[], predicted: number[], quantile: number): number {
  return actual.reduce((sum, a, i) => {
    const error = a - predicted[i];
    return sum + Math.max(quantile * error, (quantile - 1) * error);
  }, 0) / actual.length;
}

/** Mean of the finite values (NaN when there are none). */
export function finiteMean(values: number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length ? finite.reduce((s, v) => s + v, 0) / finite.length : NaN;
}
