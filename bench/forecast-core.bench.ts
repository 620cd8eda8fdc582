import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { selectTfBackend } from '../src/ml/tfjs-backend';
import { runBacktest, type BacktestOptions, type BacktestReport } from '../src/forecasting/core/backtest.util';
import type { QuantileModelConfig, Tf } from '../src/forecasting/core/quantile-mlp.util';
import { isMostlyZero, type MonthlySeries } from '../src/forecasting/core/series.util';
import { syntheticSeries } from '../src/forecasting/core/synthetic-series.util';
import { machine, printTable } from './bench-env';

/**
 * npx ts-node --transpile-only bench/forecast-core.bench.ts [--validation] [--gru]
 *   (a) 500 synthetic series × 72 months; (b) HN "Who is hiring?" term counts and shares, test = last 12 months.
 *   --validation  also backtests the 12 months before the test window (where the configuration was chosen)
 *   --gru         also backtests a small GRU on the synthetic set (slow on WASM)
 */
const HN_CSV = '/work/shared/data/hn-hiring-trends/hn_hiring_terms_monthly.csv';
const HN_FIRST_MONTH = '2012-01'; // 2011 has a missing (07) and a broken (12) month, see SOURCE.md
const TEST_MONTHS = 12;
const HORIZON = 6;
const BLENDS: BacktestOptions['blends'] = [
  { baseline: 'naive', weight: 0.5 },
  { baseline: 'ses', weight: 0.5 },
];

interface HnRow {
  month: string;
  term: string;
  count: string;
  percentage: string;
}

function loadHn(measure: 'count' | 'share'): { series: MonthlySeries[]; terms: number } {
  const rows = parse(readFileSync(HN_CSV), { columns: true, skip_empty_lines: true }) as HnRow[];
  const byTerm = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (row.month < HN_FIRST_MONTH) continue;
    const value = measure === 'count' ? Number(row.count) : Number(row.percentage) / 100;
    byTerm.set(row.term, (byTerm.get(row.term) ?? new Map()).set(row.month, value));
  }
  const months = [...new Set(rows.map((r) => r.month).filter((m) => m >= HN_FIRST_MONTH))].sort();
  const all = [...byTerm].map(([term, values]) => ({ key: term, start: months[0], values: months.map((m) => values.get(m) ?? NaN) }));
  // Terms that are zero in most of the 24 months before the test window have no recent signal to forecast.
  const series = all.filter((s) => !isMostlyZero(s.values.slice(0, -TEST_MONTHS), 24));
  return { series, terms: all.length };
}

const fmt = (v: number, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');

function printReport(title: string, report: BacktestReport): void {
  const meta = report.modelMeta;
  process.stdout.write(
    `\n## ${title}\n` +
      `origins ${report.originPeriods[0]}..${report.originPeriods.at(-1)} (h=${report.horizon}), trained through ${meta.trainedThrough} on ${meta.sampleCount} windows from ${meta.seriesCount} series ` +
      `in ${(meta.trainMs / 1000).toFixed(1)} s (${meta.architecture}, ${meta.normalisation}, window ${meta.window}, ${meta.epochs} epochs)\n`,
  );
  printTable(
    ['method', 'MASE', 'sMAPE %', '80% coverage', 'series'],
    report.overall.map((r) => [r.method, fmt(r.mase), fmt(r.smape, 1), fmt(r.coverage), r.seriesCount]),
  );
  process.stdout.write(
    `best baseline: ${report.bestBaseline.method} ${fmt(report.bestBaseline.mase)}; model ${fmt(report.modelMase)}; ` +
      `improvement ${(100 * report.improvement).toFixed(1)}% → promote=${report.promote}` +
      (report.skipped.length ? `; skipped ${report.skipped.length}` : '') +
      (report.unscaledSeries.length ? `; ${report.unscaledSeries.length} series without a MASE scale excluded` : '') +
      '\n',
  );
}

async function backtestHn(tf: Tf, measure: 'count' | 'share', dropMonths: number, model: Partial<QuantileModelConfig>): Promise<void> {
  const { series, terms } = loadHn(measure);
  const cut = series.map((s) => ({ ...s, values: s.values.slice(0, s.values.length - dropMonths) }));
  // Origins such that the forecasts cover exactly the last 12 months: 12 - 6 + 1 = 7 origins.
  const report = await runBacktest(tf, cut, { horizon: HORIZON, origins: TEST_MONTHS - HORIZON + 1, model, blends: BLENDS });
  const window = dropMonths ? 'validation (the 12 months before the test window)' : 'test (last 12 months)';
  printReport(`HN ${measure === 'count' ? 'counts' : 'shares (percentage / 100)'}, ${series.length} of ${terms} terms, ${window}`, report);
}

async function main(): Promise<void> {
  const flags = new Set(process.argv.slice(2));
  const started = Date.now();
  const { tf, backend } = await selectTfBackend();
  process.stdout.write(`machine: ${machine()}\nbackend: ${backend} (tfjs ${tf.version.tfjs})\n`);

  const synthetic = syntheticSeries({ count: 500, months: 72, seed: 1 });
  printReport('synthetic: 500 series × 72 months (trend + 12-month seasonality + 8% noise)', await runBacktest(tf, synthetic, { horizon: HORIZON, origins: 6, blends: BLENDS }));
  if (flags.has('--gru')) {
    printReport('synthetic, GRU(32) + dense(32)', await runBacktest(tf, synthetic, { horizon: HORIZON, origins: 6, model: { architecture: 'gru', hiddenUnits: [32, 32] } }));
  }

  for (const measure of ['count', 'share'] as const) {
    if (flags.has('--validation')) await backtestHn(tf, measure, TEST_MONTHS, {});
    await backtestHn(tf, measure, 0, {});
  }
  process.stdout.write(`\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s, ${tf.memory().numTensors} tensors alive at exit\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
