import { IngestionKind } from '../ingestion.enums';
import { FIELDS_BY_KIND, MappingError, normalizeHeader, ResolvedMapping } from './column-mapping';

/**
 * Column layouts of common public files. `columns` maps a field to the header names it may have
 * (compared after lower-casing and dropping punctuation); `required` fields must all be found.
 */
export interface ColumnPreset {
  name: string;
  kind: IngestionKind;
  description: string;
  columns: Record<string, string[]>;
  required: string[];
  constants?: Record<string, string>;
  dateFormat?: string;
}

export const PRESETS: readonly ColumnPreset[] = [
  {
    name: 'aijobs-salaries',
    kind: IngestionKind.SURVEY,
    description: 'aijobs.net (ai-jobs.net) salary index salaries.csv, optionally with extra survey columns',
    columns: {
      year: ['work_year'],
      experienceLevel: ['experience_level'],
      employmentType: ['employment_type'],
      jobTitle: ['job_title'],
      salary: ['salary'],
      salaryCurrency: ['salary_currency'],
      salaryUsd: ['salary_in_usd'],
      residenceCountry: ['employee_residence'],
      remoteRatio: ['remote_ratio'],
      companyCountry: ['company_location'],
      companySize: ['company_size'],
      industry: ['industry'],
      education: ['education', 'education_level'],
      satisfaction: ['satisfaction', 'job_satisfaction'],
      gender: ['gender'],
      ageGroup: ['age_group', 'age'],
      languages: ['languages', 'programming_languages'],
      certifications: ['certifications'],
    },
    required: ['year', 'experienceLevel', 'employmentType', 'jobTitle', 'salary', 'salaryCurrency', 'residenceCountry', 'companyCountry'],
    dateFormat: 'YYYY',
  },
  {
    name: 'postings-generic',
    kind: IngestionKind.POSTINGS,
    description: 'Generic postings CSV: title plus any of company, location, salary, posted date, description, skills…',
    columns: {
      sourceId: ['source_id', 'job_id', 'id', 'posting_id', 'external_id'],
      source: ['source', 'site', 'board'],
      title: ['title', 'job_title', 'position', 'role', 'job_name'],
      company: ['company', 'company_name', 'employer', 'hiring_organization', 'organization'],
      industry: ['industry', 'sector'],
      location: ['location', 'job_location', 'place'],
      country: ['country', 'country_code'],
      city: ['city'],
      remote: ['remote', 'remote_type', 'work_type', 'workplace_type', 'work_model'],
      employmentType: ['employment_type', 'job_type', 'contract_type', 'schedule_type'],
      salaryText: ['salary', 'salary_text', 'salary_estimate', 'compensation', 'pay', 'salary_range'],
      salaryMin: ['salary_min', 'min_salary', 'salary_from'],
      salaryMax: ['salary_max', 'max_salary', 'salary_to'],
      salaryCurrency: ['currency', 'salary_currency'],
      salaryPeriod: ['salary_period', 'pay_period', 'period'],
      postedAt: ['posted_at', 'date_posted', 'posted', 'posted_date', 'date', 'created_at', 'published_at'],
      description: ['description', 'job_description', 'body', 'text'],
      skills: ['skills', 'job_skills', 'required_skills', 'tags'],
      education: ['education', 'education_requirements', 'degree'],
      experience: ['experience', 'experience_requirements', 'years_experience'],
      companySize: ['company_size', 'size'],
      url: ['url', 'job_url', 'link'],
    },
    required: ['title'],
  },
  {
    name: 'glassdoor-ds-jobs',
    kind: IngestionKind.POSTINGS,
    description: 'Glassdoor data-science job listings as shared on Kaggle (Job Title, Salary Estimate, Job Description, …)',
    columns: {
      title: ['Job Title'],
      salaryText: ['Salary Estimate'],
      description: ['Job Description'],
      company: ['Company Name'],
      location: ['Location'],
      companySize: ['Size'],
      industry: ['Industry', 'Sector'],
    },
    required: ['title', 'salaryText', 'description', 'company'],
    constants: { source: 'glassdoor' },
  },
  {
    name: 'hn-hiring-terms',
    kind: IngestionKind.SERIES,
    description: 'HN "Who is hiring?" monthly term counts (month, term, full_term, count, percentage, num_comments, points)',
    columns: { month: ['month'], skill: ['term'], postings: ['count'], totalPostings: ['num_comments'] },
    required: ['month', 'skill', 'postings', 'totalPostings'],
    constants: { series: 'hn-who-is-hiring' },
  },
  {
    name: 'monthly-skill-series',
    kind: IngestionKind.SERIES,
    description: 'Monthly demand per skill: month, skill, postings[, total_postings]',
    columns: {
      month: ['month', 'period', 'date'],
      skill: ['skill', 'term', 'technology'],
      postings: ['postings', 'count', 'mentions', 'posts_mentioning', 'term_count'],
      totalPostings: ['total_postings', 'total', 'total_posts', 'thread_posts'],
      series: ['series', 'source'],
    },
    required: ['month', 'skill', 'postings'],
  },
];

export function presetByName(name: string): ColumnPreset {
  const preset = PRESETS.find((p) => p.name === name);
  if (!preset) throw new MappingError('UNKNOWN_PRESET', `unknown preset "${name}"; presets are: ${PRESETS.map((p) => p.name).join(', ')}`);
  return preset;
}

/** Map a header through a preset; undefined when a required field has no column. */
export function applyPreset(header: string[], preset: ColumnPreset): { mapping?: ResolvedMapping; missing: string[]; matched: number } {
  const normalized = header.map(normalizeHeader);
  const fieldsByIndex: Array<string | null> = header.map(() => null);
  for (const [field, names] of Object.entries(preset.columns)) {
    // First listed name wins, so "Industry" beats "Sector" when both exist.
    for (const name of names) {
      const index = normalized.indexOf(normalizeHeader(name));
      if (index >= 0 && fieldsByIndex[index] === null) {
        fieldsByIndex[index] = field;
        break;
      }
    }
  }
  const found = new Set(fieldsByIndex.filter((f): f is string => f !== null));
  const missing = preset.required.filter((field) => !found.has(field));
  return {
    mapping: missing.length === 0 ? { name: preset.name, fieldsByIndex, constants: preset.constants ?? {}, dateFormat: preset.dateFormat } : undefined,
    missing,
    matched: found.size,
  };
}

/** Recognise the preset from the header: the one of this kind that matches the most columns. */
export function detectPreset(header: string[], kind: IngestionKind): ResolvedMapping {
  let best: { mapping: ResolvedMapping; matched: number } | undefined;
  for (const preset of PRESETS.filter((p) => p.kind === kind)) {
    const { mapping, matched } = applyPreset(header, preset);
    if (mapping && (!best || matched > best.matched)) best = { mapping, matched };
  }
  if (best) return best.mapping;
  const expected = PRESETS.filter((p) => p.kind === kind)
    .map((p) => `${p.name} (needs ${p.required.map((f) => p.columns[f][0]).join(', ')})`)
    .join('; ');
  throw new MappingError(
    'UNKNOWN_HEADER',
    `header matches no ${kind.toLowerCase()} preset. Columns found: ${header.join(', ') || '(none)'}. Expected one of: ${expected}; ` +
      `or pass a mapping {"columns": {"<your column>": "<field>"}} with fields: ${FIELDS_BY_KIND[kind].join(', ')}`,
  );
}
