import { RemoteType, Seniority } from '../../common/market.enums';
import {
  CandidateProfile,
  FEATURE_COUNT,
  MatchContext,
  PostingProfile,
  postingSkillsInVocab,
  postingView,
  prepareCandidate,
  writeFeatures,
} from './match-features';
import { SeededRandom } from './seeded-random.util';
import type { TrainingSet } from './scoring-model';

/**
 * Weak labels for the match scorer (we have no recruiter feedback yet).
 *
 * Candidates are synthesised from postings: take a source posting, keep 50–70 % of its skills (drop 30–50 %),
 * add 1–2 skills related to a kept one (embedding neighbours that the posting does not list), and copy its
 * context with noise — experience ± N(0, 1.5) years, salary expectation × logN(0, 0.15), seniority moved one
 * step 25 % of the time, country/region kept 85 % of the time (else unknown), remote preference the posting's
 * mode or ANY, desired role families = [the posting's family]; some fields go missing, as on real profiles.
 *
 * Relevant postings for that candidate: the source and its near-duplicates (same role family, Jaccard skill
 * overlap ≥ 0.8). Negatives: random postings, plus hard negatives from the same role family whose skills differ
 * (Jaccard ≤ 0.5), so the scorer cannot win on role family alone. Near-duplicates are never used as negatives.
 *
 * Known limitation: the labels reward recovering the source posting, so they measure how well the scorer
 * combines partial skill evidence with context, not what recruiters would pick. Replace with click/hire
 * feedback when it exists; the evaluation harness stays the same.
 */
export interface WeakLabelOptions {
  seed?: number;
  dropFraction?: readonly [number, number];
  relatedSkills?: readonly [number, number];
  nearDuplicateJaccard?: number;
  hardNegativeMaxJaccard?: number;
  maxPositives?: number;
  randomNegatives?: number;
  hardNegatives?: number;
}

export interface WeakLabelQuery {
  /** Index of the source posting in the corpus. */
  sourceIndex: number;
  candidate: CandidateProfile;
  /** Corpus indices of relevant postings: the source first, then its near-duplicates. */
  relevant: number[];
}

const DEFAULTS = {
  seed: 1,
  dropFraction: [0.3, 0.5] as const,
  relatedSkills: [1, 2] as const,
  nearDuplicateJaccard: 0.8,
  hardNegativeMaxJaccard: 0.5,
  maxPositives: 5,
  randomNegatives: 6,
  hardNegatives: 6,
} satisfies Required<WeakLabelOptions>;

/** Typical years of experience per level, for candidates whose source posting states none. */
const TYPICAL_YEARS: Record<string, number> = {
  [Seniority.INTERN]: 0,
  [Seniority.ENTRY]: 1,
  [Seniority.MID]: 3,
  [Seniority.SENIOR]: 5.5,
  [Seniority.STAFF]: 8.5,
  [Seniority.LEAD]: 7.5,
  [Seniority.DIRECTOR]: 12,
};
const SENIORITY_ORDER = Object.values(Seniority);

/** Deduplicated, sorted skill sets and role-family buckets for fast Jaccard scans over a corpus. */
export class SkillSetCorpus {
  readonly sets: Int32Array[];
  readonly byFamily = new Map<string, number[]>();
  private readonly marker: Uint8Array;

  constructor(
    readonly postings: readonly PostingProfile[],
    vocabSize: number,
  ) {
    this.sets = postings.map((p) => Int32Array.from(postingSkillsInVocab(p.skillIds, vocabSize)).sort());
    postings.forEach((p, i) => {
      const bucket = this.byFamily.get(p.roleFamily);
      if (bucket) bucket.push(i);
      else this.byFamily.set(p.roleFamily, [i]);
    });
    this.marker = new Uint8Array(vocabSize);
  }

  jaccard(a: number, b: number): number {
    return jaccardSorted(this.sets[a], this.sets[b]);
  }

  /** The source and every posting of its role family with Jaccard ≥ threshold (source first). */
  nearDuplicates(source: number, threshold: number): number[] {
    const a = this.sets[source];
    const out = [source];
    if (a.length === 0) return out;
    for (const s of a) this.marker[s] = 1;
    const minLen = Math.ceil(a.length * threshold);
    const maxLen = Math.floor(a.length / threshold);
    for (const j of this.byFamily.get(this.postings[source].roleFamily) ?? []) {
      const b = this.sets[j];
      if (j === source || b.length < minLen || b.length > maxLen) continue;
      let inter = 0;
      for (let k = 0; k < b.length; k++) inter += this.marker[b[k]];
      if (inter / (a.length + b.length - inter) >= threshold) out.push(j);
    }
    for (const s of a) this.marker[s] = 0;
    return out;
  }
}

