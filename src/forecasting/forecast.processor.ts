import { Injectable, Logger } from '@nestjs/common';
import type { Job } from '../queues/job-queue.service';
import { ForecastTrainerService, TrainForecastRequest } from './forecast-trainer.service';

/**
 * The `train-forecast` job. CPU-heavy, so it runs in the training sandbox (a child process that Bull
 * forks; see training-sandbox.ts), never on a worker's event loop.
 */
@Injectable()
export class ForecastProcessor {
  private readonly logger = new Logger(ForecastProcessor.name);

  constructor(private readonly trainer: ForecastTrainerService) {}

  async handle(job: Job<{ correlationId: string; request: TrainForecastRequest }>) {
    const started = Date.now();
    this.logger.log(`train-forecast job=${job.id} correlation=${job.data.correlationId} started`);
    const result = await this.trainer.train(job.data.request, (p) => job.progress(p));
    this.logger.log(`train-forecast job=${job.id} done in ${Date.now() - started} ms`);
    return result;
  }
}
