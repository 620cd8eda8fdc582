import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { NotFoundException } from '@nestjs/common';
import { Roles } from '../auth/auth.decorators';
import { ApiRole } from '../auth/role.enum';
import { IngestionService } from '../ingestion/ingestion.service';
import { JobQueueService } from '../queues/job-queue.service';
import { ALL_QUEUES, QueueName } from '../queues/queue-names';
import { JobModel, JobState } from './job.model';

function parseJobId(id: string): { queue: QueueName; jobId: string } {
  const [queue, ...rest] = id.split(':');
  if (!ALL_QUEUES.includes(queue as QueueName) || rest.length === 0) throw new NotFoundException(`job ${id} not found (ids look like "forecast:<id>")`);
  return { queue: queue as QueueName, jobId: rest.join(':') };
}

/** Background jobs of every queue: state, progress, result, failure reason, and a retry button. */
@Roles(ApiRole.ADMIN, ApiRole.ANALYST)
@Resolver(() => JobModel)
export class JobsResolver {
  constructor(
    private readonly queues: JobQueueService,
    private readonly ingestion: IngestionService,
  ) {}

  @Query(() => JobModel)
  async job(@Args('id', { type: () => ID }) id: string): Promise<JobModel> {
    const { queue, jobId } = parseJobId(id);
    const job = await this.queues.snapshot(queue, jobId);
    if (!job) throw new NotFoundException(`job ${id} not found`);
    return { ...job, id: `${queue}:${job.id}` };
  }

  @Query(() => [JobModel], { description: 'Jobs in a state, newest first (e.g. state: FAILED to see what needs attention).' })
  async jobs(
    @Args('state', { type: () => JobState }) state: JobState,
    @Args('queue', { type: () => String, nullable: true }) queue?: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
  ): Promise<JobModel[]> {
    const queues = queue ? [parseJobId(`${queue}:x`).queue] : ALL_QUEUES;
    const size = Math.min(Math.max(first, 1), 100);
    const out: JobModel[] = [];
    for (const q of queues) out.push(...(await this.queues.list(q, state, size)).map((j) => ({ ...j, id: `${q}:${j.id}` })));
    return out.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, size);
  }

  @Roles(ApiRole.ADMIN)
  @Mutation(() => JobModel, { description: 'Retry a failed job (processors are idempotent).' })
  async retryJob(@Args('id', { type: () => ID }) id: string): Promise<JobModel> {
    const { queue, jobId } = parseJobId(id);
    const job = await this.job(id); // an unknown id is NOT_FOUND, not an internal error
    // An ingest job's outcome is its run, which the last attempt marked FAILED; a bare Bull retry would meet
    // that FAILED run and complete without reading a row. Retrying the run reopens it and requeues its job.
    if (queue === QueueName.INGEST && job.state === 'failed') await this.ingestion.retry(jobId);
    else await this.queues.retry(queue, jobId);
    return this.job(id);
  }
}
