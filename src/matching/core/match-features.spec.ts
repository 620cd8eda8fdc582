import fc from 'fast-check';
import { RemoteType, RoleFamily, Seniority, WorldRegion } from '../../common/market.enums';
import {
  CandidateProfile,
  computeMatchFeatures,
  computeSkillIdf,
  createMatchContext,
  experienceFit,
  explainMatch,
  FEATURE_NAMES,
  locationFit,
  locationReason,
  MatchContext,
  PostingProfile,
  prepareCandidate,
  remoteCode,
  remoteFit,
  REMOTE_UNKNOWN,
  roleFamilyFit,
  salaryFit,
  salaryStatus,
  seniorityFit,
  seniorityOrdinal,
} from './match-features';
import { SkillEmbeddings, SkillEmbeddingMeta } from './skill-embeddings';

/** Hand-made 2-d vectors: 0 → (1,0), 1 → (.6,.8), 2 → (0,1), 3 unseen, 4 → (1,0), 5 → (−1,0). */
function handEmbeddings(): SkillEmbeddings {
  const v = [1, 0, 0.6, 0.8, 0, 1, 0, 0, 1, 0, -1, 0];
  return new SkillEmbeddings(6, 2, Float32Array.from(v), {} as SkillEmbeddingMeta);
}

function handContext(): MatchContext {
  return { vocabSize: 6, idf: Float64Array.from([1, 2, 3, 4, 1.5, 1]), embeddings: handEmbeddings(), relatedThreshold: 0.5 };
}

const posting: PostingProfile = {
  id: 'p1',
  skillIds: [0, 1, 3, 4],
  roleFamily: RoleFamily.DATA_ENGINEER,
  seniority: Seniority.SENIOR,
  country: 'DE',
  region: WorldRegion.EUROPE,
  remoteType: RemoteType.HYBRID,
  annualUsdMin: 80_000,
  annualUsdMax: 100_000,
  experienceYears: 5,
};

const candidate: CandidateProfile = {
  skills: [{ skillId: 0 }, { skillId: 2 }],
  yearsExperience: 4,
  seniority: Seniority.MID,
  country: 'DE',
  region: WorldRegion.EUROPE,
  remotePreference: RemoteType.REMOTE,
  desiredRoleFamilies: [RoleFamily.DATA_ENGINEER, RoleFamily.ANALYTICS_ENGINEER],
  salaryAnnualUsd: 90_000,
};

describe('computeSkillIdf', () => {
  it('is ln((N + 1) / (df + 1)) + 1, counting a skill once per posting', () => {
    const idf = computeSkillIdf([[0, 1], [0, 0], [2]], 4);
    expect(idf[0]).toBeCloseTo(Math.log(4 / 3) + 1, 12);
    expect(idf[1]).toBeCloseTo(Math.log(4 / 2) + 1, 12);
    expect(idf[3]).toBeCloseTo(Math.log(4) + 1, 12);
  });

  it('ignores ids outside the vocabulary', () => {
    expect(Array.from(computeSkillIdf([[0, 9, -1, 1.5]], 2))).toEqual([Math.log(2 / 2) + 1, Math.log(2) + 1]);
  });
});

