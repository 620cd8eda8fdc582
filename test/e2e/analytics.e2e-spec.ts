import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { writePostingsCsv, writeSurveyCsv } from '../../seeds/generators/write-synthetic';
import {
  cents,
  Dataset,
  ExpectedFilter,
  expectedCompareRoles,
  expectedMarketSummary,
  expectedPostingOrder,
  expectedPostingTrends,
  expectedSalaryStats,
  expectedSkillCooccurrence,
  expectedSurveyDistribution,
  expectedTopSkills,
  filterPostings,
  Skill,
  StoredPosting,
  StoredSurvey,
} from '../analytics-expected';
import { PostingFactsMemoryService } from '../../src/analytics/memory/posting-facts-memory.service';
import { createTestApp, TestApp } from '../create-test-app';
import { gql } from '../graphql-client';
import { uploadFile, waitForRun } from '../ingestion-helpers';

/**
 * Market analytics against independently computed answers. A synthetic fixture goes through the real
 * upload → queue → ingestion pipeline; the stored, normalised rows are read back with plain SQL and every
 * expected figure is computed from them in TypeScript (test/analytics-expected.ts), never with the API's SQL.
 */

type Filter = Record<string, unknown>;

const SALARY_FIELDS = 'key count lowSample mean min p10 p25 median p75 p90 max';
const SKILL_FIELDS = 'skill category postings share growth previousPostings medianSalary salaryPremium salaryCount';

// Narrow outlier bounds so that a good share of the fixture is flagged and includeOutliers matters.
const OUTLIER_BOUNDS = { min: 40_000, max: 250_000 };

const money = (exact: number | null) => (exact === null ? null : cents(exact));
const approx = (exact: number | null) => (exact === null ? null : expect.closeTo(exact, 9));

