import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AnalyticsException, AnalyticsExceptionCode } from '../analytics/analytics.exception';
import { MarketFilter } from '../analytics/dto/market-filter.input';
import { AuditLogService } from '../audit/audit-log.service';
import { Principal } from '../auth/role.enum';
import { CandidatesService } from '../candidates/candidates.service';
import { PostingsService } from '../postings/postings.service';
import { JobQueueService } from '../queues/job-queue.service';
import { JobName } from '../queues/queue-names';
import { DomainErrorKind, DomainException } from '../common/domain.exception';
import { withTenant } from '../database/tenant-transaction';
import { ExplainedMatch, MATCHING_NOT_READY } from './matching-engine.service';
import { CandidateMatch, FairnessAttribute, FairnessReportModel, MatchingJob, RoleMatches, SkillSimilarity, StoredMatch } from './matching.models';

export const MatchJob = {
  MATCH_CANDIDATE: 'match-candidate',
  MATCH_ROLE: 'match-role',
  RUN_MATCHING: 'run-matching',
  FAIRNESS: 'matching-fairness',
  RELATED_SKILLS: 'related-skills',
  TRAIN: JobName.TRAIN_MATCHING,
} as const;

export class MatchingNotReadyException extends DomainException {
  readonly kind: DomainErrorKind = 'CONFLICT';
  readonly code = MATCHING_NOT_READY;
}

/** API side of matching: checks ownership, asks a worker over the `match` queue, hydrates the answer. */
@Injectable()
export class MatchingService {
  constructor(
    private readonly db: DataSource,
    private readonly queues: JobQueueService,
    private readonly candidates: CandidatesService,
    private readonly postings: PostingsService,
    private readonly audit: AuditLogService,
  ) {}

  /** Ask a worker; a "not ready" failure (no postings to train on) becomes a clear client error. */
  private async ask<T>(name: string, data: Record<string, unknown>): Promise<T> {
    try {
      return await this.queues.askMatchWorker<T>(name, data);
    } catch (error) {
      const message = (error as Error).message ?? '';
      if (message.startsWith(MATCHING_NOT_READY)) throw new MatchingNotReadyException(message.slice(MATCHING_NOT_READY.length + 2));
      throw error;
    }
  }

  async matchRolesForCandidate(principal: Principal, candidateId: string, filter: MarketFilter | undefined, first: number): Promise<RoleMatches> {
    const candidate = await this.candidates.find(principal, candidateId); // 404 for other organizations
    const answer = await this.ask<{ matches: ExplainedMatch[]; issues: string[]; modelVersion: number; modelPromoted: boolean; scoredPostings: number } | null>(
      MatchJob.MATCH_CANDIDATE,
      { organizationId: principal.organizationId, candidateIds: [candidateId], filter: filter ?? null, first },
    );
    if (!answer) throw new NotFoundException(`candidate ${candidateId} not found`);
    await this.audit.record(principal, 'MATCH', 'candidate', candidateId);
    const postings = await Promise.all(answer.matches.map((m) => this.postings.find(m.postingId)));
    return {
      matches: answer.matches.map((m, i) => ({ posting: postings[i], rank: m.rank, score: m.score, explanation: m.explanation })),
      issues: answer.issues,
      unknownSkills: candidate.unknownSkills,
      modelVersion: answer.modelVersion,
      modelPromoted: answer.modelPromoted,
      scoredPostings: answer.scoredPostings,
    };
  }

  async matchCandidatesForRole(principal: Principal, postingId: string, first: number): Promise<CandidateMatch[]> {
    await this.postings.find(postingId);
    const answer = await this.ask<{ matches: Array<ExplainedMatch & { candidateId: string }> } | null>(MatchJob.MATCH_ROLE, {
      organizationId: principal.organizationId,
      postingId,
      first,
    });
    if (!answer) throw new AnalyticsException(`job posting ${postingId} not found`, AnalyticsExceptionCode.POSTING_NOT_FOUND);
    const rows: Array<{ id: string; external_ref: string | null }> = await withTenant(this.db, principal.organizationId, (m) =>
      m.query(`SELECT id, external_ref FROM candidates WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [principal.organizationId, answer.matches.map((x) => x.candidateId)]),
    );
    const refs = new Map(rows.map((r) => [r.id, r.external_ref]));
    await this.audit.record(principal, 'MATCH', 'candidate', answer.matches.map((m) => m.candidateId));
    return answer.matches.map((m) => ({ candidateId: m.candidateId, externalRef: refs.get(m.candidateId) ?? null, rank: m.rank, score: m.score, explanation: m.explanation }));
  }

  async runMatching(principal: Principal, candidateIds: string[]): Promise<MatchingJob> {
    const [{ n }] = await withTenant(this.db, principal.organizationId, (m) =>
      m.query(`SELECT count(*)::int AS n FROM candidates WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [principal.organizationId, candidateIds]),
    );
    if (n !== new Set(candidateIds).size) throw new NotFoundException('some candidates were not found in your organization');
    const jobId = await this.queues.enqueueMatch(MatchJob.RUN_MATCHING, { organizationId: principal.organizationId, candidateIds });
    return { jobId: `match:${jobId}`, result: null };
  }

  async storedMatches(principal: Principal, candidateId: string, first: number): Promise<StoredMatch[]> {
    await this.candidates.find(principal, candidateId);
    const rows = await withTenant(this.db, principal.organizationId, (tx) =>
      tx.query(
        `SELECT r.candidate_id, r.posting_id::text, r.rank, r.score, m.version, r.explanation, r.created_at
           FROM match_results r LEFT JOIN ml_models m ON m.id = r.model_id
          WHERE r.organization_id = $1 AND r.candidate_id = $2 ORDER BY r.created_at DESC, r.rank LIMIT $3`,
        [principal.organizationId, candidateId, first],
      ),
    );
    return rows.map((r: any) => ({ candidateId: r.candidate_id, postingId: r.posting_id, rank: r.rank, score: r.score, modelVersion: r.version, explanation: r.explanation, createdAt: r.created_at }));
  }

  async fairnessReport(principal: Principal, attribute: FairnessAttribute, filter: MarketFilter | undefined, topK: number): Promise<FairnessReportModel> {
    const answer = await this.ask<{ report: any; postings: number; candidates: number; modelVersion: number }>(MatchJob.FAIRNESS, {
      organizationId: principal.organizationId,
      attribute,
      filter: filter ?? null,
      topK,
    });
    return { attribute, topK, postings: answer.postings, candidates: answer.candidates, modelVersion: answer.modelVersion, ...answer.report };
  }

  async relatedSkills(skill: string, limit: number): Promise<SkillSimilarity[]> {
    const answer = await this.ask<SkillSimilarity[] | null>(MatchJob.RELATED_SKILLS, { skill, limit });
    if (!answer) throw new AnalyticsException(`unknown skill: ${skill}`, AnalyticsExceptionCode.UNKNOWN_SKILL);
    return answer;
  }

  async train(): Promise<MatchingJob> {
    const jobId = await this.queues.enqueueMatch(MatchJob.TRAIN, {});
    return { jobId: `match:${jobId}`, result: null };
  }
}
