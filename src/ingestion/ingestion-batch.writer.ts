import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { inTransaction } from '../database/client-transaction';
import { EncodedRows } from './encoded-rows';
import { IngestionKind } from './ingestion.enums';
import { copyBool, copyIntArray, copyNumber, copyText, copyTextArray } from './copy-format';
import { ownString } from './normalizers/memoize';
import { NormalizedPosting, NormalizedSeriesPoint, NormalizedSurvey } from './normalizers/normalized-records';

export interface RowIssue {
  line: number | null;
  pointer: string | null;
  field: string | null;
  value: string | null;
  code: string;
  message: string;
  severity: 'ERROR' | 'WARNING';
}

export interface IngestionBatch {
  runId: string;
  kind: IngestionKind;
  fileHash: string;
  /** Source rows consumed so far, including this batch: the resume checkpoint. */
  rowsConsumed: number;
  bytesRead: number;
  rejected: number;
  warnings: number;
  /** Same posting twice inside one batch: counted as duplicates without reaching Postgres. */
  inBatchDuplicates: number;
  issues: RowIssue[];
  /**
   * Postings or survey rows as COPY text, encoded when normalised (see EncodedRows). A posting row has
   * INSERTED_COLUMNS up to `raw`; its company id and run are added when written. A survey row is complete.
   */
  rows: EncodedRows;
  /** Per posting row: its FACT_COLUMNS after id. */
  facts: EncodedRows;
  /** Per posting row: its content hash and company name. */
  postingHashes: string[];
  postingCompanies: Array<string | null>;
  /** Per survey row: its line in the source file. */
  surveyLines: number[];
  series: NormalizedSeriesPoint[];
  ingestionRunId: string;
}

export interface BatchOutcome {
  inserted: number;
  duplicates: number;
}

const POSTING_COLUMNS = [
  'ord', 'source', 'source_id', 'content_hash', 'title_raw', 'title', 'role_family', 'seniority', 'onet_soc', 'company_name', 'industry',
  'industry_raw', 'country', 'region', 'city', 'location_raw', 'remote_type', 'employment_type', 'company_size', 'salary_raw',
  'salary_min', 'salary_max', 'salary_currency', 'pay_period', 'annual_usd_min', 'annual_usd_max', 'salary_outlier',
  'posted_date', 'description', 'education', 'experience_raw', 'experience_years', 'skill_ids', 'skill_aliases', 'raw',
] as const;

const STAGE_POSTINGS = `
  CREATE TEMP TABLE IF NOT EXISTS stage_postings (
    ord int, source text, source_id text, content_hash text, title_raw text, title text, role_family text, seniority text,
    onet_soc text, company_name text, industry text, industry_raw text, country text, region text, city text, location_raw text,
    remote_type text, employment_type text, company_size text, salary_raw text, salary_min numeric, salary_max numeric,
    salary_currency text, pay_period text, annual_usd_min numeric, annual_usd_max numeric, salary_outlier boolean,
    posted_date date, description text, education text, experience_raw text, experience_years numeric,
    skill_ids int[], skill_aliases text[], raw jsonb
  ) ON COMMIT DELETE ROWS`;

const INSERTED_COLUMNS = POSTING_COLUMNS.filter((c) => c !== 'ord');

/** posting_facts' columns: the narrow analytics copy of a posting, written beside it in the same transaction. */
const FACT_COLUMNS = [
  'id', 'posted_date', 'role_family', 'seniority', 'country', 'region', 'industry', 'remote_type', 'employment_type', 'company_size',
  'source', 'annual_usd_mid', 'salary_outlier', 'skill_ids',
] as const;

const MERGE_POSTINGS = `
  WITH ins AS (
    INSERT INTO job_postings (${INSERTED_COLUMNS.join(', ')}, company_id, ingestion_run_id)
    SELECT ${INSERTED_COLUMNS.map((c) => `s.${c}`).join(', ')}, c.id, $1
    FROM stage_postings s LEFT JOIN companies c ON c.normalized_name = lower(s.company_name)
    ORDER BY s.ord
    ON CONFLICT (content_hash) DO UPDATE SET last_seen = now()
    RETURNING (xmax = 0) AS inserted, ${FACT_COLUMNS.join(', ')}
  ), facts AS (
    -- Sibling CTEs cannot see each other's rows in the table, so the facts come from RETURNING.
    INSERT INTO posting_facts (${FACT_COLUMNS.join(', ')}) SELECT ${FACT_COLUMNS.join(', ')} FROM ins WHERE inserted
  )
  SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM ins`;

/**
 * job_postings.annual_usd_mid as Postgres generates it: the mean of the (cent-rounded) bounds, in
 * numeric, rounded half away from zero to cents. Worked in whole cents, so it is exact.
 */
