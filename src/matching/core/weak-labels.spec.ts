import { RemoteType, RoleFamily, Seniority, WorldRegion } from '../../common/market.enums';
import { createMatchContext, FEATURE_COUNT, PostingProfile } from './match-features';
import { SeededRandom } from './seeded-random.util';
import { syntheticPostingProfiles, SYNTHETIC_VOCAB_SIZE } from './synthetic-match-data.util';
import { buildTrainingSet, buildWeakLabelQueries, jaccardSorted, sampleCandidateFromPosting, SkillSetCorpus } from './weak-labels';

const posting: PostingProfile = {
  id: 'src',
  skillIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  roleFamily: RoleFamily.ML_ENGINEER,
  seniority: Seniority.SENIOR,
  country: 'GB',
  region: WorldRegion.EUROPE,
  remoteType: RemoteType.HYBRID,
  annualUsdMin: 90_000,
  annualUsdMax: 110_000,
  experienceYears: 5,
};
/** Every skill's neighbours: 20 and 21 (not in the posting) and 2 (in it). */
const relatedOf = () => [2, 20, 21];

describe('sampleCandidateFromPosting', () => {
  it('keeps 50–70 % of the skills and adds 1–2 related skills the posting does not list', () => {
    const rng = new SeededRandom(1);
    for (let i = 0; i < 200; i++) {
      const c = sampleCandidateFromPosting(posting, 30, rng, relatedOf);
      const ids = c.skills.map((s) => s.skillId);
      const kept = ids.filter((s) => posting.skillIds.includes(s));
      const added = ids.filter((s) => !posting.skillIds.includes(s));
      expect(kept.length).toBeGreaterThanOrEqual(5);
      expect(kept.length).toBeLessThanOrEqual(7);
      expect(added.length).toBeGreaterThanOrEqual(1);
      expect(added.length).toBeLessThanOrEqual(2);
      expect(added.every((s) => s === 20 || s === 21)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      expect(c.desiredRoleFamilies).toEqual([RoleFamily.ML_ENGINEER]);
    }
  });

  it('jitters context around the posting and only ever sets profile fields', () => {
    const rng = new SeededRandom(2);
    const samples = Array.from({ length: 300 }, () => sampleCandidateFromPosting(posting, 30, rng, relatedOf));
    const allowed = ['skills', 'yearsExperience', 'seniority', 'country', 'region', 'remotePreference', 'desiredRoleFamilies', 'salaryAnnualUsd'];
    for (const c of samples) expect(Object.keys(c).every((k) => allowed.includes(k))).toBe(true);
    const salaries = samples.map((c) => c.salaryAnnualUsd).filter((s): s is number => s !== undefined);
    const median = salaries.sort((a, b) => a - b)[Math.floor(salaries.length / 2)];
    expect(median).toBeGreaterThan(90_000);
    expect(median).toBeLessThan(110_000);
    expect(samples.some((c) => c.salaryAnnualUsd === undefined)).toBe(true);
    expect(samples.filter((c) => c.country === 'GB').length / samples.length).toBeGreaterThan(0.75);
    expect(samples.some((c) => c.seniority === Seniority.MID || c.seniority === Seniority.STAFF)).toBe(true);
    expect(samples.every((c) => c.remotePreference === 'ANY' || c.remotePreference === RemoteType.HYBRID)).toBe(true);
  });

  it('copes with a posting without skills or context', () => {
    const c = sampleCandidateFromPosting({ id: 'x', skillIds: [], roleFamily: RoleFamily.OTHER }, 30, new SeededRandom(3), relatedOf);
    expect(c.skills).toEqual([]);
    expect(c.salaryAnnualUsd).toBeUndefined();
    expect(c.seniority).toBeUndefined();
  });
});

describe('SkillSetCorpus', () => {
  const corpus = new SkillSetCorpus(
    [
      { id: 0, skillIds: [1, 2, 3, 4, 5], roleFamily: RoleFamily.DATA_ENGINEER },
      { id: 1, skillIds: [5, 4, 3, 2, 1], roleFamily: RoleFamily.DATA_ENGINEER }, // identical set
      { id: 2, skillIds: [1, 2, 3, 4], roleFamily: RoleFamily.DATA_ENGINEER }, // J = 0.8
      { id: 3, skillIds: [1, 2, 3], roleFamily: RoleFamily.DATA_ENGINEER }, // J = 0.6
      { id: 4, skillIds: [1, 2, 3, 4, 5], roleFamily: RoleFamily.DATA_ANALYST }, // other family
    ],
    10,
  );

  it('computes Jaccard on sorted sets', () => {
    expect(jaccardSorted([1, 2, 3, 4, 5], [1, 2, 3, 4])).toBe(0.8);
    expect(jaccardSorted([], [])).toBe(1);
    expect(jaccardSorted([1], [])).toBe(0);
    expect(corpus.jaccard(0, 3)).toBe(0.6);
  });

  it('finds near-duplicates within the role family at Jaccard ≥ threshold, source first', () => {
    expect(corpus.nearDuplicates(0, 0.8)).toEqual([0, 1, 2]);
    expect(corpus.nearDuplicates(0, 0.5)).toEqual([0, 1, 2, 3]);
    expect(corpus.nearDuplicates(4, 0.8)).toEqual([4]);
  });
});

describe('weak-label training set on generated postings', () => {
  const postings = syntheticPostingProfiles({ count: 4000, seed: 41 });
  const ctx = createMatchContext(
    postings.map((p) => p.skillIds),
    { vocabSize: SYNTHETIC_VOCAB_SIZE },
  );
  const corpus = new SkillSetCorpus(postings, ctx.vocabSize);
  const related = () => [] as number[];
  const queries = buildWeakLabelQueries(corpus, [0, 5, 50, 500, 1000, 3999], ctx.vocabSize, related, { seed: 1 });

  it('labels the source and its near-duplicates relevant', () => {
    for (const q of queries) {
      expect(q.relevant[0]).toBe(q.sourceIndex);
      for (const j of q.relevant.slice(1)) {
        expect(postings[j].roleFamily).toBe(postings[q.sourceIndex].roleFamily);
        expect(corpus.jaccard(q.sourceIndex, j)).toBeGreaterThanOrEqual(0.8);
      }
    }
  });

  it('builds positives, random negatives and hard negatives as feature rows', () => {
    const set = buildTrainingSet(corpus, queries, ctx, { seed: 1, maxPositives: 3, randomNegatives: 4, hardNegatives: 4 });
    const expectedPositives = queries.reduce((sum, q) => sum + Math.min(3, q.relevant.length), 0);
    expect(set.positives).toBe(expectedPositives);
    expect(set.negatives).toBe(queries.length * 8);
    expect(set.features.length).toBe(set.labels.length * FEATURE_COUNT);
    // Positives carry the source's skills, so on average they cover far more of them than negatives.
    const mean = (label: number) => {
      let sum = 0;
      let n = 0;
      set.labels.forEach((l, i) => {
        if (l === label) {
          sum += set.features[i * FEATURE_COUNT];
          n++;
        }
      });
      return sum / n;
    };
    expect(mean(1)).toBeGreaterThan(mean(0) + 0.3);
  });

  it('is deterministic for a seed', () => {
    const again = buildWeakLabelQueries(corpus, [0, 5, 50, 500, 1000, 3999], ctx.vocabSize, related, { seed: 1 });
    expect(again).toEqual(queries);
    const a = buildTrainingSet(corpus, queries, ctx, { seed: 9 });
    const b = buildTrainingSet(corpus, queries, ctx, { seed: 9 });
    expect(a.features).toEqual(b.features);
  });
});
