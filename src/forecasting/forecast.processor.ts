import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from '../queues/job-queue.service';
import { JobName, QueueName } from '../queues/queue-names';
import { ForecastTrainerService, TrainForecastRequest } from './forecast-trainer.service';

@Processor(QueueName.FORECAST)
export class ForecastProcessor {
  private readonly logger = new Logger(ForecastProcessor.name);

  constructor(private readonly trainer: ForecastTrainerService) {}

  @Process({ name: JobName.TRAIN_FORECAST })
  async handle(job: Job<{ correlationId: string; request: TrainForecastRequest }>) {
    const started = Date.now();
    this.logger.log(`train-forecast job=${job.id} correlation=${job.data.correlationId} started`);
    const result = await this.trainer.train(job.data.request, (p) => job.progress(p));
    this.logger.log(`train-forecast job=${job.id} done in ${Date.now() - started} ms`);
    return result;
  }
}
