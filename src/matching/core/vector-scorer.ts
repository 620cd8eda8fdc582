import { Seniority } from '../../common/market.enums';
import {
  CandidateProfile,
  createMatchContext,
  explainMatch,
  experienceFit,
  FEATURE_COUNT,
  featureRecord,
  locationFit,
  locationReasonFromMatches,
  MatchContext,
  MatchExplanation,
  MatchFeatures,
  PostingId,
  PostingProfile,
  postingSkillsInVocab,
  PostingView,
  PreparedCandidate,
  prepareCandidate,
  REMOTE_CODES,
  remoteCode,
  remoteFit,
  roleFamilyFit,
  salaryFit,
  seniorityFit,
  seniorityOrdinal,
  writeFeatures,
} from './match-features';
import { ScoringModel, sigmoid } from './scoring-model';
import type { SkillEmbeddings } from './skill-embeddings';
import { TopK } from './top-k.util';

/**
 * One candidate against a whole posting set. Postings are packed once into columns (skills as CSR arrays, the
 * rest as typed arrays); per candidate the skill lookups (match weight, best related-skill cosine) are built once
 * over the vocabulary, so each posting costs a pass over its ~8 skills, a few table lookups and the scorer's
 * forward pass. Plain typed-array loops rather than tfjs: the feature work is sparse lookups that do not map to
 * matMul, and for the forward pass tfjs-wasm measured no faster (≈8 ms CPU per 100k rows, as the unrolled JS)
 * while needing a 100k × 9 float32 copy and giving float32 scores that no longer equal the single-pair path.
 * Explanations are built for the top k only.
 */
export interface PostingIndexOptions {
  embeddings?: SkillEmbeddings;
  /** Lower bound on the vocabulary; it also grows to cover every skill id the postings use. */
  vocabSize?: number;
  relatedThreshold?: number;
}

export class PostingIndex {
  readonly ids: PostingId[];
  readonly context: MatchContext;
  /** CSR: posting i's skills are skills[rowStart[i] … rowStart[i + 1]). */
  readonly rowStart: Int32Array;
  readonly skills: Int32Array;
  readonly seniority: Int8Array;
  readonly experienceYears: Float64Array;
  readonly salaryMin: Float64Array;
  readonly salaryMax: Float64Array;
  readonly remote: Int8Array;
  /** Σ idf over each posting's skills, summed in CSR order (as writeFeatures sums it). */
  readonly postingIdf: Float64Array;
  /** Dictionary codes (−1 = missing) into countries / regions / roleFamilies. */
  readonly countryCode: Int32Array;
  readonly regionCode: Int32Array;
  readonly roleFamilyCode: Int32Array;
  readonly countries: string[] = [];
  readonly regions: string[] = [];
  readonly roleFamilies: string[] = [];
  /** Skill ids a posting carried that are not valid ids (negative, fractional), by posting index. */
  readonly invalidSkills = new Map<number, number[]>();

