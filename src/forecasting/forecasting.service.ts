import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MarketFilter } from '../analytics/dto/market-filter.input';
import { ModelRegistryService, StoredModel } from '../ml/model-registry.service';
import { JobQueueService } from '../queues/job-queue.service';
import { SkillTaxonomyService } from '../skills/skill-taxonomy.service';
import { ForecastMeasure, ForecastSeriesService, seriesKey } from './forecast-series.service';
import { FORECAST_KIND } from './forecast-trainer.service';
import { EmergingSkills, ForecastModelConnection, ForecastModelInfo, ForecastTrainingJob, SkillDemandForecast, TrainForecastInput } from './forecast.models';
import { ForecastHorizonException, InsufficientHistoryException, NoForecastModelException } from './forecasting.exception';
import { encodeCursor, decodeCursor, toConnection } from '../graphql/pagination';
import { AnalyticsException, AnalyticsExceptionCode } from '../analytics/analytics.exception';

/** Read side of forecasting: stored forecasts of the promoted model, so reads are instant; training is a job. */
@Injectable()
export class ForecastingService {
  constructor(
    private readonly db: DataSource,
    private readonly registry: ModelRegistryService,
    private readonly queues: JobQueueService,
    private readonly series: ForecastSeriesService,
    private readonly taxonomy: SkillTaxonomyService,
  ) {}

  async train(input: TrainForecastInput): Promise<ForecastTrainingJob> {
    const id = randomUUID();
    await this.queues.enqueueForecastTraining(id, { request: { horizon: input.horizon, origins: input.origins, measure: input.measure, importedSeries: input.importedSeries ?? null, epochs: input.epochs } });
    return { jobId: `forecast:${id}` };
  }

  private async serving(): Promise<StoredModel> {
    const model = await this.registry.promoted(FORECAST_KIND);
    if (!model) throw new NoForecastModelException('no forecast model yet: run trainForecastModel (the job backtests, trains and stores forecasts)');
    return model;
  }

  modelInfo(model: StoredModel): ForecastModelInfo {
    const m = model.metrics as { modelMase?: number; seasonalNaiveMase?: number; bestBaseline?: { method: string; mase: number } };
    const isBaseline = model.architecture.startsWith('baseline-');
    return {
      version: model.version,
      kind: model.architecture,
      mase: isBaseline ? (m.bestBaseline?.mase ?? null) : (m.modelMase ?? null),
      baselineMase: m.seasonalNaiveMase ?? null,
      bestBaseline: m.bestBaseline?.method ?? null,
      bestBaselineMase: m.bestBaseline?.mase ?? null,
      promotedAt: model.promotedAt,
    };
  }

  async forecast(skill: string, region: string | undefined, roleFamily: string | undefined, horizon: number, measure: ForecastMeasure): Promise<SkillDemandForecast> {
    const taxonomy = await this.taxonomy.current();
    const id = taxonomy.idOf(skill);
    if (id === undefined) throw new AnalyticsException(`unknown skill: ${skill}`, AnalyticsExceptionCode.UNKNOWN_SKILL);
    const name = taxonomy.namesById.get(id)!.name;
    const model = await this.serving();
    const modelHorizon = Number((model.metrics as { horizon?: number }).horizon ?? 6);
    if (horizon > modelHorizon) throw new ForecastHorizonException(`the serving model forecasts ${modelHorizon} months ahead; train one with horizon ${horizon} (trainForecastModel)`);
    const key = seriesKey(name, { region, roleFamily }, measure);
    const rows: Array<{ period: string; value: number; lower: number; upper: number }> = await this.db.query(
      `SELECT to_char(period, 'YYYY-MM') AS period, value, lower, upper FROM skill_demand_forecasts WHERE model_id = $1 AND series_key = $2 AND measure = $3 ORDER BY period LIMIT $4`,
      [model.id, key, measure, horizon],
    );
    const history = (await this.series.postingSeries({ region, roleFamily }, measure)).find((s) => s.skill === name);
    const need = Number((model.hyperparameters as { minHistory?: number }).minHistory ?? 18);
    if (rows.length === 0) {
      const have = history ? history.values.length - history.values.findIndex((v) => v > 0) : 0;
      throw new InsufficientHistoryException(`insufficient history for ${name} (${history && have <= history.values.length ? have : 0} months, need ${need}), or no forecast stored for this scope yet: retrain after ingesting`);
    }
    const start = history ? Number(history.start.slice(0, 4)) * 12 + Number(history.start.slice(5, 7)) - 1 : 0;
    return {
      skill: name,
      region: region ?? null,
      roleFamily: roleFamily ?? null,
      measure: measure as never,
      history: (history?.values ?? []).map((value, i) => ({ period: `${Math.floor((start + i) / 12)}-${String(((start + i) % 12) + 1).padStart(2, '0')}`, value })),
      forecast: rows,
      model: this.modelInfo(model),
    };
  }

  async emerging(horizon: number, limit: number, filter: MarketFilter | undefined): Promise<EmergingSkills> {
    const model = await this.serving();
    const region = filter?.regions?.length === 1 ? filter.regions[0] : null;
    const roleFamily = filter?.roleFamilies?.length === 1 ? filter.roleFamilies[0] : null;
    const rows: Array<{ skill: string; forecast: number; lower: number; upper: number }> = await this.db.query(
      `SELECT DISTINCT ON (skill_name) skill_name AS skill, value AS forecast, lower, upper FROM skill_demand_forecasts
        WHERE model_id = $1 AND measure = 'COUNT' AND region IS NOT DISTINCT FROM $2 AND role_family IS NOT DISTINCT FROM $3
          AND period <= (SELECT min(period) FROM skill_demand_forecasts WHERE model_id = $1) + make_interval(months => $4 - 1)
        ORDER BY skill_name, period DESC`,
      [model.id, region, roleFamily, horizon],
    );
    const history = new Map((await this.series.postingSeries({ region, roleFamily }, 'COUNT')).map((s) => [s.skill, s.values]));
    const skills = rows
      .map((r) => {
        const values = history.get(r.skill) ?? [];
        const recent = values.slice(-3);
        const base = recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : 0;
        return { ...r, last: values[values.length - 1] ?? 0, growth: base >= 5 ? r.forecast / base - 1 : Number.NaN };
      })
      .filter((s) => Number.isFinite(s.growth))
      .sort((a, b) => b.growth - a.growth)
      .slice(0, limit);
    return { skills, model: this.modelInfo(model) };
  }

  async models(first: number, after?: string): Promise<ForecastModelConnection> {
    const cursor = decodeCursor(after, ['int32']);
    const { rows, total } = await this.registry.list(FORECAST_KIND, first, cursor ? Number(cursor[0]) : undefined);
    return toConnection(rows, first, total, (r) => encodeCursor([r.id]), (r) => ({ ...r, id: String(r.id) }));
  }
}
