import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { selectTfBackend } from '../src/ml/tfjs-backend';
import { runBacktest, type BacktestOptions, type BacktestReport } from '../src/forecasting/core/backtest.util';
import type { QuantileModelConfig, Tf } from '../src/forecasting/core/quantile-mlp.util';
import { isMostlyZero, type MonthlySeries } from '../src/forecasting/core/series.util';
import { syntheticSeries } from '../src/forecasting/core/synthetic-series.util';
import { machine, printTable } from './bench-env';

/**
 * npx ts-node --transpile-only bench/forecast-core.bench.ts [--validation] [--variants] [--gru]
 *   (a) 500 synthetic series × 72 months; (b) HN "Who is hiring?" term counts and shares, test = last 12 months.
 *   --validation  also backtests the 12 months before the test window (where the configuration was chosen)
 *   --variants    only the validation window: the configurations compared when DEFAULT_MODEL_CONFIG was
 *                 chosen, one line each (never the test window); ~15 minutes
 *   --gru         also backtests a small GRU on the synthetic set (slow on WASM)
 */
const HN_CSV = '/work/shared/data/hn-hiring-trends/hn_hiring_terms_monthly.csv';
const HN_FIRST_MONTH = '2012-01'; // 2011 has a missing (07) and a broken (12) month, see SOURCE.md
const TEST_MONTHS = 12;
const HORIZON = 6;
/**
 * What was compared on the validation year, in the order tried; each line changes the previous default
 * (v1: window-diff, 32×32, 20 epochs, one network, no extra inputs) or the chosen one.
 */
const PREVIOUS: Partial<QuantileModelConfig> = {
  hiddenUnits: [32, 32],
  epochs: 20,
  ensemble: 1,
  summaryFeatures: false,
  historyFeatures: false,
  aggregateRelative: false,
};
const AGG_REL_E5: Partial<QuantileModelConfig> = { ...PREVIOUS, aggregateRelative: true, ensemble: 5 };
const VARIANTS: Array<[string, Partial<QuantileModelConfig>]> = [
  ['previous default', PREVIOUS],
  ['log-level targets', { ...PREVIOUS, normalisation: 'log-level', anchor: 'none' }],
  ['log-level + MASE loss weights', { ...PREVIOUS, normalisation: 'log-level', anchor: 'none', lossWeighting: 'mase' }],
  ['log-level, window 24, summary', { ...PREVIOUS, normalisation: 'log-level', anchor: 'none', lossWeighting: 'mase', window: 24, summaryFeatures: true }],
  ['aggregate momentum (12 months in)', { ...PREVIOUS, aggregateWindow: 12 }],
  ['ensemble 5', { ...PREVIOUS, ensemble: 5 }],
  ['aggregate-relative windows, ensemble 5', AGG_REL_E5],
  ['  + aggregate momentum, log-level', { ...AGG_REL_E5, aggregateWindow: 12, normalisation: 'log-level', anchor: 'none' }],
  ['  + MASE loss weights (cap 20)', { ...AGG_REL_E5, lossWeighting: 'mase', maxWeightRatio: 20 }],
  ['  + summary inputs', { ...AGG_REL_E5, summaryFeatures: true }],
  ['  + summary, 10 epochs', { ...AGG_REL_E5, summaryFeatures: true, epochs: 10 }],
  ['  + summary, 10 epochs, history inputs', { ...AGG_REL_E5, summaryFeatures: true, epochs: 10, historyFeatures: true }],
  ['chosen (16×16)', {}],
  ['chosen, seed 1', { seed: 1 }],
  ['chosen, seed 2', { seed: 2 }],
  ['chosen, 32×32', { hiddenUnits: [32, 32] }],
  ['chosen, 20 epochs', { epochs: 20 }],
  ['chosen, window 24', { window: 24 }],
  ['chosen, recency half-life 36', { recencyHalfLife: 36 }],
  ['chosen, damping 0.8', { damping: 0.8 }],
  ['chosen, MASE loss weights', { lossWeighting: 'mase' }],
];

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
      `in ${(meta.trainMs / 1000).toFixed(1)} s (${meta.ensemble} × ${meta.architecture} ${meta.hiddenUnits.join('×')}, ${meta.normalisation}, window ${meta.window}` +
      `${meta.aggregateRelative ? ', aggregate-relative' : ''}${meta.summaryFeatures ? ', summary' : ''}${meta.historyFeatures ? ', history' : ''}, ${meta.epochs} epochs)\n`,
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

