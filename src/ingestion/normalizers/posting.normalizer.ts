import { hash } from 'node:crypto';
import { RawPostingRecord, FieldIssue } from '../ingestion.types';
import * as fields from './field.normalizers';
import * as locations from './location.normalizer';
import { memoize, ownString, squashForHash } from './memoize';
import { Normalized, NormalizedPosting } from './normalized-records';
import { annualizeToUsd, isSalaryOutlier, ParsedSalary, parseSalary } from './salary.normalizer';
import { SkillExtractor } from './skill-extractor';
import * as titles from './title.normalizer';
import { RemoteType } from '../../common/market.enums';
import { OnetTitleMatcher } from '../../occupations/onet-title-matcher';

const normalizeLocation = memoize(locations.normalizeLocation);
// Read-only use of the shared result; keys are owned only on a miss, not copied for every row.
const normalizeTitle = memoize(titles.normalizeTitle);
const normalizeRemoteType = memoize(fields.normalizeRemoteType);
const normalizeEmploymentType = memoize(fields.normalizeEmploymentType);
const normalizeIndustry = memoize(fields.normalizeIndustry);
const normalizeCompanySize = memoize(fields.normalizeCompanySize);
const normalizeEducation = memoize(fields.normalizeEducation);
const parseYearsOfExperience = memoize((raw) => (raw ? fields.parseYearsOfExperience(raw) : null));
const dateCache = new Map<string, ReturnType<typeof fields.normalizeDate>>();
const salaryCache = new Map<string, ParsedSalary>();

function normalizeDate(raw: string | undefined, format: string | undefined) {
  const key = `${format ?? ''}\u001f${raw ?? ''}`;
  let hit = dateCache.get(key);
  if (!hit) {
    if (dateCache.size > 50_000) dateCache.clear();
    hit = fields.normalizeDate(raw === undefined ? raw : ownString(raw), format as never);
    dateCache.set(ownString(key), hit);
  }
  return hit;
}

function parseSalaryCached(text: string | undefined, currency: string | undefined, period: string | undefined): ParsedSalary {
  const key = `${text ?? ''}\u001f${currency ?? ''}\u001f${period ?? ''}`;
  let hit = salaryCache.get(key);
  if (!hit) {
    if (salaryCache.size > 50_000) salaryCache.clear();
    hit = parseSalary(text === undefined ? text : ownString(text), { currency, period });
    salaryCache.set(ownString(key), hit);
  }
  return hit;
}

export interface PostingNormalizationContext {
  source: string;
  extractor: SkillExtractor;
  skillIds: ReadonlyMap<string, number>;
  outlierBounds: { min: number; max: number };
  dateFormat?: string;
  /** Built once per run from the imported O*NET titles; absent when none are imported. */
  occupations?: OnetTitleMatcher | null;
}

const MAX_TITLE_CHARS = 300;
const MAX_DESCRIPTION_CHARS = 100_000;

