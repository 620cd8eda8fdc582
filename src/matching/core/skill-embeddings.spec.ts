import { selectTfBackend } from '../../ml/tfjs-backend';
import { MatchModelFormatError } from './model-buffer.util';
import { buildSppmiMatrix, SkillEmbeddings, trainSkillEmbeddings } from './skill-embeddings';
import { syntheticPostingProfiles, syntheticSkillId as id, SYNTHETIC_VOCAB_SIZE } from './synthetic-match-data.util';

describe('buildSppmiMatrix', () => {
  // Skills 0..3: 0 and 1 always together, 2 with 0 once, 3 alone; 4 never seen.
  const sets = [[0, 1], [0, 1], [0, 1, 2], [3], [3]];

  it('counts only skills seen in enough postings and leaves the diagonal empty', () => {
    const m = buildSppmiMatrix(sets, 5, { shiftK: 1, minPostings: 1, contextSmoothing: 1 });
    expect(Array.from(m.activeIds)).toEqual([0, 1, 2, 3]);
    expect(Array.from(m.postingCounts)).toEqual([3, 3, 1, 2]);
    for (let i = 0; i < 4; i++) expect(m.values[i * 4 + i]).toBe(0);
    expect(buildSppmiMatrix(sets, 5, { minPostings: 2 }).activeIds).toEqual(Int32Array.from([0, 1, 3]));
  });

  it('computes PMI from pair counts and clips it at log k', () => {
    // Ordered pairs: (0,1)×3, (1,0)×3, (0,2),(2,0),(1,2),(2,1) once each → total 10; row sums 4, 4, 2, 0.
    const m = buildSppmiMatrix(sets, 5, { shiftK: 1, minPostings: 1, contextSmoothing: 1 });
    const pmi = (c: number, ri: number, rj: number) => Math.log((c / 10) / ((ri / 10) * (rj / 10)));
    expect(m.values[0 * 4 + 1]).toBeCloseTo(pmi(3, 4, 4), 5);
    expect(m.values[2 * 4 + 0]).toBeCloseTo(pmi(1, 2, 4), 5);
    expect(m.values[0 * 4 + 3]).toBe(0);
    const shifted = buildSppmiMatrix(sets, 5, { shiftK: 2, minPostings: 1, contextSmoothing: 1 });
    expect(shifted.values[0 * 4 + 1]).toBeCloseTo(Math.max(0, pmi(3, 4, 4) - Math.log(2)), 5);
  });

  it('rejects a shift outside 1..5', () => {
    expect(() => buildSppmiMatrix(sets, 5, { shiftK: 6 })).toThrow(RangeError);
  });
});

describe('trainSkillEmbeddings on generated postings', () => {
  let embeddings: SkillEmbeddings;
  let skillSets: number[][];

  beforeAll(async () => {
    const { tf } = await selectTfBackend();
    skillSets = syntheticPostingProfiles({ count: 8000, seed: 21 }).map((p) => p.skillIds);
    embeddings = await trainSkillEmbeddings(tf, skillSets, SYNTHETIC_VOCAB_SIZE, { seed: 5, steps: 300 });
  });

  it('puts PyTorch nearer TensorFlow than Excel', () => {
    expect(embeddings.similarity(id('PyTorch'), id('TensorFlow'))).toBeGreaterThan(embeddings.similarity(id('PyTorch'), id('Excel')));
  });

  it('puts dbt nearer Snowflake than PyTorch', () => {
    expect(embeddings.similarity(id('dbt'), id('Snowflake'))).toBeGreaterThan(embeddings.similarity(id('dbt'), id('PyTorch')));
  });

  it('returns unit vectors for seen skills and zero vectors for unseen ones', () => {
    const norm = (s: number) => Math.sqrt(embeddings.vectors.subarray(s * embeddings.dim, (s + 1) * embeddings.dim).reduce((a, v) => a + v * v, 0));
    expect(norm(id('Python'))).toBeCloseTo(1, 5);
    expect(norm(id('Rust'))).toBeCloseTo(1, 5);
    const unseen = 0; // id 0 is never a skill (serial ids start at 1)
    expect(norm(unseen)).toBe(0);
    expect(embeddings.has(unseen)).toBe(false);
    expect(embeddings.similarity(unseen, id('Python'))).toBe(0);
    expect(embeddings.nearest(unseen, 3)).toEqual([]);
    expect(embeddings.nearest(-1, 3)).toEqual([]);
    expect(embeddings.similarity(id('Python'), SYNTHETIC_VOCAB_SIZE + 10)).toBe(0);
  });

  it('lists nearest skills best first, without the skill itself', () => {
    const near = embeddings.nearest(id('LangChain'), 5);
    expect(near).toHaveLength(5);
    expect(near.map((n) => n.skillId)).not.toContain(id('LangChain'));
    for (let i = 1; i < near.length; i++) expect(near[i - 1].similarity).toBeGreaterThanOrEqual(near[i].similarity);
    expect(near.slice(0, 3).map((n) => n.skillId)).toContain(id('RAG'));
  });

  it('round-trips through a Buffer', () => {
    const buffer = embeddings.serialize();
    const restored = SkillEmbeddings.deserialize(buffer);
    expect(restored.vocabSize).toBe(embeddings.vocabSize);
    expect(restored.dim).toBe(embeddings.dim);
    expect(restored.vectors).toEqual(embeddings.vectors);
    expect(restored.meta).toEqual(embeddings.meta);
    expect(restored.serialize().equals(buffer)).toBe(true);
    // A Buffer slice from a pg result shares a larger ArrayBuffer at some offset.
    const pooled = Buffer.concat([Buffer.from('xyz'), buffer]).subarray(3);
    expect(SkillEmbeddings.deserialize(pooled).vectors).toEqual(embeddings.vectors);
  });

  it('rejects buffers that are not embeddings', () => {
    expect(() => SkillEmbeddings.deserialize(Buffer.from('not a model at all'))).toThrow(MatchModelFormatError);
    const truncated = embeddings.serialize().subarray(0, 100);
    expect(() => SkillEmbeddings.deserialize(truncated)).toThrow(MatchModelFormatError);
  });

  it('is reproducible for the same seed', async () => {
    const { tf } = await selectTfBackend();
    const again = await trainSkillEmbeddings(tf, skillSets, SYNTHETIC_VOCAB_SIZE, { seed: 5, steps: 300 });
    expect(again.serialize().equals(embeddings.serialize())).toBe(true);
  });

  it('does not leak tensors', async () => {
    const { tf } = await selectTfBackend();
    const before = tf.memory().numTensors;
    await trainSkillEmbeddings(tf, skillSets.slice(0, 500), SYNTHETIC_VOCAB_SIZE, { steps: 5 });
    expect(tf.memory().numTensors).toBe(before);
  });
});