describe('skill features', () => {
  const ctx = handContext();

  it('weights exact matches by IDF, from both sides', () => {
    const f = computeMatchFeatures(prepareCandidate(candidate, ctx), posting, ctx);
    expect(f.skillCoverage).toBeCloseTo(1 / (1 + 2 + 4 + 1.5), 12);
    expect(f.candidateSkillShare).toBeCloseTo(1 / (1 + 3), 12);
  });

  it('averages the best cosine of each unmatched posting skill to the candidate skills', () => {
    // skill 1: max(.6 to skill 0, .8 to skill 2) = .8; skill 3: no vector → 0; skill 4: 1 to skill 0.
    const f = computeMatchFeatures(prepareCandidate(candidate, ctx), posting, ctx);
    expect(f.relatedSkillSimilarity).toBeCloseTo((0.8 + 0 + 1) / 3, 6);
  });

  it('treats negative cosine as no relation', () => {
    const f = computeMatchFeatures(prepareCandidate({ ...candidate, skills: [{ skillId: 5 }] }, ctx), { ...posting, skillIds: [0] }, ctx);
    expect(f.relatedSkillSimilarity).toBe(0);
  });

  it('scores related similarity 1 when nothing is missing, 0 for a posting without skills', () => {
    const c = prepareCandidate(candidate, ctx);
    expect(computeMatchFeatures(c, { ...posting, skillIds: [0] }, ctx).relatedSkillSimilarity).toBe(1);
    const empty = computeMatchFeatures(c, { ...posting, skillIds: [] }, ctx);
    expect(empty.relatedSkillSimilarity).toBe(0);
    expect(empty.skillCoverage).toBe(0);
  });

  it('scales a match by proficiency 1–5 (or skill years) to a weight between 0.5 and 1', () => {
    const low = prepareCandidate({ ...candidate, skills: [{ skillId: 0, proficiency: 1 }] }, ctx);
    expect(computeMatchFeatures(low, posting, ctx).skillCoverage).toBeCloseTo(0.5 / 8.5, 12);
    const mid = prepareCandidate({ ...candidate, skills: [{ skillId: 0, proficiency: 3, years: 0 }] }, ctx);
    expect(computeMatchFeatures(mid, posting, ctx).skillCoverage).toBeCloseTo(0.75 / 8.5, 12);
    const expert = prepareCandidate({ ...candidate, skills: [{ skillId: 0, proficiency: 5 }] }, ctx);
    expect(computeMatchFeatures(expert, posting, ctx).skillCoverage).toBeCloseTo(1 / 8.5, 12);
    const years = prepareCandidate({ ...candidate, skills: [{ skillId: 0, years: 2.5 }] }, ctx);
    expect(computeMatchFeatures(years, posting, ctx).skillCoverage).toBeCloseTo(0.75 / 8.5, 12);
  });

  it('works without embeddings (related similarity 0)', () => {
    const plain = { ...ctx, embeddings: undefined };
    expect(computeMatchFeatures(prepareCandidate(candidate, plain), posting, plain).relatedSkillSimilarity).toBe(0);
  });

  it('deduplicates skills on both sides', () => {
    const c = prepareCandidate({ ...candidate, skills: [{ skillId: 0 }, { skillId: 0 }, { skillId: 2 }] }, ctx);
    expect(c.skillIds).toEqual([0, 2]);
    const f = computeMatchFeatures(c, { ...posting, skillIds: [0, 0, 1, 3, 4, 4] }, ctx);
    expect(f).toEqual(computeMatchFeatures(c, posting, ctx));
  });
});

describe('no skills and unknown skills', () => {
  const ctx = handContext();

  it('scores a candidate with no skills on context alone', () => {
    const c = prepareCandidate({ ...candidate, skills: [] }, ctx);
    const f = computeMatchFeatures(c, posting, ctx);
    expect(f.skillCoverage).toBe(0);
    expect(f.candidateSkillShare).toBe(0);
    expect(f.relatedSkillSimilarity).toBe(0);
    expect(f.roleFamilyFit).toBe(1);
  });

  it('sets unknown skill ids aside and reports them', () => {
    const c = prepareCandidate({ ...candidate, skills: [{ skillId: 0 }, { skillId: 999 }, { skillId: -3 }, { skillId: 1.5 }] }, ctx);
    expect(c.skillIds).toEqual([0]);
    expect(c.unknownSkillIds).toEqual([999, -3, 1.5]);
    expect(() => computeMatchFeatures(c, posting, ctx)).not.toThrow();
  });

  it('tolerates a missing skills array and malformed entries', () => {
    const c = prepareCandidate({ desiredRoleFamilies: [] } as unknown as CandidateProfile, ctx);
    expect(c.skillIds).toEqual([]);
    const bad = prepareCandidate({ ...candidate, skills: [null, { skillId: 'x' }] } as unknown as CandidateProfile, ctx);
    expect(bad.skillIds).toEqual([]);
  });

  it('lists posting skill ids outside the vocabulary as unknown, not missing', () => {
    const e = explainMatch(prepareCandidate(candidate, ctx), { ...posting, skillIds: [0, 42] }, ctx);
    expect(e.unknownPostingSkills).toEqual([42]);
    expect(e.missingSkills).toEqual([]);
  });
});

