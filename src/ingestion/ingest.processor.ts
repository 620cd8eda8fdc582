import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { doNotCountAttempt, type Job } from '../queues/job-queue.service';
import { IngestJobData } from '../queues/job-data';
import { JobName, QueueName } from '../queues/queue-names';
import { ForecastSchedulerService } from '../forecasting/forecast-scheduler.service';
import { IngestionKind } from './ingestion.enums';
import { IngestionInterruptedError, IngestionRunnerService } from './ingestion-runner.service';

@Processor(QueueName.INGEST)
export class IngestProcessor {
  private readonly logger = new Logger(IngestProcessor.name);

  constructor(
    private readonly runner: IngestionRunnerService,
    private readonly forecasts: ForecastSchedulerService,
  ) {}

  @Process({ name: JobName.INGEST_FILE })
  async handle(job: Job<IngestJobData>) {
    const started = Date.now();
    this.logger.log(`ingest run=${job.data.runId} correlation=${job.data.correlationId} attempt=${job.attemptsMade + 1} started`);
    let run;
    try {
      // Progress is advisory and lives in Redis: never wait for it, and never fail a run over it (Redis
      // restarting empty loses the job's key; the run itself is in Postgres).
      run = await this.runner.execute(job.data.runId, ({ fraction }) => void job.progress(Math.round(fraction * 100)).catch(() => undefined));
    } catch (error) {
      if (error instanceof IngestionInterruptedError) {
        this.logger.log(`ingest run=${job.data.runId} released: ${error.message}`);
        doNotCountAttempt(job);
        throw error;
      }
      // Bull retries with backoff; after the last attempt the run must say FAILED, not stay RUNNING.
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      this.logger.error(`ingest run=${job.data.runId} attempt=${job.attemptsMade + 1} failed: ${(error as Error).message}`);
      if (lastAttempt) await this.runner.markFailed(job.data.runId, 'INTERNAL_ERROR', (error as Error).message);
      throw error;
    }
    this.logger.log(`ingest run=${run.id} ${run.status} accepted=${run.accepted} duplicates=${run.duplicates} rejected=${run.rejected} in ${Date.now() - started} ms`);
    if (run.kind === IngestionKind.POSTINGS && run.status === 'COMPLETED') {
      await this.forecasts.afterIngestion(run.accepted).catch((error: Error) => this.logger.warn(`retraining trigger failed: ${error.message}`));
    }
    return { runId: run.id, status: run.status, accepted: run.accepted, duplicates: run.duplicates, rejected: run.rejected };
  }
}
