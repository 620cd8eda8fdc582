import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobQueueService } from '../queues/job-queue.service';
import { JobName } from '../queues/queue-names';

/** Retraining triggers: a cron schedule, and ingestion runs that bring a large share of new postings. */
export const MIN_POSTINGS_FOR_AUTO_RETRAIN = 5000;
const DEFAULT_REQUEST = { horizon: 6, origins: 6, measure: 'COUNT', importedSeries: null };

@Injectable()
export class ForecastSchedulerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ForecastSchedulerService.name);

  constructor(
    private readonly db: DataSource,
    private readonly queues: JobQueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.forecastRetrainCron === 'off') return;
    await this.queues.scheduleForecastRetraining(this.config.forecastRetrainCron, DEFAULT_REQUEST).catch((error: Error) => this.logger.warn(`could not schedule forecast retraining: ${error.message}`));
  }

  /** Called after an ingestion run completes. */
  async afterIngestion(accepted: number): Promise<void> {
    if (accepted <= 0) return;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM posting_facts`);
    if (total < MIN_POSTINGS_FOR_AUTO_RETRAIN || accepted / total <= this.config.forecastRetrainShare) return;
    this.logger.log(`ingestion added ${accepted} of ${total} postings (> ${this.config.forecastRetrainShare * 100}%): retraining forecasts and matching models`);
    await this.queues.enqueueForecastTraining(randomUUID(), { request: DEFAULT_REQUEST });
    // Skill embeddings and the scorer learn from postings too; workers pick up the new version on their next index check.
    await this.queues.enqueueMatch(JobName.TRAIN_MATCHING, {});
  }
}
