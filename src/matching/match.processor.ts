import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from '../queues/job-queue.service';
import { QueueName } from '../queues/queue-names';
import { MatchingEngineService } from './matching-engine.service';
import { MatchJob } from './matching.service';

/**
 * Thin: each job name maps to one engine call. Results are returned to the asking API via Bull.
 * Training (`train-matching`) is not here: it runs in the sandboxed training processor.
 */
@Processor(QueueName.MATCH)
export class MatchProcessor {
  private readonly logger = new Logger(MatchProcessor.name);

  constructor(private readonly engine: MatchingEngineService) {}

  @Process({ name: MatchJob.MATCH_CANDIDATE })
  matchCandidate(job: Job<any>) {
    return this.engine.matchCandidate(job.data.organizationId, job.data.candidateIds[0], job.data.filter ?? undefined, job.data.first);
  }

  @Process({ name: MatchJob.MATCH_ROLE })
  matchRole(job: Job<any>) {
    return this.engine.matchRole(job.data.organizationId, job.data.postingId, job.data.first);
  }

  @Process({ name: MatchJob.RUN_MATCHING })
  async runMatching(job: Job<any>) {
    const started = Date.now();
    const result = await this.engine.runMatching(job.data.organizationId, job.data.candidateIds);
    this.logger.log(`run-matching correlation=${job.data.correlationId} candidates=${result.candidates} stored=${result.stored} in ${Date.now() - started} ms`);
    return result;
  }

  @Process({ name: MatchJob.FAIRNESS })
  fairness(job: Job<any>) {
    return this.engine.fairness(job.data.organizationId, job.data.attribute, job.data.filter ?? undefined, job.data.topK);
  }

  @Process({ name: MatchJob.RELATED_SKILLS })
  related(job: Job<any>) {
    return this.engine.relatedSkills(job.data.skill, job.data.limit);
  }
}
