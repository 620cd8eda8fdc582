import { Module } from '@nestjs/common';
import { IngestProcessor } from './ingestion/ingest.processor';
import { IngestionRecoveryService } from './ingestion/ingestion-recovery.service';
import { IngestionModule } from './ingestion/ingestion.module';
import { SandboxedProcessorsService } from './queues/sandboxed-processors.service';
import { WorkerHeartbeatService } from './queues/worker-heartbeat.service';
import { ForecastingModule } from './forecasting/forecasting.module';
import { MatchProcessor } from './matching/match.processor';
import { MatchingModule } from './matching/matching.module';
import { ReportProcessor } from './reports/report.processor';
import { ReportsModule } from './reports/reports.module';

/**
 * Queue processors. Imported only by the `worker` and `all` roles, so an `api` process consumes no jobs.
 * Model training runs in sandboxed child processes (see training-sandbox.ts), the rest in process.
 */
@Module({
  imports: [IngestionModule, ForecastingModule, ReportsModule, MatchingModule],
  providers: [WorkerHeartbeatService, SandboxedProcessorsService, IngestProcessor, IngestionRecoveryService, ReportProcessor, MatchProcessor],
})
export class WorkerModule {}
