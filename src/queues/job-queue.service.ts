import { InjectQueue } from '@nestjs/bull';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Job, JobOptions, Queue } from 'bull';
import { randomUUID } from 'node:crypto';
import { ForecastJobData, IngestJobData, MatchJobData, ReportJobData } from './job-data';
import { ALL_QUEUES, JobName, QueueName } from './queue-names';

export type { Job } from 'bull';

export interface JobSnapshot {
  id: string;
  queue: QueueName;
  name: string;
  state: string;
  progress: unknown;
  attemptsMade: number;
  failedReason: string | null;
  result: unknown;
  createdAt: Date;
  finishedAt: Date | null;
}

/**
 * Hands an active job back without spending one of its attempts (a worker shutting down mid-job):
 * the processor then rethrows and Bull re-queues the job. Bull adds the failed attempt to this
 * in-memory copy and stores the result, so the two cancel out (and a first attempt retries at once).
 */
export function doNotCountAttempt(job: Job): void {
  job.attemptsMade -= 1;
}

/** The producer side of every queue. Job ids are the domain ids, so enqueueing twice is a no-op. */
@Injectable()
export class JobQueueService implements OnModuleDestroy {
  constructor(
    @InjectQueue(QueueName.INGEST) private readonly ingest: Queue<IngestJobData>,
    @InjectQueue(QueueName.FORECAST) private readonly forecast: Queue<ForecastJobData>,
    @InjectQueue(QueueName.MATCH) private readonly match: Queue<MatchJobData>,
    @InjectQueue(QueueName.REPORT) private readonly report: Queue<ReportJobData>,
  ) {}

  /**
   * Shutdown, first step: this process takes no new job from any queue (Bull's own close comes last and
   * waits for the running ones). Bounded, since with Redis away the pause would wait for it.
   */
  async onModuleDestroy(): Promise<void> {
    const paused = Promise.all(ALL_QUEUES.map((name) => this.queue(name).pause(true, true).catch(() => undefined)));
    await Promise.race([paused, new Promise((done) => setTimeout(done, 2000).unref())]);
  }

  async enqueueIngest(runId: string, options: JobOptions = {}): Promise<string> {
    // Ingestion can legitimately take minutes; a long timeout, and retries resume from the checkpoint.
    const job = await this.ingest.add(JobName.INGEST_FILE, { runId, correlationId: randomUUID() }, { jobId: runId, timeout: 60 * 60_000, ...options });
    return String(job.id);
  }

  /** The state of a run's ingest job, or null when Redis has no such job (say, Redis restarted empty). */
  async ingestJobState(runId: string): Promise<string | null> {
    const job = await this.ingest.getJob(runId);
    return job ? job.getState() : null;
  }

  /** Calls back each time the ingest queue's Redis connection is (re)established. Returns the unsubscribe. */
  onIngestConnectionReady(listener: () => void): () => void {
    this.ingest.client.on('ready', listener);
    return () => void this.ingest.client.off('ready', listener);
  }

  /** A failed or completed job with this id blocks a new add; remove it so a retry really runs. */
  async requeueIngest(runId: string): Promise<string> {
    const existing = await this.ingest.getJob(runId);
    if (existing && !(await existing.isActive())) await existing.remove();
    return this.enqueueIngest(runId);
  }

  /**
   * Request/response over the `match` queue: the API asks, a worker (which holds the posting vectors
   * in memory) answers. Payloads carry ids and filters, never profile data.
   */
  async askMatchWorker<T>(name: string, data: Record<string, unknown>, timeoutMs = 120_000): Promise<T> {
    const job = await this.match.add(name, { correlationId: randomUUID(), ...data } as unknown as MatchJobData, { attempts: 1, timeout: timeoutMs, removeOnComplete: 100, removeOnFail: 100 });
    let timer: NodeJS.Timeout | undefined;
    try {
      return (await Promise.race([
        job.finished(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no matching worker answered within ${timeoutMs / 1000} s`)), timeoutMs))),
      ])) as T;
    } finally {
      clearTimeout(timer);
    }
  }

  async enqueueMatch(name: string, data: Record<string, unknown>): Promise<string> {
    const job = await this.match.add(name, { correlationId: randomUUID(), ...data } as unknown as MatchJobData, { timeout: 30 * 60_000 });
    return String(job.id);
  }

  async enqueueReport(reportId: string, organizationId: string): Promise<string> {
    const job = await this.report.add(JobName.BUILD_REPORT, { reportId, organizationId, correlationId: randomUUID() }, { jobId: reportId, timeout: 10 * 60_000 });
    return String(job.id);
  }

  queue(name: QueueName): Queue {
    return { [QueueName.INGEST]: this.ingest, [QueueName.FORECAST]: this.forecast, [QueueName.MATCH]: this.match, [QueueName.REPORT]: this.report }[name];
  }

  async list(name: QueueName, state: 'waiting' | 'active' | 'completed' | 'failed' | 'delayed' | 'paused', first: number): Promise<JobSnapshot[]> {
    const jobs = await this.queue(name).getJobs([state], 0, first - 1, false);
    return Promise.all(jobs.filter(Boolean).map((job) => this.toSnapshot(name, job)));
  }

  async retry(name: QueueName, id: string): Promise<void> {
    const job = await this.queue(name).getJob(id);
    if (!job) throw new Error(`job ${name}:${id} not found`);
    if (await job.isFailed()) await job.retry();
  }

  async enqueueForecastTraining(trainingRequestId: string, payload: Record<string, unknown>): Promise<string> {
    const job = await this.forecast.add(JobName.TRAIN_FORECAST, { trainingRequestId, correlationId: randomUUID(), ...payload } as ForecastJobData, {
      jobId: trainingRequestId,
      timeout: 60 * 60_000,
      attempts: 2,
    });
    return String(job.id);
  }

  /** Repeatable retraining; Bull keys repeatable jobs by name + cron, so re-adding at every boot is harmless. */
  async scheduleForecastRetraining(cron: string, request: Record<string, unknown>): Promise<void> {
    await this.forecast.add(JobName.TRAIN_FORECAST, { trainingRequestId: 'scheduled', correlationId: 'scheduled', request } as unknown as ForecastJobData, {
      repeat: { cron },
      jobId: 'scheduled-retraining',
      attempts: 1,
    });
  }

  /** Redis evicting keys under memory pressure would silently drop jobs. */
  async redisEvictionPolicy(): Promise<string | null> {
    const reply = (await this.ingest.client.config('GET', 'maxmemory-policy').catch(() => null)) as string[] | null;
    return reply?.[1] ?? null;
  }

  async snapshot(name: QueueName, id: string): Promise<JobSnapshot | null> {
    const job: Job | null = await this.queue(name).getJob(id);
    if (!job) return null;
    return this.toSnapshot(name, job);
  }

  private async toSnapshot(name: QueueName, job: Job): Promise<JobSnapshot> {
    const state = await job.getState();
    // The job hash was read before getState: a job that finished in between still carries its active-time
    // fields (no result, no finishedOn), so read it again rather than report "completed" without a result.
    if ((state === 'completed' || state === 'failed') && !job.finishedOn) job = (await this.queue(name).getJob(job.id)) ?? job;
    return {
      id: String(job.id),
      queue: name,
      name: job.name,
      state,
      progress: job.progress(),
      attemptsMade: job.attemptsMade,
      failedReason: job.failedReason ?? null,
      result: job.returnvalue ?? null,
      createdAt: new Date(job.timestamp),
      finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
    };
  }
}
