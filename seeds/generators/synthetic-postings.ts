/**
 * Deterministic synthetic job postings and salary-survey responses.
 *
 * Same options → same sequence, byte for byte: all randomness comes from one seeded Prng consumed in a fixed
 * order, nothing reads the clock or the locale, and nothing depends on `count` (the first N rows of a longer run
 * equal a run of N). Both generators are lazy, so callers can stream millions of rows in constant memory.
 */
import {
  ANNUALISATION_FACTORS,
  EducationLevel,
  EmploymentType,
  Industry,
  PayPeriod,
  RemoteType,
  RoleFamily,
  Seniority,
  WorldRegion,
} from '../../src/common/market.enums';
import {
  CANONICAL_SKILLS,
  CONTRACT_RATE_PREMIUM,
  COUNTRIES,
  CountryProfile,
  curveAt,
  DUPLICATE_RATE,
  EDUCATION_LABELS,
  EDUCATION_MISSING_RATE,
  EDUCATION_MIX,
  EMPLOYMENT_TYPE_LABELS,
  EMPLOYMENT_TYPE_MIX,
  EXPERIENCE_MISSING_RATE,
  EXPERIENCE_YEARS,
  EXPLICIT_SKILLS_RATE,
  HYBRID_SHARE_TREND,
  INDUSTRY_LABELS,
  INDUSTRY_MISSING_RATE,
  INDUSTRY_SHARES,
  MANAGER_SENIORITY_MIX,
  MIN_SKILLS_PER_POSTING,
  MONTH_SEASONALITY,
  monthNumber,
  POSTING_SALARY_SIGMA,
  PROFILE_FROM,
  PROFILE_TO,
  REGION_SHARES,
  REMOTE_SHARE_TREND,
  ROLE_FAMILY_MIX,
  ROLE_FAMILY_TRENDS,
  ROLE_SALARY_FACTOR,
  SALARY_GROWTH_PER_YEAR,
  SALARY_MISSING_RATE,
  SALARY_RANGE_HALF_WIDTH,
  SALARY_SINGLE_VALUE_RATE,
  SALARY_USD_BY_SENIORITY,
  SENIORITY_MIX,
  SKILL_CO_OCCURRENCE,
  SKILL_DEMAND,
  SKILL_TRENDS,
  SkillName,
  SURVEY_AGE_BY_EXPERIENCE,
  SURVEY_AGE_GROUPS,
  SURVEY_CERTIFICATIONS,
  SURVEY_COMPANY_SIZE_MIX,
  SURVEY_COUNTRIES,
  SURVEY_EDUCATION_MIX,
  SURVEY_EMPLOYMENT_MIX,
  SURVEY_EXPERIENCE_MIX,
  SURVEY_FOREIGN_RESIDENCE_RATE,
  SURVEY_GENDER_MIX,
  SURVEY_INDUSTRY_LABELS,
  SURVEY_LANGUAGE_SHARES,
  SURVEY_MEDIAN_CALIBRATION,
  SURVEY_NO_CERTIFICATION_RATE,
  SURVEY_OPTIONAL_MISSING_RATE,
  SURVEY_REMOTE_RATIO_BY_YEAR,
  SURVEY_SALARY_SIGMA,
  SURVEY_SALARY_USD_RANGE,
  SURVEY_SATISFACTION_MIX,
  SURVEY_TITLES,
  SURVEY_TWO_CERTIFICATIONS_RATE,
  SURVEY_US_MEDIAN_USD,
  SURVEY_YEAR_MIX,
  SurveyExperienceCode,
  VOLUME_TREND,
  WEEKEND_REDRAW_CHANCE,
} from './market-profile';
import { buildDescription, buildTitle, companyName, TITLE_SKILL_MARKERS } from './posting-text';
import { Prng, WeightedTable } from './prng';

// ---------------------------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------------------------

export interface GeneratePostingsOptions {
  count: number;
  seed: number;
  /**
   * First row to produce (default 0). Rows depend only on (seed, window, row number), so a run from `offset`
   * yields exactly rows offset … offset+count-1 of the unsharded run: this is how the writer parallelises.
   */
  offset?: number;
  /** First posting day, 'YYYY-MM-DD' or 'YYYY-MM' (default 2019-01-01). */
  from?: string;
  /** Last posting day, inclusive; 'YYYY-MM' means the end of that month (default 2025-12-31). */
  to?: string;
}

export interface PostingSalary {
  /** Equal to max for single-figure salaries. */
  min: number;
  max: number;
  currency: string;
  period: PayPeriod;
  /** Midpoint converted to USD per year before rounding: the value the calibration targets. */
  annualUsd: number;
}

