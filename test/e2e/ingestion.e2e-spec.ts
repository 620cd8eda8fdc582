import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestApp, TestApp } from '../create-test-app';
import { gql } from '../graphql-client';
import { SHARED_DATA, uploadFile, waitForRun } from '../ingestion-helpers';

const FIXTURES = join(__dirname, '../../seeds/fixtures');

describe('ingestion (e2e)', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.db.url });
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].count);

  /** The analytics copy (posting_facts) must agree with the source of truth row for row. */
  const expectFactsMatchPostings = async () => {
    const columns = 'id, posted_date, role_family, seniority, country, region, industry, remote_type, employment_type, company_size, source, annual_usd_mid, salary_outlier, skill_ids';
    const diff = await db.query(`(SELECT ${columns} FROM job_postings EXCEPT SELECT ${columns} FROM posting_facts) UNION ALL (SELECT ${columns} FROM posting_facts EXCEPT SELECT ${columns} FROM job_postings)`);
    expect(diff.rows).toEqual([]);
  };

  it('ingests a postings CSV over HTTP: normalised, deduplicated, rejected rows explained', async () => {
    const { status, body } = await uploadFile(t.baseUrl, join(FIXTURES, 'postings-small.csv'), { kind: 'postings' }, t.auth);
    expect(status).toBe(202);
    const run = await waitForRun(t.baseUrl, body.runId!, t.auth);
    expect(run).toMatchObject({ status: 'COMPLETED', rowsRead: 7, accepted: 5, duplicates: 1, rejected: 1, preset: null });
    const rejected = run.errors.edges.map((e: any) => e.node).filter((n: any) => n.severity === 'ERROR');
    expect(rejected).toEqual([expect.objectContaining({ line: 5, field: 'title', code: 'TITLE_MISSING' })]);
    const warnings = run.errors.edges.map((e: any) => e.node.code);
    expect(warnings).toEqual(expect.arrayContaining(['UNKNOWN_LOCATION', 'INVALID_DATE']));

    const { rows } = await db.query(
      `SELECT source_id, role_family, seniority, country, region, salary_currency, pay_period, annual_usd_min, annual_usd_max,
              (SELECT array_agg(s.name ORDER BY s.name) FROM posting_skills ps JOIN skills s ON s.id = ps.skill_id WHERE ps.posting_id = p.id) AS skills
         FROM job_postings p ORDER BY source_id`,
    );
    const byId = Object.fromEntries(rows.map((r) => [r.source_id, r]));
    expect(byId['p-1']).toMatchObject({ role_family: 'ML_ENGINEER', seniority: 'SENIOR', country: 'US', region: 'NORTH_AMERICA', salary_currency: 'USD' });
    expect(Number(byId['p-1'].annual_usd_min)).toBe(137000);
    expect(byId['p-1'].skills).toEqual(expect.arrayContaining(['AWS', 'Kubernetes', 'Python', 'PyTorch']));
    expect(byId['p-2']).toMatchObject({ role_family: 'DATA_SCIENTIST', country: 'GB', region: 'EUROPE', salary_currency: 'GBP' });
    expect(byId['p-2'].skills).toEqual(expect.arrayContaining(['scikit-learn', 'SQL', 'Statistics']));
    expect(byId['p-3']).toMatchObject({ role_family: 'DATA_ENGINEER', country: 'DE', salary_currency: 'EUR' });
    expect(byId['p-5']).toMatchObject({ role_family: 'DATA_ANALYST', seniority: 'ENTRY', pay_period: 'HOUR', country: 'US' });
    expect(Number(byId['p-5'].annual_usd_min)).toBe(21 * 2080);
    expect(byId['p-5'].skills).not.toContain('Go');
    expect(byId['p-6']).toMatchObject({ role_family: 'RESEARCH_SCIENTIST', country: null });

    // The same file again adds nothing.
    const again = await uploadFile(t.baseUrl, join(FIXTURES, 'postings-small.csv'), { kind: 'postings' }, t.auth);
    const second = await waitForRun(t.baseUrl, again.body.runId!, t.auth);
    expect(second).toMatchObject({ status: 'COMPLETED', accepted: 0, duplicates: 6, rejected: 1 });
    expect(await count('SELECT count(*) FROM job_postings')).toBe(5);
    await expectFactsMatchPostings();
  });

  it('ingests NDJSON of JSON-LD objects, rejecting each bad line on its own', async () => {
    const { body } = await uploadFile(t.baseUrl, join(FIXTURES, 'postings-small.ndjson'), { kind: 'postings', format: 'ndjson' }, t.auth);
    const run = await waitForRun(t.baseUrl, body.runId!, t.auth);
    expect(run).toMatchObject({ status: 'COMPLETED', rowsRead: 5, accepted: 2, rejected: 3 });
    const codes = run.errors.edges.map((e: any) => e.node).filter((n: any) => n.severity === 'ERROR').map((n: any) => [n.line, n.code]);
    expect(codes).toEqual([[3, 'NOT_A_JOB_POSTING'], [4, 'INVALID_JSON'], [5, 'TITLE_MISSING']]);
    const { rows } = await db.query(`SELECT source_id, role_family, remote_type, country, pay_period, salary_currency, annual_usd_min FROM job_postings WHERE source_id LIKE 'nd-%' ORDER BY 1`);
    expect(rows[0]).toMatchObject({ source_id: 'nd-1', role_family: 'AI_ENGINEER', country: 'CA', salary_currency: 'CAD' });
    expect(rows[1]).toMatchObject({ source_id: 'nd-2', role_family: 'MLOPS_ENGINEER', remote_type: 'REMOTE', country: 'DE', pay_period: 'HOUR' });
  });

  it('reads JSON-LD from an HTML page, @graph included; a broken script block is one rejected row', async () => {
    const { body } = await uploadFile(t.baseUrl, join(FIXTURES, 'postings-page.html'), { kind: 'postings' }, t.auth);
    const run = await waitForRun(t.baseUrl, body.runId!, t.auth);
    expect(run).toMatchObject({ status: 'COMPLETED', accepted: 1, rejected: 2 });
    const errors = run.errors.edges.map((e: any) => e.node).filter((n: any) => n.severity === 'ERROR');
    expect(errors.map((n: any) => [n.pointer, n.code])).toEqual([['/script/0/@graph/1', 'NOT_A_JOB_POSTING'], ['/script/1', 'INVALID_JSON']]);
  });

  it('ingests the twelve schema.org JobPosting examples, rejecting the ones that are not usable postings', async () => {
    const dir = join(SHARED_DATA, 'schemaorg-jobposting-examples');
    const files = readdirSync(dir).filter((f) => f.endsWith('.jsonld')).sort();
    expect(files).toHaveLength(12);
    const outcomes: Record<string, string> = {};
    for (const file of files) {
      const { body } = await uploadFile(t.baseUrl, join(dir, file), { kind: 'postings', format: 'jsonld' }, t.auth);
      const run = await waitForRun(t.baseUrl, body.runId!, t.auth);
      expect(run.status).toBe('COMPLETED');
      expect(run.accepted + run.rejected + run.duplicates).toBe(1);
      const error = run.errors.edges.map((e: any) => e.node).find((n: any) => n.severity === 'ERROR');
      if (run.rejected) expect(error.message.length).toBeGreaterThan(20);
      outcomes[file] = run.rejected ? error.code : 'accepted';
    }
    expect(outcomes).toEqual({
      'eg-0028.jsonld': 'accepted',
      'eg-0213.jsonld': 'accepted',
      'eg-0251.jsonld': 'accepted',
      'eg-0268.jsonld': 'accepted',
      'eg-0280.jsonld': 'accepted',
      'eg-0281.jsonld': 'accepted',
      'eg-0283.jsonld': 'INSUFFICIENT_CONTENT',
      'eg-0284.jsonld': 'INSUFFICIENT_CONTENT',
      'eg-0285.jsonld': 'INSUFFICIENT_CONTENT',
      'eg-0286.jsonld': 'INSUFFICIENT_CONTENT',
      'eg-0287.jsonld': 'accepted',
      'eg-0465.jsonld': 'accepted',
    });
  });

  it('ingests the aijobs.net salaries file with its preset: every row, and nothing the second time', async () => {
    const path = join(SHARED_DATA, 'aijobs-salaries/salaries.csv');
    const dataRows = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim()).length - 1;
    const { body } = await uploadFile(t.baseUrl, path, { kind: 'survey', preset: 'aijobs-salaries' }, t.auth);
    const run = await waitForRun(t.baseUrl, body.runId!, t.auth);
    expect(run).toMatchObject({ status: 'COMPLETED', rowsRead: dataRows, accepted: dataRows, rejected: 0, preset: 'aijobs-salaries' });
    expect(await count('SELECT count(*) FROM survey_responses')).toBe(dataRows);
    // Exact repeats are distinct respondents: all of them count.
    const usd = await db.query(`SELECT sum(annual_usd)::bigint AS total FROM survey_responses`);
    const expected = readFileSync(path, 'utf8').split(/\r?\n/).slice(1).filter(Boolean).reduce((sum, line) => sum + Number(line.split(',')[6]), 0);
    expect(Number(usd.rows[0].total)).toBe(expected);

    const again = await uploadFile(t.baseUrl, path, { kind: 'survey' }, t.auth); // preset recognised from the header
    const second = await waitForRun(t.baseUrl, again.body.runId!, t.auth);
    expect(second).toMatchObject({ status: 'COMPLETED', accepted: 0, duplicates: dataRows, preset: null });
    expect(await count('SELECT count(*) FROM survey_responses')).toBe(dataRows);
  });

  it('explains rejected survey rows with their line', async () => {
    const { body } = await uploadFile(t.baseUrl, join(FIXTURES, 'survey-small.csv'), { kind: 'survey' }, t.auth);
    const run = await waitForRun(t.baseUrl, body.runId!, t.auth);
    expect(run).toMatchObject({ status: 'COMPLETED', accepted: 3, rejected: 1 });
    const error = run.errors.edges.map((e: any) => e.node).find((n: any) => n.severity === 'ERROR');
    expect(error).toMatchObject({ line: 5, field: 'year', code: 'INVALID_YEAR', value: '20x4' });
  });

  it('fails a run with a clear reason for unusable files', async () => {
    const dir = tmpdir();
    const binary = join(dir, `binary-${Date.now()}.csv`);
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const unknownHeader = join(dir, `unknown-${Date.now()}.csv`);
    writeFileSync(unknownHeader, 'foo,bar,baz\n1,2,3\n');
    const truncated = join(dir, `truncated-${Date.now()}.jsonld`);
    writeFileSync(truncated, '{"@context":"https://schema.org","@type":"JobPosting","title":"Cut off');

    // Binary uploads are refused at the door (415); the worker's own check covers the CLI path.
    const binaryUpload = await uploadFile(t.baseUrl, binary, { kind: 'postings' }, t.auth);
    expect(binaryUpload.status).toBe(415);
    expect(binaryUpload.body.message).toMatch(/the file is PNG, not text/);

    const headerRun = await waitForRun(t.baseUrl, (await uploadFile(t.baseUrl, unknownHeader, { kind: 'postings' }, t.auth)).body.runId!, t.auth);
    expect(headerRun.status).toBe('FAILED');
    expect(headerRun.error).toContain('Columns found: foo, bar, baz');
    expect(headerRun.error).toContain('postings-generic');

    const jsonRun = await waitForRun(t.baseUrl, (await uploadFile(t.baseUrl, truncated, { kind: 'postings' }, t.auth)).body.runId!, t.auth);
    expect(jsonRun.status).toBe('FAILED');
    expect(jsonRun.error).toMatch(/^INVALID_JSON/);
  });

  it('rejects malformed CSV rows (bad quoting, a 5 MB field, wrong column count) and keeps the good ones', async () => {
    const path = join(tmpdir(), `malformed-${Date.now()}.csv`);
    const huge = 'x'.repeat(5 * 1024 * 1024);
    writeFileSync(
      path,
      [
        'title,company,location,description',
        'Data Scientist,Good Co,"Paris, France",fine',
        'ML Engineer,Extra Col,Berlin,desc,unexpected',
        `Data Engineer,Huge Co,Berlin,${huge}`,
        'Data Analyst,After Huge,"Madrid, Spain",fine again',
      ].join('\n') + '\n',
    );
    const run = await waitForRun(t.baseUrl, (await uploadFile(t.baseUrl, path, { kind: 'postings' }, t.auth)).body.runId!, t.auth);
    expect(run.status).toBe('COMPLETED');
    expect(run.accepted).toBeGreaterThanOrEqual(2);
    const codes = run.errors.edges.map((e: any) => e.node).filter((n: any) => n.severity === 'ERROR').map((n: any) => n.code);
    expect(codes).toEqual(expect.arrayContaining(['COLUMN_COUNT']));
    expect(codes.some((c: string) => /MAX_RECORD_SIZE|TOO_LARGE|TOO_LONG/.test(c))).toBe(true);
  });

  it('takes small batches through the ingestRecords mutation', async () => {
    const result = await gql(
      t.baseUrl,
      `mutation($records: [JSON!]!) { ingestRecords(kind: POSTINGS, records: $records) { runId run { status } } }`,
      {
        records: [
          { title: 'Lead Data Engineer', company: 'Mutation Inc', location: 'Madrid, Spain', description: 'Kafka and Flink streaming.', posted_at: '2024-09-01' },
          { '@context': 'https://schema.org', '@type': 'JobPosting', title: 'NLP Engineer', description: 'spaCy and Hugging Face Transformers.', datePosted: '2024-09-02' },
        ],
      },
      t.auth,
    );
    expect(result.errors).toBeUndefined();
    const run = await waitForRun(t.baseUrl, result.data!.ingestRecords.runId, t.auth);
    expect(run).toMatchObject({ status: 'COMPLETED', accepted: 2, rejected: 0 });

    const tooMany = await gql(t.baseUrl, `mutation($records: [JSON!]!) { ingestRecords(kind: POSTINGS, records: $records) { runId } }`, {
      records: Array.from({ length: 1001 }, () => ({ title: 'x' })),
    }, t.auth);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps the analytics copy of every posting exact after all the runs above', async () => {
    expect(await count('SELECT count(*) FROM job_postings')).toBeGreaterThan(10);
    await expectFactsMatchPostings();
  });

  it('lists runs with cursor pagination and rejects an unknown preset up front', async () => {
    const page1 = await gql(t.baseUrl, `{ ingestionRuns(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`, {}, t.auth);
    expect(page1.data!.ingestionRuns.edges).toHaveLength(2);
    expect(page1.data!.ingestionRuns.pageInfo.hasNextPage).toBe(true);
    const page2 = await gql(t.baseUrl, `query($after: String) { ingestionRuns(first: 2, after: $after) { edges { node { id } } } }`, {
      after: page1.data!.ingestionRuns.pageInfo.endCursor,
    }, t.auth);
    const ids1 = page1.data!.ingestionRuns.edges.map((e: any) => e.node.id);
    expect(page2.data!.ingestionRuns.edges.map((e: any) => e.node.id).some((id: string) => ids1.includes(id))).toBe(false);

    const bad = await uploadFile(t.baseUrl, join(FIXTURES, 'postings-small.csv'), { kind: 'postings', preset: 'nope' }, t.auth);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('unknown preset "nope"');
  });
});
