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

// Model training blocks the event loop for long stretches (TensorFlow.js on WASM computes on the
// calling thread): a long lock on the model queues keeps such jobs from being declared stalled.
const MODEL_QUEUES = new Set<string>(['forecast', 'match']);
const registeredQueues = BullModule.registerQueue(
  ...ALL_QUEUES.map((name) => (MODEL_QUEUES.has(name) ? { name, settings: { lockDuration: 15 * 60_000, stalledInterval: 5 * 60_000 } } : { name })),
);

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
