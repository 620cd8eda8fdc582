import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ModelRegistryService } from '../ml/model-registry.service';
import { selectTfBackend } from '../ml/tfjs-backend';
import { SkillTaxonomyService } from '../skills/skill-taxonomy.service';
import { postingProfileFromRow, JobPostingRow } from './core/match-profile.mapper';
import { trainMatchCore } from './core/match-training';
import { EMBEDDINGS_KIND, MATCHING_NOT_READY, SCORER_KIND } from './matching-engine.service';

const TRAINING_POSTINGS = 60_000;

export interface MatchTrainingResult {
  embeddingsVersion: number;
  scorerVersion: number;
  promoted: boolean;
  evaluation: unknown;
}

/**
 * Trains skill embeddings and the scorer on recent postings and stores them; the scorer is promoted
 * only if it beats BM25. Runs in the training sandbox (a child process); workers pick up a newly
 * promoted scorer on their next index check.
 */
@Injectable()
export class MatchTrainerService {
  private readonly logger = new Logger(MatchTrainerService.name);

  constructor(
    private readonly db: DataSource,
    private readonly registry: ModelRegistryService,
    private readonly taxonomy: SkillTaxonomyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async train(seed = 42): Promise<MatchTrainingResult> {
    const { tf, backend } = await selectTfBackend(this.config.tfjsBackend);
    const rows: JobPostingRow[] = await this.db.query(
      `SELECT id, skill_ids, role_family, seniority, country, region, remote_type, annual_usd_min, annual_usd_max, experience_years
         FROM job_postings WHERE cardinality(skill_ids) > 0 ORDER BY id DESC LIMIT ${TRAINING_POSTINGS}`,
    );
    if (rows.length < 50) throw new Error(`${MATCHING_NOT_READY}: matching needs at least 50 postings with skills to train its models (found ${rows.length}); ingest postings first`);
    const postings = rows.map(postingProfileFromRow);
    const vocabSize = Math.max(...(await this.taxonomy.current()).idsByName.values()) + 1;
    const started = Date.now();
    const result = await trainMatchCore(tf, postings, { vocabSize, seed });
    const window = { trainingFrom: null, trainingTo: new Date().toISOString().slice(0, 10) };
    const embeddings = await this.registry.store({
      kind: EMBEDDINGS_KIND, architecture: 'sppmi-factorisation', backend, hyperparameters: { seed, vocabSize, postings: postings.length },
      metrics: { loss: result.stats.embeddingLoss }, weights: result.embeddings.serialize(), promote: true, ...window,
    });
    const { topology, weights } = result.model.toParts();
    const scorer = await this.registry.store({
      kind: SCORER_KIND, architecture: 'mlp-9-8-1', backend, hyperparameters: { seed, embeddingsVersion: embeddings.version, ...result.stats },
      metrics: result.evaluation as unknown as Record<string, unknown>, topology, weights, promote: result.evaluation.promote, ...window,
    });
    this.logger.log(`matching models trained in ${Date.now() - started} ms: ${result.evaluation.reason}`);
    return { embeddingsVersion: embeddings.version, scorerVersion: scorer.version, promoted: result.evaluation.promote, evaluation: result.evaluation };
  }
}
