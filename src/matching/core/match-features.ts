import { RemoteType, RoleFamily, Seniority } from '../../common/market.enums';
import type { SkillEmbeddings } from './skill-embeddings';

/**
 * Explainable candidate ↔ posting features. Every feature is in [0, 1], higher = better fit, and 0.5 means
 * "unknown" wherever one side lacks the data, so a missing field neither helps nor hurts.
 *
 * Fairness by construction: the profile types below carry no protected attributes (gender, age, nationality…),
 * and prepareCandidate copies only the named fields, so an object with extra properties scores the same.
 */

export type PostingId = string | number;

export interface CandidateSkill {
  skillId: number;
  /** 1–5 as stored on candidates (1 beginner … 5 expert). Missing: taken from `years` (5+ years = expert), else expert. */
  proficiency?: number;
  years?: number;
}

export interface CandidateProfile {
  skills: CandidateSkill[];
  yearsExperience?: number;
  seniority?: Seniority;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  /** WorldRegion value. */
  region?: string;
  remotePreference?: RemoteType | 'ANY';
  desiredRoleFamilies: RoleFamily[];
  salaryAnnualUsd?: number;
}

export interface PostingProfile {
  id: PostingId;
  skillIds: number[];
  roleFamily: RoleFamily | string;
  seniority?: Seniority | string;
  country?: string;
  region?: string;
  remoteType?: RemoteType | string;
  annualUsdMin?: number;
  annualUsdMax?: number;
  experienceYears?: number;
}