function clean(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function numberOrUndefined(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const n = Number(value.replace(/[,\s]/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Dedup key: (source, source id) when the source gives one, else the content that makes two
 * postings the same job: normalised title, company, location and description.
 */
export function postingContentHash(source: string, sourceId: string | undefined, title: string, company?: string, location?: string, description?: string): string {
  // One-shot crypto.hash: a createHash object per row cost more than the hashing itself.
  const key = sourceId
    ? `id\u001f${source.toLowerCase()}\u001f${sourceId}`
    : `content\u001f${squashForHash(title)}\u001f${squashForHash(company)}\u001f${squashForHash(location)}\u001f${squashForHash(description)}`;
  return hash('sha1', key, 'base64url');
}

/** Raw posting fields → a normalised posting, or the reasons it cannot be one. Never throws. */
export function normalizePosting(raw: RawPostingRecord, ctx: PostingNormalizationContext): Normalized<NormalizedPosting> {
  const warnings: FieldIssue[] = [];
  const titleRaw = clean(raw.title);
  if (!titleRaw) {
    return { ok: false, errors: [{ field: 'title', value: raw.title, code: 'TITLE_MISSING', message: 'a posting needs a job title' }] };
  }
  if (titleRaw.length > MAX_TITLE_CHARS) {
    return { ok: false, errors: [{ field: 'title', value: titleRaw.slice(0, 80), code: 'TITLE_TOO_LONG', message: `title is ${titleRaw.length} characters; the limit is ${MAX_TITLE_CHARS}` }] };
  }
  let description = clean(raw.description);
  if (description && description.length > MAX_DESCRIPTION_CHARS) {
    warnings.push({ field: 'description', value: undefined, code: 'DESCRIPTION_TRUNCATED', message: `description cut to ${MAX_DESCRIPTION_CHARS} characters` });
    description = description.slice(0, MAX_DESCRIPTION_CHARS);
  }
  const source = clean(raw.source) ?? ctx.source;
  const sourceId = clean(raw.sourceId);
  const company = clean(raw.company);
  const title = normalizeTitle(titleRaw);

  const locationText = clean(raw.location) ?? ([clean(raw.city), clean(raw.country)].filter(Boolean).join(', ') || undefined);
  const location = normalizeLocation(locationText);
  if (location.issue) warnings.push(location.issue);
  let country = location.countryCode;
  let region = location.region;
  if (!country && raw.country) {
    const fromCountry = normalizeLocation(raw.country);
    country = fromCountry.countryCode;
    region = fromCountry.region;
  }

  const remote = normalizeRemoteType(clean(raw.remote));
  if (remote.issue) warnings.push(remote.issue);
  const remoteType = remote.value ?? (location.remote ? RemoteType.REMOTE : null);
  const employment = normalizeEmploymentType(clean(raw.employmentType));
  if (employment.issue) warnings.push(employment.issue);
  const industry = normalizeIndustry(clean(raw.industry));
  const companySize = normalizeCompanySize(clean(raw.companySize));
  const education = normalizeEducation(clean(raw.education));

  const posted = normalizeDate(clean(raw.postedAt), ctx.dateFormat);
  if (posted.issue) warnings.push(posted.issue);
  const postedDate = posted.value ? posted.value.toISOString().slice(0, 10) : null;
  const year = posted.value ? posted.value.getUTCFullYear() : undefined;

  // Structured min/max (JSON-LD, split CSV columns) win over free text.
  const min = numberOrUndefined(raw.salaryMin);
  const max = numberOrUndefined(raw.salaryMax);
  const salaryText = clean(raw.salaryText) ?? (min !== undefined || max !== undefined ? [min, max].filter((v) => v !== undefined).join('-') : undefined);
  const salary = parseSalaryCached(salaryText, clean(raw.salaryCurrency), clean(raw.salaryPeriod));
  const annual = annualizeToUsd(salary, year);
  for (const issue of [...salary.issues, ...annual.issues]) if (issue.code !== 'SALARY_NOT_STATED') warnings.push(issue);
  const mid = annual.annualUsdMin !== null || annual.annualUsdMax !== null
    ? ((annual.annualUsdMin ?? annual.annualUsdMax)! + (annual.annualUsdMax ?? annual.annualUsdMin)!) / 2
    : null;
  const salaryOutlier = mid !== null && isSalaryOutlier(mid, ctx.outlierBounds);
  if (salaryOutlier) {
    warnings.push({ field: 'salaryText', value: salaryText, code: 'SALARY_OUTLIER', message: `annual USD ${Math.round(mid!)} is outside ${ctx.outlierBounds.min}–${ctx.outlierBounds.max}; kept but flagged` });
  }

  const matches = new Map<string, string>();
  if (raw.skills) for (const m of ctx.extractor.extractFromList(raw.skills)) matches.set(m.skill, m.alias);
  if (description) for (const m of ctx.extractor.extract(description)) if (!matches.has(m.skill)) matches.set(m.skill, m.alias);
  const skillIds: number[] = [];
  const skillAliases: string[] = [];
  for (const [skill, alias] of matches) {
    const id = ctx.skillIds.get(skill);
    if (id !== undefined) {
      skillIds.push(id);
      skillAliases.push(alias);
    }
  }

  const experienceRaw = clean(raw.experience) ?? null;
  const { description: _omit, ...rawWithoutDescription } = raw;
  return {
    ok: true,
    warnings,
    value: {
      source,
      sourceId: sourceId ?? null,
      contentHash: postingContentHash(source, sourceId, title.normalized ?? titleRaw, company, locationText, description),
      titleRaw,
      title: title.normalized ?? titleRaw,
      roleFamily: title.roleFamily,
      seniority: title.seniority,
      onetSoc: ctx.occupations ? ctx.occupations.match(titleRaw, title.normalized, title.roleFamily) : null,
      companyName: company ?? null,
      industry: industry.value,
      industryRaw: clean(raw.industry) ?? null,
      country,
      region,
      city: location.city,
      locationRaw: locationText ?? null,
      remoteType,
      employmentType: employment.value,
      companySize: companySize.value,
      salaryRaw: salary.raw,
      salaryMin: salary.min,
      salaryMax: salary.max,
      salaryCurrency: salary.currency,
      payPeriod: salary.period,
      annualUsdMin: annual.annualUsdMin,
      annualUsdMax: annual.annualUsdMax,
      salaryOutlier,
      postedDate,
      description: description ?? null,
      education: education.value,
      experienceRaw,
      experienceYears: experienceRaw ? parseYearsOfExperience(experienceRaw) : null,
      skillIds,
      skillAliases,
      raw: rawWithoutDescription,
    },
  };
}