  private constructor(postings: readonly PostingProfile[], options: PostingIndexOptions) {
    const n = postings.length;
    let maxSkill = -1;
    for (const p of postings) for (const s of p.skillIds ?? []) if (Number.isInteger(s) && s > maxSkill) maxSkill = s;
    const vocabSize = Math.max(options.vocabSize ?? 0, options.embeddings?.vocabSize ?? 0, maxSkill + 1);
    this.context = createMatchContext(
      postings.map((p) => p.skillIds ?? []),
      { vocabSize, embeddings: options.embeddings, relatedThreshold: options.relatedThreshold },
    );
    const view = (p: PostingProfile) => postingSkillsInVocab(p.skillIds, vocabSize);
    this.ids = postings.map((p) => p.id);
    this.rowStart = new Int32Array(n + 1);
    const lists = postings.map(view);
    lists.forEach((l, i) => (this.rowStart[i + 1] = this.rowStart[i] + l.length));
    this.skills = new Int32Array(this.rowStart[n]);
    lists.forEach((l, i) => this.skills.set(l, this.rowStart[i]));
    this.seniority = new Int8Array(n);
    this.experienceYears = new Float64Array(n);
    this.salaryMin = new Float64Array(n);
    this.salaryMax = new Float64Array(n);
    this.remote = new Int8Array(n);
    this.postingIdf = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let k = this.rowStart[i]; k < this.rowStart[i + 1]; k++) sum += this.context.idf[this.skills[k]];
      this.postingIdf[i] = sum;
    }
    this.countryCode = new Int32Array(n);
    this.regionCode = new Int32Array(n);
    this.roleFamilyCode = new Int32Array(n);
    const coder = (values: string[]) => {
      const codes = new Map<string, number>();
      return (v: string | undefined) => {
        if (!v) return -1;
        let code = codes.get(v);
        if (code === undefined) codes.set(v, (code = values.push(v) - 1));
        return code;
      };
    };
    const countryOf = coder(this.countries);
    const regionOf = coder(this.regions);
    const familyOf = coder(this.roleFamilies);
    postings.forEach((p, i) => {
      this.seniority[i] = seniorityOrdinal(p.seniority);
      this.experienceYears[i] = finiteOrNaN(p.experienceYears);
      this.salaryMin[i] = positiveOrNaN(p.annualUsdMin);
      this.salaryMax[i] = positiveOrNaN(p.annualUsdMax);
      this.remote[i] = remoteCode(p.remoteType);
      this.countryCode[i] = countryOf(p.country);
      this.regionCode[i] = regionOf(p.region);
      this.roleFamilyCode[i] = familyOf(p.roleFamily);
      const invalid = (p.skillIds ?? []).filter((s) => !(Number.isInteger(s) && s >= 0));
      if (invalid.length > 0) this.invalidSkills.set(i, invalid);
    });
  }

  /** Build once per posting snapshot (≈0.5 s for 100k rows) and reuse it for every candidate. */
  static build(postings: readonly PostingProfile[], options: PostingIndexOptions = {}): PostingIndex {
    return new PostingIndex(postings, options);
  }

  get size(): number {
    return this.ids.length;
  }

  /** Points a reusable view at posting i. */
  fillView(i: number, v: PostingView): PostingView {
    v.start = this.rowStart[i];
    v.end = this.rowStart[i + 1];
    v.seniority = this.seniority[i];
    v.experienceYears = this.experienceYears[i];
    v.salaryMin = this.salaryMin[i];
    v.salaryMax = this.salaryMax[i];
    v.country = this.countryCode[i] >= 0 ? this.countries[this.countryCode[i]] : undefined;
    v.region = this.regionCode[i] >= 0 ? this.regions[this.regionCode[i]] : undefined;
    v.remote = this.remote[i];
    v.roleFamily = this.roleFamilyCode[i] >= 0 ? this.roleFamilies[this.roleFamilyCode[i]] : '';
    return v;
  }

  /** The posting as a profile again (for explanations and the single-pair API). */
  posting(i: number): PostingProfile {
    const skillIds = Array.from(this.skills.subarray(this.rowStart[i], this.rowStart[i + 1]));
    const v = this.fillView(i, { ...EMPTY_VIEW });
    return {
      id: this.ids[i],
      skillIds: [...skillIds, ...(this.invalidSkills.get(i) ?? [])],
      roleFamily: v.roleFamily,
      seniority: this.seniority[i] >= 0 ? SENIORITY_ORDER[this.seniority[i]] : undefined,
      country: v.country,
      region: v.region,
      remoteType: this.remote[i] < REMOTE_CODES.length ? REMOTE_CODES[this.remote[i]] : undefined,
      annualUsdMin: undefinedIfNaN(this.salaryMin[i]),
      annualUsdMax: undefinedIfNaN(this.salaryMax[i]),
      experienceYears: undefinedIfNaN(this.experienceYears[i]),
    };
  }
}

export type MatchIssue =
  | { code: 'NO_SKILLS' }
  | { code: 'UNKNOWN_SKILLS'; skillIds: number[] }
  | { code: 'EMPTY_INDEX' };

export interface RankedMatch {
  postingId: PostingId;
  rank: number;
  /** Match probability from the scorer, 0–1. */
  score: number;
  features: MatchFeatures;
  explanation?: MatchExplanation;
}

export interface CandidateMatches {
  matches: RankedMatch[];
  /**
   * Things the caller may want to show: no usable skills (the ranking then rests on context features only),
   * skill ids outside the vocabulary (ignored), or nothing to rank against. Never thrown.
   */
  issues: MatchIssue[];
  scoredPostings: number;
}