describe('market analytics (e2e)', () => {
  let t: TestApp;
  let db: Client;
  let auth: Record<string, string>;
  let data: Dataset;
  let skillIdByName: Map<string, number>;
  const dir = mkdtempSync(join(tmpdir(), 'hirescope-analytics-'));

  async function query<T = any>(text: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await gql<T>(t.baseUrl, text, variables, auth);
    if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data!;
  }

  async function errorsOf(text: string, variables: Record<string, unknown> = {}) {
    const result = await gql(t.baseUrl, text, variables, auth);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.length).toBeGreaterThan(0);
    return result.errors!;
  }

  /** The GraphQL filter as the expectation functions take it: skill names and aliases resolved to ids. */
  function expectedFilter(filter: Filter = {}): ExpectedFilter {
    const skills = (filter.skills as string[] | undefined) ?? [];
    return {
      ...(filter as ExpectedFilter),
      skillIds: skills.map((name) => {
        const id = skillIdByName.get(name.trim().toLowerCase());
        if (id === undefined) throw new Error(`test fixture names an unknown skill: ${name}`);
        return id;
      }),
      skillMatch: (filter.skillMatch as 'ALL' | 'ANY' | undefined) ?? 'ALL',
    };
  }

  beforeAll(async () => {
    t = await createTestApp({ salaryOutlierBounds: OUTLIER_BOUNDS });
    auth = (t as any).adminKey ? { authorization: `Bearer ${(t as any).adminKey}` } : {};
    db = new Client({ connectionString: t.db.url });
    await db.connect();

    const postingsFile = join(dir, 'postings.csv');
    const surveyFile = join(dir, 'survey.csv');
    await writePostingsCsv(postingsFile, { count: 3000, seed: 42, from: '2023-01-01', to: '2025-12-31' });
    await writeSurveyCsv(surveyFile, { count: 2000, seed: 42 });
    for (const [path, kind] of [[postingsFile, 'postings'], [surveyFile, 'survey']] as const) {
      const { status, body } = await uploadFile(t.baseUrl, path, { kind }, auth);
      expect(status).toBe(202);
      const run = await waitForRun(t.baseUrl, body.runId!, auth);
      expect(run).toMatchObject({ status: 'COMPLETED' });
    }
    data = await loadStoredRows(db);
    skillIdByName = await loadSkillNames(db);
    // Answers come from the in-memory copy once it is loaded (analytics-memory.e2e-spec.ts proves it equals SQL).
    await t.app.get(PostingFactsMemoryService).ready();
  });

  afterAll(async () => {
    await db?.end();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the fixture exercises what the assertions rely on', () => {
    const { postings, surveys } = data;
    expect(postings.length).toBeGreaterThan(2800);
    expect(surveys.length).toBe(2000);
    const withSalary = postings.filter((p) => p.annualUsdMid !== null);
    expect(withSalary.some((p) => p.salaryOutlier)).toBe(true);
    expect(withSalary.some((p) => !p.salaryOutlier)).toBe(true);
    expect(postings.some((p) => p.annualUsdMid === null)).toBe(true);
    expect(surveys.filter((s) => s.salaryOutlier).length).toBeGreaterThan(20);
    expect(surveys.some((s) => s.languages.length === 0)).toBe(true);
    expect(surveys.some((s) => s.languages.length > 1)).toBe(true);
    expect(new Set(postings.map((p) => p.postedDate?.slice(0, 7))).size).toBe(36);
  });

  describe('salaryStats', () => {
    const cases: Array<[string, 'POSTINGS' | 'SURVEY', number, Filter]> = [
      ['ROLE_FAMILY', 'POSTINGS', 5, {}],
      ['ROLE_FAMILY', 'POSTINGS', 5, { includeOutliers: true }],
      ['SKILL', 'POSTINGS', 100, {}],
      ['EXPERIENCE_LEVEL', 'POSTINGS', 5, { regions: ['EUROPE'] }],
      ['YEAR', 'POSTINGS', 5, { includeOutliers: true, seniorities: ['SENIOR', 'STAFF'] }],
      ['COUNTRY', 'POSTINGS', 30, { from: '2024-03-15', to: '2025-02-10' }],
      ['REGION', 'POSTINGS', 5, { skills: ['Python', 'SQL'] }],
      ['SENIORITY', 'POSTINGS', 20, { skills: ['PyTorch', 'TensorFlow'], skillMatch: 'ANY', includeOutliers: true }],
      ['REMOTE', 'POSTINGS', 5, { countries: ['us', 'GB', 'de'] }],
      ['INDUSTRY', 'POSTINGS', 50, {}],
      ['COMPANY_SIZE', 'POSTINGS', 5, {}],
      ['EMPLOYMENT_TYPE', 'POSTINGS', 5, { roleFamilies: ['ML_ENGINEER', 'DATA_SCIENTIST'] }],
      ['EXPERIENCE_LEVEL', 'SURVEY', 5, {}],
      ['EXPERIENCE_LEVEL', 'SURVEY', 5, { includeOutliers: true }],
      ['ROLE_FAMILY', 'SURVEY', 50, {}],
      ['REGION', 'SURVEY', 10, { from: '2023-06-01', to: '2024-02-01' }],
      ['YEAR', 'SURVEY', 5, { countries: ['us', 'gb'], includeOutliers: true }],
      ['COMPANY_SIZE', 'SURVEY', 5, { remoteTypes: ['REMOTE'] }],
      ['REMOTE', 'SURVEY', 5, {}],
      ['SENIORITY', 'SURVEY', 5, { seniorities: ['SENIOR', 'MID'] }],
    ];

    it.each(cases)('groupBy %s from %s (minSample %d) under %j', async (groupBy, source, minSample, filter) => {
      const { salaryStats } = await query(
        `query($g: SalaryGroupBy!, $s: DataSource!, $m: Int!, $f: MarketFilter) {
           salaryStats(groupBy: $g, source: $s, minSample: $m, filter: $f) { ${SALARY_FIELDS} } }`,
        { g: groupBy, s: source, m: minSample, f: filter },
      );
      const expected = expectedSalaryStats(data, expectedFilter(filter), groupBy, source, minSample);
      expect(expected.length).toBeGreaterThan(0);
      expect(salaryStats).toEqual(
        expected.map((e) => ({
          ...e,
          mean: money(e.mean), min: money(e.min), p10: money(e.p10), p25: money(e.p25),
          median: money(e.median), p75: money(e.p75), p90: money(e.p90), max: money(e.max),
        })),
      );
    });

    it('the cases above are not vacuous: outliers change figures and lowSample takes both values', () => {
      for (const source of ['POSTINGS', 'SURVEY'] as const) {
        const without = expectedSalaryStats(data, {}, 'ROLE_FAMILY', source, 5);
        const withOutliers = expectedSalaryStats(data, { includeOutliers: true }, 'ROLE_FAMILY', source, 5);
        expect(withOutliers.reduce((n, g) => n + g.count, 0)).toBeGreaterThan(without.reduce((n, g) => n + g.count, 0));
      }
      const skills = expectedSalaryStats(data, {}, 'SKILL', 'POSTINGS', 100);
      expect(new Set(skills.map((s) => s.lowSample))).toEqual(new Set([true, false]));
    });

    it('refuses survey groupings and filters the survey cannot answer', async () => {
      const bySkill = await errorsOf(`{ salaryStats(groupBy: SKILL, source: SURVEY) { key } }`);
      expect(bySkill[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNSUPPORTED_GROUPING' });
      expect(bySkill[0].message).toContain('SKILL');
      const skillFilter = await errorsOf(`{ salaryStats(groupBy: YEAR, source: SURVEY, filter: { skills: ["Python"] }) { key } }`);
      expect(skillFilter[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_FILTER' });
    });
  });

  describe('postingTrends', () => {
    const cases: Array<['SKILL' | 'ROLE_FAMILY', string, number, Filter]> = [
      ['SKILL', 'MONTH', 5, {}],
      ['ROLE_FAMILY', 'MONTH', 10, { from: '2024-02-10', to: '2024-11-20' }],
      ['ROLE_FAMILY', 'QUARTER', 10, {}],
      ['ROLE_FAMILY', 'YEAR', 3, { regions: ['EUROPE', 'ASIA_PACIFIC'] }],
      ['SKILL', 'QUARTER', 8, { from: '2024-01-01', to: '2025-06-30', skills: ['PyTorch', 'TensorFlow'], skillMatch: 'ANY' }],
      ['SKILL', 'YEAR', 50, { skills: ['Python'] }],
      ['ROLE_FAMILY', 'MONTH', 4, { seniorities: ['SENIOR', 'LEAD'], countries: ['us'] }],
      ['SKILL', 'MONTH', 10, { roleFamilies: ['DATA_ENGINEER'], from: '2025-01-01', to: '2025-12-31' }],
    ];

    it.each(cases)('groupBy %s by %s (limit %d) under %j', async (groupBy, interval, limit, filter) => {
      const { postingTrends } = await query(
        `query($g: TrendGroupBy!, $i: TrendInterval!, $l: Int!, $f: MarketFilter) {
           postingTrends(groupBy: $g, interval: $i, limit: $l, filter: $f) { key total points { period count share } } }`,
        { g: groupBy, i: interval, l: limit, f: filter },
      );
      const expected = expectedPostingTrends(data, expectedFilter(filter), groupBy, interval, limit);
      expect(expected.length).toBeGreaterThan(0);
      expect(postingTrends).toEqual(
        expected.map((s) => ({ ...s, points: s.points.map((p) => ({ ...p, share: approx(p.share) })) })),
      );
    });

    it('a skill every filtered posting asks for has a share of 1 in every period', async () => {
      const { postingTrends } = await query(`{ postingTrends(groupBy: SKILL, interval: YEAR, limit: 1, filter: { skills: ["Python"] }) { key points { share } } }`);
      expect(postingTrends[0].key).toBe('Python');
      expect(postingTrends[0].points.map((p: any) => p.share)).toEqual([1, 1, 1]);
    });
  });

  describe('topSkills', () => {
    const cases: Array<[number, Filter]> = [
      [15, { from: '2025-01-01', to: '2025-06-30' }],
      [100, { from: '2024-07-01', to: '2025-06-30', regions: ['NORTH_AMERICA'] }],
      [20, { from: '2024-03-01', to: '2024-08-31', includeOutliers: true, seniorities: ['SENIOR', 'STAFF', 'LEAD'] }],
      [10, { from: '2025-04-01', to: '2025-09-30', skills: ['Python', 'SQL'] }],
      [10, { from: '2024-01-01' }],
      [10, {}],
    ];

    it.each(cases)('limit %d under %j', async (limit, filter) => {
      const { topSkills } = await query(`query($l: Int!, $f: MarketFilter) { topSkills(limit: $l, filter: $f) { ${SKILL_FIELDS} } }`, { l: limit, f: filter });
      const expected = expectedTopSkills(data, expectedFilter(filter), limit);
      expect(expected.length).toBeGreaterThan(0);
      expect(topSkills).toEqual(expected.map(skillDemandMatcher));
    });

    it('growth is measured against the equally long previous period', () => {
      const expected = expectedTopSkills(data, expectedFilter({ from: '2025-01-01', to: '2025-06-30' }), 15);
      expect(expected.every((s) => s.growth !== null && s.previousPostings > 0)).toBe(true);
      const previous = filterPostings(data.postings, {}, { from: '2024-07-04', to: '2024-12-31' });
      const python = skillIdByName.get('python')!;
      expect(expected.find((s) => s.skill === 'Python')!.previousPostings).toBe(previous.filter((p) => p.skillIds.includes(python)).length);
    });
  });

  describe('skillCooccurrence', () => {
    const cases: Array<[string, number, Filter]> = [
      ['Python', 20, {}],
      ['k8s', 10, { regions: ['EUROPE', 'NORTH_AMERICA'] }],
      ['PyTorch', 100, { from: '2024-01-01', to: '2024-12-31' }],
      ['SQL', 15, { roleFamilies: ['DATA_ANALYST', 'ANALYTICS_ENGINEER'], skills: ['Tableau', 'Power BI'], skillMatch: 'ANY' }],
    ];

    it.each(cases)('%s (limit %d) under %j', async (skill, limit, filter) => {
      const { skillCooccurrence } = await query(
        `query($s: String!, $l: Int!, $f: MarketFilter) { skillCooccurrence(skill: $s, limit: $l, filter: $f) { skill together lift } }`,
        { s: skill, l: limit, f: filter },
      );
      const expected = expectedSkillCooccurrence(data, skillIdByName.get(skill.toLowerCase())!, expectedFilter(filter), limit);
      expect(expected.length).toBeGreaterThan(0);
      expect(skillCooccurrence).toEqual(expected.map((p) => ({ ...p, lift: approx(p.lift) })));
    });

    it('an unknown skill is a BAD_USER_INPUT naming it', async () => {
      const errors = await errorsOf(`{ skillCooccurrence(skill: "Underwater Basket Weaving") { skill } }`);
      expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_SKILL' });
      expect(errors[0].message).toContain('Underwater Basket Weaving');
    });
  });

  describe('surveyDistribution', () => {
    const cases: Array<[string, Filter]> = [
      ['EXPERIENCE_LEVEL', {}],
      ['LANGUAGE', {}],
      ['LANGUAGE', { regions: ['EUROPE'] }],
      ['CERTIFICATION', { seniorities: ['SENIOR'] }],
      ['REMOTE', { from: '2024-01-01', to: '2024-12-31' }],
      ['COMPANY_SIZE', {}],
      ['SATISFACTION', {}],
      ['EDUCATION', { countries: ['us'] }],
      ['GENDER', {}],
      ['AGE_GROUP', { roleFamilies: ['DATA_SCIENTIST', 'ML_ENGINEER'] }],
      ['INDUSTRY', {}],
      ['COUNTRY', { remoteTypes: ['REMOTE', 'HYBRID'] }],
      ['REGION', {}],
    ];

    it.each(cases)('%s under %j', async (dimension, filter) => {
      const { surveyDistribution } = await query(
        `query($d: SurveyDimension!, $f: MarketFilter) { surveyDistribution(dimension: $d, filter: $f) { respondents answered buckets { key count share } } }`,
        { d: dimension, f: filter },
      );
      const { multiValued: _multiValued, ...expected } = expectedSurveyDistribution(data, dimension, expectedFilter(filter));
      expect(expected.buckets.length).toBeGreaterThan(0);
      expect(surveyDistribution).toEqual({ ...expected, buckets: expected.buckets.map((b) => ({ ...b, share: approx(b.share) })) });
    });

    it('LANGUAGE is a share of respondents who answered, and shares add up to more than 1', () => {
      const languages = expectedSurveyDistribution(data, 'LANGUAGE', {});
      expect(languages.answered).toBeLessThan(languages.respondents);
      expect(languages.buckets.reduce((sum, b) => sum + b.share, 0)).toBeGreaterThan(1);
    });
  });

  describe('compareRoles', () => {
    const cases: Array<[string, string, number, Filter]> = [
      ['ML_ENGINEER', 'DATA_SCIENTIST', 10, {}],
      ['DATA_ENGINEER', 'DATA_ANALYST', 5, { from: '2024-01-01', to: '2025-06-30', regions: ['NORTH_AMERICA', 'EUROPE'] }],
      ['AI_ENGINEER', 'MLOPS_ENGINEER', 8, { includeOutliers: true }],
      // limit 50 reaches the rare skills, whose shares must still be their real shares in both roles.
      ['DATA_SCIENTIST', 'DATA_MANAGER', 50, {}],
    ];

    it.each(cases)('%s vs %s (limit %d) under %j', async (a, b, limit, filter) => {
      const profile = `roleFamily postings medianSalary salaryCount topSkills { ${SKILL_FIELDS} }`;
      const { compareRoles } = await query(
        `query($a: RoleFamily!, $b: RoleFamily!, $l: Int!, $f: MarketFilter) {
           compareRoles(a: $a, b: $b, limit: $l, filter: $f) { a { ${profile} } b { ${profile} } distinguishingSkills { skill shareA shareB difference } } }`,
        { a, b, l: limit, f: filter },
      );
      const expected = expectedCompareRoles(data, a, b, expectedFilter(filter), limit);
      const profileMatcher = (p: typeof expected.a) => ({ ...p, medianSalary: money(p.medianSalary), topSkills: p.topSkills.map(skillDemandMatcher) });
      expect(compareRoles).toEqual({
        a: profileMatcher(expected.a),
        b: profileMatcher(expected.b),
        distinguishingSkills: expected.distinguishingSkills.map((c) => ({ skill: c.skill, shareA: approx(c.shareA), shareB: approx(c.shareB), difference: approx(c.difference) })),
      });
    });
  });

  describe('marketSummary', () => {
    const cases: Filter[] = [
      {},
      { from: '2025-01-01', to: '2025-06-30' },
      { from: '2024-01-01', to: '2024-12-31', roleFamilies: ['ML_ENGINEER', 'AI_ENGINEER'], regions: ['NORTH_AMERICA', 'EUROPE'] },
      { countries: ['us'], includeOutliers: true },
      { skills: ['Python', 'k8s'], skillMatch: 'ANY' },
      { skills: ['Python', 'k8s'] },
      { seniorities: ['SENIOR'], from: '2024-05-01' },
      { to: '2024-06-30', industries: ['FINANCE', 'HEALTHCARE'] },
    ];

    it.each(cases)('under %j', async (filter) => {
      const { marketSummary } = await query(
        `query($f: MarketFilter) { marketSummary(filter: $f) {
           postings previousPostings postingsChange medianSalary previousMedianSalary salaryCount
           topSkills { ${SKILL_FIELDS} } topRegions { key count share } from to } }`,
        { f: filter },
      );
      const e = expectedMarketSummary(data, expectedFilter(filter));
      expect(e.postings).toBeGreaterThan(0);
      expect(marketSummary).toEqual({
        ...e,
        postingsChange: approx(e.postingsChange),
        medianSalary: money(e.medianSalary),
        previousMedianSalary: money(e.previousMedianSalary),
        topSkills: e.topSkills.map(skillDemandMatcher),
        topRegions: e.topRegions.map((r) => ({ ...r, share: approx(r.share) })),
      });
    });
  });

  describe('filters', () => {
    const cases: Filter[] = [
      { skills: ['Python', 'PyTorch'] },
      { skills: ['Python', 'PyTorch'], skillMatch: 'ALL' },
      { skills: ['Python', 'PyTorch'], skillMatch: 'ANY' },
      { skills: ['torch', 'K8S'], skillMatch: 'ANY' },
      { countries: ['US', 'gb'] },
      { regions: ['LATIN_AMERICA', 'AFRICA', 'MIDDLE_EAST'] },
      { seniorities: ['INTERN', 'ENTRY'] },
      { from: '2024-02-29', to: '2024-03-31' },
      { from: '2025-12-31', to: '2025-12-31' },
      { from: '2024-06-01', to: '2024-12-31', regions: ['EUROPE'], seniorities: ['MID', 'SENIOR'], skills: ['SQL'], roleFamilies: ['DATA_ENGINEER', 'DATA_SCIENTIST'] },
      { remoteTypes: ['REMOTE'], employmentTypes: ['CONTRACT', 'FREELANCE'] },
    ];

    it.each(cases)('postings counted under %j match a plain-TypeScript filter of the stored rows', async (filter) => {
      const { jobPostings, marketSummary } = await query(
        `query($f: MarketFilter) { jobPostings(filter: $f, first: 1) { totalCount } marketSummary(filter: $f) { postings } }`,
        { f: filter },
      );
      const expected = filterPostings(data.postings, expectedFilter(filter)).length;
      expect(jobPostings.totalCount).toBe(expected);
      expect(marketSummary.postings).toBe(expected);
      expect(expected).toBeLessThan(data.postings.length);
    });

    it('skills ALL is the intersection and ANY the union', () => {
      const all = filterPostings(data.postings, expectedFilter({ skills: ['Python', 'PyTorch'] })).length;
      const any = filterPostings(data.postings, expectedFilter({ skills: ['Python', 'PyTorch'], skillMatch: 'ANY' })).length;
      const python = filterPostings(data.postings, expectedFilter({ skills: ['Python'] })).length;
      const torch = filterPostings(data.postings, expectedFilter({ skills: ['PyTorch'] })).length;
      expect(all).toBeGreaterThan(0);
      expect(any).toBe(python + torch - all);
    });

    it('an impossible date range is a BAD_USER_INPUT saying so', async () => {
      const errors = await errorsOf(`{ marketSummary(filter: { from: "2025-06-01", to: "2025-01-01" }) { postings } }`);
      expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_FILTER' });
      expect(errors[0].message).toBe('impossible date range: from 2025-06-01 is after to 2025-01-01');
    });

    it('a malformed date is a BAD_USER_INPUT naming the field', async () => {
      const errors = await errorsOf(`{ topSkills(filter: { from: "2025-13-01" }) { skill } }`);
      expect(errors[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors[0].message).toContain('from must be a date like');
    });

    it.each([
      [{ from: '2024-01-01T00:00:00Z', to: '2024-06-30' }],
      [{ from: '20240101', to: '20240630' }],
      [{ from: '2024-W01-1' }],
    ])('a date that is not YYYY-MM-DD (%j) is a BAD_USER_INPUT, as the field documents', async (filter) => {
      for (const field of ['marketSummary(filter: $f) { postings }', 'topSkills(filter: $f) { skill }', 'jobPostings(filter: $f) { totalCount }']) {
        const errors = await errorsOf(`query($f: MarketFilter) { ${field} }`, { f: filter });
        expect(errors[0].extensions?.code).toBe('BAD_USER_INPUT');
      }
    });

    it('an unknown enum value is a GraphQL error naming the value and the enum', async () => {
      const literal = await errorsOf(`{ marketSummary(filter: { roleFamilies: [WIZARD] }) { postings } }`);
      expect(literal[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(literal[0].message).toMatch(/"WIZARD".*"RoleFamily"/);
      const variable = await errorsOf(`query($f: MarketFilter) { marketSummary(filter: $f) { postings } }`, { f: { regions: ['ATLANTIS'] } });
      expect(variable[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(variable[0].message).toMatch(/"ATLANTIS".*"WorldRegion"/);
    });

    it('unknown skill names are a BAD_USER_INPUT listing every one of them', async () => {
      const errors = await errorsOf(`query($f: MarketFilter) { topSkills(filter: $f) { skill } }`, {
        f: { skills: ['Python', 'Quantum Knitting', 'Cobolt'], skillMatch: 'ANY' },
      });
      expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_SKILL' });
      expect(errors[0].message).toBe('unknown skill(s): Quantum Knitting, Cobolt');
    });
  });

  describe('jobPostings', () => {
    const PAGE = `query($f: MarketFilter, $first: Int!, $after: String) {
      jobPostings(filter: $f, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id roleFamily region postedDate skills { name } } } } }`;

    async function walk(filter: Filter, first: number): Promise<{ ids: string[]; totals: Set<number>; pages: number; nodes: any[] }> {
      const nodes: any[] = [];
      const totals = new Set<number>();
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const { jobPostings } = await query(PAGE, { f: filter, first, after });
        pages++;
        totals.add(jobPostings.totalCount);
        expect(jobPostings.edges.length).toBeLessThanOrEqual(first);
        nodes.push(...jobPostings.edges.map((e: any) => e.node));
        if (!jobPostings.pageInfo.hasNextPage) break;
        expect(jobPostings.edges.length).toBe(first);
        expect(jobPostings.pageInfo.endCursor).toBe(jobPostings.edges[jobPostings.edges.length - 1].cursor);
        after = jobPostings.pageInfo.endCursor;
        if (pages > 1000) throw new Error('pagination does not end');
      }
      return { ids: nodes.map((n) => n.id), totals, pages, nodes };
    }

    it('walking every page returns each posting exactly once, newest first', async () => {
      const expected = expectedPostingOrder(data, {});
      const { ids, totals, pages, nodes } = await walk({}, 100);
      expect(totals).toEqual(new Set([data.postings.length]));
      expect(pages).toBe(Math.ceil(expected.length / 100));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expected);
      const stored = new Map(data.postings.map((p) => [p.id, p]));
      for (const node of nodes) {
        const row = stored.get(node.id)!;
        expect({ roleFamily: node.roleFamily, region: node.region, postedDate: node.postedDate }).toEqual({ roleFamily: row.roleFamily, region: row.region, postedDate: row.postedDate });
        expect(node.skills.map((s: any) => s.name)).toEqual(row.skillIds.map((id) => data.skills.get(id)!.name));
      }
    });

    it('walks a filtered listing with an odd page size', async () => {
      const filter = { regions: ['EUROPE'], from: '2024-01-01', to: '2025-06-30', skills: ['Python', 'SQL'], skillMatch: 'ANY' };
      const expected = expectedPostingOrder(data, expectedFilter(filter));
      expect(expected.length).toBeGreaterThan(37 * 3);
      const { ids, totals } = await walk(filter, 37);
      expect(totals).toEqual(new Set([expected.length]));
      expect(ids).toEqual(expected);
    });

    it('a malformed cursor is a BAD_USER_INPUT, not a silent first page or an internal error', async () => {
      const cursor = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
      for (const after of ['not-a-cursor', cursor({ a: 1 }), cursor(['yesterday', '12']), cursor(['2024-01-01', '99999999999999999999999'])]) {
        const errors = await errorsOf(`query($a: String) { jobPostings(first: 5, after: $a) { totalCount } }`, { a: after });
        expect(errors[0].extensions?.code).toBe('BAD_USER_INPUT');
      }
    });

    it('caps the page size at 100', async () => {
      const max = await query(`{ jobPostings(first: 100) { edges { cursor } } }`);
      expect(max.jobPostings.edges).toHaveLength(100);
      const errors = await errorsOf(`{ jobPostings(first: 101) { totalCount } }`);
      expect(errors[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors[0].message).toMatch(/first must not be greater than 100/);
      const zero = await errorsOf(`{ jobPostings(first: 0) { totalCount } }`);
      expect(zero[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});

function skillDemandMatcher(s: ReturnType<typeof expectedTopSkills>[number]) {
  return { ...s, share: approx(s.share), growth: approx(s.growth), medianSalary: money(s.medianSalary), salaryPremium: approx(s.salaryPremium) };
}

async function loadStoredRows(db: Client): Promise<Dataset> {
  const postings = await db.query(
    `SELECT id::text AS id, role_family, seniority, country, region, industry, remote_type, employment_type, company_size,
            to_char(posted_date, 'YYYY-MM-DD') AS posted_date, annual_usd_mid::text AS annual_usd_mid, salary_outlier, skill_ids
       FROM job_postings`,
  );
  const surveys = await db.query(
    `SELECT id::text AS id, year, experience_level, seniority, role_family, employment_type, country, region, industry, remote_type,
            company_size, annual_usd::text AS annual_usd, salary_outlier, education, satisfaction, gender, age_group, languages, certifications
       FROM survey_responses`,
  );
  const skills = await db.query(`SELECT id, name, category FROM skills`);
  const num = (v: string | null) => (v === null ? null : Number(v));
  return {
    postings: postings.rows.map(
      (r): StoredPosting => ({
        id: r.id, roleFamily: r.role_family, seniority: r.seniority, country: r.country, region: r.region, industry: r.industry,
        remoteType: r.remote_type, employmentType: r.employment_type, companySize: r.company_size, postedDate: r.posted_date,
        annualUsdMid: num(r.annual_usd_mid), salaryOutlier: r.salary_outlier, skillIds: r.skill_ids,
      }),
    ),
    surveys: surveys.rows.map(
      (r): StoredSurvey => ({
        id: r.id, year: r.year, experienceLevel: r.experience_level, seniority: r.seniority, roleFamily: r.role_family,
        employmentType: r.employment_type, country: r.country, region: r.region, industry: r.industry, remoteType: r.remote_type,
        companySize: r.company_size, annualUsd: num(r.annual_usd), salaryOutlier: r.salary_outlier, education: r.education,
        satisfaction: r.satisfaction, gender: r.gender, ageGroup: r.age_group, languages: r.languages, certifications: r.certifications,
      }),
    ),
    skills: new Map(skills.rows.map((r: Skill) => [r.id, r])),
  };
}

/** Lower-cased names, then aliases where no name claims them: how a client may name a skill. */
async function loadSkillNames(db: Client): Promise<Map<string, number>> {
  const byName = new Map<string, number>();
  for (const r of (await db.query(`SELECT id, name FROM skills`)).rows) byName.set(r.name.toLowerCase(), r.id);
  for (const r of (await db.query(`SELECT skill_id, alias FROM skill_aliases ORDER BY skill_id, alias`)).rows) {
    if (!byName.has(r.alias.toLowerCase())) byName.set(r.alias.toLowerCase(), r.skill_id);
  }
  return byName;
}
