import { Injectable, Logger } from '@nestjs/common';
import type { Job } from '../queues/job-queue.service';
import { MatchTrainerService } from './match-trainer.service';

/**
 * The `train-matching` job. CPU-heavy, so it runs in the training sandbox (a child process that Bull
 * forks; see training-sandbox.ts), never on a worker's event loop.
 */
@Injectable()
export class MatchTrainingProcessor {
  private readonly logger = new Logger(MatchTrainingProcessor.name);

  constructor(private readonly trainer: MatchTrainerService) {}

  async handle(job: Job<{ correlationId: string }>) {
    const started = Date.now();
    this.logger.log(`train-matching job=${job.id} correlation=${job.data.correlationId} started`);
    const result = await this.trainer.train();
    this.logger.log(`train-matching job=${job.id} done in ${Date.now() - started} ms promoted=${result.promoted}`);
    return result;
  }
}
