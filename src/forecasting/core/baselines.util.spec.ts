import {
  baselineForecast,
  driftForecast,
  empiricalQuantile,
  fitSesAlpha,
  forecastWithBaseline,
  inSampleErrors,
  naiveForecast,
  seasonalNaiveForecast,
  sesForecast,
  sesLevels,
} from './baselines.util';

describe('baselines.util', () => {
  const values = [1, 2, 3, 4];

  it('naive repeats the last value', () => {
    expect(naiveForecast(values, 3)).toEqual([4, 4, 4]);
  });

  it('seasonal naive repeats the last season, and falls back to naive with less than a season', () => {
    expect(seasonalNaiveForecast(values, 3, 2)).toEqual([3, 4, 3]);
    const year = Array.from({ length: 13 }, (_, i) => i * 10); // 0..120
    expect(seasonalNaiveForecast(year, 2)).toEqual([10, 20]); // same months last year
    expect(seasonalNaiveForecast([5, 6], 2)).toEqual([6, 6]);
  });

  it('drift extends the line through the first and last points', () => {
    expect(driftForecast(values, 2)).toEqual([5, 6]);
    expect(driftForecast([10, 4, 7], 1)).toEqual([5.5]); // slope (7-10)/2
  });

  it('simple exponential smoothing follows the recursion and fits alpha by SSE', () => {
    // l0 = 10, l1 = 0.5·12 + 0.5·10 = 11, l2 = 0.5·11 + 0.5·11 = 11
    expect(sesLevels([10, 12, 11], 0.5)).toEqual([10, 11, 11]);
    expect(sesForecast([10, 12, 11], 2, 0.5)).toEqual([11, 11]);
    // A straight line is tracked best with alpha = 1 (the forecast is the last value).
    expect(fitSesAlpha(values)).toBe(1);
    expect(sesForecast(values, 2)).toEqual([4, 4]);
    // Alternation is smoothed, not chased.
    expect(fitSesAlpha([4, 6, 4, 6, 4, 6, 4, 6])).toBeLessThan(0.5);
  });

  it('computes in-sample h-step errors per step', () => {
    // naive from origins 0,1,2: step 1 errors 1,1,1; step 2 errors 2,2
    expect(inSampleErrors('naive', values, 2)).toEqual([[1, 1, 1], [2, 2]]);
  });

  it('takes type-7 empirical quantiles', () => {
    expect(empiricalQuantile([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4);
    expect(empiricalQuantile([1, 2, 3, 4, 5], 0.9)).toBeCloseTo(4.6);
  });

  it('builds residual-based intervals around the point forecast', () => {
    const series = [10, 12, 11, 13, 12, 14, 13, 15];
    const f = baselineForecast('naive', series, 1, { minErrors: 1 });
    // step-1 errors: 2,-1,2,-1,2,-1,2 → sorted [-1,-1,-1,2,2,2,2]; q0.1 = -1, q0.9 = 2
    expect(f.point).toEqual([15]);
    expect(f.lower[0]).toBeCloseTo(14);
    expect(f.upper[0]).toBeCloseTo(17);
  });

  it('widens borrowed errors by sqrt(h) when a step has too few in-sample errors', () => {
    const f = baselineForecast('naive', [0, 2, 1, 4, 2, 6], 3, { minErrors: 4 });
    // step 1 has 5 errors (enough); step 2 has 4 errors; step 3 has 3 → borrows step 2 × sqrt(3/2)
    const step2 = baselineForecast('naive', [0, 2, 1, 4, 2, 6], 2, { minErrors: 4 });
    expect(f.upper[2] - f.point[2]).toBeCloseTo((step2.upper[1] - step2.point[1]) * Math.sqrt(3 / 2));
  });

  it('serves a baseline in the forecastSeries shape for the fallback path', () => {
    const result = forecastWithBaseline('drift', { key: 'k', start: '2023-11', values: [4, 2, 0] }, 2);
    expect(result).toMatchObject({ ok: true, forecast: [{ period: '2024-02', value: 0 }, { period: '2024-03', value: 0 }] }); // -2, -4 clipped
    expect(forecastWithBaseline('naive', { key: 'k', start: '2023-11', values: [4] }, 2)).toMatchObject({ ok: false, reason: 'INSUFFICIENT_HISTORY' });
  });
});
