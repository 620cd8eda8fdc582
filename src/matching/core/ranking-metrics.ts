/**
 * Offline ranking metrics with binary relevance, and the promotion rule for the learned scorer.
 *
 * recall@k = |relevant ∩ top k| / |relevant|; NDCG@k = DCG@k / ideal DCG@k with gain 1 / log2(rank + 1);
 * MRR = mean of 1 / rank of the first relevant item in the returned list (0 when none is returned).
 * Queries with no relevant items are skipped: they carry no signal and would make every ranker look alike.
 */
export interface RankingMetrics {
  recallAtK: number;
  ndcgAtK: number;
  mrr: number;
  queries: number;
}

export interface EvaluationQuery<T> {
  relevant: Iterable<T>;
  /** Ranked ids from the learned scorer, best first. */
  model: readonly T[];
  /** Ranked ids from the lexical baseline, best first. */
  baseline: readonly T[];
}

export interface RankingEvaluation {
  k: number;
  model: RankingMetrics;
  baseline: RankingMetrics;
  /** (model − baseline) / baseline per metric; null when the baseline is 0. */
  relativeImprovement: { recallAtK: number | null; ndcgAtK: number | null; mrr: number | null };
  /** model NDCG@k − baseline NDCG@k. */
  ndcgGain: number;
  /** Promotion rule: the model must beat the baseline's NDCG@k by more than minNdcgGain (default 0). */
  promote: boolean;
  reason: string;
}

export function recallAtK<T>(ranked: readonly T[], relevant: ReadonlySet<T>, k: number): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i])) hits++;
  return hits / relevant.size;
}

export function ndcgAtK<T>(ranked: readonly T[], relevant: ReadonlySet<T>, k: number): number {
  let dcg = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i])) dcg += 1 / Math.log2(i + 2);
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

export function reciprocalRank<T>(ranked: readonly T[], relevant: ReadonlySet<T>): number {
  for (let i = 0; i < ranked.length; i++) if (relevant.has(ranked[i])) return 1 / (i + 1);
  return 0;
}

export function meanRankingMetrics<T>(runs: ReadonlyArray<{ ranked: readonly T[]; relevant: ReadonlySet<T> }>, k = 10): RankingMetrics {
  let recall = 0;
  let ndcg = 0;
  let mrr = 0;
  let queries = 0;
  for (const run of runs) {
    if (run.relevant.size === 0) continue;
    recall += recallAtK(run.ranked, run.relevant, k);
    ndcg += ndcgAtK(run.ranked, run.relevant, k);
    mrr += reciprocalRank(run.ranked, run.relevant);
    queries++;
  }
  const d = Math.max(queries, 1);
  return { recallAtK: recall / d, ndcgAtK: ndcg / d, mrr: mrr / d, queries };
}

/** Model vs baseline on the same held-out queries, with the promotion decision. */
export function evaluateRanking<T>(queries: ReadonlyArray<EvaluationQuery<T>>, options: { k?: number; minNdcgGain?: number } = {}): RankingEvaluation {
  const k = options.k ?? 10;
  const minGain = options.minNdcgGain ?? 0;
  const withSets = queries.map((q) => ({ ...q, relevantSet: new Set(q.relevant) }));
  const model = meanRankingMetrics(withSets.map((q) => ({ ranked: q.model, relevant: q.relevantSet })), k);
  const baseline = meanRankingMetrics(withSets.map((q) => ({ ranked: q.baseline, relevant: q.relevantSet })), k);
  const rel = (m: number, b: number) => (b === 0 ? null : (m - b) / b);
  const ndcgGain = model.ndcgAtK - baseline.ndcgAtK;
  const promote = model.queries > 0 && ndcgGain > minGain;
  const pct = baseline.ndcgAtK > 0 ? ` (${((ndcgGain / baseline.ndcgAtK) * 100).toFixed(1)} %)` : '';
  return {
    k,
    model,
    baseline,
    relativeImprovement: {
      recallAtK: rel(model.recallAtK, baseline.recallAtK),
      ndcgAtK: rel(model.ndcgAtK, baseline.ndcgAtK),
      mrr: rel(model.mrr, baseline.mrr),
    },
    ndcgGain,
    promote,
    reason: promote
      ? `NDCG@${k} ${model.ndcgAtK.toFixed(4)} beats baseline ${baseline.ndcgAtK.toFixed(4)} by ${ndcgGain.toFixed(4)}${pct}`
      : `NDCG@${k} ${model.ndcgAtK.toFixed(4)} does not beat baseline ${baseline.ndcgAtK.toFixed(4)} by more than ${minGain} (gain ${ndcgGain.toFixed(4)}${pct})`,
  };
}
