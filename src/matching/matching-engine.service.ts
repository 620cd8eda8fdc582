import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MarketFilter } from '../analytics/dto/market-filter.input';
import { MarketFilterSql } from '../analytics/market-filter.sql';
import { SqlParams } from '../analytics/sql-params';
import { withTenant } from '../database/tenant-transaction';
import { ModelRegistryService } from '../ml/model-registry.service';
import { JobQueueService } from '../queues/job-queue.service';
import { JobName } from '../queues/queue-names';
import { SkillTaxonomyService } from '../skills/skill-taxonomy.service';
import { selectionFairness } from './core/fairness';
import { candidateProfileFromRow, CandidateRow, JobPostingRow, postingProfileFromRow } from './core/match-profile.mapper';
import { ScoringModel } from './core/scoring-model';
import { SkillEmbeddings } from './core/skill-embeddings';
import { PostingIndex, RankedMatch, VectorScorer } from './core/vector-scorer';

/** Prefix of errors the API turns into a client-facing answer instead of a masked internal error. */
export const MATCHING_NOT_READY = 'MATCHING_NOT_READY';
export const EMBEDDINGS_KIND = 'skill-embeddings';
export const SCORER_KIND = 'match-scorer';
/** A first match on a fresh database waits for the models to train (the API's own timeout is shorter). */
const FIRST_TRAINING_TIMEOUT_MS = 30 * 60_000;
const INDEX_CHECK_MS = 5_000;

export interface ExplainedMatch {
  postingId: string;
  rank: number;
  score: number;
  explanation: {
    matchedSkills: string[];
    relatedSkills: Array<{ have: string; for: string; similarity: number }>;
    missingSkills: string[];
    salaryFit: number;
    salaryStatus: string;
    locationFit: number;
    locationReason: string;
    seniorityFit: number;
    experienceFit: number;
    roleFamilyFit: number;
  };
}

interface LoadedModels {
  embeddings: SkillEmbeddings;
  scorer: ScoringModel;
  scorerVersion: number;
  scorerId: number;
  promoted: boolean;
}

/**
 * Worker-side matching: models loaded once from the registry, posting vectors held in memory and
 * rebuilt when postings change. The API never runs this; it asks through the `match` queue.
 */
@Injectable()
export class MatchingEngineService {
  private readonly logger = new Logger(MatchingEngineService.name);
  private loaded?: Promise<LoadedModels>;
  private index?: { key: string; index: PostingIndex; scorer: VectorScorer; checkedAt: number };

  constructor(
    private readonly db: DataSource,
    private readonly registry: ModelRegistryService,
    private readonly taxonomy: SkillTaxonomyService,
    private readonly filters: MarketFilterSql,
    private readonly queues: JobQueueService,
  ) {}

  private async loadModels(): Promise<LoadedModels> {
    let scorerMeta = await this.registry.promoted(SCORER_KIND);
    let promoted = true;
    if (!scorerMeta) {
      // Nothing promoted yet: train once, and use the result even if it did not beat BM25 (said so in results).
      // Training runs in the sandboxed processor (a child process), never on this worker's event loop.
      const latest = await this.registry.latest(SCORER_KIND);
      if (!latest) await this.queues.askMatchWorker(JobName.TRAIN_MATCHING, {}, FIRST_TRAINING_TIMEOUT_MS);
      scorerMeta = (await this.registry.promoted(SCORER_KIND)) ?? (await this.registry.latest(SCORER_KIND));
      promoted = !!scorerMeta?.promotedAt;
    }
    const scorer = await this.registry.load(scorerMeta!.id);
    const embeddingsMeta = await this.registry.promoted(EMBEDDINGS_KIND);
    const embeddings = await this.registry.load(embeddingsMeta!.id);
    return {
      embeddings: SkillEmbeddings.deserialize(embeddings!.weights!),
      scorer: ScoringModel.fromParts(scorer!.topology as never, scorer!.weights!),
      scorerVersion: scorer!.version,
      scorerId: scorer!.id,
      promoted,
    };
  }

  async models(): Promise<LoadedModels> {
    if (!this.loaded) this.loaded = this.loadModels().catch((error) => ((this.loaded = undefined), Promise.reject(error)));
    return this.loaded;
  }