export interface ScoreOptions {
  topK?: number;
  /** Build explanations for the returned matches (default true). */
  explain?: boolean;
}

export class VectorScorer {
  private readonly row = new Float64Array(FEATURE_COUNT);

  constructor(
    readonly index: PostingIndex,
    readonly model: ScoringModel,
  ) {}

  scoreCandidate(candidate: CandidateProfile, options: ScoreOptions = {}): CandidateMatches {
    const topK = options.topK ?? 10;
    const index = this.index;
    const ctx = index.context;
    const prepared = prepareCandidate(candidate, ctx);
    const issues: MatchIssue[] = [];
    if (prepared.unknownSkillIds.length > 0) issues.push({ code: 'UNKNOWN_SKILLS', skillIds: prepared.unknownSkillIds });
    if (prepared.skillIds.length === 0) issues.push({ code: 'NO_SKILLS' });
    if (index.size === 0) issues.push({ code: 'EMPTY_INDEX' });

    const top = new TopK(topK);
    this.scan(prepared, top);
    const view: PostingView = { ...EMPTY_VIEW, skills: index.skills };
    const row = this.row;

    const matches = top.drain().map(({ index: i, score: logit }, rank): RankedMatch => {
      writeFeatures(prepared, index.fillView(i, view), ctx, row, 0);
      return {
        postingId: index.ids[i],
        rank: rank + 1,
        score: sigmoid(logit),
        features: featureRecord(row),
        explanation: options.explain === false ? undefined : explainMatch(prepared, index.posting(i), ctx),
      };
    });
    return { matches, issues, scoredPostings: index.size };
  }

  scoreCandidates(candidates: readonly CandidateProfile[], options: ScoreOptions = {}): CandidateMatches[] {
    return candidates.map((c) => this.scoreCandidate(c, options));
  }

  /** Feature rows for every posting (row-major size × FEATURE_COUNT): for tests and offline analysis. */
  featureMatrix(candidate: CandidateProfile): Float64Array {
    const out = new Float64Array(this.index.size * FEATURE_COUNT);
    this.scan(prepareCandidate(candidate, this.index.context), undefined, out);
    return out;
  }

