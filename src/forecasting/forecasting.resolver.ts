import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MarketFilter } from '../analytics/dto/market-filter.input';
import { Roles } from '../auth/auth.decorators';
import { ApiRole } from '../auth/role.enum';
import { RoleFamily, WorldRegion } from '../common/market.enums';
import { PageArgs } from '../graphql/pagination';
import { EmergingSkills, ForecastMeasureEnum, ForecastModelConnection, ForecastTrainingJob, SkillDemandForecast, TrainForecastInput } from './forecast.models';
import { ForecastingService } from './forecasting.service';

@Resolver()
export class ForecastingResolver {
  constructor(private readonly forecasting: ForecastingService) {}

  @Query(() => SkillDemandForecast, { description: 'Monthly demand history and forecast (median, 80% interval) for a skill, from the serving model.' })
  skillDemandForecast(
    @Args('skill') skill: string,
    @Args('region', { type: () => WorldRegion, nullable: true }) region?: WorldRegion,
    @Args('roleFamily', { type: () => RoleFamily, nullable: true }) roleFamily?: RoleFamily,
    @Args('horizon', { type: () => Int, defaultValue: 6 }) horizon = 6,
    @Args('measure', { type: () => ForecastMeasureEnum, defaultValue: ForecastMeasureEnum.COUNT }) measure = ForecastMeasureEnum.COUNT,
  ): Promise<SkillDemandForecast> {
    return this.forecasting.forecast(skill, region, roleFamily, Math.min(Math.max(horizon, 1), 24), measure);
  }

  @Query(() => EmergingSkills, { description: 'Skills ranked by forecast growth over the horizon, with intervals.' })
  emergingSkills(
    @Args('horizon', { type: () => Int, defaultValue: 6 }) horizon: number,
    @Args('limit', { type: () => Int, defaultValue: 10 }) limit: number,
    @Args('filter', { type: () => MarketFilter, nullable: true }) filter?: MarketFilter,
  ): Promise<EmergingSkills> {
    return this.forecasting.emerging(Math.min(Math.max(horizon, 1), 24), Math.min(Math.max(limit, 1), 100), filter);
  }

  @Query(() => ForecastModelConnection, { description: 'Forecast model versions, newest first, with backtest metrics and promotion.' })
  forecastModels(@Args() page: PageArgs): Promise<ForecastModelConnection> {
    return this.forecasting.models(page.first, page.after);
  }

  @Roles(ApiRole.ADMIN, ApiRole.ANALYST)
  @Mutation(() => ForecastTrainingJob, { description: 'Backtest, train and store a forecast model in the forecast queue; follow with job(id).' })
  trainForecastModel(@Args('input', { type: () => TrainForecastInput, nullable: true }) input?: TrainForecastInput): Promise<ForecastTrainingJob> {
    return this.forecasting.train(input ?? new TrainForecastInput());
  }
}