/** What the raw text encodes, for calibration tests and normaliser benchmarks. Not written to files. */
export interface PostingTruth {
  roleFamily: RoleFamily;
  seniority: Seniority;
  industry: Industry;
  region: WorldRegion;
  /** ISO 3166-1 alpha-2. */
  country: string;
  city: string;
  /** State or province code where one is customary (US, CA, AU, IN, BR). */
  regionCode: string | undefined;
  remoteType: RemoteType;
  employmentType: EmploymentType;
  education: EducationLevel | undefined;
  /** Every skill the description mentions, most characteristic for the role first. */
  skills: SkillName[];
  salary: PostingSalary | undefined;
  /** True when this row re-emits an earlier posting unchanged. */
  duplicate: boolean;
}

export type RemoteLabel = 'Remote' | 'Hybrid' | 'On-site';

export interface SyntheticPosting {
  sourceId: string;
  title: string;
  company: string;
  industry: string;
  location: string;
  remote: RemoteLabel;
  employmentType: string;
  /** Empty when the posting does not disclose pay. */
  salaryText: string;
  postedAt: string;
  description: string;
  /** Explicit comma-separated skills field; empty on about half the rows. */
  skills: string;
  education: string;
  experience: string;
  truth: PostingTruth;
}

export interface GenerateSurveyOptions {
  count: number;
  seed: number;
}

/** aijobs.net salaries.csv columns, then the optional extra columns (undefined = blank cell). */
export interface SyntheticSurvey {
  work_year: number;
  experience_level: SurveyExperienceCode;
  employment_type: keyof typeof SURVEY_EMPLOYMENT_MIX;
  job_title: string;
  salary: number;
  salary_currency: string;
  salary_in_usd: number;
  employee_residence: string;
  remote_ratio: 0 | 50 | 100;
  company_location: string;
  company_size: keyof typeof SURVEY_COMPANY_SIZE_MIX;
  industry?: string;
  education?: string;
  satisfaction?: number;
  gender?: string;
  age_group?: string;
  /** Semicolon-separated. */
  languages?: string;
  /** Semicolon-separated; often empty. */
  certifications?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared, seed-independent tables
// ---------------------------------------------------------------------------------------------------------------

const SKILL_COUNT = CANONICAL_SKILLS.length;
const SKILL_INDEX = new Map<SkillName, number>(CANONICAL_SKILLS.map((s, i) => [s, i]));
const skillIndex = (s: SkillName): number => SKILL_INDEX.get(s) as number;

const ROLE_FAMILIES = Object.values(RoleFamily);
const SENIORITY_TABLE = WeightedTable.fromRecord(SENIORITY_MIX);
const MANAGER_SENIORITY_TABLE = WeightedTable.fromRecord(MANAGER_SENIORITY_MIX);
const INDUSTRY_TABLE = WeightedTable.fromRecord(INDUSTRY_SHARES);
const REGION_TABLE = WeightedTable.fromRecord(REGION_SHARES);
const EMPLOYMENT_TABLE = WeightedTable.fromRecord(EMPLOYMENT_TYPE_MIX);
const EDUCATION_TABLES = mapRecord(EDUCATION_MIX, (mix) => WeightedTable.fromRecord(mix));

const COUNTRIES_BY_REGION: Readonly<Record<WorldRegion, WeightedTable<string>>> = (() => {
  const out = {} as Record<WorldRegion, WeightedTable<string>>;
  for (const region of Object.values(WorldRegion)) {
    const codes = Object.keys(COUNTRIES).filter((c) => COUNTRIES[c].region === region);
    out[region] = new WeightedTable(codes, codes.map((c) => COUNTRIES[c].weight));
  }
  return out;
})();
const CITY_TABLES = new Map<string, WeightedTable<number>>(
  Object.entries(COUNTRIES).map(([code, c]) => [code, new WeightedTable(c.cities.map((_, i) => i), c.cities.map((city) => city[2]))]),
);

/** Per family: skill indices with non-zero demand, and every skill ordered most-characteristic first. */
const FAMILY_SKILLS = mapRecord(SKILL_DEMAND, (demand) => {
  const entries = (Object.keys(demand) as SkillName[]).map((s) => [skillIndex(s), demand[s] as number] as const);
  entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const ranked = entries.map((e) => e[0]);
  const rest = CANONICAL_SKILLS.map((_, i) => i).filter((i) => !ranked.includes(i));
  return { candidates: Int32Array.from(entries.map((e) => e[0])), order: Int32Array.from([...ranked, ...rest]) };
});
const CO_TRIGGER = Int32Array.from(SKILL_CO_OCCURRENCE, (rule) => skillIndex(rule[0]));
const CO_TARGET = Int32Array.from(SKILL_CO_OCCURRENCE, (rule) => skillIndex(rule[1]));
const CO_PROBABILITY = Float64Array.from(SKILL_CO_OCCURRENCE, (rule) => rule[2]);
const TITLE_MARKERS = TITLE_SKILL_MARKERS.map(([marker, skill]) => [marker, skillIndex(skill)] as const);
const REQUIRED_SKILL_SHARE = 0.65;
const DUPLICATE_WINDOW = 1000;

// ---------------------------------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------------------------------

interface MonthPlan {
  month: number;
  /** 'YYYY-MM-DD' for each day of the month inside the window, and whether it is a weekend. */
  days: string[];
  weekend: boolean[];
  roles: WeightedTable<RoleFamily>;
  /** Per family, demand probability by skill index at this month. */
  skillProbs: Readonly<Record<RoleFamily, Float64Array>>;
  remoteShare: number;
  hybridShare: number;
  salaryTrend: number;
}

const DAY_MS = 86_400_000;

function parseDay(value: string, endOfMonth: boolean): number {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!match) throw new RangeError(`Expected YYYY-MM or YYYY-MM-DD, got "${value}"`);
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  if (match[3] !== undefined) return Date.UTC(year, month, Number(match[3])) / DAY_MS;
  return endOfMonth ? Date.UTC(year, month + 1, 0) / DAY_MS : Date.UTC(year, month, 1) / DAY_MS;
}