export function annualUsdMid(min: number | null, max: number | null): number | null {
  if (min === null && max === null) return null;
  const sum = Math.round((min ?? max)! * 100) + Math.round((max ?? min)! * 100);
  return (sum % 2 === 0 ? sum / 2 : (sum + Math.sign(sum)) / 2) / 100;
}

/** A posting's FACT_COLUMNS after id, as a COPY text line. */
function factFields(p: NormalizedPosting): string {
  return (
    `${copyText(p.postedDate)}\t${copyText(p.roleFamily)}\t${copyText(p.seniority)}\t${copyText(p.country)}\t${copyText(p.region)}\t` +
    `${copyText(p.industry)}\t${copyText(p.remoteType)}\t${copyText(p.employmentType)}\t${copyText(p.companySize)}\t${copyText(p.source)}\t` +
    `${copyNumber(annualUsdMid(p.annualUsdMin, p.annualUsdMax))}\t${copyBool(p.salaryOutlier)}\t${copyIntArray(p.skillIds)}\n`
  );
}

/** A posting's columns in INSERTED_COLUMNS order, as COPY text. */
function postingFields(p: NormalizedPosting): string {
  return (
    `${copyText(p.source)}\t${copyText(p.sourceId)}\t${copyText(p.contentHash)}\t${copyText(p.titleRaw)}\t${copyText(p.title)}\t` +
    `${copyText(p.roleFamily)}\t${copyText(p.seniority)}\t${copyText(p.onetSoc)}\t${copyText(p.companyName)}\t${copyText(p.industry)}\t${copyText(p.industryRaw)}\t` +
    `${copyText(p.country)}\t${copyText(p.region)}\t${copyText(p.city)}\t${copyText(p.locationRaw)}\t${copyText(p.remoteType)}\t` +
    `${copyText(p.employmentType)}\t${copyText(p.companySize)}\t${copyText(p.salaryRaw)}\t${copyNumber(p.salaryMin)}\t${copyNumber(p.salaryMax)}\t` +
    `${copyText(p.salaryCurrency)}\t${copyText(p.payPeriod)}\t${copyNumber(p.annualUsdMin)}\t${copyNumber(p.annualUsdMax)}\t` +
    `${copyBool(p.salaryOutlier)}\t${copyText(p.postedDate)}\t${copyText(p.description)}\t${copyText(p.education)}\t${copyText(p.experienceRaw)}\t` +
    `${copyNumber(p.experienceYears)}\t${copyIntArray(p.skillIds)}\t${copyTextArray(p.skillAliases)}\t${copyText(JSON.stringify(p.raw))}`
  );
}

const SURVEY_COLUMNS = [
  'source_file_hash', 'source_line', 'ingestion_run_id', 'year', 'experience_level', 'seniority', 'employment_type', 'job_title',
  'role_family', 'onet_soc', 'salary', 'salary_currency', 'annual_usd', 'salary_outlier', 'country', 'company_country', 'region',
  'remote_ratio', 'remote_type', 'company_size', 'industry', 'education', 'satisfaction', 'gender', 'age_group', 'languages',
  'certifications',
] as const;

// Same columns as survey_responses without its constraints or defaults (a temp table cannot be created
// ON COMMIT DELETE ROWS from a query, so the columns come from a throw-away LIMIT 0 select).
const STAGE_SURVEYS = `CREATE TEMP TABLE IF NOT EXISTS stage_surveys ON COMMIT DELETE ROWS AS SELECT ${SURVEY_COLUMNS.join(', ')} FROM survey_responses LIMIT 0`;

function surveyLine(fileHash: string, runId: string, line: number, s: NormalizedSurvey): string {
  return (
    `${fileHash}\t${line}\t${runId}\t${s.year}\t${copyText(s.experienceLevel)}\t${copyText(s.seniority)}\t${copyText(s.employmentType)}\t` +
    `${copyText(s.jobTitle)}\t${copyText(s.roleFamily)}\t${copyText(s.onetSoc)}\t${copyNumber(s.salary)}\t${copyText(s.salaryCurrency)}\t${copyNumber(s.annualUsd)}\t` +
    `${copyBool(s.salaryOutlier)}\t${copyText(s.country)}\t${copyText(s.companyCountry)}\t${copyText(s.region)}\t${copyNumber(s.remoteRatio)}\t` +
    `${copyText(s.remoteType)}\t${copyText(s.companySize)}\t${copyText(s.industry)}\t${copyText(s.education)}\t${copyNumber(s.satisfaction)}\t` +
    `${copyText(s.gender)}\t${copyText(s.ageGroup)}\t${copyTextArray(s.languages)}\t${copyTextArray(s.certifications)}`
  );
}

