import { selectTfBackend } from '../../ml/tfjs-backend';
import { evaluateOnHoldout, splitPostings, trainMatchCore, TrainMatchCoreResult } from './match-training';
import { ScoringModel } from './scoring-model';
import { SkillEmbeddings } from './skill-embeddings';
import { syntheticPostingProfiles, SYNTHETIC_VOCAB_SIZE } from './synthetic-match-data.util';

describe('trainMatchCore (small end-to-end run)', () => {
  const postings = syntheticPostingProfiles({ count: 8000, seed: 51 });
  let result: TrainMatchCoreResult;

  beforeAll(async () => {
    const { tf } = await selectTfBackend();
    result = await trainMatchCore(tf, postings, {
      vocabSize: SYNTHETIC_VOCAB_SIZE,
      seed: 3,
      trainingQueries: 800,
      evaluationQueries: 300,
      embedding: { steps: 200 },
      model: { epochs: 10 },
    });
  });

  it('beats BM25 on held-out NDCG@10 and is promoted', () => {
    const e = result.evaluation;
    expect(e.model.queries).toBe(300);
    expect(e.promote).toBe(true);
    expect(e.model.ndcgAtK).toBeGreaterThan(e.baseline.ndcgAtK);
    for (const m of [e.model, e.baseline]) {
      for (const v of [m.recallAtK, m.ndcgAtK, m.mrr]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
    expect(result.stats.trainingPostings + result.stats.heldOutPostings).toBe(8000);
    expect(result.stats.positives).toBeGreaterThanOrEqual(800);
  });

  it('evaluates the same after both models go through the registry format', () => {
    const embeddings = SkillEmbeddings.deserialize(result.embeddings.serialize());
    const { topology, weights } = result.model.toParts();
    const model = ScoringModel.fromParts(JSON.parse(JSON.stringify(topology)), Buffer.from(weights));
    const { heldOut } = splitPostings(postings, 0.2, 3);
    const again = evaluateOnHoldout(heldOut, embeddings, model, { vocabSize: SYNTHETIC_VOCAB_SIZE, seed: 7, evaluationQueries: 300 });
    expect(again.model).toEqual(result.evaluation.model);
    expect(again.baseline).toEqual(result.evaluation.baseline);
  });
});

describe('splitPostings', () => {
  it('is a seeded partition that keeps input order', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const { training, heldOut } = splitPostings(items, 0.2, 1);
    expect(heldOut).toHaveLength(20);
    expect([...training, ...heldOut].sort((a, b) => a - b)).toEqual(items);
    expect(training).toEqual([...training].sort((a, b) => a - b));
    expect(splitPostings(items, 0.2, 1)).toEqual({ training, heldOut });
  });
});
