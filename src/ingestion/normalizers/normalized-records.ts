import {
  CompanySize, EducationLevel, EmploymentType, ExperienceLevel, Industry, PayPeriod, RemoteType, RoleFamily, Seniority, WorldRegion,
} from '../../common/market.enums';
import { FieldIssue } from '../ingestion.types';

export interface NormalizedPosting {
  source: string;
  sourceId: string | null;
  contentHash: string;
  titleRaw: string;
  title: string;
  roleFamily: RoleFamily;
  seniority: Seniority | null;
  /** O*NET-SOC code of the title; null unless O*NET was imported (npm run import:onet). */
  onetSoc: string | null;
  companyName: string | null;
  industry: Industry | null;
  industryRaw: string | null;
  country: string | null;
  region: WorldRegion | null;
  city: string | null;
  locationRaw: string | null;
  remoteType: RemoteType | null;
  employmentType: EmploymentType | null;
  companySize: CompanySize | null;
  salaryRaw: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  payPeriod: PayPeriod | null;
  annualUsdMin: number | null;
  annualUsdMax: number | null;
  salaryOutlier: boolean;
  postedDate: string | null;
  description: string | null;
  education: EducationLevel | null;
  experienceRaw: string | null;
  experienceYears: number | null;
  skillIds: number[];
  skillAliases: string[];
  raw: Record<string, string | undefined>;
}

export interface NormalizedSurvey {
  year: number;
  experienceLevel: ExperienceLevel | null;
  seniority: Seniority | null;
  employmentType: EmploymentType | null;
  jobTitle: string | null;
  roleFamily: RoleFamily;
  onetSoc: string | null;
  salary: number | null;
  salaryCurrency: string | null;
  annualUsd: number | null;
  salaryOutlier: boolean;
  country: string | null;
  companyCountry: string | null;
  region: WorldRegion | null;
  remoteRatio: number | null;
  remoteType: RemoteType | null;
  companySize: CompanySize | null;
  industry: Industry | null;
  education: EducationLevel | null;
  satisfaction: number | null;
  gender: string | null;
  ageGroup: string | null;
  languages: string[];
  certifications: string[];
}

export interface NormalizedSeriesPoint {
  series: string;
  skill: string;
  month: string;
  postings: number;
  totalPostings: number | null;
}

/** A row's outcome: a record with warnings, or rejected with the issues that decided it. */
export type Normalized<T> = { ok: true; value: T; warnings: FieldIssue[] } | { ok: false; errors: FieldIssue[] };
