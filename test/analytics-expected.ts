/**
 * Expected answers for the market analytics, computed in plain TypeScript from the stored rows.
 *
 * Deliberately independent of src/analytics: no SQL, no shared helpers. It encodes the documented contract
 * (filters are OR within a field and AND across fields, shares, growth against the equally long previous
 * period, lift, continuous percentiles) so the e2e tests compare two implementations of one definition.
 * Ties are broken as the API documents them: count descending, then key in byte order (test databases use
 * the C.UTF-8 collation).
 */

export interface StoredPosting {
  id: string;
  roleFamily: string;
  seniority: string | null;
  country: string | null;
  region: string | null;
  industry: string | null;
  remoteType: string | null;
  employmentType: string | null;
  companySize: string | null;
  /** YYYY-MM-DD */
  postedDate: string | null;
  annualUsdMid: number | null;
  salaryOutlier: boolean;
  skillIds: number[];
}

export interface StoredSurvey {
  id: string;
  year: number;
  experienceLevel: string | null;
  seniority: string | null;
  roleFamily: string;
  employmentType: string | null;
  country: string | null;
  region: string | null;
  industry: string | null;
  remoteType: string | null;
  companySize: string | null;
  annualUsd: number | null;
  salaryOutlier: boolean;
  education: string | null;
  satisfaction: number | null;
  gender: string | null;
  ageGroup: string | null;
  languages: string[];
  certifications: string[];
}

export interface Skill {
  id: number;
  name: string;
  category: string;
}

/** A MarketFilter with skills already resolved to ids. */
export interface ExpectedFilter {
  from?: string;
  to?: string;
  roleFamilies?: string[];
  seniorities?: string[];
  skillIds?: number[];
  skillMatch?: 'ALL' | 'ANY';
  countries?: string[];
  regions?: string[];
  industries?: string[];
  remoteTypes?: string[];
  employmentTypes?: string[];
  companySizes?: string[];
  includeOutliers?: boolean;
}

export interface Dataset {
  postings: StoredPosting[];
  surveys: StoredSurvey[];
  skills: Map<number, Skill>;
}

// ------------------------------------------------------------------------------------------------ primitives

