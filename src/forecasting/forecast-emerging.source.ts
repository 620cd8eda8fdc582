import { Injectable } from '@nestjs/common';
import { MarketFilter } from '../analytics/dto/market-filter.input';
import { EmergingSkillsSource } from '../reports/report-builder.service';
import { ForecastingService } from './forecasting.service';
import { NoForecastModelException } from './forecasting.exception';

/** Feeds the demand report's "emerging skills" section from the serving forecast model. */
@Injectable()
export class ForecastEmergingSource implements EmergingSkillsSource {
  constructor(private readonly forecasting: ForecastingService) {}

  async emergingSkills(filter: MarketFilter | undefined, horizon: number, limit: number) {
    try {
      const result = await this.forecasting.emerging(horizon, limit, filter);
      const skills = [];
      for (const s of result.skills) {
        const f = await this.forecasting.forecast(s.skill, undefined, undefined, horizon, 'COUNT').catch(() => null);
        const history = f?.history.slice(-12) ?? [];
        const periods = [...history.map((h) => h.period), ...(f?.forecast.map((p) => p.period) ?? [])];
        skills.push({
          ...s,
          periods,
          history: history.map((h) => h.value),
          values: [...history.map((h) => h.value), ...(f?.forecast.map((p) => p.value) ?? [])],
          lowers: [...history.map((h) => h.value), ...(f?.forecast.map((p) => p.lower) ?? [])],
          uppers: [...history.map((h) => h.value), ...(f?.forecast.map((p) => p.upper) ?? [])],
        });
      }
      const m = result.model;
      return { model: { version: `v${m.version} (${m.kind})`, mase: m.mase ?? NaN, baselineMase: m.baselineMase ?? NaN, baseline: 'seasonal naive' }, skills };
    } catch (error) {
      if (error instanceof NoForecastModelException) return { model: null, skills: [] };
      throw error;
    }
  }
}