describe('seniorityFit', () => {
  it('is 1 / 0.6 / 0.25 / 0 by ordinal distance, 0.5 when either side is unknown', () => {
    const o = (s: Seniority) => seniorityOrdinal(s);
    expect(seniorityFit(o(Seniority.SENIOR), o(Seniority.SENIOR))).toBe(1);
    expect(seniorityFit(o(Seniority.MID), o(Seniority.SENIOR))).toBe(0.6);
    expect(seniorityFit(o(Seniority.STAFF), o(Seniority.MID))).toBe(0.25);
    expect(seniorityFit(o(Seniority.INTERN), o(Seniority.DIRECTOR))).toBe(0);
    expect(seniorityFit(-1, o(Seniority.MID))).toBe(0.5);
    expect(seniorityOrdinal('Wizard')).toBe(-1);
    expect(seniorityOrdinal(undefined)).toBe(-1);
  });
});

describe('experienceFit', () => {
  it('is 1 with enough years, falls linearly to 0 at a 5-year shortfall, 0.5 when unknown', () => {
    expect(experienceFit(3, 5)).toBe(1);
    expect(experienceFit(5, 5)).toBe(1);
    expect(experienceFit(5, 3)).toBeCloseTo(0.6, 12);
    expect(experienceFit(10, 0)).toBe(0);
    expect(experienceFit(NaN, 3)).toBe(0.5);
    expect(experienceFit(3, NaN)).toBe(0.5);
  });
});

describe('salaryFit', () => {
  it('is 1 inside the range (bounds included)', () => {
    expect(salaryFit(90_000, 80_000, 100_000)).toBe(1);
    expect(salaryFit(80_000, 80_000, 100_000)).toBe(1);
    expect(salaryFit(100_000, 80_000, 100_000)).toBe(1);
    expect(salaryStatus(90_000, 80_000, 100_000)).toBe('INSIDE');
  });

  it('decays outside, faster above the range than below', () => {
    expect(salaryFit(120_000, 80_000, 100_000)).toBeCloseTo(Math.exp(-0.2 / 0.2), 12);
    expect(salaryFit(60_000, 80_000, 100_000)).toBeCloseTo(Math.exp(-0.25 / 0.5), 12);
    expect(salaryFit(110_000, 80_000, 100_000)).toBeGreaterThan(salaryFit(130_000, 80_000, 100_000));
    expect(salaryStatus(120_000, 80_000, 100_000)).toBe('ABOVE_RANGE');
    expect(salaryStatus(60_000, 80_000, 100_000)).toBe('BELOW_RANGE');
  });

  it('treats a single bound as a one-point range and anything unknown as 0.5', () => {
    expect(salaryFit(100_000, NaN, 100_000)).toBe(1);
    expect(salaryFit(100_000, 100_000, NaN)).toBe(1);
    expect(salaryFit(NaN, 80_000, 100_000)).toBe(0.5);
    expect(salaryFit(90_000, NaN, NaN)).toBe(0.5);
    expect(salaryStatus(90_000, NaN, NaN)).toBe('UNKNOWN');
  });

  it('is 0.5 through the profile API when either side lacks pay (non-positive counts as missing)', () => {
    const ctx = handContext();
    const c = prepareCandidate({ ...candidate, salaryAnnualUsd: undefined }, ctx);
    expect(computeMatchFeatures(c, posting, ctx).salaryFit).toBe(0.5);
    const zero = prepareCandidate({ ...candidate, salaryAnnualUsd: 0 }, ctx);
    expect(computeMatchFeatures(zero, posting, ctx).salaryFit).toBe(0.5);
  });
});