/** Byte-order comparison (the C collation); null sorts last, as in an ascending Postgres ORDER BY. */
export function byteOrder(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * Continuous percentile, the definition of Postgres percentile_cont: over the n sorted values, the
 * position (n − 1)·p, linearly interpolated between the two closest ranks.
 */
export function percentileCont(sortedValues: number[], p: number): number | null {
  const n = sortedValues.length;
  if (n === 0) return null;
  const position = (n - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const below = sortedValues[lower];
  return below + (sortedValues[upper] - below) * (position - lower);
}

function ascending(values: number[]): number[] {
  return [...values].sort((x, y) => x - y);
}

function median(values: number[]): number | null {
  return percentileCont(ascending(values), 0.5);
}

/**
 * Jest asymmetric matcher for money: the API rounds to cents, so a figure is right when it is within half a
 * cent of the exact value (a strict closeTo(x, 2) would fail on exact half cents, which medians produce).
 */
export function cents(exact: number) {
  return {
    asymmetricMatch: (actual: unknown) => typeof actual === 'number' && Math.abs(actual - exact) <= 0.005 + 1e-9 * Math.abs(exact),
    toAsymmetricMatcher: () => `Cents(${exact})`,
  };
}

function countBy<T>(items: Iterable<T>, keyOf: (item: T) => Iterable<string | null>): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const item of items) for (const key of keyOf(item)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

const DAY = 86_400_000;

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY;
}

function isoOfDayNumber(day: number): string {
  const date = new Date(day * DAY);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The equally long period that ends the day before `from`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const start = dayNumber(from);
  const length = dayNumber(to) - start + 1;
  return { from: isoOfDayNumber(start - length), to: isoOfDayNumber(start - 1) };
}

// ------------------------------------------------------------------------------------------------ filters

function inList(value: string | null, list?: string[]): boolean {
  if (!list || list.length === 0) return true;
  return value !== null && list.includes(value);
}

/** Postings under the filter; `period` replaces the filter's own dates (the previous-period figures). */
export function filterPostings(postings: StoredPosting[], f: ExpectedFilter, period?: { from?: string; to?: string }): StoredPosting[] {
  const from = period ? period.from : f.from;
  const to = period ? period.to : f.to;
  const countries = f.countries?.map((c) => c.toUpperCase());
  const skills = f.skillIds ?? [];
  return postings.filter((p) => {
    if (from && (p.postedDate === null || p.postedDate < from)) return false;
    if (to && (p.postedDate === null || p.postedDate > to)) return false;
    if (!inList(p.roleFamily, f.roleFamilies)) return false;
    if (!inList(p.seniority, f.seniorities)) return false;
    if (!inList(p.country, countries)) return false;
    if (!inList(p.region, f.regions)) return false;
    if (!inList(p.industry, f.industries)) return false;
    if (!inList(p.remoteType, f.remoteTypes)) return false;
    if (!inList(p.employmentType, f.employmentTypes)) return false;
    if (!inList(p.companySize, f.companySizes)) return false;
    if (skills.length) {
      const has = (id: number) => p.skillIds.includes(id);
      if (f.skillMatch === 'ANY' ? !skills.some(has) : !skills.every(has)) return false;
    }
    return true;
  });
}

/** Survey rows have a year only: a date range keeps every year it touches. */
export function filterSurveys(surveys: StoredSurvey[], f: ExpectedFilter): StoredSurvey[] {
  const fromYear = f.from ? Number(f.from.slice(0, 4)) : -Infinity;
  const toYear = f.to ? Number(f.to.slice(0, 4)) : Infinity;
  const countries = f.countries?.map((c) => c.toUpperCase());
  return surveys.filter(
    (s) =>
      s.year >= fromYear &&
      s.year <= toYear &&
      inList(s.roleFamily, f.roleFamilies) &&
      inList(s.seniority, f.seniorities) &&
      inList(s.country, countries) &&
      inList(s.region, f.regions) &&
      inList(s.industry, f.industries) &&
      inList(s.remoteType, f.remoteTypes) &&
      inList(s.employmentType, f.employmentTypes) &&
      inList(s.companySize, f.companySizes),
  );
}

function postingSalary(p: StoredPosting, f: ExpectedFilter): number | null {
  if (p.annualUsdMid === null) return null;
  if (p.salaryOutlier && !f.includeOutliers) return null;
  return p.annualUsdMid;
}

function surveySalary(s: StoredSurvey, f: ExpectedFilter): number | null {
  if (s.annualUsd === null) return null;
  if (s.salaryOutlier && !f.includeOutliers) return null;
  return s.annualUsd;
}

// ------------------------------------------------------------------------------------------------ salary stats

export interface ExpectedSalaryStats {
  key: string;
  count: number;
  lowSample: boolean;
  mean: number;
  min: number;
  p10: number;
  p25: number;
  median: number;
  p75: number;
  p90: number;
  max: number;
}

const EXPERIENCE_OF_SENIORITY: Record<string, string> = {
  INTERN: 'ENTRY',
  ENTRY: 'ENTRY',
  MID: 'MID',
  SENIOR: 'SENIOR',
  STAFF: 'SENIOR',
  LEAD: 'SENIOR',
  DIRECTOR: 'EXECUTIVE',
};

/** Group keys of one posting for a salaryStats groupBy; SKILL gives one key per skill, as skill id text. */
function postingSalaryKeys(p: StoredPosting, groupBy: string): Array<string | null> {
  switch (groupBy) {
    case 'ROLE_FAMILY': return [p.roleFamily];
    case 'SENIORITY': return [p.seniority];
    case 'EXPERIENCE_LEVEL': return [p.seniority === null ? null : (EXPERIENCE_OF_SENIORITY[p.seniority] ?? null)];
    case 'COUNTRY': return [p.country];
    case 'REGION': return [p.region];
    case 'INDUSTRY': return [p.industry];
    case 'SKILL': return p.skillIds.map(String);
    case 'YEAR': return [p.postedDate === null ? null : p.postedDate.slice(0, 4)];
    case 'REMOTE': return [p.remoteType];
    case 'COMPANY_SIZE': return [p.companySize];
    case 'EMPLOYMENT_TYPE': return [p.employmentType];
    default: throw new Error(`no posting key for ${groupBy}`);
  }
}

function surveySalaryKey(s: StoredSurvey, groupBy: string): string | null {
  switch (groupBy) {
    case 'ROLE_FAMILY': return s.roleFamily;
    case 'SENIORITY': return s.seniority;
    case 'EXPERIENCE_LEVEL': return s.experienceLevel;
    case 'COUNTRY': return s.country;
    case 'REGION': return s.region;
    case 'INDUSTRY': return s.industry;
    case 'YEAR': return String(s.year);
    case 'REMOTE': return s.remoteType;
    case 'COMPANY_SIZE': return s.companySize;
    case 'EMPLOYMENT_TYPE': return s.employmentType;
    default: throw new Error(`no survey key for ${groupBy}`);
  }
}

/** Unrounded figures (the API rounds to cents): compare with a 0.005 tolerance. */
export function expectedSalaryStats(
  data: Dataset,
  f: ExpectedFilter,
  groupBy: string,
  source: 'POSTINGS' | 'SURVEY',
  minSample: number,
): ExpectedSalaryStats[] {
  const groups = new Map<string | null, number[]>();
  const add = (key: string | null, value: number) => {
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(value);
  };
  if (source === 'POSTINGS') {
    for (const p of filterPostings(data.postings, f)) {
      const salary = postingSalary(p, f);
      if (salary !== null) for (const key of postingSalaryKeys(p, groupBy)) add(key, salary);
    }
  } else {
    for (const s of filterSurveys(data.surveys, f)) {
      const salary = surveySalary(s, f);
      if (salary !== null) add(surveySalaryKey(s, groupBy), salary);
    }
  }
  return [...groups.entries()]
    .sort(([ka, va], [kb, vb]) => vb.length - va.length || byteOrder(ka, kb))
    .map(([key, values]) => {
      const sorted = ascending(values);
      const label = key === null ? 'UNKNOWN' : groupBy === 'SKILL' ? data.skills.get(Number(key))!.name : key;
      return {
        key: label,
        count: sorted.length,
        lowSample: sorted.length < minSample,
        mean: sorted.reduce((sum, v) => sum + v, 0) / sorted.length,
        min: sorted[0],
        p10: percentileCont(sorted, 0.1)!,
        p25: percentileCont(sorted, 0.25)!,
        median: percentileCont(sorted, 0.5)!,
        p75: percentileCont(sorted, 0.75)!,
        p90: percentileCont(sorted, 0.9)!,
        max: sorted[sorted.length - 1],
      };
    });
}

// ------------------------------------------------------------------------------------------------ trends

export interface ExpectedTrendSeries {
  key: string;
  total: number;
  points: Array<{ period: string; count: number; share: number }>;
}

function periodStart(isoDate: string, interval: string): string {
  const year = isoDate.slice(0, 4);
  const month = Number(isoDate.slice(5, 7));
  if (interval === 'YEAR') return `${year}-01-01`;
  if (interval === 'QUARTER') return `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  return `${year}-${isoDate.slice(5, 7)}-01`;
}

export function expectedPostingTrends(data: Dataset, f: ExpectedFilter, groupBy: 'SKILL' | 'ROLE_FAMILY', interval: string, limit: number): ExpectedTrendSeries[] {
  const dated = filterPostings(data.postings, f).filter((p) => p.postedDate !== null);
  const periodTotals = countBy(dated, (p) => [periodStart(p.postedDate!, interval)]);
  const keysOf = (p: StoredPosting): string[] => (groupBy === 'SKILL' ? p.skillIds.map(String) : [p.roleFamily]);
  const totals = countBy(dated, keysOf);
  const top = [...totals.entries()].sort(([ka, a], [kb, b]) => b - a || byteOrder(ka, kb)).slice(0, limit);
  const periods = [...periodTotals.keys()].map(String).sort();
  return top.map(([key, total]) => {
    const perPeriod = countBy(dated.filter((p) => keysOf(p).includes(key!)), (p) => [periodStart(p.postedDate!, interval)]);
    return {
      key: groupBy === 'SKILL' ? data.skills.get(Number(key))!.name : key!,
      total,
      points: periods.map((period) => {
        const count = perPeriod.get(period) ?? 0;
        return { period, count, share: count / periodTotals.get(period)! };
      }),
    };
  });
}

// ------------------------------------------------------------------------------------------------ skills

export interface ExpectedSkillDemand {
  skill: string;
  category: string;
  postings: number;
  share: number;
  growth: number | null;
  previousPostings: number;
  medianSalary: number | null;
  salaryPremium: number | null;
  salaryCount: number;
}

function salariesOf(postings: StoredPosting[], f: ExpectedFilter): number[] {
  return postings.map((p) => postingSalary(p, f)).filter((v): v is number => v !== null);
}

/** The filter's dates, else the first and last posting day under the filter. */
export function currentPeriod(data: Dataset, f: ExpectedFilter): { from?: string; to?: string } {
  if (f.from && f.to) return { from: f.from, to: f.to };
  const days = filterPostings(data.postings, f).map((p) => p.postedDate).filter((d): d is string => d !== null).sort();
  return { from: f.from ?? days[0], to: f.to ?? days[days.length - 1] };
}

/** withGrowth=false is compareRoles' form: no previous period, so growth null and previousPostings 0. */
export function expectedTopSkills(data: Dataset, f: ExpectedFilter, limit: number, withGrowth = true): ExpectedSkillDemand[] {
  const filtered = filterPostings(data.postings, f);
  const overallMedian = median(salariesOf(filtered, f));
  const bySkill = new Map<number, StoredPosting[]>();
  for (const p of filtered) {
    for (const id of p.skillIds) {
      if (!bySkill.has(id)) bySkill.set(id, []);
      bySkill.get(id)!.push(p);
    }
  }
  const top = [...bySkill.entries()].sort(([ia, a], [ib, b]) => b.length - a.length || ia - ib).slice(0, limit);

  let previousCounts = new Map<number, number>();
  const period = withGrowth ? currentPeriod(data, f) : {};
  if (period.from && period.to) {
    const previous = filterPostings(data.postings, f, previousPeriod(period.from, period.to));
    previousCounts = new Map([...countBy(previous, (p) => p.skillIds.map(String)).entries()].map(([k, n]) => [Number(k), n]));
  }

  return top.map(([id, postings]) => {
    const salaries = salariesOf(postings, f);
    const skillMedian = median(salaries);
    const previous = previousCounts.get(id) ?? 0;
    const skill = data.skills.get(id)!;
    return {
      skill: skill.name,
      category: skill.category,
      postings: postings.length,
      share: postings.length / filtered.length,
      growth: previous > 0 ? (postings.length - previous) / previous : null,
      previousPostings: previous,
      medianSalary: skillMedian,
      salaryPremium: skillMedian !== null && overallMedian ? skillMedian / overallMedian : null,
      salaryCount: salaries.length,
    };
  });
}

export function expectedSkillCooccurrence(data: Dataset, skillId: number, f: ExpectedFilter, limit: number) {
  const filtered = filterPostings(data.postings, f);
  const n = filtered.length;
  const withA = filtered.filter((p) => p.skillIds.includes(skillId));
  const withB = countBy(filtered, (p) => p.skillIds.map(String));
  const together = countBy(withA, (p) => p.skillIds.filter((id) => id !== skillId).map(String));
  return [...together.entries()]
    .map(([key, both]) => ({ id: Number(key), both }))
    .sort((x, y) => y.both - x.both || x.id - y.id)
    .slice(0, limit)
    .map(({ id, both }) => ({
      skill: data.skills.get(id)!.name,
      together: both,
      lift: (both * n) / (withA.length * withB.get(String(id))!),
    }));
}

// ------------------------------------------------------------------------------------------------ survey

const MULTI_VALUED = new Set(['LANGUAGE', 'CERTIFICATION']);

function surveyAnswers(s: StoredSurvey, dimension: string): string[] {
  const one = (v: string | number | null) => (v === null ? [] : [String(v)]);
  switch (dimension) {
    case 'INDUSTRY': return one(s.industry);
    case 'EXPERIENCE_LEVEL': return one(s.experienceLevel);
    case 'LANGUAGE': return [...new Set(s.languages)];
    case 'COUNTRY': return one(s.country);
    case 'REGION': return one(s.region);
    case 'EDUCATION': return one(s.education);
    case 'SATISFACTION': return one(s.satisfaction);
    case 'GENDER': return one(s.gender);
    case 'CERTIFICATION': return [...new Set(s.certifications)];
    case 'AGE_GROUP': return one(s.ageGroup);
    case 'COMPANY_SIZE': return one(s.companySize);
    case 'REMOTE': return one(s.remoteType);
    default: throw new Error(`unknown dimension ${dimension}`);
  }
}

/** Shares are of respondents who answered; a multi-valued answer counts each respondent once per value. */
export function expectedSurveyDistribution(data: Dataset, dimension: string, f: ExpectedFilter) {
  const respondents = filterSurveys(data.surveys, f);
  const answered = respondents.filter((s) => surveyAnswers(s, dimension).length > 0).length;
  const counts = countBy(respondents, (s) => surveyAnswers(s, dimension));
  return {
    multiValued: MULTI_VALUED.has(dimension),
    respondents: respondents.length,
    answered,
    buckets: [...counts.entries()]
      .sort(([ka, a], [kb, b]) => b - a || byteOrder(ka, kb))
      .map(([key, count]) => ({ key: key!, count, share: count / answered })),
  };
}

// ------------------------------------------------------------------------------------------------ roles, summary

export function expectedCompareRoles(data: Dataset, a: string, b: string, f: ExpectedFilter, limit: number) {
  const profile = (role: string) => {
    const rf: ExpectedFilter = { ...f, roleFamilies: [role] };
    const postings = filterPostings(data.postings, rf);
    const salaries = salariesOf(postings, rf);
    // Every skill the role's postings ask for: a skill outside one role's top list still has a share there.
    const skills = expectedTopSkills(data, rf, Infinity, false);
    return {
      roleFamily: role,
      postings: postings.length,
      medianSalary: median(salaries),
      salaryCount: salaries.length,
      topSkills: skills.slice(0, limit),
      shares: new Map(skills.map((s) => [s.skill, s.share])),
    };
  };
  const pa = profile(a);
  const pb = profile(b);
  const names = [...new Set([...pa.shares.keys(), ...pb.shares.keys()])];
  const distinguishingSkills = names
    .map((skill) => ({ skill, shareA: pa.shares.get(skill) ?? 0, shareB: pb.shares.get(skill) ?? 0 }))
    .map((c) => ({ ...c, difference: c.shareA - c.shareB }))
    .sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference) || x.skill.localeCompare(y.skill))
    .slice(0, limit);
  const strip = ({ shares: _shares, ...rest }: ReturnType<typeof profile>) => rest;
  return { a: strip(pa), b: strip(pb), distinguishingSkills };
}

export function expectedMarketSummary(data: Dataset, f: ExpectedFilter) {
  const current = filterPostings(data.postings, f);
  const salaries = salariesOf(current, f);
  const period = currentPeriod(data, f);
  const prevPeriod = period.from && period.to ? previousPeriod(period.from, period.to) : null;
  const previous = prevPeriod ? filterPostings(data.postings, f, prevPeriod) : [];
  const previousSalaries = salariesOf(previous, f);
  const regions = countBy(current, (p) => [p.region ?? 'UNKNOWN']);
  return {
    postings: current.length,
    previousPostings: previous.length,
    postingsChange: previous.length ? (current.length - previous.length) / previous.length : null,
    medianSalary: median(salaries),
    previousMedianSalary: median(previousSalaries),
    salaryCount: salaries.length,
    topSkills: expectedTopSkills(data, f, 5),
    topRegions: [...regions.entries()]
      .sort(([ka, a], [kb, b]) => b - a || byteOrder(ka, kb))
      .slice(0, 6)
      .map(([key, count]) => ({ key: key!, count, share: count / current.length })),
    from: period.from ?? null,
    to: period.to ?? null,
  };
}

// ------------------------------------------------------------------------------------------------ browsing

/** Ids newest first; undated postings last; ties by id descending. */
export function expectedPostingOrder(data: Dataset, f: ExpectedFilter): string[] {
  return filterPostings(data.postings, f)
    .map((p) => ({ id: p.id, date: p.postedDate ?? '0001-01-01' }))
    .sort((x, y) => byteOrder(y.date, x.date) || (BigInt(y.id) > BigInt(x.id) ? 1 : BigInt(y.id) < BigInt(x.id) ? -1 : 0))
    .map((p) => p.id);
}
