import { Module } from '@nestjs/common';
import { IngestProcessor } from './ingestion/ingest.processor';
import { IngestionModule } from './ingestion/ingestion.module';
import { WorkerHeartbeatService } from './queues/worker-heartbeat.service';
import { ForecastProcessor } from './forecasting/forecast.processor';
import { ForecastingModule } from './forecasting/forecasting.module';
import { MatchProcessor } from './matching/match.processor';
import { MatchingModule } from './matching/matching.module';
import { ReportProcessor } from './reports/report.processor';
import { ReportsModule } from './reports/reports.module';

/** Queue processors. Imported only by the `worker` and `all` roles, so an `api` process consumes no jobs. */
@Module({
  imports: [IngestionModule, ForecastingModule, ReportsModule, MatchingModule],
  providers: [WorkerHeartbeatService, IngestProcessor, ReportProcessor, MatchProcessor, ForecastProcessor],
})
export class WorkerModule {}