async function backtestHnReport(tf: Tf, measure: 'count' | 'share', dropMonths: number, model: Partial<QuantileModelConfig>, blends = BLENDS): Promise<BacktestReport> {
  const { series } = loadHn(measure);
  const cut = series.map((s) => ({ ...s, values: s.values.slice(0, s.values.length - dropMonths) }));
  // Origins such that the forecasts cover exactly the last 12 months: 12 - 6 + 1 = 7 origins.
  return runBacktest(tf, cut, { horizon: HORIZON, origins: TEST_MONTHS - HORIZON + 1, model, blends });
}

async function backtestHn(tf: Tf, measure: 'count' | 'share', dropMonths: number, model: Partial<QuantileModelConfig>): Promise<void> {
  const { series, terms } = loadHn(measure);
  const report = await backtestHnReport(tf, measure, dropMonths, model);
  const window = dropMonths ? 'validation (the 12 months before the test window)' : 'test (last 12 months)';
  printReport(`HN ${measure === 'count' ? 'counts' : 'shares (percentage / 100)'}, ${series.length} of ${terms} terms, ${window}`, report);
}

/** One line per configuration on the validation year: model MASE, best baseline, improvement, coverage. */
async function compareVariants(tf: Tf): Promise<void> {
  process.stdout.write(`\n## configurations compared on the HN validation year (origins before the test window; the test window is not used)\n`);
  const rows: Array<Array<string | number>> = [];
  const best = new Map<string, BacktestReport['bestBaseline']>();
  for (const [name, model] of VARIANTS) {
    const row: Array<string | number> = [name];
    let seconds = 0;
    for (const measure of ['count', 'share'] as const) {
      const r = await backtestHnReport(tf, measure, TEST_MONTHS, model, []);
      best.set(measure, r.bestBaseline);
      row.push(fmt(r.modelMase), `${(100 * r.improvement).toFixed(1)}%`, fmt(r.overall[0].coverage, 2));
      seconds += r.modelMeta.trainMs / 1000;
    }
    row.push(seconds.toFixed(0));
    rows.push(row);
  }
  const { series } = loadHn('count');
  const [count, share] = [best.get('count')!, best.get('share')!];
  printTable(['configuration', 'counts MASE', 'vs best', 'cov', 'shares MASE', 'vs best', 'cov', 'train s'], rows);
  process.stdout.write(`${series.length} terms; best baseline on validation: counts ${count.method} ${fmt(count.mase)}, shares ${share.method} ${fmt(share.mase)}\n`);
}

async function main(): Promise<void> {
  const flags = new Set(process.argv.slice(2));
  const started = Date.now();
  const { tf, backend } = await selectTfBackend();
  process.stdout.write(`machine: ${machine()}\nbackend: ${backend} (tfjs ${tf.version.tfjs})\n`);

  if (flags.has('--variants')) {
    await compareVariants(tf);
    process.stdout.write(`\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s, ${tf.memory().numTensors} tensors alive at exit\n`);
    return;
  }

  const synthetic = syntheticSeries({ count: 500, months: 72, seed: 1 });
  printReport('synthetic: 500 series × 72 months (trend + 12-month seasonality + 8% noise)', await runBacktest(tf, synthetic, { horizon: HORIZON, origins: 6, blends: BLENDS }));
  if (flags.has('--gru')) {
    printReport('synthetic, one GRU(32) + dense(32)', await runBacktest(tf, synthetic, { horizon: HORIZON, origins: 6, model: { architecture: 'gru', hiddenUnits: [32, 32], ensemble: 1 } }));
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
