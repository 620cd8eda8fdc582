import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { writePostingsCsv, writeSurveyCsv } from '../../seeds/generators/write-synthetic';
import { SurveyFactsMemoryService } from '../../src/analytics/memory/survey-facts-memory.service';
import { PostingFactsMemoryService } from '../../src/analytics/memory/posting-facts-memory.service';
import { ForecastSeriesService } from '../../src/forecasting/forecast-series.service';
import { createTestApp, TestApp } from '../create-test-app';
import { gql } from '../graphql-client';
import { uploadFile, waitForRun } from '../ingestion-helpers';

/**
 * The in-memory copy of posting_facts must answer exactly as SQL over the table (the source of truth):
 * every market query, with a spread of filters, is asked once in memory and once in SQL and the answers
 * compared field by field; also after more postings arrive (incremental catch-up) and after rows vanish
 * (rebuild).
 */

type Filter = Record<string, unknown>;

const SALARY_FIELDS = 'key count lowSample mean min p10 p25 median p75 p90 max';
const SKILL_FIELDS = 'skill category postings share growth previousPostings medianSalary salaryPremium salaryCount';

const FILTERS: Filter[] = [
  {},
  { includeOutliers: true },
  { from: '2024-03-15', to: '2025-02-10' },
  { from: '2024-01-01' },
  { to: '2023-06-30', roleFamilies: ['ML_ENGINEER', 'DATA_SCIENTIST'] },
  { regions: ['EUROPE'], seniorities: ['SENIOR', 'STAFF'] },
  { skills: ['Python', 'SQL'] },
  { skills: ['PyTorch', 'TensorFlow'], skillMatch: 'ANY', includeOutliers: true },
  { countries: ['us', 'GB', 'de'], remoteTypes: ['REMOTE', 'HYBRID'] },
  { industries: ['FINANCE', 'HEALTHCARE'], companySizes: ['LARGE'], employmentTypes: ['FULL_TIME'] },
  { roleFamilies: ['RESEARCH_SCIENTIST'], regions: ['ASIA_PACIFIC'], from: '2025-01-01', to: '2025-03-31' },
];

const QUERIES: Array<{ name: string; text: string; vars?: Record<string, unknown> }> = [
  ...['SKILL', 'ROLE_FAMILY', 'SENIORITY', 'COUNTRY', 'REGION', 'INDUSTRY'].flatMap((groupBy) =>
    ['MONTH', 'QUARTER', 'YEAR'].map((interval) => ({
      name: `postingTrends ${groupBy} ${interval}`,
      text: `query($f: MarketFilter) { r: postingTrends(groupBy: ${groupBy}, interval: ${interval}, limit: 8, filter: $f) { key total points { period count share } } }`,
    })),
  ),
  ...['ROLE_FAMILY', 'SENIORITY', 'EXPERIENCE_LEVEL', 'COUNTRY', 'REGION', 'INDUSTRY', 'SKILL', 'YEAR', 'REMOTE', 'COMPANY_SIZE', 'EMPLOYMENT_TYPE'].map((groupBy) => ({
    name: `salaryStats ${groupBy}`,
    text: `query($f: MarketFilter) { r: salaryStats(groupBy: ${groupBy}, filter: $f) { ${SALARY_FIELDS} } }`,
  })),
  { name: 'topSkills', text: `query($f: MarketFilter) { r: topSkills(limit: 25, filter: $f) { ${SKILL_FIELDS} } }` },
  { name: 'skillCooccurrence', text: `query($f: MarketFilter) { r: skillCooccurrence(skill: "Python", limit: 30, filter: $f) { skill together lift } }` },
  {
    name: 'compareRoles',
    text: `query($f: MarketFilter) { r: compareRoles(a: DATA_SCIENTIST, b: ML_ENGINEER, filter: $f) {
      a { roleFamily postings medianSalary salaryCount topSkills { ${SKILL_FIELDS} } } b { roleFamily postings medianSalary salaryCount }
      distinguishingSkills { skill shareA shareB difference } } }`,
  },
  {
    name: 'jobPostings',
    text: `query($f: MarketFilter) { r: jobPostings(first: 25, filter: $f) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id postedDate title } } } }`,
  },
  {
    name: 'marketSummary',
    text: `query($f: MarketFilter) { r: marketSummary(filter: $f) { postings previousPostings postingsChange medianSalary previousMedianSalary salaryCount
      topSkills { ${SKILL_FIELDS} } topRegions { key count share } from to } }`,
  },
];

