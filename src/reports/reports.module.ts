import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { ForecastEmergingSource } from '../forecasting/forecast-emerging.source';
import { ForecastingModule } from '../forecasting/forecasting.module';
import { EMERGING_SKILLS_SOURCE, ReportBuilderService } from './report-builder.service';
import { ReportsController } from './reports.controller';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

@Module({
  imports: [AnalyticsModule, ForecastingModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportsResolver, ReportBuilderService, { provide: EMERGING_SKILLS_SOURCE, useExisting: ForecastEmergingSource }],
  exports: [ReportsService],
})
export class ReportsModule {}