export const FEATURE_NAMES = [
  'skillCoverage',
  'candidateSkillShare',
  'relatedSkillSimilarity',
  'seniorityFit',
  'experienceFit',
  'salaryFit',
  'locationFit',
  'remoteFit',
  'roleFamilyFit',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export const FEATURE_COUNT = FEATURE_NAMES.length;
export type MatchFeatures = Record<FeatureName, number>;

/** Corpus statistics and the skill model every feature computation shares. */
export interface MatchContext {
  /** Skill ids are dense integers in [0, vocabSize); database ids work as-is with vocabSize = max id + 1. */
  vocabSize: number;
  /** Inverse document frequency over postings, per skill id. */
  idf: Float64Array;
  embeddings?: SkillEmbeddings;
  /** Cosine at or above which an unmatched skill is explained as covered by a related one (default 0.5). */
  relatedThreshold: number;
}

export const UNKNOWN = 0.5;
const SENIORITY_ORDER = Object.values(Seniority) as string[];
const SENIORITY_FIT_BY_GAP = [1, 0.6, 0.25, 0];
const EXPERIENCE_SHORTFALL_CAP_YEARS = 5;
/** Relative distance outside the salary range at which the fit falls to 1/e: asking above the range costs more. */
const SALARY_DECAY_ABOVE = 0.2;
const SALARY_DECAY_BELOW = 0.5;

/** Remote codes: index into REMOTE_FIT rows/columns. */
export const REMOTE_CODES: readonly string[] = [RemoteType.ONSITE, RemoteType.HYBRID, RemoteType.REMOTE];
export const REMOTE_UNKNOWN = 3;
/** REMOTE_FIT[preference][posting]: preference ONSITE/HYBRID/REMOTE/ANY × posting ONSITE/HYBRID/REMOTE/unknown. */
const REMOTE_FIT: readonly (readonly number[])[] = [
  [1, 0.8, 0.6, UNKNOWN],
  [0.5, 1, 0.8, UNKNOWN],
  [0.1, 0.4, 1, UNKNOWN],
  [1, 1, 1, 1],
];

export type LocationReason =
  | 'SAME_COUNTRY'
  | 'REMOTE_IN_REGION'
  | 'REMOTE_OUT_OF_REGION'
  | 'RELOCATION_IN_REGION'
  | 'RELOCATION_OUT_OF_REGION'
  | 'UNKNOWN';
const LOCATION_SCORE: Record<LocationReason, number> = {
  SAME_COUNTRY: 1,
  REMOTE_IN_REGION: 0.8,
  REMOTE_OUT_OF_REGION: 0.3,
  RELOCATION_IN_REGION: 0.2,
  RELOCATION_OUT_OF_REGION: 0,
  UNKNOWN: UNKNOWN,
};

// ---------------------------------------------------------------------------------------------------------------
// Corpus statistics
// ---------------------------------------------------------------------------------------------------------------

/** Smoothed IDF, ln((N + 1) / (df + 1)) + 1: always ≥ 1, highest for skills no posting mentions. */
export function computeSkillIdf(skillSets: Iterable<ArrayLike<number>>, vocabSize: number): Float64Array {
  const df = new Float64Array(vocabSize);
  const seen = new Int32Array(vocabSize).fill(-1);
  let n = 0;
  for (const set of skillSets) {
    for (let i = 0; i < set.length; i++) {
      const s = set[i];
      if (Number.isInteger(s) && s >= 0 && s < vocabSize && seen[s] !== n) {
        seen[s] = n;
        df[s]++;
      }
    }
    n++;
  }
  return df.map((d) => Math.log((n + 1) / (d + 1)) + 1);
}

export function createMatchContext(
  postingSkillSets: Iterable<ArrayLike<number>>,
  options: { vocabSize: number; embeddings?: SkillEmbeddings; relatedThreshold?: number },
): MatchContext {
  const vocabSize = Math.max(options.vocabSize, options.embeddings?.vocabSize ?? 0);
  return {
    vocabSize,
    idf: computeSkillIdf(postingSkillSets, vocabSize),
    embeddings: options.embeddings,
    relatedThreshold: options.relatedThreshold ?? 0.5,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Candidate preparation (once per candidate, shared by the single-pair and the vectorised paths)
// ---------------------------------------------------------------------------------------------------------------

export interface PreparedCandidate {
  /** Known skill ids, deduplicated, in the order given. */
  skillIds: number[];
  /** Skill ids that are not integers in [0, vocabSize): ignored for scoring, reported back. */
  unknownSkillIds: number[];
  /** Per skill id: match weight in [0.5, 1] for skills the candidate has (proficiency 1 → 0.5, 5 → 1), 0 otherwise. */
  have: Float64Array;
  /** Per skill id: idf · have (0 for skills the candidate lacks). */
  matchIdf: Float64Array;
  /** Σ matchIdf over the candidate's skills. */
  totalIdf: number;
  /** Per skill id: best cosine (≥ 0) to any of the candidate's skills, and which skill gave it (−1 none). */
  bestSimilarity: Float64Array;
  bestSource: Int32Array;
  seniority: number;
  years: number;
  salary: number;
  country: string | undefined;
  region: string | undefined;
  remotePreference: number;
  desiredFamilies: ReadonlySet<string>;
}

export function prepareCandidate(candidate: CandidateProfile, ctx: MatchContext): PreparedCandidate {
  const V = ctx.vocabSize;
  const have = new Float64Array(V);
  const skillIds: number[] = [];
  const unknownSkillIds: number[] = [];
  for (const skill of candidate.skills ?? []) {
    const id = skill?.skillId;
    if (typeof id !== 'number') continue;
    if (!Number.isInteger(id) || id < 0 || id >= V) {
      unknownSkillIds.push(id);
      continue;
    }
    if (have[id] > 0) continue;
    have[id] = 0.5 + 0.5 * proficiencyOf(skill);
    skillIds.push(id);
  }
  const matchIdf = new Float64Array(V);
  let totalIdf = 0;
  for (const s of skillIds) {
    matchIdf[s] = ctx.idf[s] * have[s];
    totalIdf += matchIdf[s];
  }

  const bestSimilarity = new Float64Array(V);
  const bestSource = new Int32Array(V).fill(-1);
  const emb = ctx.embeddings;
  if (emb) {
    const withVectors = skillIds.filter((s) => emb.has(s));
    const limit = Math.min(V, emb.vocabSize);
    for (let s = 0; s < limit; s++) {
      if (!emb.has(s)) continue;
      for (const c of withVectors) {
        const sim = emb.similarity(s, c);
        if (sim > bestSimilarity[s]) {
          bestSimilarity[s] = sim;
          bestSource[s] = c;
        }
      }
    }
  }
  const pref = candidate.remotePreference;
  return {
    skillIds,
    unknownSkillIds,
    have,
    matchIdf,
    totalIdf,
    bestSimilarity,
    bestSource,
    seniority: seniorityOrdinal(candidate.seniority),
    years: finiteOrNaN(candidate.yearsExperience),
    salary: positiveOrNaN(candidate.salaryAnnualUsd),
    country: candidate.country || undefined,
    region: candidate.region || undefined,
    remotePreference: pref === undefined || pref === 'ANY' ? REMOTE_UNKNOWN : remoteCode(pref),
    desiredFamilies: new Set(candidate.desiredRoleFamilies ?? []),
  };
}

/** Proficiency on 0–1 from the 1–5 scale, or from years with the skill. */
function proficiencyOf(skill: CandidateSkill): number {
  if (typeof skill.proficiency === 'number' && Number.isFinite(skill.proficiency)) return clamp01((skill.proficiency - 1) / 4);
  if (typeof skill.years === 'number' && Number.isFinite(skill.years)) return clamp01(skill.years / 5);
  return 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Feature primitives
// ---------------------------------------------------------------------------------------------------------------

/** Position in the Seniority enum (INTERN = 0 … DIRECTOR = 6), −1 when missing or unrecognised. */
export function seniorityOrdinal(value: string | undefined): number {
  return value === undefined ? -1 : SENIORITY_ORDER.indexOf(value);
}

export function remoteCode(value: string | undefined): number {
  const i = value === undefined ? -1 : REMOTE_CODES.indexOf(value);
  return i < 0 ? REMOTE_UNKNOWN : i;
}

/** 1 at the same level, 0.6 one step apart, 0.25 two, 0 beyond; UNKNOWN if either side is missing. */
export function seniorityFit(candidateOrdinal: number, postingOrdinal: number): number {
  if (candidateOrdinal < 0 || postingOrdinal < 0) return UNKNOWN;
  return SENIORITY_FIT_BY_GAP[Math.min(Math.abs(postingOrdinal - candidateOrdinal), SENIORITY_FIT_BY_GAP.length - 1)];
}

/** 1 when the candidate has the years asked for, falling linearly to 0 at a 5-year shortfall. NaN = unknown. */
export function experienceFit(requiredYears: number, candidateYears: number): number {
  if (Number.isNaN(requiredYears) || Number.isNaN(candidateYears)) return UNKNOWN;
  const shortfall = Math.min(Math.max(requiredYears - candidateYears, 0), EXPERIENCE_SHORTFALL_CAP_YEARS);
  return 1 - shortfall / EXPERIENCE_SHORTFALL_CAP_YEARS;
}

export type SalaryStatus = 'INSIDE' | 'BELOW_RANGE' | 'ABOVE_RANGE' | 'UNKNOWN';

/** Where the candidate's expectation sits against the posting's range (one bound alone is a one-point range). */
export function salaryStatus(expected: number, min: number, max: number): SalaryStatus {
  const lo = Number.isNaN(min) ? max : min;
  const hi = Number.isNaN(max) ? min : max;
  if (Number.isNaN(expected) || Number.isNaN(lo)) return 'UNKNOWN';
  if (expected < lo) return 'BELOW_RANGE';
  if (expected > hi) return 'ABOVE_RANGE';
  return 'INSIDE';
}

/**
 * 1 inside the range; outside it decays exponentially with the relative distance, faster when the candidate
 * asks for more than the top of the range than when they ask for less. Unknown → 0.5.
 */
export function salaryFit(expected: number, min: number, max: number): number {
  const lo = Number.isNaN(min) ? max : min;
  const hi = Number.isNaN(max) ? min : max;
  if (Number.isNaN(expected) || Number.isNaN(lo)) return UNKNOWN;
  if (expected > hi) return Math.exp(-(expected - hi) / hi / SALARY_DECAY_ABOVE);
  if (expected < lo) return Math.exp(-(lo - expected) / lo / SALARY_DECAY_BELOW);
  return 1;
}

/**
 * Same country fits; a remote posting fits anyone in its world region well and others a little (many remote
 * roles are restricted to a region for tax and time-zone reasons); an on-site or hybrid role elsewhere means
 * relocating, which counts as out of region when the regions are unknown. With no location on either side the
 * fit is UNKNOWN (0.5).
 */
export function locationReason(
  candidateCountry: string | undefined,
  candidateRegion: string | undefined,
  postingCountry: string | undefined,
  postingRegion: string | undefined,
  postingRemote: number,
): LocationReason {
  const countryMatch = candidateCountry && postingCountry ? (candidateCountry === postingCountry ? 1 : 0) : -1;
  const regionMatch = candidateRegion && postingRegion ? (candidateRegion === postingRegion ? 1 : 0) : -1;
  return locationReasonFromMatches(countryMatch, regionMatch, postingRemote);
}

/** countryMatch / regionMatch: 1 same, 0 different, −1 unknown on either side; postingRemote: a remote code. */
export function locationReasonFromMatches(countryMatch: number, regionMatch: number, postingRemote: number): LocationReason {
  if (countryMatch === 1) return 'SAME_COUNTRY';
  if (postingRemote === 2) return regionMatch === 1 ? 'REMOTE_IN_REGION' : regionMatch === 0 ? 'REMOTE_OUT_OF_REGION' : 'UNKNOWN';
  if (regionMatch === 0) return 'RELOCATION_OUT_OF_REGION';
  if (countryMatch === 0) return regionMatch === 1 ? 'RELOCATION_IN_REGION' : 'RELOCATION_OUT_OF_REGION';
  // One country missing: the same region may well be the same country.
  return 'UNKNOWN';
}

export function locationFit(reason: LocationReason): number {
  return LOCATION_SCORE[reason];
}

/** How well the posting's working mode suits the candidate's preference ('ANY' or missing fits all). */
export function remoteFit(preferenceCode: number, postingCode: number): number {
  return REMOTE_FIT[preferenceCode][postingCode];
}

/** 1 when the posting's role family is one the candidate wants, 0 when not, 0.5 when they named none. */
export function roleFamilyFit(desired: ReadonlySet<string>, roleFamily: string): number {
  if (desired.size === 0) return UNKNOWN;
  return desired.has(roleFamily) ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Feature rows
// ---------------------------------------------------------------------------------------------------------------

/** A posting as the feature code reads it; the vectorised scorer fills one of these per row from its columns. */
export interface PostingView {
  /** Deduplicated in-vocabulary skill ids live in skills[start … end). */
  skills: ArrayLike<number>;
  start: number;
  end: number;
  seniority: number;
  experienceYears: number;
  salaryMin: number;
  salaryMax: number;
  country: string | undefined;
  region: string | undefined;
  remote: number;
  roleFamily: string;
}

/**
 * Writes the FEATURE_COUNT features for one pair into out[offset …]. Both the single-pair path and the
 * 100k-posting scorer call this, so a score never depends on which path computed it.
 */
export function writeFeatures(c: PreparedCandidate, p: PostingView, ctx: MatchContext, out: Float64Array | Float32Array, offset: number): void {
  const idf = ctx.idf;
  const matchIdf = c.matchIdf;
  const best = c.bestSimilarity;
  let postingIdf = 0;
  let matchedIdf = 0;
  let relatedSum = 0;
  let unmatched = 0;
  for (let i = p.start; i < p.end; i++) {
    const s = p.skills[i];
    postingIdf += idf[s];
    const m = matchIdf[s];
    if (m > 0) {
      matchedIdf += m;
    } else {
      relatedSum += best[s];
      unmatched++;
    }
  }
  const skillCount = p.end - p.start;
  out[offset] = postingIdf > 0 ? matchedIdf / postingIdf : 0;
  out[offset + 1] = c.totalIdf > 0 ? matchedIdf / c.totalIdf : 0;
  out[offset + 2] = unmatched > 0 ? relatedSum / unmatched : skillCount > 0 ? 1 : 0;
  out[offset + 3] = seniorityFit(c.seniority, p.seniority);
  out[offset + 4] = experienceFit(p.experienceYears, c.years);
  out[offset + 5] = salaryFit(c.salary, p.salaryMin, p.salaryMax);
  out[offset + 6] = locationFit(locationReason(c.country, c.region, p.country, p.region, p.remote));
  out[offset + 7] = remoteFit(c.remotePreference, p.remote);
  out[offset + 8] = roleFamilyFit(c.desiredFamilies, p.roleFamily);
}

/** Deduplicated in-vocabulary skills of a posting, in its order (the order postings list them by importance). */
export function postingSkillsInVocab(skillIds: readonly number[], vocabSize: number): number[] {
  const out: number[] = [];
  for (const s of skillIds ?? []) if (Number.isInteger(s) && s >= 0 && s < vocabSize && !out.includes(s)) out.push(s);
  return out;
}

export function postingView(posting: PostingProfile, ctx: MatchContext): PostingView {
  const skills = postingSkillsInVocab(posting.skillIds, ctx.vocabSize);
  return {
    skills,
    start: 0,
    end: skills.length,
    seniority: seniorityOrdinal(posting.seniority),
    experienceYears: finiteOrNaN(posting.experienceYears),
    salaryMin: positiveOrNaN(posting.annualUsdMin),
    salaryMax: positiveOrNaN(posting.annualUsdMax),
    country: posting.country || undefined,
    region: posting.region || undefined,
    remote: remoteCode(posting.remoteType),
    roleFamily: posting.roleFamily,
  };
}

export function computeMatchFeatures(candidate: PreparedCandidate, posting: PostingProfile, ctx: MatchContext): MatchFeatures {
  const row = new Float64Array(FEATURE_COUNT);
  writeFeatures(candidate, postingView(posting, ctx), ctx, row, 0);
  return featureRecord(row);
}

export function featureRecord(row: ArrayLike<number>, offset = 0): MatchFeatures {
  const out = {} as MatchFeatures;
  FEATURE_NAMES.forEach((name, i) => (out[name] = row[offset + i]));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Explanations
// ---------------------------------------------------------------------------------------------------------------

export interface RelatedSkill {
  /** The candidate's skill … */
  have: number;
  /** … standing in for this posting skill. */
  for: number;
  similarity: number;
}

export interface MatchExplanation {
  features: MatchFeatures;
  /** Posting skills the candidate has. matched ∪ related.for ∪ missing = the posting's known skills. */
  matchedSkills: number[];
  /** Posting skills the candidate lacks but has a related skill for (cosine ≥ ctx.relatedThreshold). */
  relatedSkills: RelatedSkill[];
  missingSkills: number[];
  /** Posting skill ids outside the vocabulary (cannot be matched). */
  unknownPostingSkills: number[];
  salaryFit: { score: number; status: SalaryStatus; candidateAnnualUsd: number | null; postingMin: number | null; postingMax: number | null };
  locationFit: { score: number; reason: LocationReason; remoteScore: number };
  /** gap = posting level − candidate level in Seniority steps (positive: the role is more senior). */
  seniorityFit: { score: number; gap: number | null };
  /** gapYears = years asked − years the candidate has. */
  experienceFit: { score: number; gapYears: number | null };
  roleFamilyFit: { score: number; roleFamily: string };
}

export function explainMatch(c: PreparedCandidate, posting: PostingProfile, ctx: MatchContext): MatchExplanation {
  const view = postingView(posting, ctx);
  const row = new Float64Array(FEATURE_COUNT);
  writeFeatures(c, view, ctx, row, 0);
  const features = featureRecord(row);
  const matchedSkills: number[] = [];
  const relatedSkills: RelatedSkill[] = [];
  const missingSkills: number[] = [];
  for (const s of view.skills as number[]) {
    if (c.have[s] > 0) matchedSkills.push(s);
    else if (c.bestSource[s] >= 0 && c.bestSimilarity[s] >= ctx.relatedThreshold) {
      relatedSkills.push({ have: c.bestSource[s], for: s, similarity: round4(c.bestSimilarity[s]) });
    } else missingSkills.push(s);
  }
  const unknownPostingSkills = (posting.skillIds ?? []).filter((s) => !(Number.isInteger(s) && s >= 0 && s < ctx.vocabSize));
  const reason = locationReason(c.country, c.region, view.country, view.region, view.remote);
  return {
    features,
    matchedSkills,
    relatedSkills,
    missingSkills,
    unknownPostingSkills,
    salaryFit: {
      score: features.salaryFit,
      status: salaryStatus(c.salary, view.salaryMin, view.salaryMax),
      candidateAnnualUsd: nullIfNaN(c.salary),
      postingMin: nullIfNaN(view.salaryMin),
      postingMax: nullIfNaN(view.salaryMax),
    },
    locationFit: { score: features.locationFit, reason, remoteScore: features.remoteFit },
    seniorityFit: { score: features.seniorityFit, gap: c.seniority >= 0 && view.seniority >= 0 ? view.seniority - c.seniority : null },
    experienceFit: {
      score: features.experienceFit,
      gapYears: Number.isNaN(c.years) || Number.isNaN(view.experienceYears) ? null : round4(view.experienceYears - c.years),
    },
    roleFamilyFit: { score: features.roleFamilyFit, roleFamily: view.roleFamily },
  };
}

// ---------------------------------------------------------------------------------------------------------------

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

function finiteOrNaN(x: number | undefined | null): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : NaN;
}

function positiveOrNaN(x: number | undefined | null): number {
  return typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : NaN;
}

function nullIfNaN(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
