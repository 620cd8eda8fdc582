import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JobQueueService } from '../queues/job-queue.service';
import { IngestionService } from './ingestion.service';

const SWEEP_EVERY_MS = 60_000;
/** Job states that mean no worker has the run and none will pick it up. */
const ORPHANED_STATES = new Set(['completed', 'failed', 'stuck']);

/**
 * Postgres is the record of accepted runs; Redis only says who works on them. When Redis loses jobs
 * (restarted without persistence, flushed, failed over), runs still QUEUED or RUNNING in Postgres
 * are queued again: at worker start, whenever the Redis connection comes back, and every minute.
 * Job ids are run ids, and the runner resumes after the last committed batch under a per-run lock,
 * so queueing a run that still has a live executor costs a no-op job, never a duplicate row.
 */
@Injectable()
export class IngestionRecoveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IngestionRecoveryService.name);
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private sweeping?: Promise<void>;
  private sweepAgain = false;

  constructor(
    private readonly ingestion: IngestionService,
    private readonly jobs: JobQueueService,
  ) {}

  onApplicationBootstrap(): void {
    this.unsubscribe = this.jobs.onIngestConnectionReady(() => this.requestSweep());
    this.timer = setInterval(() => this.requestSweep(), SWEEP_EVERY_MS);
    this.timer.unref();
    this.requestSweep();
  }

  // A sweep in flight is not awaited: with Redis down its commands would wait for the reconnect, and
  // everything it does is idempotent anyway.
  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.unsubscribe?.();
  }

  /** Coalesces triggers: at most one sweep runs, and one more follows if asked for meanwhile. */
  private requestSweep(): void {
    if (this.sweeping) {
      this.sweepAgain = true;
      return;
    }
    this.sweeping = this.requeueOrphanedRuns()
      .then((runIds) => {
        if (runIds.length > 0) this.logger.warn(`re-queued ${runIds.length} ingestion run(s) whose job was lost: ${runIds.join(', ')}`);
      })
      .catch((error: Error) => this.logger.warn(`ingestion recovery sweep failed: ${error.message}`))
      .finally(() => {
        this.sweeping = undefined;
        if (this.sweepAgain) {
          this.sweepAgain = false;
          this.requestSweep();
        }
      });
  }

  /** Runs Postgres says are pending but Redis holds no live job for; returns the ids queued again. */
  async requeueOrphanedRuns(): Promise<string[]> {
    const requeued: string[] = [];
    for (const id of await this.ingestion.pendingRunIds()) {
      const state = await this.jobs.ingestJobState(id);
      if (state === null) {
        await this.jobs.enqueueIngest(id); // a no-op if the API adds the job meanwhile
      } else if (ORPHANED_STATES.has(state) && (await this.ingestion.pendingRunIds([id])).length > 0) {
        // Checked again: a run finishing between the two reads has a finished job too, and stays as it is.
        await this.jobs.requeueIngest(id);
      } else {
        continue;
      }
      requeued.push(id);
    }
    return requeued;
  }
}
