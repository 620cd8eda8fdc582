/**
 * Streams synthetic postings and survey responses to disk (CSV per RFC 4180, or schema.org JobPosting NDJSON).
 * Rows are serialised into ~1 MiB chunks and written with backpressure, so memory stays flat for any count.
 * Output goes to `<path>.partial` and is renamed into place at the end: a crash never leaves a truncated file
 * under the final name (the sample seeder reuses an existing file).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { EmploymentType, RemoteType } from '../../src/common/market.enums';
import {
  GeneratePostingsOptions,
  generatePostings,
  generateSurveyResponses,
  GenerateSurveyOptions,
  SyntheticPosting,
  SyntheticSurvey,
} from './synthetic-postings';

export const POSTINGS_CSV_HEADER =
  'source_id,title,company,industry,location,remote,employment_type,salary,posted_at,description,skills,education,experience';
export const SURVEY_CSV_HEADER =
  'work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,' +
  'remote_ratio,company_location,company_size,industry,education,satisfaction,gender,age_group,languages,certifications';

/** RFC 4180 line terminator. */
const CRLF = '\r\n';
const CHUNK_CHARS = 1 << 20;

export interface WriteStats {
  path: string;
  rows: number;
  bytes: number;
  ms: number;
}

export function writePostingsCsv(path: string, opts: GeneratePostingsOptions): Promise<WriteStats> {
  return writeLines(path, POSTINGS_CSV_HEADER + CRLF, generatePostings(opts), (p) => postingToCsvRow(p) + CRLF);
}

export function writePostingsNdjson(path: string, opts: GeneratePostingsOptions): Promise<WriteStats> {
  return writeLines(path, '', generatePostings(opts), (p) => JSON.stringify(postingToJsonLd(p)) + '\n');
}

export function writeSurveyCsv(path: string, opts: GenerateSurveyOptions): Promise<WriteStats> {
  return writeLines(path, SURVEY_CSV_HEADER + CRLF, generateSurveyResponses(opts), (s) => surveyToCsvRow(s) + CRLF);
}

/** Quotes a field only when RFC 4180 requires it (comma, double quote, CR or LF). */
export function csvField(value: string): string {
  if (!/[",\r\n]/.test(value)) return value;
  return `"${value.includes('"') ? value.replace(/"/g, '""') : value}"`;
}

export function postingToCsvRow(p: SyntheticPosting): string {
  return [
    p.sourceId, p.title, p.company, p.industry, p.location, p.remote, p.employmentType, p.salaryText, p.postedAt,
    p.description, p.skills, p.education, p.experience,
  ]
    .map(csvField)
    .join(',');
}

export function surveyToCsvRow(s: SyntheticSurvey): string {
  return [
    String(s.work_year), s.experience_level, s.employment_type, s.job_title, String(s.salary), s.salary_currency,
    String(s.salary_in_usd), s.employee_residence, String(s.remote_ratio), s.company_location, s.company_size,
    s.industry ?? '', s.education ?? '', s.satisfaction === undefined ? '' : String(s.satisfaction), s.gender ?? '',
    s.age_group ?? '', s.languages ?? '', s.certifications ?? '',
  ]
    .map(csvField)
    .join(',');
}

/** schema.org employmentType values; freelance has none of its own, CONTRACTOR is the closest. */
const SCHEMA_EMPLOYMENT_TYPE: Readonly<Record<EmploymentType, string>> = {
  [EmploymentType.FULL_TIME]: 'FULL_TIME',
  [EmploymentType.PART_TIME]: 'PART_TIME',
  [EmploymentType.CONTRACT]: 'CONTRACTOR',
  [EmploymentType.FREELANCE]: 'CONTRACTOR',
  [EmploymentType.INTERNSHIP]: 'INTERN',
  [EmploymentType.TEMPORARY]: 'TEMPORARY',
};

/** A schema.org JobPosting as JSON-LD. Fields a CSV row leaves empty are omitted. */
export function postingToJsonLd(p: SyntheticPosting): Record<string, unknown> {
  const t = p.truth;
  const remote = t.remoteType === RemoteType.REMOTE;
  const doc: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    identifier: { '@type': 'PropertyValue', name: 'hirescope-synthetic', value: p.sourceId },
    title: p.title,
    hiringOrganization: { '@type': 'Organization', name: p.company },
  };
  if (p.industry) doc.industry = p.industry;
  doc.jobLocation = {
    '@type': 'Place',
    address: {
      '@type': 'PostalAddress',
      ...(remote ? {} : { addressLocality: t.city }),
      ...(!remote && t.regionCode ? { addressRegion: t.regionCode } : {}),
      addressCountry: t.country,
    },
  };
  if (remote) {
    doc.jobLocationType = 'TELECOMMUTE';
    doc.applicantLocationRequirements = { '@type': 'Country', name: t.country };
  }
  doc.employmentType = SCHEMA_EMPLOYMENT_TYPE[t.employmentType];
  if (t.salary) {
    const value: Record<string, unknown> = { '@type': 'QuantitativeValue' };
    if (t.salary.min === t.salary.max) value.value = t.salary.max;
    else {
      value.minValue = t.salary.min;
      value.maxValue = t.salary.max;
    }
    value.unitText = t.salary.period; // HOUR | DAY | WEEK | MONTH | YEAR, as schema.org expects
    doc.baseSalary = { '@type': 'MonetaryAmount', currency: t.salary.currency, value };
  }
  doc.datePosted = p.postedAt;
  doc.description = p.description;
  if (p.skills) doc.skills = p.skills;
  if (p.education) doc.educationRequirements = p.education;
  if (p.experience) doc.experienceRequirements = p.experience;
  return doc;
}

async function writeLines<T>(path: string, header: string, rows: Iterable<T>, toLine: (row: T) => string): Promise<WriteStats> {
  const started = performance.now();
  const partial = `${path}.partial`;
  const stream = createWriteStream(partial, { highWaterMark: 4 * CHUNK_CHARS });
  // Errors raised between awaits would otherwise be unhandled; `once()` rejects on errors raised while it waits.
  let failure: unknown;
  stream.on('error', (error) => (failure ??= error));
  let count = 0;
  try {
    let chunk = header;
    for (const row of rows) {
      chunk += toLine(row);
      count++;
      if (chunk.length >= CHUNK_CHARS) {
        if (failure) throw failure;
        if (!stream.write(chunk)) await once(stream, 'drain');
        chunk = '';
      }
    }
    if (failure) throw failure;
    stream.end(chunk);
    await once(stream, 'close');
    if (failure) throw failure;
  } catch (error) {
    stream.destroy();
    await unlink(partial).catch(() => undefined);
    throw error;
  }
  await rename(partial, path);
  return { path, rows: count, bytes: stream.bytesWritten, ms: performance.now() - started };
}
