import type * as tfType from '@tensorflow/tfjs';
import { Bm25Index } from './lexical-baseline';
import { createMatchContext, PostingProfile } from './match-features';
import { evaluateRanking, RankingEvaluation } from './ranking-metrics';
import { ScoringModel, ScoringTrainingOptions, trainScoringModel } from './scoring-model';
import { SeededRandom } from './seeded-random.util';
import { SkillEmbeddingOptions, SkillEmbeddings, trainSkillEmbeddings } from './skill-embeddings';
import { PostingIndex, VectorScorer } from './vector-scorer';
import { buildTrainingSet, buildWeakLabelQueries, SkillSetCorpus, WeakLabelOptions, WeakLabelQuery } from './weak-labels';

type Tf = typeof tfType;

/**
 * The whole offline pipeline a training job runs: split postings, learn skill embeddings on the training part,
 * build weak labels, train the scorer, and compare it with BM25 on candidates drawn from the held-out part.
 * The caller stores both models and the evaluation in the model registry and promotes only if
 * `evaluation.promote`.
 */
export interface TrainMatchCoreOptions {
  /** Skill ids are integers in [0, vocabSize). */
  vocabSize: number;
  seed?: number;
  holdoutFraction?: number;
  trainingQueries?: number;
  evaluationQueries?: number;
  /** Ranked-list length fetched per query for MRR (metrics use k = 10). */
  evaluationDepth?: number;
  minNdcgGain?: number;
  embedding?: SkillEmbeddingOptions;
  model?: ScoringTrainingOptions;
  weakLabels?: WeakLabelOptions;
}

export interface TrainMatchCoreResult {
  embeddings: SkillEmbeddings;
  model: ScoringModel;
  evaluation: RankingEvaluation;
  stats: {
    trainingPostings: number;
    heldOutPostings: number;
    positives: number;
    negatives: number;
    embeddingLoss: number;
    modelLoss: number;
    timingsMs: { embeddings: number; weakLabels: number; model: number; evaluation: number };
  };
}

const RELATED_MIN_SIMILARITY = 0.3;

export async function trainMatchCore(tf: Tf, postings: readonly PostingProfile[], options: TrainMatchCoreOptions): Promise<TrainMatchCoreResult> {
  const seed = options.seed ?? 1;
  const { training, heldOut } = splitPostings(postings, options.holdoutFraction ?? 0.2, seed);
  const timings = { embeddings: 0, weakLabels: 0, model: 0, evaluation: 0 };
  let t = Date.now();
  const embeddings = await trainSkillEmbeddings(
    tf,
    training.map((p) => p.skillIds),
    options.vocabSize,
    { seed, ...options.embedding },
  );
  timings.embeddings = Date.now() - t;

  t = Date.now();
  const ctx = createMatchContext(
    training.map((p) => p.skillIds),
    { vocabSize: options.vocabSize, embeddings },
  );
  const corpus = new SkillSetCorpus(training, ctx.vocabSize);
  const sources = sampleIndices(training.length, options.trainingQueries ?? 4000, seed + 1);
  const queries = buildWeakLabelQueries(corpus, sources, ctx.vocabSize, relatedSkills(embeddings), { seed: seed + 2, ...options.weakLabels });
  const set = buildTrainingSet(corpus, queries, ctx, { seed: seed + 3, ...options.weakLabels });
  timings.weakLabels = Date.now() - t;

  t = Date.now();
  const { model, finalLoss } = await trainScoringModel(tf, set, { seed, ...options.model });
  timings.model = Date.now() - t;

  t = Date.now();
  const evaluation = evaluateOnHoldout(heldOut, embeddings, model, { ...options, seed: seed + 4 });
  timings.evaluation = Date.now() - t;
  return {
    embeddings,
    model,
    evaluation,
    stats: {
      trainingPostings: training.length,
      heldOutPostings: heldOut.length,
      positives: set.positives,
      negatives: set.negatives,
      embeddingLoss: embeddings.meta.finalLoss,
      modelLoss: finalLoss,
      timingsMs: timings,
    },
  };
}

/**
 * Scorer vs BM25 on weak-label queries drawn from `heldOut`, ranking all of `heldOut`. Also usable on its own to
 * re-check a registered model against fresh postings.
 */
export function evaluateOnHoldout(
  heldOut: readonly PostingProfile[],
  embeddings: SkillEmbeddings,
  model: ScoringModel,
  options: Pick<TrainMatchCoreOptions, 'vocabSize' | 'seed' | 'evaluationQueries' | 'evaluationDepth' | 'minNdcgGain' | 'weakLabels'>,
): RankingEvaluation & { queries: WeakLabelQuery[] } {
  const seed = options.seed ?? 1;
  const depth = options.evaluationDepth ?? 100;
  const index = PostingIndex.build(heldOut, { embeddings, vocabSize: options.vocabSize });
  const scorer = new VectorScorer(index, model);
  const bm25 = Bm25Index.build(heldOut);
  const corpus = new SkillSetCorpus(heldOut, index.context.vocabSize);
  const sources = sampleIndices(heldOut.length, options.evaluationQueries ?? 1000, seed);
  const queries = buildWeakLabelQueries(corpus, sources, index.context.vocabSize, relatedSkills(embeddings), { ...options.weakLabels, seed: seed + 1 });
  const evaluation = evaluateRanking(
    queries.map((q) => ({
      relevant: q.relevant.map((i) => heldOut[i].id),
      model: scorer.scoreCandidate(q.candidate, { topK: depth, explain: false }).matches.map((m) => m.postingId),
      baseline: bm25.search(
        q.candidate.skills.map((s) => s.skillId),
        depth,
      ).map((h) => h.postingId),
    })),
    { k: 10, minNdcgGain: options.minNdcgGain },
  );
  return { ...evaluation, queries };
}

/** Seeded random split; each part keeps the input order. */
export function splitPostings<P>(postings: readonly P[], holdoutFraction: number, seed: number): { training: P[]; heldOut: P[] } {
  const order = new SeededRandom(seed).shuffle(postings.map((_, i) => i));
  const cut = Math.round(postings.length * holdoutFraction);
  const held = new Set(order.slice(0, cut));
  return { training: postings.filter((_, i) => !held.has(i)), heldOut: postings.filter((_, i) => held.has(i)) };
}

function sampleIndices(n: number, count: number, seed: number): number[] {
  return new SeededRandom(seed)
    .shuffle(Array.from({ length: n }, (_, i) => i))
    .slice(0, Math.min(n, count))
    .sort((a, b) => a - b);
}

/** Embedding neighbours (cosine ≥ 0.3) used to add related skills to synthetic candidates; cached per skill. */
function relatedSkills(embeddings: SkillEmbeddings): (skillId: number) => readonly number[] {
  const cache = new Map<number, number[]>();
  return (skillId) => {
    let hit = cache.get(skillId);
    if (!hit) {
      hit = embeddings
        .nearest(skillId, 5)
        .filter((n) => n.similarity >= RELATED_MIN_SIMILARITY)
        .map((n) => n.skillId);
      cache.set(skillId, hit);
    }
    return hit;
  };
}
