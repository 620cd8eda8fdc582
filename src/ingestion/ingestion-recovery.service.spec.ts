import { JobQueueService } from '../queues/job-queue.service';
import { IngestionRecoveryService } from './ingestion-recovery.service';
import { IngestionService } from './ingestion.service';

describe('IngestionRecoveryService.requeueOrphanedRuns', () => {
  function setup(jobStates: Record<string, string | null>, stillPending = Object.keys(jobStates)) {
    const ingestion = {
      pendingRunIds: jest.fn(async (ids?: string[]) => (ids ? ids.filter((id) => stillPending.includes(id)) : Object.keys(jobStates))),
    };
    const jobs = {
      ingestJobState: jest.fn(async (id: string) => jobStates[id]),
      enqueueIngest: jest.fn(async (id: string) => id),
      requeueIngest: jest.fn(async (id: string) => id),
    };
    const service = new IngestionRecoveryService(ingestion as unknown as IngestionService, jobs as unknown as JobQueueService);
    return { service, jobs };
  }

  it('adds a job for a pending run Redis has no job for', async () => {
    const { service, jobs } = setup({ lost: null });
    await expect(service.requeueOrphanedRuns()).resolves.toEqual(['lost']);
    expect(jobs.enqueueIngest).toHaveBeenCalledWith('lost');
    expect(jobs.requeueIngest).not.toHaveBeenCalled();
  });

  it('replaces a finished job whose run is still pending', async () => {
    const { service, jobs } = setup({ a: 'failed', b: 'completed', c: 'stuck' });
    await expect(service.requeueOrphanedRuns()).resolves.toEqual(['a', 'b', 'c']);
    expect(jobs.requeueIngest.mock.calls.map(([id]) => id)).toEqual(['a', 'b', 'c']);
  });

  it('leaves runs with a live job alone', async () => {
    const { service, jobs } = setup({ a: 'active', b: 'waiting', c: 'delayed', d: 'paused' });
    await expect(service.requeueOrphanedRuns()).resolves.toEqual([]);
    expect(jobs.enqueueIngest).not.toHaveBeenCalled();
    expect(jobs.requeueIngest).not.toHaveBeenCalled();
  });

  it('leaves a run that finished between reading the runs and reading its job', async () => {
    const { service, jobs } = setup({ done: 'completed' }, []);
    await expect(service.requeueOrphanedRuns()).resolves.toEqual([]);
    expect(jobs.requeueIngest).not.toHaveBeenCalled();
  });
});
