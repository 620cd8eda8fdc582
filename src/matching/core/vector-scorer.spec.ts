import fc from 'fast-check';
import { RemoteType, RoleFamily, Seniority, WorldRegion } from '../../common/market.enums';
import { CandidateProfile, FEATURE_COUNT, PostingProfile, postingView, prepareCandidate, writeFeatures } from './match-features';
import { ScoringModel, scoreMatch } from './scoring-model';
import { SeededRandom } from './seeded-random.util';
import { SkillEmbeddingMeta, SkillEmbeddings } from './skill-embeddings';
import { syntheticPostingProfiles, SYNTHETIC_VOCAB_SIZE } from './synthetic-match-data.util';
import { PostingIndex, VectorScorer } from './vector-scorer';
import { buildWeakLabelQueries, SkillSetCorpus } from './weak-labels';

/** Seeded random unit vectors for the skills the postings use: no TensorFlow needed for these specs. */
function randomEmbeddings(vocabSize: number, used: Iterable<number>, seed: number): SkillEmbeddings {
  const dim = 8;
  const rng = new SeededRandom(seed);
  const v = new Float32Array(vocabSize * dim);
  for (const s of new Set(used)) {
    const row = Array.from({ length: dim }, () => rng.normal());
    const norm = Math.hypot(...row);
    row.forEach((x, d) => (v[s * dim + d] = x / norm));
  }
  return new SkillEmbeddings(vocabSize, dim, v, {} as SkillEmbeddingMeta);
}

function randomModel(seed: number, hidden = 12): ScoringModel {
  const rng = new SeededRandom(seed);
  return new ScoringModel(ScoringModel.topologyFor(hidden), Float32Array.from({ length: FEATURE_COUNT * hidden + 2 * hidden + 1 }, () => rng.normal()));
}

/** Reference: every posting through the single-pair path. */
function scalarRows(index: PostingIndex, candidate: CandidateProfile): Float64Array {
  const ctx = index.context;
  const prepared = prepareCandidate(candidate, ctx);
  const out = new Float64Array(index.size * FEATURE_COUNT);
  for (let i = 0; i < index.size; i++) writeFeatures(prepared, postingView(index.posting(i), ctx), ctx, out, i * FEATURE_COUNT);
  return out;
}

