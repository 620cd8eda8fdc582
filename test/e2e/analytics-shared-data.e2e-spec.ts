import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cents, percentileCont } from '../analytics-expected';
import { createTestApp, TestApp } from '../create-test-app';
import { gql } from '../graphql-client';
import { SHARED_DATA, uploadFile, waitForRun } from '../ingestion-helpers';

/**
 * The real aijobs.net salaries file through the real pipeline, checked against figures computed in the test
 * from the raw CSV (not from stored rows): a check on the preset's mapping as much as on the analytics.
 */

const FILE = join(SHARED_DATA, 'aijobs-salaries/salaries.csv');

const EXPERIENCE: Record<string, string> = { EN: 'ENTRY', MI: 'MID', SE: 'SENIOR', EX: 'EXECUTIVE' };
const REMOTE: Record<string, string> = { '0': 'ONSITE', '50': 'HYBRID', '100': 'REMOTE' };
const COMPANY_SIZE: Record<string, string> = { S: 'SMALL', M: 'MEDIUM', L: 'LARGE' };
const EMPLOYMENT: Record<string, string> = { FT: 'FULL_TIME', PT: 'PART_TIME', CT: 'CONTRACT', FL: 'FREELANCE' };

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

interface RawRow {
  year: string;
  experience: string;
  employment: string;
  usd: number;
  remote: string;
  size: string;
}

