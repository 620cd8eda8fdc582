import { Module } from '@nestjs/common';
import { IngestProcessor } from './ingestion/ingest.processor';
import { IngestionModule } from './ingestion/ingestion.module';
import { WorkerHeartbeatService } from './queues/worker-heartbeat.service';

/** Queue processors. Imported only by the `worker` and `all` roles, so an `api` process consumes no jobs. */
@Module({
  imports: [IngestionModule],
  providers: [WorkerHeartbeatService, IngestProcessor],
})
export class WorkerModule {}