  /**
   * The hot loop: writeFeatures specialised to the index's columns. Discrete features become per-candidate lookup
   * tables built with the same primitives writeFeatures calls, and skills read idf·have precomputed per candidate,
   * so every value equals writeFeatures' own (vector-scorer.spec checks this on random data).
   */
  private scan(c: PreparedCandidate, top: TopK | undefined, featuresOut?: Float64Array): void {
    const index = this.index;
    const model = this.model;
    const row = this.row;
    const { rowStart, skills, postingIdf, seniority, experienceYears, salaryMin, salaryMax, remote, countryCode, regionCode, roleFamilyCode } = index;
    // Per skill, interleaved so one posting skill touches one cache line: [idf·have, best cosine if the candidate
    // lacks the skill else 0, 1 if lacking else 0]. Adding the zeros leaves each sum exactly as writeFeatures
    // computes it with its branch, and the loop below needs none.
    const V = index.context.vocabSize;
    const perSkill = new Float64Array(V * 3);
    for (let s = 0; s < V; s++) {
      const m = c.matchIdf[s];
      perSkill[3 * s] = m;
      perSkill[3 * s + 1] = m > 0 ? 0 : c.bestSimilarity[s];
      perSkill[3 * s + 2] = m > 0 ? 0 : 1;
    }
    const totalIdf = c.totalIdf;
    const years = c.years;
    const salary = c.salary;
    const seniorityTable = new Float64Array(SENIORITY_ORDER.length + 1);
    for (let o = -1; o < SENIORITY_ORDER.length; o++) seniorityTable[o + 1] = seniorityFit(c.seniority, o);
    const remoteTable = Float64Array.from({ length: REMOTE_CODES.length + 1 }, (_, code) => remoteFit(c.remotePreference, code));
    const familyTable = Float64Array.from(index.roleFamilies, (f) => roleFamilyFit(c.desiredFamilies, f));
    // −2: the candidate's value is known but no posting has it, so it compares as "different".
    const candidateCountry = c.country === undefined ? -1 : index.countries.indexOf(c.country) >= 0 ? index.countries.indexOf(c.country) : -2;
    const candidateRegion = c.region === undefined ? -1 : index.regions.indexOf(c.region) >= 0 ? index.regions.indexOf(c.region) : -2;
    const noFamilyFit = roleFamilyFit(c.desiredFamilies, '');
    // The unrolled path is written for today's 9 features; a model over another feature list takes the row path.
    const fast = model.hasLogit9 && FEATURE_COUNT === 9;
    let threshold = top ? top.threshold : Infinity;
    for (let i = 0, n = index.size; i < n; i++) {
      const start = rowStart[i];
      const end = rowStart[i + 1];
      let matched = 0;
      let related = 0;
      let unmatched = 0;
      for (let k = start; k < end; k++) {
        const j = 3 * skills[k];
        matched += perSkill[j];
        related += perSkill[j + 1];
        unmatched += perSkill[j + 2];
      }
      const pIdf = postingIdf[i];
      const f0 = pIdf > 0 ? matched / pIdf : 0;
      const f1 = totalIdf > 0 ? matched / totalIdf : 0;
      const f2 = unmatched > 0 ? related / unmatched : end > start ? 1 : 0;
      const f3 = seniorityTable[seniority[i] + 1];
      const f4 = experienceFit(experienceYears[i], years);
      const f5 = salaryFit(salary, salaryMin[i], salaryMax[i]);
      const pc = countryCode[i];
      const pr = regionCode[i];
      const cm = candidateCountry === -1 || pc < 0 ? -1 : candidateCountry === pc ? 1 : 0;
      const rm = candidateRegion === -1 || pr < 0 ? -1 : candidateRegion === pr ? 1 : 0;
      const f6 = LOCATION_TABLE[(cm + 1) * 12 + (rm + 1) * 4 + remote[i]];
      const f7 = remoteTable[remote[i]];
      const f8 = roleFamilyCode[i] >= 0 ? familyTable[roleFamilyCode[i]] : noFamilyFit;
      if (featuresOut) {
        const o = i * FEATURE_COUNT;
        featuresOut[o] = f0;
        featuresOut[o + 1] = f1;
        featuresOut[o + 2] = f2;
        featuresOut[o + 3] = f3;
        featuresOut[o + 4] = f4;
        featuresOut[o + 5] = f5;
        featuresOut[o + 6] = f6;
        featuresOut[o + 7] = f7;
        featuresOut[o + 8] = f8;
      }
      if (!top) continue;
      let logit: number;
      if (fast) logit = model.logit9(f0, f1, f2, f3, f4, f5, f6, f7, f8);
      else {
        row[0] = f0;
        row[1] = f1;
        row[2] = f2;
        row[3] = f3;
        row[4] = f4;
        row[5] = f5;
        row[6] = f6;
        row[7] = f7;
        row[8] = f8;
        logit = model.logit(row, 0);
      }
      // Later postings lose ties, so anything not above the current k-th best cannot enter.
      if (logit > threshold) {
        top.offer(i, logit);
        threshold = top.threshold;
      }
    }
  }
}

/** Location fit by (country match + 1, region match + 1, remote code): candidate-independent. */
const LOCATION_TABLE = (() => {
  const table = new Float64Array(3 * 3 * 4);
  for (let cm = -1; cm <= 1; cm++) {
    for (let rm = -1; rm <= 1; rm++) {
      for (let r = 0; r < 4; r++) table[(cm + 1) * 12 + (rm + 1) * 4 + r] = locationFit(locationReasonFromMatches(cm, rm, r));
    }
  }
  return table;
})();

const EMPTY_VIEW: PostingView = {
  skills: new Int32Array(0),
  start: 0,
  end: 0,
  seniority: -1,
  experienceYears: NaN,
  salaryMin: NaN,
  salaryMax: NaN,
  country: undefined,
  region: undefined,
  remote: 0,
  roleFamily: '',
};

const SENIORITY_ORDER = Object.values(Seniority);

function finiteOrNaN(x: number | undefined | null): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : NaN;
}

function positiveOrNaN(x: number | undefined | null): number {
  return typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : NaN;
}

function undefinedIfNaN(x: number): number | undefined {
  return Number.isNaN(x) ? undefined : x;
}