describe('in-memory analytics agree with SQL (e2e)', () => {
  let t: TestApp;
  let memory: PostingFactsMemoryService;
  const dir = mkdtempSync(join(tmpdir(), 'hirescope-memory-'));

  async function ask(text: string, variables: Record<string, unknown>, inMemory: boolean): Promise<unknown> {
    t.config.analyticsInMemory = inMemory;
    const result = await gql(t.baseUrl, text, variables, t.auth);
    if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data!.r;
  }

  async function ingest(seed: number, count: number, from: string, to: string): Promise<void> {
    const file = join(dir, `postings-${seed}.csv`);
    await writePostingsCsv(file, { count, seed, from, to });
    const { body } = await uploadFile(t.baseUrl, file, { kind: 'postings' }, t.auth);
    expect((await waitForRun(t.baseUrl, body.runId!, t.auth)).status).toBe('COMPLETED');
  }

  /** Every query under every filter, in memory and in SQL; returns how many answers were compared. */
  async function compareAll(filters: Filter[] = FILTERS): Promise<number> {
    let compared = 0;
    for (const q of QUERIES) {
      for (const f of filters) {
        const inSql = await ask(q.text, { f }, false);
        const inMemory = await ask(q.text, { f }, true);
        // Floating sums may differ in the last bits; everything is compared to 1e-9 relative.
        expect({ query: q.name, filter: f, answer: roundDeep(inMemory) }).toEqual({ query: q.name, filter: f, answer: roundDeep(inSql) });
        compared++;
      }
    }
    return compared;
  }

  beforeAll(async () => {
    // Narrow outlier bounds, so includeOutliers changes answers.
    t = await createTestApp({ salaryOutlierBounds: { min: 40_000, max: 250_000 } });
    memory = t.app.get(PostingFactsMemoryService);
    await ingest(11, 2500, '2023-01-01', '2025-12-31');
    const surveys = join(dir, 'survey.csv');
    await writeSurveyCsv(surveys, { count: 3000, seed: 11 });
    const { body } = await uploadFile(t.baseUrl, surveys, { kind: 'survey' }, t.auth);
    expect((await waitForRun(t.baseUrl, body.runId!, t.auth)).status).toBe('COMPLETED');
    await memory.ready();
    await t.app.get(SurveyFactsMemoryService).ready();
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every query exactly as SQL does', async () => {
    expect(await memory.view()).not.toBeNull();
    expect((await memory.view())!.rows).toBeGreaterThan(2400);
    expect(await compareAll()).toBe(QUERIES.length * FILTERS.length);
  });

  it('answers survey distributions exactly as SQL does', async () => {
    const dimensions = ['INDUSTRY', 'EXPERIENCE_LEVEL', 'LANGUAGE', 'COUNTRY', 'REGION', 'EDUCATION', 'SATISFACTION', 'GENDER', 'CERTIFICATION', 'AGE_GROUP', 'COMPANY_SIZE', 'REMOTE'];
    const filters: Filter[] = [
      {},
      { from: '2023-06-01', to: '2024-02-01' },
      { regions: ['EUROPE', 'NORTH_AMERICA'], seniorities: ['SENIOR'] },
      { countries: ['us', 'gb'], remoteTypes: ['REMOTE'], companySizes: ['LARGE'] },
      { roleFamilies: ['DATA_SCIENTIST'], employmentTypes: ['FULL_TIME'], industries: ['FINANCE', 'TECHNOLOGY'] },
    ];
    const text = 'query($d: SurveyDimension!, $f: MarketFilter) { r: surveyDistribution(dimension: $d, filter: $f) { respondents answered buckets { key count share } } }';
    for (const d of dimensions) {
      for (const f of filters) {
        const inSql = await ask(text, { d, f }, false);
        const inMemory = await ask(text, { d, f }, true);
        expect({ d, f, answer: roundDeep(inMemory) }).toEqual({ d, f, answer: roundDeep(inSql) });
      }
    }
    const some = (await ask(text, { d: 'LANGUAGE', f: {} }, true)) as { respondents: number; buckets: unknown[] };
    expect(some.respondents).toBe(3000);
    expect(some.buckets.length).toBeGreaterThan(3);
  });

  it('builds the forecast series (monthly demand per skill) exactly as SQL does', async () => {
    const series = t.app.get(ForecastSeriesService);
    t.config.analyticsInMemory = true;
    for (const scope of [{}, { region: 'EUROPE' }, { roleFamily: 'DATA_ENGINEER' }]) {
      for (const measure of ['COUNT', 'SHARE'] as const) {
        const inMemory = await series.postingSeries(scope, measure);
        const inSql = await series.postingSeriesInSql(scope, measure);
        expect(inMemory.length).toBeGreaterThan(20);
        const bySkill = (list: typeof inSql) => [...list].sort((a, b) => a.skill.localeCompare(b.skill)).map((s) => ({ ...s, values: s.values.map((v) => Number(v.toPrecision(12))) }));
        expect(bySkill(inMemory)).toEqual(bySkill(inSql));
      }
    }
  });

  it('catches up with postings ingested after it was loaded', async () => {
    const before = (await memory.view())!.rows;
    await ingest(12, 800, '2025-06-01', '2026-03-31');
    t.config.analyticsInMemory = true;
    expect((await memory.view())!.rows).toBeGreaterThan(before + 700);
    await compareAll(FILTERS.slice(0, 4));
  });

  it('rebuilds when rows disappear from the table', async () => {
    const db = new Client({ connectionString: t.db.url });
    await db.connect();
    try {
      await db.query(`DELETE FROM job_postings WHERE id IN (SELECT id FROM job_postings ORDER BY id LIMIT 100)`);
      const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM posting_facts')).rows;
      t.config.analyticsInMemory = true;
      expect((await memory.view())!.rows).toBe(n);
      await compareAll(FILTERS.slice(0, 3));
    } finally {
      await db.end();
    }
  });
});

function roundDeep(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toPrecision(10));
  if (Array.isArray(value)) return value.map(roundDeep);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundDeep(v)]));
  return value;
}
