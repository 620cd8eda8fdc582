import { RemoteType } from '../../common/market.enums';
import { FieldIssue, RawSurveyRecord } from '../ingestion.types';
import * as fields from './field.normalizers';
import * as locations from './location.normalizer';
import { memoize } from './memoize';
import { Normalized, NormalizedSurvey } from './normalized-records';
import { annualizeToUsd, isSalaryOutlier, parseSalary } from './salary.normalizer';
import * as titles from './title.normalizer';
import { OnetTitleMatcher } from '../../occupations/onet-title-matcher';

// Survey files repeat a few hundred distinct values per column: memoised, normalisation is lookups.
const normalizeLocation = memoize(locations.normalizeLocation);
const normalizeTitle = memoize(titles.normalizeTitle);
const experienceLevelFromCode = memoize((code) => titles.experienceLevelFromCode(code ?? ''));
const seniorityFromExperienceCode = memoize((code) => titles.seniorityFromExperienceCode(code ?? ''));
const normalizeEmploymentType = memoize(fields.normalizeEmploymentType);
const normalizeCompanySize = memoize(fields.normalizeCompanySize);
const normalizeIndustry = memoize(fields.normalizeIndustry);
const normalizeEducation = memoize(fields.normalizeEducation);
const normalizeRemoteRatio = memoize(fields.normalizeRemoteRatio);
const parseSalaryText = memoize((raw) => parseSalary(raw, { period: 'YEAR' }));

const MIN_YEAR = 2000;

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

// Lists repeat as much as single values; the shared arrays are only read downstream.
const list = memoize((value: string | undefined): string[] => {
  if (!value) return [];
  return [...new Set(value.split(/[;|,]/).map((v) => v.trim()).filter(Boolean))];
});

/** One survey respondent → a normalised response. Year and a salary are required; the rest is optional. */
export function normalizeSurvey(
  raw: RawSurveyRecord,
  outlierBounds: { min: number; max: number },
  occupations?: OnetTitleMatcher | null,
): Normalized<NormalizedSurvey> {
  const warnings: FieldIssue[] = [];
  const errors: FieldIssue[] = [];
  const yearText = clean(raw.year);
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  const maxYear = new Date().getUTCFullYear() + 1;
  if (!(year >= MIN_YEAR && year <= maxYear)) {
    errors.push({ field: 'year', value: raw.year, code: yearText ? 'INVALID_YEAR' : 'YEAR_MISSING', message: `year must be a 4-digit year between ${MIN_YEAR} and ${maxYear}` });
  }

  // A USD figure given by the source (aijobs.net salary_in_usd) is kept, not converted again.
  const usdText = clean(raw.salaryUsd);
  const usd = usdText !== undefined ? Number(usdText.replace(/[,\s]/g, '')) : NaN;
  let annualUsd: number | null = Number.isFinite(usd) && usd > 0 ? usd : null;
  // Only parse the local-currency text when the amount is needed or is a plain number we can keep.
  const salaryText = clean(raw.salary);
  const salaryNumber = salaryText !== undefined && /^\d+(\.\d+)?$/.test(salaryText) ? Number(salaryText) : NaN;
  const currencyCode = clean(raw.salaryCurrency)?.toUpperCase();
  const salary = Number.isFinite(salaryNumber) && currencyCode && /^[A-Z]{3}$/.test(currencyCode)
    ? { min: salaryNumber, max: salaryNumber, currency: currencyCode, period: 'YEAR', raw: salaryText!, issues: [] }
    : currencyCode
      ? parseSalary(salaryText, { currency: currencyCode, period: 'YEAR' })
      : parseSalaryText(salaryText);
  if (annualUsd === null && salary.min !== null && Number.isFinite(year)) {
    const converted = annualizeToUsd(salary as Parameters<typeof annualizeToUsd>[0], year);
    annualUsd = converted.annualUsdMin;
    warnings.push(...converted.issues);
  }
  if (annualUsd === null) {
    errors.push({ field: 'salary', value: raw.salary, code: 'SALARY_MISSING', message: 'a survey response needs a salary (salary with currency, or salary_in_usd)' });
  }
  if (errors.length) return { ok: false, errors };

  const residence = normalizeLocation(clean(raw.residenceCountry));
  const company = normalizeLocation(clean(raw.companyCountry));
  if (residence.issue) warnings.push({ ...residence.issue, field: 'residenceCountry' });
  const title = normalizeTitle(clean(raw.jobTitle));
  const code = clean(raw.experienceLevel);
  const remoteRatio = normalizeRemoteRatio(clean(raw.remoteRatio));
  const salaryOutlier = isSalaryOutlier(annualUsd!, outlierBounds);
  const satisfaction = clean(raw.satisfaction) ? Number(raw.satisfaction) : NaN;
  const remoteType =
    remoteRatio.value === null ? null : remoteRatio.value >= 100 ? RemoteType.REMOTE : remoteRatio.value > 0 ? RemoteType.HYBRID : RemoteType.ONSITE;

  return {
    ok: true,
    warnings,
    value: {
      year,
      experienceLevel: code ? experienceLevelFromCode(code) : null,
      seniority: code ? seniorityFromExperienceCode(code) : title.seniority,
      employmentType: normalizeEmploymentType(clean(raw.employmentType)).value,
      jobTitle: title.raw,
      roleFamily: title.roleFamily,
      onetSoc: occupations && title.raw ? occupations.match(title.raw, title.normalized, title.roleFamily) : null,
      salary: salary.min,
      salaryCurrency: salary.currency,
      annualUsd,
      salaryOutlier,
      country: residence.countryCode,
      companyCountry: company.countryCode,
      region: residence.region ?? company.region,
      remoteRatio: remoteRatio.value,
      remoteType,
      companySize: normalizeCompanySize(clean(raw.companySize)).value,
      industry: normalizeIndustry(clean(raw.industry)).value,
      education: normalizeEducation(clean(raw.education)).value,
      satisfaction: Number.isInteger(satisfaction) && satisfaction >= 1 && satisfaction <= 5 ? satisfaction : null,
      gender: clean(raw.gender) ?? null,
      ageGroup: clean(raw.ageGroup) ?? null,
      languages: list(raw.languages),
      certifications: list(raw.certifications),
    },
  };
}