describe('locationFit and remoteFit', () => {
  const EU = WorldRegion.EUROPE;
  const NA = WorldRegion.NORTH_AMERICA;
  const REMOTE = remoteCode(RemoteType.REMOTE);
  const ONSITE = remoteCode(RemoteType.ONSITE);

  it('prefers the same country, then remote within the region', () => {
    expect(locationReason('DE', EU, 'DE', EU, ONSITE)).toBe('SAME_COUNTRY');
    expect(locationReason('FR', EU, 'DE', EU, REMOTE)).toBe('REMOTE_IN_REGION');
    expect(locationReason('US', NA, 'DE', EU, REMOTE)).toBe('REMOTE_OUT_OF_REGION');
    expect(locationReason('FR', EU, 'DE', EU, ONSITE)).toBe('RELOCATION_IN_REGION');
    expect(locationReason('US', NA, 'DE', EU, ONSITE)).toBe('RELOCATION_OUT_OF_REGION');
    expect(locationReason(undefined, undefined, 'DE', EU, ONSITE)).toBe('UNKNOWN');
    const scores = ['SAME_COUNTRY', 'REMOTE_IN_REGION', 'REMOTE_OUT_OF_REGION', 'RELOCATION_IN_REGION', 'RELOCATION_OUT_OF_REGION'] as const;
    const values = scores.map(locationFit);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(locationFit('UNKNOWN')).toBe(0.5);
  });

  it('matches the remote preference, ANY fits everything', () => {
    const pref = (p: RemoteType) => remoteCode(p);
    expect(remoteFit(pref(RemoteType.REMOTE), REMOTE)).toBe(1);
    expect(remoteFit(pref(RemoteType.REMOTE), ONSITE)).toBeLessThan(0.5);
    expect(remoteFit(pref(RemoteType.ONSITE), REMOTE)).toBeGreaterThan(remoteFit(pref(RemoteType.REMOTE), ONSITE));
    for (let code = 0; code <= REMOTE_UNKNOWN; code++) expect(remoteFit(REMOTE_UNKNOWN, code)).toBe(1);
    expect(remoteFit(pref(RemoteType.HYBRID), REMOTE_UNKNOWN)).toBe(0.5);
  });
});

describe('roleFamilyFit', () => {
  it('is 1 for a desired family, 0 otherwise, 0.5 when none were named', () => {
    const desired = new Set<string>([RoleFamily.ML_ENGINEER]);
    expect(roleFamilyFit(desired, RoleFamily.ML_ENGINEER)).toBe(1);
    expect(roleFamilyFit(desired, RoleFamily.DATA_ANALYST)).toBe(0);
    expect(roleFamilyFit(new Set(), RoleFamily.DATA_ANALYST)).toBe(0.5);
  });
});

describe('explainMatch', () => {
  const ctx = handContext();

  it('splits posting skills into matched, related and missing, with the context fits', () => {
    const e = explainMatch(prepareCandidate(candidate, ctx), posting, ctx);
    expect(e.matchedSkills).toEqual([0]);
    expect(e.relatedSkills).toEqual([
      { have: 2, for: 1, similarity: 0.8 },
      { have: 0, for: 4, similarity: 1 },
    ]);
    expect(e.missingSkills).toEqual([3]);
    expect(e.salaryFit).toEqual({ score: 1, status: 'INSIDE', candidateAnnualUsd: 90_000, postingMin: 80_000, postingMax: 100_000 });
    expect(e.locationFit).toEqual({ score: 1, reason: 'SAME_COUNTRY', remoteScore: remoteFit(remoteCode(RemoteType.REMOTE), remoteCode(RemoteType.HYBRID)) });
    expect(e.seniorityFit).toEqual({ score: 0.6, gap: 1 });
    expect(e.experienceFit).toEqual({ score: 0.8, gapYears: 1 });
    expect(e.roleFamilyFit).toEqual({ score: 1, roleFamily: RoleFamily.DATA_ENGINEER });
    expect(e.features).toEqual(computeMatchFeatures(prepareCandidate(candidate, ctx), posting, ctx));
  });

  it('uses the related threshold to decide between related and missing', () => {
    const strict = { ...ctx, relatedThreshold: 0.9 };
    const e = explainMatch(prepareCandidate(candidate, strict), posting, strict);
    expect(e.relatedSkills.map((r) => r.for)).toEqual([4]);
    expect(e.missingSkills).toEqual([1, 3]);
  });
});