  /** Posting vectors in memory, rebuilt when the posting table changed (checked every few seconds). */
  private async scorer(): Promise<VectorScorer> {
    let models = await this.models();
    if (this.index && Date.now() - this.index.checkedAt < INDEX_CHECK_MS) return this.index.scorer;
    // The training sandbox (this worker's or another's) may have stored a newer scorer: reload models, then rebuild the index.
    const serving = (await this.registry.promoted(SCORER_KIND)) ?? (await this.registry.latest(SCORER_KIND));
    if (serving && serving.id !== models.scorerId) {
      this.loaded = undefined;
      this.index = undefined;
      models = await this.models();
      this.logger.log(`loaded matching scorer v${models.scorerVersion}${models.promoted ? '' : ' (not promoted)'}`);
    }
    const [{ key }] = await this.db.query(`SELECT count(*) || ':' || coalesce(max(id), 0) AS key FROM job_postings`);
    if (this.index && this.index.key === key) {
      this.index.checkedAt = Date.now();
      return this.index.scorer;
    }
    const rows: JobPostingRow[] = await this.db.query(
      `SELECT id::text, skill_ids, role_family, seniority, country, region, remote_type, annual_usd_min, annual_usd_max, experience_years FROM job_postings`,
    );
    const index = PostingIndex.build(rows.map(postingProfileFromRow), { embeddings: models.embeddings });
    const scorer = new VectorScorer(index, models.scorer);
    this.index = { key, index, scorer, checkedAt: Date.now() };
    return scorer;
  }

