/**
 * Records as they leave a parser (CSV row mapped through a preset, or a JSON-LD JobPosting),
 * before normalisation. Every field is optional raw text: normalisers decide what it means.
 */
export interface RawPostingRecord {
  source?: string;
  sourceId?: string;
  title?: string;
  company?: string;
  industry?: string;
  location?: string;
  country?: string;
  city?: string;
  remote?: string;
  employmentType?: string;
  salaryText?: string;
  salaryMin?: string;
  salaryMax?: string;
  salaryCurrency?: string;
  salaryPeriod?: string;
  postedAt?: string;
  description?: string;
  skills?: string;
  education?: string;
  experience?: string;
  companySize?: string;
  url?: string;
}

export interface RawSurveyRecord {
  year?: string;
  experienceLevel?: string;
  employmentType?: string;
  jobTitle?: string;
  salary?: string;
  salaryCurrency?: string;
  salaryUsd?: string;
  residenceCountry?: string;
  companyCountry?: string;
  remoteRatio?: string;
  companySize?: string;
  industry?: string;
  education?: string;
  satisfaction?: string;
  gender?: string;
  ageGroup?: string;
  languages?: string;
  certifications?: string;
}

/** A problem found in one field. Normalisers return these instead of throwing. */
export interface FieldIssue {
  field: string;
  value: string | undefined;
  code: string;
  message: string;
}
