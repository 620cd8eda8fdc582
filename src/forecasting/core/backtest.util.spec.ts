import { selectTfBackend } from '../../ml/tfjs-backend';
import { runBacktest, type BacktestReport } from './backtest.util';
import type { Tf } from './quantile-mlp.util';
import { syntheticSeries } from './synthetic-series.util';

describe('backtest.util', () => {
  let tf: Tf;
  let report: BacktestReport;
  // Known trend + 12-month seasonality + noise, plus one series too short to be backtested.
  const series = [...syntheticSeries({ count: 40, months: 96, seed: 1 }), { key: 'too-short', start: '2021-10', values: [3, 4, 5, 4, 6, 5, 7, 6] }];

  beforeAll(async () => {
    ({ tf } = await selectTfBackend());
    report = await runBacktest(tf, series, { horizon: 6, origins: 6 });
  });

  it('runs on the backend CI has', () => {
    expect(['wasm', 'tensorflow']).toContain(tf.getBackend());
    expect(report.modelMeta.backend).toBe(tf.getBackend());
  });

  it('uses the last six origins with a full six-month horizon, training only before the first', () => {
    // Data ends 2022-12, so the last origin is 2022-06 (forecasting 2022-07 .. 2022-12).
    expect(report.originPeriods).toEqual(['2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06']);
    expect(report.modelMeta.trainedThrough).toBe('2022-01');
  });

  it('beats naive and seasonal naive on overall MASE for seasonal, trending series', () => {
    const mase = Object.fromEntries(report.overall.map((r) => [r.method, r.mase]));
    expect(mase.model).toBeLessThan(mase.naive);
    expect(mase.model).toBeLessThan(mase['seasonal-naive']);
    expect(report.promote).toBe(report.modelMase < report.bestBaseline.mase);
    expect(report.overall.every((r) => r.seriesCount === 40)).toBe(true);
  });

  it('reports per-series metrics for every method and a sane interval coverage', () => {
    expect(report.perSeries).toHaveLength(40 * report.overall.length);
    const model = report.overall.find((r) => r.method === 'model')!;
    expect(model.coverage).toBeGreaterThan(0.5);
    expect(model.smape).toBeGreaterThan(0);
  });

  it('skips a short series with a typed answer instead of failing the run', () => {
    expect(report.skipped).toEqual([{ ok: false, key: 'too-short', reason: 'INSUFFICIENT_HISTORY', message: 'insufficient history (4 months, need 18)' }]);
  });
});
