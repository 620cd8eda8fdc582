import { Module } from '@nestjs/common';
import { WorkerHeartbeatService } from './queues/worker-heartbeat.service';

/** Queue processors. Imported only by the `worker` and `all` roles, so an `api` process consumes no jobs. */
@Module({
  providers: [WorkerHeartbeatService],
})
export class WorkerModule {}
