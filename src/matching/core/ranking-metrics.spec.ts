import { evaluateRanking, meanRankingMetrics, ndcgAtK, recallAtK, reciprocalRank } from './ranking-metrics';

describe('ranking metrics (hand-computed)', () => {
  // Relevant b and d at ranks 2 and 4.
  const ranked = ['a', 'b', 'c', 'd', 'e'];
  const relevant = new Set(['b', 'd']);

  it('recall@k counts relevant items in the top k over all relevant items', () => {
    expect(recallAtK(ranked, relevant, 1)).toBe(0);
    expect(recallAtK(ranked, relevant, 2)).toBe(0.5);
    expect(recallAtK(ranked, relevant, 10)).toBe(1);
    expect(recallAtK(ranked, new Set(['b', 'x', 'y', 'z']), 10)).toBe(0.25);
  });

  it('NDCG@k discounts by log2(rank + 1) against the ideal ordering', () => {
    // DCG = 1/log2(3) + 1/log2(5) = 0.63093 + 0.43068; IDCG = 1 + 0.63093.
    expect(ndcgAtK(ranked, relevant, 10)).toBeCloseTo((1 / Math.log2(3) + 1 / Math.log2(5)) / (1 + 1 / Math.log2(3)), 12);
    expect(ndcgAtK(ranked, relevant, 10)).toBeCloseTo(0.650921, 5);
    expect(ndcgAtK(ranked, relevant, 2)).toBeCloseTo(0.63093 / 1.63093, 5);
    expect(ndcgAtK(['b', 'd', 'a'], relevant, 10)).toBe(1);
    expect(ndcgAtK(['a', 'c'], relevant, 10)).toBe(0);
  });

  it('reciprocal rank is 1 / rank of the first relevant item, 0 if none', () => {
    expect(reciprocalRank(ranked, relevant)).toBe(0.5);
    expect(reciprocalRank(['d'], relevant)).toBe(1);
    expect(reciprocalRank(['a', 'c'], relevant)).toBe(0);
  });

  it('averages over queries and skips queries without relevant items', () => {
    const m = meanRankingMetrics(
      [
        { ranked, relevant },
        { ranked: ['x', 'y'], relevant: new Set(['y']) },
        { ranked: ['q'], relevant: new Set<string>() },
      ],
      10,
    );
    expect(m.queries).toBe(2);
    expect(m.recallAtK).toBe(1);
    expect(m.mrr).toBe((0.5 + 0.5) / 2);
    expect(m.ndcgAtK).toBeCloseTo((0.650921 + 1 / Math.log2(3)) / 2, 5);
  });
});

describe('evaluateRanking', () => {
  it('promotes a model that beats the baseline on NDCG@10 and reports by how much', () => {
    const e = evaluateRanking([
      { relevant: ['a'], model: ['a', 'b'], baseline: ['b', 'a'] },
      { relevant: ['c'], model: ['c'], baseline: ['c'] },
    ]);
    expect(e.model.ndcgAtK).toBe(1);
    expect(e.baseline.ndcgAtK).toBeCloseTo((1 / Math.log2(3) + 1) / 2, 12);
    expect(e.ndcgGain).toBeCloseTo(1 - (1 / Math.log2(3) + 1) / 2, 12);
    expect(e.relativeImprovement.ndcgAtK).toBeCloseTo(e.ndcgGain / e.baseline.ndcgAtK, 12);
    expect(e.relativeImprovement.mrr).toBeCloseTo(1 / 0.75 - 1, 12);
    expect(e.relativeImprovement.recallAtK).toBe(0);
    expect(e.promote).toBe(true);
    expect(e.reason).toMatch(/beats baseline/);
  });

  it('does not promote on a tie, a loss, or a gain below the required margin', () => {
    const tie = evaluateRanking([{ relevant: ['a'], model: ['a'], baseline: ['a'] }]);
    expect(tie.promote).toBe(false);
    const loss = evaluateRanking([{ relevant: ['a'], model: ['b', 'a'], baseline: ['a'] }]);
    expect(loss.promote).toBe(false);
    const small = evaluateRanking([{ relevant: ['a'], model: ['a'], baseline: ['b', 'a'] }], { minNdcgGain: 0.5 });
    expect(small.ndcgGain).toBeCloseTo(1 - 1 / Math.log2(3), 12);
    expect(small.promote).toBe(false);
  });

  it('reports a null relative improvement when the baseline scores 0', () => {
    const e = evaluateRanking([{ relevant: ['a'], model: ['a'], baseline: ['b'] }]);
    expect(e.relativeImprovement).toEqual({ recallAtK: null, ndcgAtK: null, mrr: null });
    expect(e.promote).toBe(true);
  });

  it('does not promote when there is nothing to evaluate', () => {
    expect(evaluateRanking([]).promote).toBe(false);
  });
});
