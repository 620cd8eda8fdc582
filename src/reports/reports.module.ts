import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { NoForecastSource } from './no-forecast.source';
import { EMERGING_SKILLS_SOURCE, ReportBuilderService } from './report-builder.service';
import { ReportsController } from './reports.controller';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

@Module({
  imports: [AnalyticsModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportsResolver, ReportBuilderService, { provide: EMERGING_SKILLS_SOURCE, useClass: NoForecastSource }],
  exports: [ReportsService],
})
export class ReportsModule {}
