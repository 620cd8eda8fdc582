import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RoleFamily, WorldRegion } from '../common/market.enums';
import { ModelRegistryService } from '../ml/model-registry.service';
import { selectTfBackend } from '../ml/tfjs-backend';
import { runBacktest } from './core/backtest.util';
import { forecastWithBaseline } from './core/baselines.util';
import { forecastMany, resolveModelConfig, serializeModel, trainQuantileModel, disposeModel } from './core/quantile-mlp.util';
import { ForecastResult, MonthlySeries, SeriesFailure } from './core/series.util';
import { ForecastMeasure, ForecastSeriesService, SeriesScope } from './forecast-series.service';

export const FORECAST_KIND = 'skill-demand-forecast';

export interface TrainForecastRequest {
  horizon: number;
  origins: number;
  measure: ForecastMeasure;
  /** Imported series name, or null for the stored postings. */
  importedSeries: string | null;
  epochs?: number;
}

/**
 * The forecast job: backtest the global model against the baselines on rolling origins, train it on
 * all history, and store it. It serves only if it beat the best baseline on overall MASE; otherwise
 * that baseline serves, and the registry says so. Forecasts are precomputed for every series.
 */
@Injectable()
export class ForecastTrainerService {
  private readonly logger = new Logger(ForecastTrainerService.name);

  constructor(
    private readonly db: DataSource,
    private readonly series: ForecastSeriesService,
    private readonly registry: ModelRegistryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async allSeries(request: TrainForecastRequest): Promise<Array<MonthlySeries & { skill: string; scope: SeriesScope }>> {
    if (request.importedSeries) return (await this.series.importedSeries(request.importedSeries, request.measure)).map((s) => ({ ...s, scope: {} }));
    const scopes: SeriesScope[] = [{}, ...Object.values(WorldRegion).map((region) => ({ region })), ...Object.values(RoleFamily).map((roleFamily) => ({ roleFamily }))];
    const out: Array<MonthlySeries & { skill: string; scope: SeriesScope }> = [];
    for (const scope of scopes) for (const s of await this.series.postingSeries(scope, request.measure)) out.push({ ...s, scope });
    return out;
  }

  async train(request: TrainForecastRequest, progress: (p: Record<string, unknown>) => Promise<void>): Promise<Record<string, unknown>> {
    const { tf, backend } = await selectTfBackend(this.config.tfjsBackend);
    const all = await this.allSeries(request);
    // The model learns from the global series (and imported ones); scoped series are forecast with it.
    const trainingSeries = all.filter((s) => !s.scope.region && !s.scope.roleFamily && s.values.some((v) => v > 0));
    const config = resolveModelConfig({ horizon: request.horizon, ...(request.epochs ? { epochs: request.epochs } : {}) });
    if (trainingSeries.filter((s) => s.values.length >= config.minHistory + request.origins).length === 0) {
      throw new Error(`insufficient history to train (need ${config.minHistory + request.origins} months of postings; have ${trainingSeries[0]?.values.length ?? 0})`);
    }
    await progress({ stage: 'backtest', series: trainingSeries.length });
    const report = await runBacktest(tf, trainingSeries, { horizon: request.horizon, origins: request.origins, model: config });
    await progress({ stage: 'training', backtest: { modelMase: report.modelMase, bestBaseline: report.bestBaseline } });
    const model = await trainQuantileModel(tf, trainingSeries, config, {
      onEpoch: (epoch, loss) => void progress({ stage: 'training', epoch, epochs: config.epochs, loss }),
    });
    const serialized = await serializeModel(model);
    const starts = trainingSeries.map((s) => s.start).sort();
    const metrics = {
      horizon: report.horizon,
      origins: report.originPeriods,
      overall: report.overall,
      modelMase: report.modelMase,
      bestBaseline: report.bestBaseline,
      seasonalNaiveMase: report.overall.find((m) => m.method === 'seasonal-naive')?.mase ?? null,
      improvement: report.improvement,
      skipped: report.skipped.length,
      measure: request.measure,
      importedSeries: request.importedSeries,
    };
    const common = { backend, trainingFrom: `${starts[0]}-01`, trainingTo: `${model.meta.trainedThrough ?? starts[starts.length - 1]}-01`, metrics };
    const stored = await this.registry.store({
      kind: FORECAST_KIND, architecture: `quantile-${config.architecture}`, hyperparameters: { ...config }, topology: { network: serialized.topology, weightSpecs: serialized.weightSpecs, meta: serialized.meta },
      weights: serialized.weights, promote: report.promote, ...common,
    });
    let serving = stored;
    let results: Array<ForecastResult | SeriesFailure>;
    if (report.promote) {
      // Each scope's series are one set: their sum is that scope's volume, the model's cross-series input.
      results = new Array(all.length);
      const byScope = new Map<string, number[]>();
      all.forEach((s, i) => {
        const scope = `${s.scope.region ?? '*'}|${s.scope.roleFamily ?? '*'}`;
        if (!byScope.has(scope)) byScope.set(scope, []);
        byScope.get(scope)!.push(i);
      });
      for (const indexes of byScope.values()) {
        forecastMany(model, indexes.map((i) => all[i]), request.horizon).forEach((r, j) => (results[indexes[j]] = r));
      }
    } else {
      // The model did not beat the best baseline: the baseline serves, recorded as its own registry entry.
      serving = await this.registry.store({ kind: FORECAST_KIND, architecture: `baseline-${report.bestBaseline.method}`, hyperparameters: { method: report.bestBaseline.method, replaces: stored.version }, promote: true, ...common });
      results = all.map((s) => forecastWithBaseline(report.bestBaseline.method, s, request.horizon, config.minHistory));
    }
    disposeModel(model);
    const stored_ = await this.storeForecasts(serving.id, all, results, request.measure);
    this.logger.log(`forecast model v${stored.version} ${report.promote ? 'promoted' : `not promoted (baseline ${report.bestBaseline.method} serves as v${serving.version})`}; ${stored_} series forecast`);
    return { modelVersion: stored.version, servingVersion: serving.version, promoted: report.promote, modelMase: report.modelMase, bestBaseline: report.bestBaseline, forecastSeries: stored_ };
  }

  private async storeForecasts(modelId: number, all: Array<MonthlySeries & { skill: string; scope: SeriesScope }>, results: Array<ForecastResult | SeriesFailure>, measure: ForecastMeasure): Promise<number> {
    const rows: unknown[][] = [];
    results.forEach((r, i) => {
      if (!r.ok) return;
      const s = all[i];
      for (const f of r.forecast) rows.push([s.key, s.skill, s.scope.region ?? null, s.scope.roleFamily ?? null, measure, `${f.period}-01`, f.value, f.lower, f.upper]);
    });
    await this.db.transaction(async (m) => {
      await m.query(`DELETE FROM skill_demand_forecasts WHERE model_id = $1`, [modelId]);
      for (let i = 0; i < rows.length; i += 5000) {
        const chunk = rows.slice(i, i + 5000);
        const col = (k: number) => chunk.map((r) => r[k]);
        await m.query(
          `INSERT INTO skill_demand_forecasts (model_id, series_key, skill_name, region, role_family, measure, period, value, lower, upper)
           SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::float8[], $9::float8[], $10::float8[])`,
          [modelId, col(0), col(1), col(2), col(3), col(4), col(5), col(6), col(7), col(8)],
        );
      }
    });
    return new Set(rows.map((r) => r[0])).size;
  }
}
