import { FieldIssue } from '../ingestion.types';
import { RawSeriesRecord } from '../mapping/column-mapping';
import { Normalized, NormalizedSeriesPoint } from './normalized-records';

const MONTH = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?$/;

/** One (month, skill, postings[, total]) point of an imported aggregate series. */
export function normalizeSeriesPoint(raw: RawSeriesRecord, defaultSeries: string): Normalized<NormalizedSeriesPoint> {
  const errors: FieldIssue[] = [];
  const match = MONTH.exec((raw.month ?? '').trim());
  const month = match && Number(match[2]) >= 1 && Number(match[2]) <= 12 ? `${match[1]}-${match[2].padStart(2, '0')}-01` : null;
  if (!month) errors.push({ field: 'month', value: raw.month, code: 'INVALID_MONTH', message: 'month must look like 2024-03' });
  const skill = (raw.skill ?? '').trim();
  if (!skill) errors.push({ field: 'skill', value: raw.skill, code: 'SKILL_MISSING', message: 'skill is required' });
  const postings = Number((raw.postings ?? '').trim());
  if (!(raw.postings ?? '').trim() || !Number.isFinite(postings) || postings < 0) {
    errors.push({ field: 'postings', value: raw.postings, code: 'INVALID_COUNT', message: 'postings must be a number ≥ 0' });
  }
  const totalText = (raw.totalPostings ?? '').trim();
  const total = totalText ? Number(totalText) : null;
  if (total !== null && (!Number.isFinite(total) || total < 0)) {
    errors.push({ field: 'totalPostings', value: raw.totalPostings, code: 'INVALID_COUNT', message: 'total_postings must be a number ≥ 0' });
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, warnings: [], value: { series: (raw.series ?? '').trim() || defaultSeries, skill, month: month!, postings, totalPostings: total } };
}