export function jaccardSorted(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      inter++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

/** A candidate derived from one posting by the scheme above. `relatedOf` lists a skill's neighbours, best first. */
export function sampleCandidateFromPosting(
  posting: PostingProfile,
  vocabSize: number,
  rng: SeededRandom,
  relatedOf: (skillId: number) => readonly number[],
  options: WeakLabelOptions = {},
): CandidateProfile {
  const opts = { ...DEFAULTS, ...options };
  const all = postingSkillsInVocab(posting.skillIds, vocabSize);
  const drop = opts.dropFraction[0] + rng.next() * (opts.dropFraction[1] - opts.dropFraction[0]);
  const kept = all.length === 0 ? [] : rng.shuffle([...all]).slice(0, Math.max(1, Math.round(all.length * (1 - drop))));
  const skills = [...kept];
  const extra = rng.int(opts.relatedSkills[0], opts.relatedSkills[1]);
  for (let added = 0, attempts = 0; added < extra && attempts < 10 && kept.length > 0; attempts++) {
    const options = relatedOf(rng.pick(kept)).filter((s) => !all.includes(s) && !skills.includes(s));
    if (options.length === 0) continue;
    skills.push(rng.pick(options));
    added++;
  }

  let seniorityIndex = posting.seniority ? SENIORITY_ORDER.indexOf(posting.seniority as Seniority) : -1;
  if (seniorityIndex >= 0 && rng.chance(0.25)) {
    seniorityIndex = Math.min(SENIORITY_ORDER.length - 1, Math.max(0, seniorityIndex + (rng.chance(0.5) ? 1 : -1)));
  }
  const baseYears = posting.experienceYears ?? (posting.seniority ? TYPICAL_YEARS[posting.seniority] : undefined);
  const years = baseYears === undefined || rng.chance(0.1) ? undefined : Math.max(0, Math.round((baseYears + rng.normal(0, 1.5)) * 2) / 2);
  const lo = posting.annualUsdMin ?? posting.annualUsdMax;
  const hi = posting.annualUsdMax ?? posting.annualUsdMin;
  const salary = lo === undefined || hi === undefined || rng.chance(0.15) ? undefined : Math.round(((lo + hi) / 2) * Math.exp(rng.normal(0, 0.15)));
  const keepLocation = rng.chance(0.85);
  return {
    skills: skills.map((skillId) => ({ skillId })),
    yearsExperience: years,
    seniority: seniorityIndex >= 0 && !rng.chance(0.1) ? SENIORITY_ORDER[seniorityIndex] : undefined,
    country: keepLocation ? posting.country : undefined,
    region: keepLocation ? posting.region : undefined,
    remotePreference: rng.chance(0.5) && posting.remoteType ? (posting.remoteType as RemoteType) : 'ANY',
    desiredRoleFamilies: [posting.roleFamily as CandidateProfile['desiredRoleFamilies'][number]],
    salaryAnnualUsd: salary,
  };
}

export function buildWeakLabelQueries(
  corpus: SkillSetCorpus,
  sourceIndices: readonly number[],
  vocabSize: number,
  relatedOf: (skillId: number) => readonly number[],
  options: WeakLabelOptions = {},
): WeakLabelQuery[] {
  const opts = { ...DEFAULTS, ...options };
  const rng = new SeededRandom(opts.seed);
  return sourceIndices.map((sourceIndex) => ({
    sourceIndex,
    candidate: sampleCandidateFromPosting(corpus.postings[sourceIndex], vocabSize, rng, relatedOf, opts),
    relevant: corpus.nearDuplicates(sourceIndex, opts.nearDuplicateJaccard),
  }));
}

/** Feature rows for each query's positives (capped), random negatives and hard negatives. */
export function buildTrainingSet(
  corpus: SkillSetCorpus,
  queries: readonly WeakLabelQuery[],
  ctx: MatchContext,
  options: WeakLabelOptions = {},
): TrainingSet & { positives: number; negatives: number } {
  const opts = { ...DEFAULTS, ...options };
  const rng = new SeededRandom(opts.seed ^ 0x5bd1e995);
  const rows: number[] = [];
  const labels: number[] = [];
  const row = new Float64Array(FEATURE_COUNT);
  const n = corpus.postings.length;
  for (const q of queries) {
    const prepared = prepareCandidate(q.candidate, ctx);
    const relevant = new Set(q.relevant);
    const pairs: Array<[number, number]> = q.relevant.slice(0, opts.maxPositives).map((i) => [i, 1]);
    const used = new Set(relevant);
    for (let k = 0, tries = 0; k < opts.randomNegatives && tries < opts.randomNegatives * 10; tries++) {
      const j = rng.int(0, n - 1);
      if (used.has(j)) continue;
      used.add(j);
      pairs.push([j, 0]);
      k++;
    }
    const family = corpus.byFamily.get(corpus.postings[q.sourceIndex].roleFamily) ?? [];
    for (let k = 0, tries = 0; k < opts.hardNegatives && tries < opts.hardNegatives * 20 && family.length > 1; tries++) {
      const j = rng.pick(family);
      if (used.has(j) || corpus.jaccard(q.sourceIndex, j) > opts.hardNegativeMaxJaccard) continue;
      used.add(j);
      pairs.push([j, 0]);
      k++;
    }
    for (const [j, label] of pairs) {
      writeFeatures(prepared, postingView(corpus.postings[j], ctx), ctx, row, 0);
      for (let f = 0; f < FEATURE_COUNT; f++) rows.push(row[f]);
      labels.push(label);
    }
  }
  const features = Float32Array.from(rows);
  const positives = labels.reduce((a, b) => a + b, 0);
  return { features, labels: Float32Array.from(labels), positives, negatives: labels.length - positives };
}
