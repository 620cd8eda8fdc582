import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { ReportJobData } from '../queues/job-data';
import type { Job } from '../queues/job-queue.service';
import { JobName, QueueName } from '../queues/queue-names';
import { ReportsService } from './reports.service';

@Processor(QueueName.REPORT)
export class ReportProcessor {
  private readonly logger = new Logger(ReportProcessor.name);

  constructor(private readonly reports: ReportsService) {}

  @Process({ name: JobName.BUILD_REPORT })
  async handle(job: Job<ReportJobData>) {
    const started = Date.now();
    this.logger.log(`report=${job.data.reportId} correlation=${job.data.correlationId} attempt=${job.attemptsMade + 1} started`);
    // Jobs queued before row-level security carry no organization, and without one no report row is visible.
    if (!job.data.organizationId) throw new Error(`report job ${job.id} has no organizationId (queued by an older version): request the report again`);
    try {
      await this.reports.build(job.data.organizationId, job.data.reportId, (p) => job.progress(p));
    } catch (error) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await this.reports.markFailed(job.data.organizationId, job.data.reportId, (error as Error).message);
      throw error;
    }
    this.logger.log(`report=${job.data.reportId} done in ${Date.now() - started} ms`);
  }
}