  /** The job's organization scopes the read twice: in the WHERE clause and by row-level security. */
  private async candidateRows(organizationId: string, ids?: string[]): Promise<Array<CandidateRow & { id: string; gender: string | null; age_group: string | null }>> {
    return withTenant(this.db, organizationId, (m) =>
      m.query(
        `SELECT id, skills, years_experience, country, remote_preference, desired_role_families, salary_annual_usd, gender, age_group
           FROM candidates WHERE organization_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
        [organizationId, ids ?? null],
      ),
    );
  }

  private async allowedPostings(filter: MarketFilter | undefined): Promise<Set<string> | null> {
    if (!filter || Object.keys(filter).length === 0) return null;
    const resolved = await this.filters.resolve(filter);
    const params = new SqlParams();
    const rows: Array<{ id: string }> = await this.db.query(`SELECT p.id::text AS id FROM posting_facts p WHERE ${this.filters.postings(resolved, params)}`, params.values);
    return new Set(rows.map((r) => r.id));
  }

  async matchCandidate(organizationId: string, candidateId: string, filter: MarketFilter | undefined, first: number) {
    const [candidate] = await this.candidateRows(organizationId, [candidateId]);
    if (!candidate) return null;
    const scorer = await this.scorer();
    const allowed = await this.allowedPostings(filter);
    const profile = candidateProfileFromRow(candidate);
    const result = scorer.scoreCandidate(profile, { topK: allowed ? Math.min(5000, Math.max(first * 50, 500)) : first, explain: true });
    const matches = (allowed ? result.matches.filter((m) => allowed.has(String(m.postingId))) : result.matches).slice(0, first);
    const models = await this.models();
    return {
      matches: await this.explain(matches),
      issues: result.issues.map((i) => i.code),
      modelVersion: models.scorerVersion,
      modelPromoted: models.promoted,
      scoredPostings: result.scoredPostings,
    };
  }

  /** Stores each candidate's top matches with the model version; replaces that model's earlier results. */
  async runMatching(organizationId: string, candidateIds: string[], topK = 20): Promise<{ candidates: number; stored: number; modelVersion: number }> {
    const scorer = await this.scorer();
    const models = await this.models();
    const rows = await this.candidateRows(organizationId, candidateIds);
    let stored = 0;
    for (const candidate of rows) {
      const result = scorer.scoreCandidate(candidateProfileFromRow(candidate), { topK, explain: true });
      const explained = await this.explain(result.matches);
      await withTenant(this.db, organizationId, async (m) => {
        await m.query(`DELETE FROM match_results WHERE candidate_id = $1 AND model_id = $2`, [candidate.id, models.scorerId]);
        if (!explained.length) return;
        await m.query(
          `INSERT INTO match_results (organization_id, candidate_id, posting_id, model_id, rank, score, explanation)
           SELECT $1, $2, unnest($3::bigint[]), $4, unnest($5::int[]), unnest($6::float8[]), unnest($7::jsonb[])`,
          [organizationId, candidate.id, explained.map((e) => e.postingId), models.scorerId, explained.map((e) => e.rank), explained.map((e) => e.score), explained.map((e) => JSON.stringify(e.explanation))],
        );
      });
      stored += explained.length;
    }
    return { candidates: rows.length, stored, modelVersion: models.scorerVersion };
  }

  async matchRole(organizationId: string, postingId: string, first: number) {
    const models = await this.models();
    const [posting]: JobPostingRow[] = await this.db.query(
      `SELECT id::text, skill_ids, role_family, seniority, country, region, remote_type, annual_usd_min, annual_usd_max, experience_years FROM job_postings WHERE id = $1`,
      [postingId],
    );
    if (!posting) return null;
    const single = new VectorScorer(PostingIndex.build([postingProfileFromRow(posting)], { embeddings: models.embeddings }), models.scorer);
    const candidates = await this.candidateRows(organizationId);
    const scored = candidates
      .map((c) => ({ candidateId: c.id, match: single.scoreCandidate(candidateProfileFromRow(c), { topK: 1, explain: true }).matches[0] }))
      .filter((x) => x.match)
      .sort((a, b) => b.match.score - a.match.score)
      .slice(0, first);
    const explained = await this.explain(scored.map((s, i) => ({ ...s.match, rank: i + 1 })));
    return { matches: scored.map((s, i) => ({ candidateId: s.candidateId, ...explained[i] })), modelVersion: models.scorerVersion };
  }

  /**
   * Fairness audit: for each posting under the filter (the most recent 200), rank the organization's
   * candidates and mark the top k as selected; compare selection rates across the attribute's groups.
   */
  async fairness(organizationId: string, attribute: 'GENDER' | 'AGE_GROUP', filter: MarketFilter | undefined, topK: number) {
    const models = await this.models();
    const resolved = await this.filters.resolve(filter);
    const params = new SqlParams();
    const postings: JobPostingRow[] = await this.db.query(
      `SELECT j.id::text, j.skill_ids, j.role_family, j.seniority, j.country, j.region, j.remote_type, j.annual_usd_min, j.annual_usd_max, j.experience_years
         FROM posting_facts p JOIN job_postings j ON j.id = p.id WHERE ${this.filters.postings(resolved, params)} ORDER BY p.id DESC LIMIT 200`,
      params.values,
    );
    const candidates = await this.candidateRows(organizationId);
    const subset = new VectorScorer(PostingIndex.build(postings.map(postingProfileFromRow), { embeddings: models.embeddings }), models.scorer);
    const scores = new Map<string, Map<string, number>>(); // posting → candidate → score
    for (const c of candidates) {
      for (const m of subset.scoreCandidate(candidateProfileFromRow(c), { topK: postings.length, explain: false }).matches) {
        const key = String(m.postingId);
        if (!scores.has(key)) scores.set(key, new Map());
        scores.get(key)!.set(c.id, m.score);
      }
    }
    const selectedCount = new Map<string, number>();
    for (const byCandidate of scores.values()) {
      [...byCandidate.entries()].sort((a, b) => b[1] - a[1]).slice(0, topK).forEach(([id]) => selectedCount.set(id, (selectedCount.get(id) ?? 0) + 1));
    }
    const group = (c: (typeof candidates)[number]) => (attribute === 'GENDER' ? c.gender : c.age_group);
    // One record per (candidate, posting): selection rate = share of postings for which they made the top k.
    const records = candidates.flatMap((c) => postings.map((_, i) => ({ group: group(c), selected: i < (selectedCount.get(c.id) ?? 0) })));
    return { report: selectionFairness(records, { threshold: 0.8 }), postings: postings.length, candidates: candidates.length, modelVersion: models.scorerVersion };
  }

  async relatedSkills(skill: string, limit: number) {
    const taxonomy = await this.taxonomy.current();
    const id = taxonomy.idOf(skill);
    if (id === undefined) return null;
    const models = await this.models();
    return models.embeddings.nearest(id, limit).map((n) => ({ skill: taxonomy.namesById.get(n.skillId)?.name ?? String(n.skillId), similarity: n.similarity }));
  }

  private async explain(matches: RankedMatch[]): Promise<ExplainedMatch[]> {
    const names = (await this.taxonomy.current()).namesById;
    const name = (id: number) => names.get(id)?.name ?? String(id);
    return matches.map((m) => {
      const e = m.explanation!;
      return {
        postingId: String(m.postingId),
        rank: m.rank,
        score: m.score,
        explanation: {
          matchedSkills: e.matchedSkills.map(name),
          relatedSkills: e.relatedSkills.map((r) => ({ have: name(r.have), for: name(r.for), similarity: r.similarity })),
          missingSkills: e.missingSkills.map(name),
          salaryFit: e.salaryFit.score,
          salaryStatus: String(e.salaryFit.status),
          locationFit: e.locationFit.score,
          locationReason: String(e.locationFit.reason),
          seniorityFit: e.seniorityFit.score,
          experienceFit: e.experienceFit.score,
          roleFamilyFit: (e.features as any).roleFamilyFit ?? 0,
        },
      };
    });
  }
}