function readRaw(): RawRow[] {
  const [header, ...records] = parseCsv(readFileSync(FILE, 'utf8'));
  const col = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${FILE} has no ${name} column`);
    return index;
  };
  const [year, experience, employment, usd, remote, size] = ['work_year', 'experience_level', 'employment_type', 'salary_in_usd', 'remote_ratio', 'company_size'].map(col);
  return records.map((r) => ({ year: r[year], experience: r[experience], employment: r[employment], usd: Number(r[usd]), remote: r[remote], size: r[size] }));
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(row);
  }
  return groups;
}

function countsOf<T>(rows: T[], key: (row: T) => string): Record<string, number> {
  return Object.fromEntries([...groupBy(rows, key)].map(([k, v]) => [k, v.length]));
}

describe('analytics on the aijobs.net salaries file (e2e)', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  let raw: RawRow[];

  async function query<T = any>(text: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await gql<T>(t.baseUrl, text, variables, auth);
    if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data!;
  }

  async function distribution(dimension: string) {
    const { surveyDistribution } = await query(
      `query($d: SurveyDimension!) { surveyDistribution(dimension: $d) { respondents answered buckets { key count share } } }`,
      { d: dimension },
    );
    return surveyDistribution as { respondents: number; answered: number; buckets: Array<{ key: string; count: number; share: number }> };
  }

  async function salaryStats(groupBy: string) {
    const { salaryStats } = await query(
      `query($g: SalaryGroupBy!) { salaryStats(groupBy: $g, source: SURVEY, filter: { includeOutliers: true }) { key count mean min p25 median p75 max } }`,
      { g: groupBy },
    );
    return salaryStats as Array<Record<string, any>>;
  }

  /** Counts per mapped key, and shares of the whole file (every row answers these questions). */
  function expectDistribution(actual: Awaited<ReturnType<typeof distribution>>, expectedCounts: Record<string, number>) {
    expect(actual.respondents).toBe(raw.length);
    expect(actual.answered).toBe(raw.length);
    expect(Object.fromEntries(actual.buckets.map((b) => [b.key, b.count]))).toEqual(expectedCounts);
    for (const b of actual.buckets) expect(b.share).toBeCloseTo(expectedCounts[b.key] / raw.length, 12);
    const counts = actual.buckets.map((b) => b.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  }

  beforeAll(async () => {
    raw = readRaw();
    t = await createTestApp();
    auth = (t as any).adminKey ? { authorization: `Bearer ${(t as any).adminKey}` } : {};
    const { status, body } = await uploadFile(t.baseUrl, FILE, { kind: 'survey', preset: 'aijobs-salaries' }, auth);
    expect(status).toBe(202);
    const run = await waitForRun(t.baseUrl, body.runId!, auth, 300_000);
    expect(run).toMatchObject({ status: 'COMPLETED', rowsRead: raw.length, accepted: raw.length, rejected: 0 });
  }, 360_000);

  afterAll(async () => {
    await t?.close();
  });

  it('the raw file is the documented snapshot', () => {
    expect(raw).toHaveLength(74_301);
    expect(Math.min(...raw.map((r) => r.usd))).toBe(15_000);
    expect(Math.max(...raw.map((r) => r.usd))).toBe(800_000);
  });

  it('counts respondents per experience level (EN/MI/SE/EX → ENTRY/MID/SENIOR/EXECUTIVE)', async () => {
    expectDistribution(await distribution('EXPERIENCE_LEVEL'), countsOf(raw, (r) => EXPERIENCE[r.experience]));
  });

  it('salary distribution per experience level matches salary_in_usd in the file', async () => {
    const stats = await salaryStats('EXPERIENCE_LEVEL');
    const groups = groupBy(raw, (r) => EXPERIENCE[r.experience]);
    expect(stats.map((s) => s.key).sort()).toEqual([...groups.keys()].sort());
    for (const s of stats) {
      const usd = groups.get(s.key)!.map((r) => r.usd).sort((a, b) => a - b);
      expect(s).toEqual({
        key: s.key,
        count: usd.length,
        mean: cents(usd.reduce((sum, v) => sum + v, 0) / usd.length),
        min: usd[0],
        p25: cents(percentileCont(usd, 0.25)!),
        median: cents(percentileCont(usd, 0.5)!),
        p75: cents(percentileCont(usd, 0.75)!),
        max: usd[usd.length - 1],
      });
    }
    // The seniority ladder the data shows: each level earns more at the median than the one below.
    const median = Object.fromEntries(stats.map((s) => [s.key, s.median]));
    expect(median.ENTRY).toBeLessThan(median.MID);
    expect(median.MID).toBeLessThan(median.SENIOR);
    expect(median.SENIOR).toBeLessThan(median.EXECUTIVE);
  });

  it('counts respondents and median salary per work year', async () => {
    const stats = await salaryStats('YEAR');
    const groups = groupBy(raw, (r) => r.year);
    expect(Object.fromEntries(stats.map((s) => [s.key, s.count]))).toEqual(countsOf(raw, (r) => r.year));
    expect(Object.fromEntries(stats.map((s) => [s.key, s.count]))).toEqual({ 2020: 75, 2021: 218, 2022: 1660, 2023: 8522, 2024: 62229, 2025: 1597 });
    for (const s of stats) {
      const usd = groups.get(s.key)!.map((r) => r.usd).sort((a, b) => a - b);
      expect(s.median).toEqual(cents(percentileCont(usd, 0.5)!));
    }
  });

  it('remote_ratio 0/50/100 is ONSITE/HYBRID/REMOTE', async () => {
    expectDistribution(await distribution('REMOTE'), countsOf(raw, (r) => REMOTE[r.remote]));
  });

  it('company_size S/M/L is SMALL/MEDIUM/LARGE', async () => {
    expectDistribution(await distribution('COMPANY_SIZE'), countsOf(raw, (r) => COMPANY_SIZE[r.size]));
  });

  it('employment_type FT/PT/CT/FL counts and medians', async () => {
    const stats = await salaryStats('EMPLOYMENT_TYPE');
    const groups = groupBy(raw, (r) => EMPLOYMENT[r.employment]);
    expect(Object.fromEntries(stats.map((s) => [s.key, s.count]))).toEqual(countsOf(raw, (r) => EMPLOYMENT[r.employment]));
    for (const s of stats) {
      const usd = groups.get(s.key)!.map((r) => r.usd).sort((a, b) => a - b);
      expect(s.median).toEqual(cents(percentileCont(usd, 0.5)!));
    }
  });

  it('no salary in the file is an outlier, so the default figures equal the includeOutliers ones', async () => {
    const { salaryStats: defaults } = await query(`{ salaryStats(groupBy: EXPERIENCE_LEVEL, source: SURVEY) { key count median } }`);
    const withOutliers = await salaryStats('EXPERIENCE_LEVEL');
    expect(defaults).toEqual(withOutliers.map(({ key, count, median }) => ({ key, count, median })));
  });
});