describe('fairness by construction', () => {
  it('ignores properties the profile type does not define', () => {
    const ctx = handContext();
    const a = { ...candidate, gender: 'female', ageGroup: '55-64' } as any;
    const b = { ...candidate, gender: 'male', ageGroup: '25-34' } as any;
    expect(computeMatchFeatures(prepareCandidate(a, ctx), posting, ctx)).toEqual(computeMatchFeatures(prepareCandidate(b, ctx), posting, ctx));
    expect(explainMatch(prepareCandidate(a, ctx), posting, ctx)).toEqual(explainMatch(prepareCandidate(b, ctx), posting, ctx));
  });
});

describe('feature ranges (property)', () => {
  const ctx = createMatchContext([[0, 1], [1, 2, 3], [4]], { vocabSize: 6, embeddings: handEmbeddings() });
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const skillId = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: -5, max: 50 }));
  const candidateArb: fc.Arbitrary<CandidateProfile> = fc.record({
    skills: fc.array(fc.record({ skillId, proficiency: optional(fc.double({ min: -1, max: 7, noNaN: true })) }), { maxLength: 6 }),
    yearsExperience: optional(fc.double({ min: 0, max: 40, noNaN: true })),
    seniority: optional(fc.constantFrom(...Object.values(Seniority))),
    country: optional(fc.constantFrom('DE', 'US', 'FR')),
    region: optional(fc.constantFrom(WorldRegion.EUROPE, WorldRegion.NORTH_AMERICA)),
    remotePreference: optional(fc.constantFrom(...Object.values(RemoteType), 'ANY' as const)),
    desiredRoleFamilies: fc.subarray(Object.values(RoleFamily)),
    salaryAnnualUsd: optional(fc.double({ min: -1, max: 500_000, noNaN: true })),
  });
  const postingArb: fc.Arbitrary<PostingProfile> = fc.record({
    id: fc.nat(),
    skillIds: fc.array(skillId, { maxLength: 8 }),
    roleFamily: fc.constantFrom(...Object.values(RoleFamily)),
    seniority: optional(fc.constantFrom(...Object.values(Seniority), 'Unknown')),
    country: optional(fc.constantFrom('DE', 'US', 'FR')),
    region: optional(fc.constantFrom(WorldRegion.EUROPE, WorldRegion.NORTH_AMERICA)),
    remoteType: optional(fc.constantFrom(...Object.values(RemoteType))),
    annualUsdMin: optional(fc.double({ min: 0, max: 300_000, noNaN: true })),
    annualUsdMax: optional(fc.double({ min: 0, max: 300_000, noNaN: true })),
    experienceYears: optional(fc.double({ min: 0, max: 15, noNaN: true })),
  });

  it('keeps every feature finite and within [0, 1]', () => {
    fc.assert(
      fc.property(candidateArb, postingArb, (c, p) => {
        const f = computeMatchFeatures(prepareCandidate(c, ctx), p, ctx);
        for (const name of FEATURE_NAMES) {
          expect(Number.isFinite(f[name])).toBe(true);
          expect(f[name]).toBeGreaterThanOrEqual(0);
          expect(f[name]).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      { numRuns: 500 },
    );
  });
});
