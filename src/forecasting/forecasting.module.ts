import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { SkillsModule } from '../skills/skills.module';
import { ForecastEmergingSource } from './forecast-emerging.source';
import { ForecastSchedulerService } from './forecast-scheduler.service';
import { ForecastSeriesService } from './forecast-series.service';
import { ForecastTrainerService } from './forecast-trainer.service';
import { ForecastingResolver } from './forecasting.resolver';
import { ForecastingService } from './forecasting.service';

@Module({
  imports: [SkillsModule, AnalyticsModule],
  providers: [ForecastSeriesService, ForecastingService, ForecastingResolver, ForecastTrainerService, ForecastEmergingSource, ForecastSchedulerService],
  exports: [ForecastingService, ForecastTrainerService, ForecastEmergingSource, ForecastSchedulerService],
})
export class ForecastingModule {}