/** Adds a normalised posting to the batch, encoded. */
export function addPosting(batch: IngestionBatch, p: NormalizedPosting): void {
  batch.rows.append(postingFields(p));
  batch.facts.append(factFields(p));
  batch.postingHashes.push(p.contentHash);
  // Owned copy: a slice of the parsed chunk would keep every chunk of the batch alive.
  batch.postingCompanies.push(p.companyName === null ? null : ownString(p.companyName));
}

/** Adds a normalised survey answer from `line` of the source to the batch, encoded. */
export function addSurvey(batch: IngestionBatch, line: number, s: NormalizedSurvey): void {
  batch.rows.append(surveyLine(batch.fileHash, batch.ingestionRunId, line, s) + '\n');
  batch.surveyLines.push(line);
}

async function copyRows(client: Client, sql: string, rows: Readable): Promise<void> {
  await pipeline(rows, client.query(copyFrom(sql)));
}

/**
 * Writes one batch atomically: data rows, their issues and the run's counters and checkpoint
 * commit together, so a worker killed at any instant leaves either the whole batch or none of it.
 */
export function writeBatch(client: Client, batch: IngestionBatch): Promise<BatchOutcome> {
  return inTransaction(client, async () => {
    const written = await writeRows(client, batch);
    const outcome = { inserted: written.inserted, duplicates: written.duplicates + batch.inBatchDuplicates };
    if (batch.issues.length) await writeIssues(client, batch.runId, batch.issues);
    await client.query(
      `UPDATE ingestion_runs
          SET rows_read = $2, bytes_read = greatest(bytes_read, $3), accepted = accepted + $4, duplicates = duplicates + $5,
              rejected = rejected + $6, warnings = warnings + $7, committed_line = $2
        WHERE id = $1`,
      [batch.runId, batch.rowsConsumed, batch.bytesRead, outcome.inserted, outcome.duplicates, batch.rejected, batch.warnings],
    );
    return outcome;
  });
}

