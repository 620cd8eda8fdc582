import { RemoteType, RoleFamily } from '../../common/market.enums';
import { COUNTRIES } from '../../reference/countries.data';
import type { CandidateProfile, PostingProfile } from './match-features';

/**
 * Rows as `SELECT … FROM candidates / job_postings` returns them through pg (bigint and numeric arrive as
 * strings), mapped to the profiles the matching core scores. Only matching fields are read: gender and age_group
 * are never copied, so they cannot reach a feature even by accident.
 */
export interface CandidateRow {
  skills: Array<{ skillId: number | null; proficiency?: number | null; years?: number | null }> | null;
  years_experience: string | number | null;
  country: string | null;
  remote_preference: string | null;
  desired_role_families: string[] | null;
  salary_annual_usd: string | number | null;
}

export interface JobPostingRow {
  id: string | number;
  skill_ids: number[] | null;
  role_family: string;
  seniority: string | null;
  country: string | null;
  region: string | null;
  remote_type: string | null;
  annual_usd_min: string | number | null;
  annual_usd_max: string | number | null;
  experience_years: string | number | null;
}

const REGION_BY_COUNTRY = new Map<string, string>(COUNTRIES.map((c) => [c.alpha2, c.region]));
const REMOTE_PREFERENCES = new Set<string>([...Object.values(RemoteType), 'ANY']);

/** Skills the taxonomy did not recognise (skillId null) are left out: the candidate API already lists them back. */
export function candidateProfileFromRow(row: CandidateRow): CandidateProfile {
  const country = row.country?.trim().toUpperCase() || undefined;
  return {
    skills: (row.skills ?? [])
      .filter((s) => typeof s?.skillId === 'number')
      .map((s) => ({ skillId: s.skillId as number, proficiency: s.proficiency ?? undefined, years: s.years ?? undefined })),
    yearsExperience: numberOrUndefined(row.years_experience),
    country,
    region: country ? REGION_BY_COUNTRY.get(country) : undefined,
    remotePreference: row.remote_preference && REMOTE_PREFERENCES.has(row.remote_preference) ? (row.remote_preference as RemoteType | 'ANY') : undefined,
    desiredRoleFamilies: (row.desired_role_families ?? []) as RoleFamily[],
    salaryAnnualUsd: numberOrUndefined(row.salary_annual_usd),
  };
}

export function postingProfileFromRow(row: JobPostingRow): PostingProfile {
  const country = row.country?.trim().toUpperCase() || undefined;
  return {
    id: row.id,
    skillIds: row.skill_ids ?? [],
    roleFamily: row.role_family,
    seniority: row.seniority ?? undefined,
    country,
    region: row.region ?? (country ? REGION_BY_COUNTRY.get(country) : undefined),
    remoteType: row.remote_type ?? undefined,
    annualUsdMin: numberOrUndefined(row.annual_usd_min),
    annualUsdMax: numberOrUndefined(row.annual_usd_max),
    experienceYears: numberOrUndefined(row.experience_years),
  };
}

function numberOrUndefined(value: string | number | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
