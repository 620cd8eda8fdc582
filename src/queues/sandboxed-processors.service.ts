import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SANDBOXED_JOBS, TrainingProcessorFile, writeTrainingProcessorFile } from '../training-sandbox';
import { JobQueueService } from './job-queue.service';

/** Training jobs run in child processes; concurrency 1: each trains on one core. */
const SANDBOX_CONCURRENCY = 1;

/**
 * Registers the sandboxed (separate-process) processors for the training jobs; every other job name
 * keeps its in-process @Processor handler. Done here, in the worker roles only, rather than through
 * `BullModule.registerQueue({ processors })`, which would make API-only processes consume training jobs.
 */
@Injectable()
export class SandboxedProcessorsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SandboxedProcessorsService.name);
  private file?: TrainingProcessorFile;

  constructor(
    private readonly queues: JobQueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.file = writeTrainingProcessorFile(this.config);
    for (const { queue, name } of SANDBOXED_JOBS) {
      // Resolves only when the queue closes; Bull holds the job locks here while the child computes.
      this.queues
        .queue(queue)
        .process(name, SANDBOX_CONCURRENCY, this.file.path)
        .catch((error: Error) => this.logger.error(`sandboxed processor ${queue}/${name} stopped: ${error.message}`));
    }
  }

  onApplicationShutdown(): void {
    this.file?.remove();
  }
}
