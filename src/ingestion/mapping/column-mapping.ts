import { RawPostingRecord, RawSurveyRecord } from '../ingestion.types';
import { IngestionKind } from '../ingestion.enums';

export type PostingField = keyof RawPostingRecord;
export type SurveyField = keyof RawSurveyRecord;
export interface RawSeriesRecord {
  month?: string;
  skill?: string;
  postings?: string;
  totalPostings?: string;
  series?: string;
}
export type SeriesField = keyof RawSeriesRecord;

export const FIELDS_BY_KIND: Record<IngestionKind, readonly string[]> = {
  [IngestionKind.POSTINGS]: [
    'source', 'sourceId', 'title', 'company', 'industry', 'location', 'country', 'city', 'remote', 'employmentType',
    'salaryText', 'salaryMin', 'salaryMax', 'salaryCurrency', 'salaryPeriod', 'postedAt', 'description', 'skills',
    'education', 'experience', 'companySize', 'url',
  ],
  [IngestionKind.SURVEY]: [
    'year', 'experienceLevel', 'employmentType', 'jobTitle', 'salary', 'salaryCurrency', 'salaryUsd', 'residenceCountry',
    'companyCountry', 'remoteRatio', 'companySize', 'industry', 'education', 'satisfaction', 'gender', 'ageGroup',
    'languages', 'certifications',
  ],
  [IngestionKind.SERIES]: ['month', 'skill', 'postings', 'totalPostings', 'series'],
};

/** A user-supplied mapping, as JSON: source column → field, constant values and a date format. */
export interface UserColumnMapping {
  columns: Record<string, string>;
  constants?: Record<string, string>;
  dateFormat?: string;
}

/** What the runner uses per row: field of each column index, constants, date format. */
export interface ResolvedMapping {
  name: string;
  fieldsByIndex: Array<string | null>;
  constants: Record<string, string>;
  dateFormat?: string;
}

export class MappingError extends Error {
  constructor(
    readonly code: 'UNKNOWN_HEADER' | 'INVALID_MAPPING' | 'UNKNOWN_PRESET',
    message: string,
  ) {
    super(message);
  }
}

export function normalizeHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export function parseUserMapping(json: unknown, kind: IngestionKind): UserColumnMapping {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new MappingError('INVALID_MAPPING', 'mapping is not valid JSON');
    }
  }
  const mapping = value as Partial<UserColumnMapping> | null;
  if (!mapping || typeof mapping !== 'object' || typeof mapping.columns !== 'object' || mapping.columns === null) {
    throw new MappingError('INVALID_MAPPING', 'mapping must be an object like {"columns": {"Job Title": "title"}, "constants": {}, "dateFormat": "DD/MM/YYYY"}');
  }
  const allowed = new Set(FIELDS_BY_KIND[kind]);
  for (const [column, field] of [...Object.entries(mapping.columns), ...Object.entries(mapping.constants ?? {})]) {
    const target = mapping.columns[column] === field ? field : column;
    if (typeof field !== 'string' || !allowed.has(mapping.columns[column] === field ? field : column)) {
      throw new MappingError('INVALID_MAPPING', `mapping names unknown field "${String(target)}" for ${kind}; fields are: ${[...allowed].join(', ')}`);
    }
  }
  return { columns: mapping.columns as Record<string, string>, constants: mapping.constants ?? {}, dateFormat: mapping.dateFormat };
}

export function resolveUserMapping(header: string[], mapping: UserColumnMapping): ResolvedMapping {
  const byNormalized = new Map(Object.entries(mapping.columns).map(([column, field]) => [normalizeHeader(column), field]));
  const fieldsByIndex = header.map((column) => byNormalized.get(normalizeHeader(column)) ?? null);
  const missing = Object.keys(mapping.columns).filter((column) => !header.some((h) => normalizeHeader(h) === normalizeHeader(column)));
  if (missing.length > 0) {
    throw new MappingError('INVALID_MAPPING', `mapping refers to columns not in the file: ${missing.join(', ')}; columns found: ${header.join(', ')}`);
  }
  return { name: 'custom', fieldsByIndex, constants: mapping.constants ?? {}, dateFormat: mapping.dateFormat };
}