async function writeRows(client: Client, batch: IngestionBatch): Promise<BatchOutcome> {
  switch (batch.kind) {
    case IngestionKind.POSTINGS: {
      if (batch.rows.count === 0) return { inserted: 0, duplicates: 0 };
      const companyIds = await upsertCompanies(client, batch.postingCompanies);
      return (await copyNewPostings(client, batch, companyIds)) ?? (await mergePostings(client, batch));
    }
    case IngestionKind.SURVEY: {
      const count = batch.rows.count;
      if (count === 0) return { inserted: 0, duplicates: 0 };
      const all = () => batch.rows.toStream(() => true, null, null);
      // Fast path for lines of a file not stored yet: straight COPY. Re-ingestion takes the merge. One
      // index range probe over the batch's lines (they ascend), not one probe per line.
      let min = batch.surveyLines[0];
      let max = min;
      for (const line of batch.surveyLines) {
        if (line < min) min = line;
        else if (line > max) max = line;
      }
      const { rows } = await client.query<{ taken: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM survey_responses WHERE source_file_hash = $1 AND source_line BETWEEN $2 AND $3) AS taken`,
        [batch.fileHash, min, max],
      );
      if (!rows[0].taken) {
        await client.query('SAVEPOINT direct_copy');
        try {
          await copyRows(client, `COPY survey_responses (${SURVEY_COLUMNS.join(', ')}) FROM STDIN`, all());
          await client.query('RELEASE SAVEPOINT direct_copy');
          return { inserted: count, duplicates: 0 };
        } catch (error) {
          if ((error as { code?: string }).code !== '23505') throw error;
          await client.query('ROLLBACK TO SAVEPOINT direct_copy');
        }
      }
      await client.query(STAGE_SURVEYS);
      await copyRows(client, `COPY stage_surveys (${SURVEY_COLUMNS.join(', ')}) FROM STDIN`, all());
      const { rowCount } = await client.query(
        `INSERT INTO survey_responses (${SURVEY_COLUMNS.join(', ')}) SELECT ${SURVEY_COLUMNS.join(', ')} FROM stage_surveys
         ON CONFLICT (source_file_hash, source_line) DO NOTHING`,
      );
      return { inserted: rowCount ?? 0, duplicates: count - (rowCount ?? 0) };
    }
    case IngestionKind.SERIES: {
      if (batch.series.length === 0) return { inserted: 0, duplicates: 0 };
      const { rows } = await client.query<{ inserted: number; total: number }>(
        `WITH up AS (
           INSERT INTO imported_series (series_name, skill, month, postings, total_postings, ingestion_run_id)
           SELECT * , $6::uuid FROM unnest($1::text[], $2::text[], $3::date[], $4::float8[], $5::float8[])
           ON CONFLICT (series_name, skill, month) DO UPDATE SET postings = excluded.postings, total_postings = excluded.total_postings
           RETURNING (xmax = 0) AS inserted
         ) SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*)::int AS total FROM up`,
        [
          batch.series.map((p) => p.series),
          batch.series.map((p) => p.skill),
          batch.series.map((p) => p.month),
          batch.series.map((p) => p.postings),
          batch.series.map((p) => p.totalPostings),
          batch.ingestionRunId,
        ],
      );
      return { inserted: rows[0].inserted, duplicates: rows[0].total - rows[0].inserted };
    }
  }
}

/** Company ids by lower-cased name, inserting the names not seen before. */
async function upsertCompanies(client: Client, companies: ReadonlyArray<string | null>): Promise<Map<string, number>> {
  const names = [...new Set(companies.filter((c): c is string => !!c))];
  if (names.length === 0) return new Map();
  await client.query(
    `INSERT INTO companies (name, normalized_name) SELECT DISTINCT ON (lower(n)) n, lower(n) FROM unnest($1::text[]) AS n ON CONFLICT (normalized_name) DO NOTHING`,
    [names],
  );
  const { rows } = await client.query<{ id: number; normalized_name: string }>(
    `SELECT id, normalized_name FROM companies WHERE normalized_name = ANY($1::text[])`,
    [names.map((n) => n.toLowerCase())],
  );
  return new Map(rows.map((r) => [r.normalized_name, r.id]));
}

/**
 * Fast path: look up which postings already exist, touch those, COPY the rest straight into
 * job_postings. Returns null when a concurrent run inserted one of ours meanwhile (unique
 * violation), and the caller falls back to the staging-table merge, which is race-free.
 */
async function copyNewPostings(client: Client, batch: IngestionBatch, companyIds: Map<string, number>): Promise<BatchOutcome | null> {
  const { postingHashes: hashes, postingCompanies: companies } = batch;
  const { rows } = await client.query<{ content_hash: string }>(
    `UPDATE job_postings SET last_seen = now() WHERE content_hash = ANY($1::text[]) RETURNING content_hash`,
    [hashes],
  );
  const existing = new Set(rows.map((r) => r.content_hash));
  const isFresh = (i: number) => !existing.has(hashes[i]);
  const fresh = hashes.flatMap((_, i) => (isFresh(i) ? [i] : []));
  if (fresh.length === 0) return { inserted: 0, duplicates: existing.size };
  await client.query('SAVEPOINT direct_copy');
  try {
    // Ids drawn up front (in row order, as the serial default would) so the facts can be copied too,
    // rather than read back from job_postings by content hash.
    const { rows: drawn } = await client.query<{ id: string }>(
      `SELECT nextval('job_postings_id_seq')::text AS id FROM generate_series(1, $1)`,
      [fresh.length],
    );
    const ids: string[] = [];
    fresh.forEach((row, k) => (ids[row] = drawn[k].id));
    const id = (i: number) => `${ids[i]}\t`;
    const run = batch.ingestionRunId;
    const tail = (i: number) => `\t${(companies[i] && companyIds.get(companies[i]!.toLowerCase())) ?? '\\N'}\t${run}\n`;
    await copyRows(client, `COPY job_postings (id, ${INSERTED_COLUMNS.join(', ')}, company_id, ingestion_run_id) FROM STDIN`, batch.rows.toStream(isFresh, id, tail));
    await copyRows(client, `COPY posting_facts (${FACT_COLUMNS.join(', ')}) FROM STDIN`, batch.facts.toStream(isFresh, id, null));
    await client.query('RELEASE SAVEPOINT direct_copy');
    return { inserted: fresh.length, duplicates: existing.size };
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    await client.query('ROLLBACK TO SAVEPOINT direct_copy');
    return null;
  }
}

async function mergePostings(client: Client, batch: IngestionBatch): Promise<BatchOutcome> {
  await client.query(STAGE_POSTINGS);
  const rows = batch.rows.toStream(() => true, (i) => `${i}\t`, () => '\n');
  await copyRows(client, `COPY stage_postings (${POSTING_COLUMNS.join(', ')}) FROM STDIN`, rows);
  const { rows: [outcome] } = await client.query<{ inserted: number; updated: number }>(MERGE_POSTINGS, [batch.ingestionRunId]);
  return { inserted: outcome.inserted, duplicates: outcome.updated };
}

async function writeIssues(client: Client, runId: string, issues: RowIssue[]): Promise<void> {
  await client.query(
    `INSERT INTO ingestion_errors (run_id, line, pointer, field, value, code, message, severity)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
     ON CONFLICT DO NOTHING`,
    [
      runId,
      issues.map((i) => i.line),
      issues.map((i) => i.pointer),
      issues.map((i) => i.field),
      issues.map((i) => (i.value === null ? null : i.value.slice(0, 200))),
      issues.map((i) => i.code),
      issues.map((i) => i.message.slice(0, 1000)),
      issues.map((i) => i.severity),
    ],
  );
}
