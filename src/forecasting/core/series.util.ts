/** Monthly series: types, month arithmetic and the typed failures every forecasting entry point returns. */

export interface MonthlySeries {
  key: string;
  /** First month of `values`, 'YYYY-MM'. */
  start: string;
  values: number[];
}

export type SeriesFailureReason = 'INSUFFICIENT_HISTORY' | 'INVALID_SERIES' | 'INVALID_HORIZON';

export interface SeriesFailure {
  ok: false;
  key: string;
  reason: SeriesFailureReason;
  message: string;
}

export interface PeriodValue {
  period: string;
  value: number;
}

/** One forecast month: the median (or point forecast) and the 80% interval, in the series' own units. */
export interface ForecastPoint {
  period: string;
  value: number;
  lower: number;
  upper: number;
}

export interface ForecastResult {
  ok: true;
  key: string;
  history: PeriodValue[];
  forecast: ForecastPoint[];
}

export const MIN_HORIZON = 1;
export const MAX_HORIZON = 24;

const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months since year 0, so month arithmetic is integer arithmetic. */
export function parsePeriod(period: string): number {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) throw new RangeError(`invalid period "${period}", expected YYYY-MM`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function isPeriod(period: string): boolean {
  return PERIOD_PATTERN.test(period);
}

export function formatPeriod(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

export function addMonths(period: string, months: number): string {
  return formatPeriod(parsePeriod(period) + months);
}

/** 0 = January. */
export function monthOfYear(index: number): number {
  return ((index % 12) + 12) % 12;
}

export function lastPeriodIndex(series: MonthlySeries): number {
  return parsePeriod(series.start) + series.values.length - 1;
}

/** The first `length` months of a series (what was known at an earlier origin). */
export function truncateSeries(series: MonthlySeries, length: number): MonthlySeries {
  return { key: series.key, start: series.start, values: series.values.slice(0, Math.max(0, length)) };
}

/** Keep the months up to and including `throughIndex` (a parsePeriod index). */
export function seriesThrough(series: MonthlySeries, throughIndex: number): MonthlySeries {
  return truncateSeries(series, throughIndex - parsePeriod(series.start) + 1);
}

export function toPeriodValues(series: MonthlySeries): PeriodValue[] {
  const start = parsePeriod(series.start);
  return series.values.map((value, i) => ({ period: formatPeriod(start + i), value }));
}

export function insufficientHistory(key: string, have: number, need: number): SeriesFailure {
  return { ok: false, key, reason: 'INSUFFICIENT_HISTORY', message: `insufficient history (${have} months, need ${need})` };
}

/** Data problems come back as values, not exceptions, so one bad series never fails a whole batch job. */
export function validateSeries(series: MonthlySeries, minHistory: number): SeriesFailure | undefined {
  if (!isPeriod(series.start)) {
    return { ok: false, key: series.key, reason: 'INVALID_SERIES', message: `invalid start "${series.start}", expected YYYY-MM` };
  }
  const bad = series.values.findIndex((v) => !Number.isFinite(v) || v < 0);
  if (bad >= 0) {
    return { ok: false, key: series.key, reason: 'INVALID_SERIES', message: `value ${series.values[bad]} at ${addMonths(series.start, bad)} is not a finite non-negative number` };
  }
  if (series.values.length < minHistory) return insufficientHistory(series.key, series.values.length, minHistory);
  return undefined;
}

export function validateHorizon(key: string, horizon: number, max = MAX_HORIZON): SeriesFailure | undefined {
  if (Number.isInteger(horizon) && horizon >= MIN_HORIZON && horizon <= max) return undefined;
  return { ok: false, key, reason: 'INVALID_HORIZON', message: `horizon ${horizon} must be an integer in ${MIN_HORIZON}..${max}` };
}

/** True when most of the recent window is zero: such series carry no signal and make MASE undefined. */
export function isMostlyZero(values: number[], window: number, maxZeroShare = 0.5): boolean {
  const recent = values.slice(-window);
  if (recent.length === 0) return true;
  return recent.filter((v) => v === 0).length / recent.length > maxZeroShare;
}