describe('VectorScorer on generated postings', () => {
  const postings = syntheticPostingProfiles({ count: 3000, seed: 31 });
  const embeddings = randomEmbeddings(SYNTHETIC_VOCAB_SIZE, postings.flatMap((p) => p.skillIds), 2);
  const index = PostingIndex.build(postings, { embeddings });
  const model = randomModel(3);
  const scorer = new VectorScorer(index, model);
  const corpus = new SkillSetCorpus(postings, index.context.vocabSize);
  const related = (s: number) => embeddings.nearest(s, 3).map((n) => n.skillId);
  const sampled = buildWeakLabelQueries(corpus, [0, 10, 200, 1500, 2999], index.context.vocabSize, related, { seed: 4 }).map((q) => q.candidate);
  const base = sampled[0];
  const edgeCases: Array<[string, CandidateProfile]> = [
    ['no skills', { ...base, skills: [] }],
    ['unknown skills only', { ...base, skills: [{ skillId: 10_000 }, { skillId: -1 }] }],
    ['no location', { ...base, country: undefined, region: undefined }],
    ['region only', { ...base, country: undefined, region: WorldRegion.EUROPE }],
    ['country no posting has', { ...base, country: 'ZZ', region: 'ATLANTIS' }],
    ['no preferences', { skills: base.skills, desiredRoleFamilies: [] }],
    ['everything', { ...base, remotePreference: RemoteType.REMOTE, seniority: Seniority.STAFF, yearsExperience: 9, salaryAnnualUsd: 250_000 }],
  ];

  it.each([...sampled.map((c, i): [string, CandidateProfile] => [`sampled #${i}`, c]), ...edgeCases])(
    'computes exactly the single-pair features for every posting (%s)',
    (_, candidate) => {
      expect(scorer.featureMatrix(candidate)).toEqual(scalarRows(index, candidate));
    },
  );

  it('returns the same top k as sorting single-pair scores', () => {
    for (const candidate of sampled) {
      const rows = scalarRows(index, candidate);
      const brute = Array.from({ length: index.size }, (_, i) => ({ i, logit: model.logit(rows, i * FEATURE_COUNT) }))
        .sort((a, b) => b.logit - a.logit || a.i - b.i)
        .slice(0, 20)
        .map((x) => index.ids[x.i]);
      const result = scorer.scoreCandidate(candidate, { topK: 20 });
      expect(result.matches.map((m) => m.postingId)).toEqual(brute);
      expect(result.matches.map((m) => m.rank)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const first = result.matches[0];
      const posting = postings.find((p) => p.id === first.postingId) as PostingProfile;
      expect(first.score).toBe(scoreMatch(model, prepareCandidate(candidate, index.context), posting, index.context));
    }
  });

  it('explains each returned match with the same features it was ranked by', () => {
    const { matches } = scorer.scoreCandidate(sampled[1], { topK: 5 });
    for (const m of matches) {
      expect(m.explanation?.features).toEqual(m.features);
      const posting = postings.find((p) => p.id === m.postingId) as PostingProfile;
      const e = m.explanation!;
      expect([...e.matchedSkills, ...e.relatedSkills.map((r) => r.for), ...e.missingSkills].sort()).toEqual([...new Set(posting.skillIds)].sort());
    }
    expect(scorer.scoreCandidate(sampled[1], { topK: 5, explain: false }).matches.every((m) => m.explanation === undefined)).toBe(true);
  });

  it('gives the same result whatever protected attributes ride along on the candidate', () => {
    for (const candidate of sampled) {
      const variants = [
        { ...candidate, gender: 'female', ageGroup: '18-24' },
        { ...candidate, gender: 'male', ageGroup: '55-64' },
        { ...candidate, gender: 'non-binary', ageGroup: undefined, ethnicity: 'x', dateOfBirth: '1960-01-01' },
      ] as any[];
      const expected = scorer.scoreCandidate(candidate, { topK: 10 });
      for (const v of variants) expect(scorer.scoreCandidate(v, { topK: 10 })).toEqual(expected);
    }
  });

  it('answers a candidate with no skills with context-only matches and an issue, not an error', () => {
    const result = scorer.scoreCandidate({ ...base, skills: [] }, { topK: 5 });
    expect(result.matches).toHaveLength(5);
    expect(result.issues).toEqual([{ code: 'NO_SKILLS' }]);
    expect(result.matches[0].features.skillCoverage).toBe(0);
  });

  it('reports unknown skill ids and scores on the known ones', () => {
    const known = base.skills.slice(0, 2);
    const result = scorer.scoreCandidate({ ...base, skills: [...known, { skillId: 99_999 }, { skillId: -7 }] }, { topK: 5 });
    expect(result.issues).toEqual([{ code: 'UNKNOWN_SKILLS', skillIds: [99_999, -7] }]);
    expect(result.matches.map((m) => m.postingId)).toEqual(scorer.scoreCandidate({ ...base, skills: known }, { topK: 5 }).matches.map((m) => m.postingId));
    const onlyUnknown = scorer.scoreCandidate({ ...base, skills: [{ skillId: 99_999 }] }, { topK: 1 });
    expect(onlyUnknown.issues.map((i) => i.code)).toEqual(['UNKNOWN_SKILLS', 'NO_SKILLS']);
  });

  it('rebuilds postings from the index columns', () => {
    for (const i of [0, 17, 2999]) {
      const original = postings[i];
      const rebuilt = index.posting(i);
      expect(rebuilt).toEqual({ ...original, skillIds: [...new Set(original.skillIds)] });
    }
  });
});

describe('VectorScorer edge cases', () => {
  it('returns no matches and an EMPTY_INDEX issue for an empty index', () => {
    const scorer = new VectorScorer(PostingIndex.build([]), randomModel(1));
    const result = scorer.scoreCandidate({ skills: [{ skillId: 1 }], desiredRoleFamilies: [] });
    expect(result.matches).toEqual([]);
    expect(result.issues).toEqual([{ code: 'UNKNOWN_SKILLS', skillIds: [1] }, { code: 'NO_SKILLS' }, { code: 'EMPTY_INDEX' }]);
  });

  it('returns fewer than k matches when there are fewer postings', () => {
    const postings: PostingProfile[] = [
      { id: 1, skillIds: [1], roleFamily: RoleFamily.DATA_ANALYST },
      { id: 2, skillIds: [2], roleFamily: RoleFamily.DATA_ANALYST },
    ];
    const scorer = new VectorScorer(PostingIndex.build(postings), randomModel(1));
    expect(scorer.scoreCandidate({ skills: [{ skillId: 1 }], desiredRoleFamilies: [] }, { topK: 10 }).matches).toHaveLength(2);
  });

  it('agrees with the single-pair path on arbitrary (messy) postings and candidates', () => {
    const countries = ['DE', 'US', 'FR', undefined];
    const regions = [WorldRegion.EUROPE, WorldRegion.NORTH_AMERICA, undefined];
    const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const skillIds = fc.array(fc.integer({ min: -2, max: 12 }), { maxLength: 6 });
    const postingArb = fc.record({
      skillIds,
      roleFamily: fc.constantFrom(...Object.values(RoleFamily), ''),
      seniority: opt(fc.constantFrom(...Object.values(Seniority), 'Guru')),
      country: fc.constantFrom(...countries),
      region: fc.constantFrom(...regions),
      remoteType: opt(fc.constantFrom(...Object.values(RemoteType), 'Flexible')),
      annualUsdMin: opt(fc.integer({ min: 0, max: 200_000 })),
      annualUsdMax: opt(fc.integer({ min: 0, max: 300_000 })),
      experienceYears: opt(fc.double({ min: 0, max: 12, noNaN: true })),
    });
    const candidateArb = fc.record({
      skills: fc.array(fc.record({ skillId: fc.integer({ min: -1, max: 15 }), proficiency: opt(fc.integer({ min: 1, max: 5 })) }), { maxLength: 5 }),
      yearsExperience: opt(fc.double({ min: 0, max: 20, noNaN: true })),
      seniority: opt(fc.constantFrom(...Object.values(Seniority))),
      country: fc.constantFrom(...countries, 'JP'),
      region: fc.constantFrom(...regions, WorldRegion.ASIA_PACIFIC),
      remotePreference: opt(fc.constantFrom(...Object.values(RemoteType), 'ANY' as const)),
      desiredRoleFamilies: fc.subarray(Object.values(RoleFamily)),
      salaryAnnualUsd: opt(fc.integer({ min: 0, max: 300_000 })),
    });
    fc.assert(
      fc.property(fc.array(postingArb, { minLength: 1, maxLength: 25 }), candidateArb, fc.boolean(), (rows, candidate, withEmbeddings) => {
        const postings = rows.map((r, i) => ({ ...r, id: `p${i}` })) as PostingProfile[];
        const embeddings = withEmbeddings ? randomEmbeddings(10, [0, 1, 2, 3, 4, 5, 6, 7, 8], 9) : undefined;
        const index = PostingIndex.build(postings, { embeddings });
        const scorer = new VectorScorer(index, randomModel(5, 6));
        expect(scorer.featureMatrix(candidate as CandidateProfile)).toEqual(scalarRows(index, candidate as CandidateProfile));
      }),
      { numRuns: 300 },
    );
  });
});
