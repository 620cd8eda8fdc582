import { Module } from '@nestjs/common';
import { IngestProcessor } from './ingestion/ingest.processor';
import { IngestionModule } from './ingestion/ingestion.module';
import { WorkerHeartbeatService } from './queues/worker-heartbeat.service';
import { ReportProcessor } from './reports/report.processor';
import { ReportsModule } from './reports/reports.module';

/** Queue processors. Imported only by the `worker` and `all` roles, so an `api` process consumes no jobs. */
@Module({
  imports: [IngestionModule, ReportsModule],
  providers: [WorkerHeartbeatService, IngestProcessor, ReportProcessor],
})
export class WorkerModule {}
