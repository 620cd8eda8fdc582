import { BullModule } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ALL_QUEUES } from './queue-names';
import { JobQueueService } from './job-queue.service';
import { QueueDepthService } from './queue-depth.service';

/** Retry defaults for every queue: at-least-once delivery, so processors are idempotent. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: 1000,
  removeOnFail: 5000,
} as const;

// No per-queue lock overrides: CPU-heavy TensorFlow.js training runs in sandboxed (child-process)
// processors, so every worker's event loop stays free to renew job locks within QUEUE_LOCK_MS.
const registeredQueues = BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name })));

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        url: config.redisUrl,
        prefix: config.queuePrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
        // A SIGKILLed worker's job is picked up again once its lock lapses (stalled-job check).
        settings: { lockDuration: config.queueLockMs, stalledInterval: Math.max(500, Math.floor(config.queueLockMs / 2)), maxStalledCount: 3 },
        redis: { maxRetriesPerRequest: null, enableReadyCheck: false },
      }),
    }),
    registeredQueues,
  ],
  providers: [JobQueueService, QueueDepthService],
  exports: [registeredQueues, JobQueueService, QueueDepthService],
})
export class QueuesModule {}