function isoDay(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

function planMonths(from: string, to: string): { plans: MonthPlan[]; table: WeightedTable<number> } {
  const firstDay = parseDay(from, false);
  const lastDay = parseDay(to, true);
  if (!(firstDay <= lastDay)) throw new RangeError(`Empty date window: ${from} .. ${to}`);
  const plans: MonthPlan[] = [];
  const weights: number[] = [];
  for (let m = monthNumber(isoDay(firstDay)); m <= monthNumber(isoDay(lastDay)); m++) {
    const year = Math.floor(m / 12);
    const monthStart = Date.UTC(year, m % 12, 1) / DAY_MS;
    const monthEnd = Date.UTC(year, (m % 12) + 1, 0) / DAY_MS;
    const days: string[] = [];
    const weekend: boolean[] = [];
    for (let d = Math.max(monthStart, firstDay); d <= Math.min(monthEnd, lastDay); d++) {
      days.push(isoDay(d));
      const weekday = new Date(d * DAY_MS).getUTCDay();
      weekend.push(weekday === 0 || weekday === 6);
    }
    const roleWeights = ROLE_FAMILIES.map((f) => roleWeight(f, m));
    const skillProbs = {} as Record<RoleFamily, Float64Array>;
    for (const family of ROLE_FAMILIES) {
      const probs = new Float64Array(SKILL_COUNT);
      const demand = SKILL_DEMAND[family];
      for (const skill of Object.keys(demand) as SkillName[]) {
        const trend = SKILL_TRENDS[skill];
        probs[skillIndex(skill)] = Math.min(0.98, (demand[skill] as number) * (trend ? curveAt(trend, m) : 1));
      }
      skillProbs[family] = probs;
    }
    plans.push({
      month: m,
      days,
      weekend,
      roles: new WeightedTable(ROLE_FAMILIES, roleWeights),
      skillProbs,
      remoteShare: curveAt(REMOTE_SHARE_TREND, m),
      hybridShare: curveAt(HYBRID_SHARE_TREND, m),
      salaryTrend: 1 + SALARY_GROWTH_PER_YEAR * ((m - monthNumber('2024-07')) / 12),
    });
    const daysInMonth = monthEnd - monthStart + 1;
    weights.push(curveAt(VOLUME_TREND, m) * MONTH_SEASONALITY[m % 12] * (days.length / daysInMonth));
  }
  return { plans, table: new WeightedTable(plans.map((_, i) => i), weights) };
}

function roleWeight(family: RoleFamily, month: number): number {
  const trend = ROLE_FAMILY_TRENDS[family];
  return ROLE_FAMILY_MIX[family] * (trend ? curveAt(trend, month) : 1);
}

/** Expected role-family shares for a month, as the generator uses them (for calibration tests). */
export function roleFamilyWeightsAt(month: number): Record<RoleFamily, number> {
  const weights = ROLE_FAMILIES.map((f) => roleWeight(f, month));
  const total = weights.reduce((a, b) => a + b, 0);
  const out = {} as Record<RoleFamily, number>;
  ROLE_FAMILIES.forEach((f, i) => (out[f] = weights[i] / total));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Companies (one pool for every seed, so names are stable across datasets)
// ---------------------------------------------------------------------------------------------------------------

interface CompanyPool {
  names: string[];
  labels: string[];
  table: WeightedTable<number>;
}

const COMPANY_POOL_SEED = 0x5eed_c0de;
const COMPANY_POOL_SIZE = 3000;
const MIN_COMPANIES_PER_INDUSTRY = 30;
/** Zipf exponent for how often a company posts: a few big employers, a long tail (assumption). */
const COMPANY_ZIPF_EXPONENT = 0.9;
let companyPools: Readonly<Record<Industry, CompanyPool>> | undefined;

function companyPoolFor(industry: Industry): CompanyPool {
  companyPools ??= buildCompanyPools();
  return companyPools[industry];
}

function buildCompanyPools(): Record<Industry, CompanyPool> {
  const prng = new Prng(COMPANY_POOL_SEED);
  const used = new Set<string>();
  const pools = {} as Record<Industry, CompanyPool>;
  const totalShare = Object.values(INDUSTRY_SHARES).reduce((a, b) => a + b, 0);
  for (const industry of Object.values(Industry)) {
    const size = Math.max(MIN_COMPANIES_PER_INDUSTRY, Math.round((COMPANY_POOL_SIZE * INDUSTRY_SHARES[industry]) / totalShare));
    const names: string[] = [];
    const labels: string[] = [];
    for (let attempt = 0; names.length < size && attempt < size * 50; attempt++) {
      const name = companyName(prng, industry);
      if (used.has(name)) continue;
      used.add(name);
      names.push(name);
      labels.push(prng.pick(INDUSTRY_LABELS[industry]));
    }
    const weights = names.map((_, rank) => 1 / Math.pow(rank + 1, COMPANY_ZIPF_EXPONENT));
    pools[industry] = { names, labels, table: new WeightedTable(names.map((_, i) => i), weights) };
  }
  return pools;
}

// ---------------------------------------------------------------------------------------------------------------
// Postings
// ---------------------------------------------------------------------------------------------------------------

/** Salt that keeps the duplicate-slot stream apart from the row streams. */
const DUPLICATE_STREAM_SALT = 0x6a09e667;

export function* generatePostings(opts: GeneratePostingsOptions): Generator<SyntheticPosting> {
  const offset = opts.offset ?? 0;
  if (!Number.isSafeInteger(opts.count) || opts.count < 0) throw new RangeError(`count must be a non-negative integer, got ${opts.count}`);
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`offset must be a non-negative integer, got ${offset}`);
  const { plans, table: monthTable } = planMonths(opts.from ?? PROFILE_FROM, opts.to ?? PROFILE_TO);
  const rowPrng = new Prng(opts.seed);
  const slotPrng = new Prng(opts.seed);
  const flags = new Uint8Array(SKILL_COUNT);
  for (let slot = offset; slot < offset + opts.count; slot++) {
    const origin = originalSlot(slotPrng, opts.seed, slot);
    // Each row draws from its own stream, so a duplicate is regenerated rather than kept in memory.
    rowPrng.reseed(opts.seed, origin);
    const posting = makePosting(rowPrng, plans[rowPrng.sample(monthTable)], flags, `syn-${opts.seed}-${origin}`);
    if (origin !== slot) posting.truth.duplicate = true;
    yield posting;
  }
}

/**
 * The slot whose posting this slot shows: itself, or with probability DUPLICATE_RATE an earlier slot within
 * DUPLICATE_WINDOW (followed back if that one is a duplicate too).
 */
function originalSlot(prng: Prng, seed: number, slot: number): number {
  let current = slot;
  for (;;) {
    if (current === 0) return 0;
    prng.reseed(seed ^ DUPLICATE_STREAM_SALT, current);
    if (!prng.chance(DUPLICATE_RATE)) return current;
    current -= prng.int(1, Math.min(current, DUPLICATE_WINDOW));
  }
}

function makePosting(prng: Prng, plan: MonthPlan, flags: Uint8Array, sourceId: string): SyntheticPosting {
  let dayIndex = prng.int(0, plan.days.length - 1);
  if (plan.weekend[dayIndex] && prng.chance(WEEKEND_REDRAW_CHANCE)) dayIndex = prng.int(0, plan.days.length - 1);

  const family = prng.sample(plan.roles);
  const seniority = prng.sample(family === RoleFamily.DATA_MANAGER ? MANAGER_SENIORITY_TABLE : SENIORITY_TABLE);
  const industry = prng.sample(INDUSTRY_TABLE);
  const pool = companyPoolFor(industry);
  const companyIndex = prng.sample(pool.table);
  const region = prng.sample(REGION_TABLE);
  const countryCode = prng.sample(COUNTRIES_BY_REGION[region]);
  const country = COUNTRIES[countryCode];
  const cityProfile = country.cities[prng.sample(CITY_TABLES.get(countryCode) as WeightedTable<number>)];
  const city = cityProfile[0];
  const regionCode = cityProfile[1];
  const employmentType = seniority === Seniority.INTERN ? EmploymentType.INTERNSHIP : prng.sample(EMPLOYMENT_TABLE);
  const u = prng.next();
  const remoteType = u < plan.remoteShare ? RemoteType.REMOTE : u < plan.remoteShare + plan.hybridShare ? RemoteType.HYBRID : RemoteType.ONSITE;

  const { title, impliedSkill } = buildTitle(prng, family, seniority, plan.month, remoteType);
  const skills = sampleSkills(prng, plan, family, title, impliedSkill, flags);

  let salary: PostingSalary | undefined;
  let salaryText = '';
  if (!prng.chance(SALARY_MISSING_RATE)) {
    const annualUsd =
      SALARY_USD_BY_SENIORITY[region][seniority] * country.salaryFactor * cityProfile[3] * ROLE_SALARY_FACTOR[family] *
      plan.salaryTrend * prng.logNormal(1, POSTING_SALARY_SIGMA);
    salary = makeSalary(prng, annualUsd, country, employmentType);
    salaryText = formatSalaryText(prng, salary, country);
  }

  const education = prng.chance(EDUCATION_MISSING_RATE) ? undefined : prng.sample(EDUCATION_TABLES[family]);
  const educationText = education ? prng.pick(EDUCATION_LABELS[education] as readonly string[]) : '';
  const [minYears, maxYears] = EXPERIENCE_YEARS[seniority];
  const experience = seniority === Seniority.INTERN || prng.chance(EXPERIENCE_MISSING_RATE) ? '' : experienceText(prng, minYears, maxYears);

  const requiredCount = Math.max(1, Math.ceil(skills.length * REQUIRED_SKILL_SHARE));
  const description = buildDescription(prng, {
    company: pool.names[companyIndex],
    title,
    family,
    industry,
    seniority,
    city,
    countryName: country.name,
    remote: remoteType,
    requiredSkills: skills.slice(0, requiredCount),
    niceSkills: skills.slice(requiredCount),
    minYears,
    education: educationText || undefined,
    salaryText: salaryText || undefined,
  });

  return {
    sourceId,
    title,
    company: pool.names[companyIndex],
    industry: prng.chance(INDUSTRY_MISSING_RATE) ? '' : pool.labels[companyIndex],
    location: locationText(prng, country, countryCode, city, regionCode, remoteType),
    remote: remoteType === RemoteType.REMOTE ? 'Remote' : remoteType === RemoteType.HYBRID ? 'Hybrid' : 'On-site',
    employmentType: EMPLOYMENT_TYPE_LABELS[employmentType],
    salaryText,
    postedAt: plan.days[dayIndex],
    description,
    skills: prng.chance(EXPLICIT_SKILLS_RATE) ? skills.join(', ') : '',
    education: educationText,
    experience,
    truth: {
      roleFamily: family,
      seniority,
      industry,
      region,
      country: countryCode,
      city,
      regionCode,
      remoteType,
      employmentType,
      education,
      skills,
      salary,
      duplicate: false,
    },
  };
}

function sampleSkills(
  prng: Prng,
  plan: MonthPlan,
  family: RoleFamily,
  title: string,
  impliedSkill: SkillName | undefined,
  flags: Uint8Array,
): SkillName[] {
  flags.fill(0);
  const probs = plan.skillProbs[family];
  const { candidates, order } = FAMILY_SKILLS[family];
  for (let i = 0; i < candidates.length; i++) {
    const s = candidates[i];
    if (prng.next() < probs[s]) flags[s] = 1;
  }
  for (let i = 0; i < TITLE_MARKERS.length; i++) if (title.includes(TITLE_MARKERS[i][0])) flags[TITLE_MARKERS[i][1]] = 1;
  if (impliedSkill) flags[skillIndex(impliedSkill)] = 1;
  for (let i = 0; i < CO_TRIGGER.length; i++) {
    if (flags[CO_TRIGGER[i]] === 1 && flags[CO_TARGET[i]] === 0 && prng.next() < CO_PROBABILITY[i]) flags[CO_TARGET[i]] = 1;
  }
  let count = 0;
  for (let i = 0; i < SKILL_COUNT; i++) count += flags[i];
  // Top up thin postings with the family's staple skills (skipping ones the month makes unavailable).
  for (let i = 0; count < MIN_SKILLS_PER_POSTING && i < candidates.length; i++) {
    const s = candidates[i];
    if (flags[s] === 0 && probs[s] >= 0.05) {
      flags[s] = 1;
      count++;
    }
  }
  const out: SkillName[] = [];
  for (let i = 0; i < order.length; i++) if (flags[order[i]] === 1) out.push(CANONICAL_SKILLS[order[i]]);
  return out;
}

function experienceText(prng: Prng, min: number, max: number): string {
  const years = prng.int(Math.max(1, min), Math.max(1, max));
  const u = prng.next();
  if (u < 0.65) return `${years}+ years`;
  if (u < 0.85) return `${years}-${years + prng.int(2, 3)} years`;
  if (u < 0.95) return `At least ${years} years`;
  return `${years}+ yrs`;
}

// ---------------------------------------------------------------------------------------------------------------
// Location text
// ---------------------------------------------------------------------------------------------------------------

/** Countries whose locations are written "City, ST" with a state/province code. */
const CODED_REGIONS = new Set(['US', 'CA', 'AU']);

function locationText(
  prng: Prng,
  country: CountryProfile,
  countryCode: string,
  city: string,
  regionCode: string | undefined,
  remote: RemoteType,
): string {
  if (remote === RemoteType.REMOTE) {
    const u = prng.next();
    if (u < 0.6) return `Remote - ${country.shortName}`;
    if (u < 0.7) return 'Remote';
    if (u < 0.8) return `${country.name} (Remote)`;
    // Remote posting that still names the hiring office.
  }
  if (city === country.name) return city; // Singapore
  const u = prng.next();
  if (CODED_REGIONS.has(countryCode) && regionCode) {
    if (u < 0.7) return `${city}, ${regionCode}`;
    // "CA" would read as California, so only the US gets its ISO code spelled out.
    if (u < 0.85) return `${city}, ${regionCode}, ${countryCode === 'US' ? 'US' : country.name}`;
    return `${city}, ${regionCode}, ${country.name}`;
  }
  if (u < 0.8) return `${city}, ${country.name}`;
  return `${city}, ${country.shortName}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Salary
// ---------------------------------------------------------------------------------------------------------------

function makeSalary(prng: Prng, annualUsd: number, country: CountryProfile, employmentType: EmploymentType): PostingSalary {
  let period = PayPeriod.YEAR;
  let premium = 1;
  switch (employmentType) {
    case EmploymentType.CONTRACT:
    case EmploymentType.FREELANCE:
    case EmploymentType.TEMPORARY:
      premium = CONTRACT_RATE_PREMIUM;
      if (prng.chance(0.65)) period = country.contractUnit;
      break;
    case EmploymentType.PART_TIME:
      if (prng.chance(0.7)) period = PayPeriod.HOUR;
      break;
    case EmploymentType.INTERNSHIP:
      if (prng.chance(0.7)) period = country.monthlyPayShare > 0 || country.region === WorldRegion.EUROPE ? PayPeriod.MONTH : PayPeriod.HOUR;
      break;
    case EmploymentType.FULL_TIME:
      if (prng.chance(country.monthlyPayShare)) period = PayPeriod.MONTH;
      break;
  }
  const mid = (annualUsd * premium * country.fxPerUsd) / ANNUALISATION_FACTORS[period];
  let min: number;
  let max: number;
  if (prng.chance(SALARY_SINGLE_VALUE_RATE)) {
    min = max = roundPay(mid, period);
  } else {
    const halfWidth = prng.float(SALARY_RANGE_HALF_WIDTH[0], SALARY_RANGE_HALF_WIDTH[1]);
    min = roundPay(mid * (1 - halfWidth), period);
    max = roundPay(mid * (1 + halfWidth), period);
    if (max <= min) max = min + payStep(min, period);
  }
  return { min, max, currency: country.currency, period, annualUsd: Math.round(annualUsd * premium) };
}

/** Rounding step advertisers use: whole thousands for yearly pay, two significant figures otherwise. */
function payStep(x: number, period: PayPeriod): number {
  const twoSignificant = Math.pow(10, Math.max(0, Math.floor(Math.log10(x)) - 1));
  switch (period) {
    case PayPeriod.YEAR:
      return Math.max(1000, Math.pow(10, Math.floor(Math.log10(x)) - 2));
    case PayPeriod.HOUR:
      return x < 200 ? 1 : twoSignificant;
    case PayPeriod.DAY:
      return x < 2000 ? 25 : twoSignificant;
    default:
      return Math.max(10, twoSignificant);
  }
}

function roundPay(x: number, period: PayPeriod): number {
  const step = payStep(x, period);
  return Math.max(step, Math.round(x / step) * step);
}

function group(n: number, separator: string): string {
  const digits = String(n);
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

const PERIOD_SUFFIXES: Readonly<Record<PayPeriod, readonly string[]>> = {
  [PayPeriod.YEAR]: ['', '', ' a year', ' per year', ' per annum', ' annually', ' /yr'],
  [PayPeriod.MONTH]: [' per month', ' a month', ' /month'],
  [PayPeriod.WEEK]: [' per week', ' a week'],
  [PayPeriod.DAY]: [' per day', ' a day', ' /day'],
  [PayPeriod.HOUR]: [' per hour', ' an hour', ' /hr'],
};
// No R$ for BRL: a bare "R" next to a number would read as the R language to a skill extractor.
const SYMBOLS: Readonly<Record<string, string>> = { SGD: 'S$', AUD: 'A$', NZD: 'NZ$', MXN: 'MX$' };
const DASHES = ['-', ' - ', ' – ', '–'];

/** Renders a salary in one of the shapes job boards use. Every shape names the currency and, unless yearly, the period. */
function formatSalaryText(prng: Prng, salary: PostingSalary, country: CountryProfile): string {
  const { min, max, currency, period } = salary;
  const single = min === max;
  const dash = prng.pick(DASHES);
  const suffix = prng.pick(PERIOD_SUFFIXES[period]);
  const yearlyThousands = period === PayPeriod.YEAR && min % 1000 === 0 && max % 1000 === 0 && max < 1_000_000;
  const range = (a: string, b: string): string => (single ? b : a + dash + b);
  const u = prng.next();
  switch (country.salaryStyle) {
    case 'USD':
      if (yearlyThousands && u < 0.4) return range(`$${min / 1000}K`, `$${max / 1000}K`) + (u < 0.3 ? '' : suffix);
      if (u < 0.85) return range(`$${group(min, ',')}`, `$${group(max, ',')}`) + suffix;
      return `USD ${range(group(min, ','), group(max, ','))}${suffix}`;
    case 'CAD':
      if (yearlyThousands && u < 0.3) return `${range(`$${min / 1000}K`, `$${max / 1000}K`)} CAD${suffix}`;
      if (u < 0.7) return range(`CA$${group(min, ',')}`, `CA$${group(max, ',')}`) + suffix;
      return `CAD ${range(group(min, ','), group(max, ','))}${suffix}`;
    case 'GBP':
      if (yearlyThousands && u < 0.4) return range(`£${min / 1000}k`, `£${max / 1000}k`) + (u < 0.3 ? '' : suffix);
      if (u < 0.9) return range(`£${group(min, ',')}`, `£${group(max, ',')}`) + suffix;
      return `GBP ${range(group(min, ','), group(max, ','))}${suffix}`;
    case 'EUR_DOT':
      if (yearlyThousands && u < 0.25) return range(`€${min / 1000}k`, `€${max / 1000}k`) + suffix;
      if (u < 0.7) return range(`€${group(min, '.')}`, `€${group(max, '.')}`) + suffix;
      return `${range(group(min, '.'), group(max, '.'))} EUR${suffix}`;
    case 'EUR_SPACE':
      if (yearlyThousands && u < 0.25) return range(`€${min / 1000}k`, `€${max / 1000}k`) + suffix;
      if (u < 0.7) return `${range(`${group(min, ' ')} €`, `${group(max, ' ')} €`)}${suffix}`;
      return `${range(group(min, ' '), group(max, ' '))} EUR${suffix}`;
    case 'EUR_COMMA':
      if (yearlyThousands && u < 0.3) return range(`€${min / 1000}k`, `€${max / 1000}k`) + suffix;
      return range(`€${group(min, ',')}`, `€${group(max, ',')}`) + suffix;
    case 'INR':
      if (u < 0.7) return `INR ${range(group(min, ','), group(max, ','))}${suffix}`;
      return range(`₹${group(min, ',')}`, `₹${group(max, ',')}`) + suffix;
    case 'JPY':
      if (u < 0.6) return range(`¥${group(min, ',')}`, `¥${group(max, ',')}`) + suffix;
      return `JPY ${range(group(min, ','), group(max, ','))}${suffix}`;
    case 'CODE': {
      const symbol = SYMBOLS[currency];
      if (symbol && u < 0.4) return range(`${symbol}${group(min, ',')}`, `${symbol}${group(max, ',')}`) + suffix;
      if (u < 0.75) return `${currency} ${range(group(min, ','), group(max, ','))}${suffix}`;
      return `${range(group(min, ','), group(max, ','))} ${currency}${suffix}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Survey responses
// ---------------------------------------------------------------------------------------------------------------

const SURVEY_YEAR_TABLE = WeightedTable.fromRecord(SURVEY_YEAR_MIX);
const SURVEY_EXPERIENCE_TABLE = WeightedTable.fromRecord<SurveyExperienceCode>(SURVEY_EXPERIENCE_MIX);
const SURVEY_EMPLOYMENT_TABLE = WeightedTable.fromRecord<keyof typeof SURVEY_EMPLOYMENT_MIX>(SURVEY_EMPLOYMENT_MIX);
const SURVEY_SIZE_TABLE = WeightedTable.fromRecord<keyof typeof SURVEY_COMPANY_SIZE_MIX>(SURVEY_COMPANY_SIZE_MIX);
const SURVEY_TITLE_TABLE = new WeightedTable(SURVEY_TITLES, SURVEY_TITLES.map((t) => t[1]));
const SURVEY_COUNTRY_TABLE = new WeightedTable(SURVEY_COUNTRIES, SURVEY_COUNTRIES.map((c) => c[1]));
const SURVEY_EDUCATION_TABLE = WeightedTable.fromRecord<keyof typeof SURVEY_EDUCATION_MIX>(SURVEY_EDUCATION_MIX);
const SURVEY_SATISFACTION_TABLE = WeightedTable.fromRecord(SURVEY_SATISFACTION_MIX);
const SURVEY_GENDER_TABLE = WeightedTable.fromRecord<keyof typeof SURVEY_GENDER_MIX>(SURVEY_GENDER_MIX);
const SURVEY_CERTIFICATION_TABLE = new WeightedTable(SURVEY_CERTIFICATIONS.map((c) => c[0]), SURVEY_CERTIFICATIONS.map((c) => c[1]));
const SURVEY_AGE_TABLES = mapRecord(SURVEY_AGE_BY_EXPERIENCE, (weights) => new WeightedTable(SURVEY_AGE_GROUPS, weights));
const SURVEY_REMOTE_TABLES = mapRecord(SURVEY_REMOTE_RATIO_BY_YEAR, (w) => new WeightedTable<0 | 50 | 100>([0, 50, 100], w));
const INDUSTRY_LABEL_TABLE = new WeightedTable(
  Object.values(Industry).map((i) => SURVEY_INDUSTRY_LABELS[i]),
  Object.values(Industry).map((i) => INDUSTRY_SHARES[i]),
);

export function* generateSurveyResponses(opts: GenerateSurveyOptions): Generator<SyntheticSurvey> {
  if (!Number.isInteger(opts.count) || opts.count < 0) throw new RangeError(`count must be a non-negative integer, got ${opts.count}`);
  const prng = new Prng(opts.seed);
  const [minUsd, maxUsd] = SURVEY_SALARY_USD_RANGE;
  const missing = SURVEY_OPTIONAL_MISSING_RATE;
  for (let i = 0; i < opts.count; i++) {
    const year = prng.sample(SURVEY_YEAR_TABLE);
    const level = prng.sample(SURVEY_EXPERIENCE_TABLE);
    const [jobTitle, , titlePay] = prng.sample(SURVEY_TITLE_TABLE);
    const [location, , localCurrency, localFx, countryPay, usdShare] = prng.sample(SURVEY_COUNTRY_TABLE);
    const remoteRatio = prng.sample(SURVEY_REMOTE_TABLES[year]);
    const residence = prng.chance(SURVEY_FOREIGN_RESIDENCE_RATE) ? prng.sample(SURVEY_COUNTRY_TABLE)[0] : location;

    const median =
      SURVEY_US_MEDIAN_USD[level] * SURVEY_MEDIAN_CALIBRATION * countryPay * titlePay * (1 + SALARY_GROWTH_PER_YEAR * (Number(year) - 2024));
    const usd = clamp(prng.logNormal(median, SURVEY_SALARY_SIGMA[level]), minUsd, maxUsd);
    const inUsd = prng.chance(usdShare);
    const currency = inUsd ? 'USD' : localCurrency;
    const fx = inUsd ? 1 : localFx;
    const local = usd * fx;
    const salary = Math.max(1, Math.round(local / (local >= 100_000 ? 1000 : 100)) * (local >= 100_000 ? 1000 : 100));

    yield {
      work_year: Number(year),
      experience_level: level,
      employment_type: prng.sample(SURVEY_EMPLOYMENT_TABLE),
      job_title: jobTitle,
      salary,
      salary_currency: currency,
      salary_in_usd: Math.round(clamp(salary / fx, minUsd, maxUsd)),
      employee_residence: residence,
      remote_ratio: remoteRatio,
      company_location: location,
      company_size: prng.sample(SURVEY_SIZE_TABLE),
      industry: prng.chance(missing.industry) ? undefined : prng.sample(INDUSTRY_LABEL_TABLE),
      education: prng.chance(missing.education) ? undefined : prng.sample(SURVEY_EDUCATION_TABLE),
      satisfaction: prng.chance(missing.satisfaction) ? undefined : Number(prng.sample(SURVEY_SATISFACTION_TABLE)),
      gender: prng.chance(missing.gender) ? undefined : prng.sample(SURVEY_GENDER_TABLE),
      age_group: prng.chance(missing.age_group) ? undefined : prng.sample(SURVEY_AGE_TABLES[level]),
      languages: prng.chance(missing.languages) ? undefined : surveyLanguages(prng),
      certifications: surveyCertifications(prng),
    };
  }
}

function surveyLanguages(prng: Prng): string {
  const picked: string[] = [];
  for (const [language, share] of SURVEY_LANGUAGE_SHARES) if (prng.chance(share)) picked.push(language);
  return picked.length > 0 ? picked.join(';') : 'Python';
}

function surveyCertifications(prng: Prng): string | undefined {
  if (prng.chance(SURVEY_NO_CERTIFICATION_RATE)) return undefined;
  const first = prng.sample(SURVEY_CERTIFICATION_TABLE);
  if (!prng.chance(SURVEY_TWO_CERTIFICATIONS_RATE)) return first;
  const second = prng.sample(SURVEY_CERTIFICATION_TABLE);
  return second === first ? first : `${first};${second}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

function mapRecord<K extends string, V, W>(record: Readonly<Record<K, V>>, fn: (value: V) => W): Record<K, W> {
  const out = {} as Record<K, W>;
  for (const key of Object.keys(record) as K[]) out[key] = fn(record[key]);
  return out;
}
