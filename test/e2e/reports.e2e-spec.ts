import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { writePostingsCsv, writeSurveyCsv } from '../../seeds/generators/write-synthetic';
import { createTestApp, TestApp } from '../create-test-app';
import { gql } from '../graphql-client';
import { uploadFile, waitForRun } from '../ingestion-helpers';

const HAS_POPPLER = spawnSync('pdftotext', ['-v']).status === 0;
const OUTPUT = resolve(__dirname, '../../test-output/reports-e2e');

const usd = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;

describe('reports (e2e)', () => {
  let t: TestApp;
  let otherOrg: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const dir = mkdtempSync(join(tmpdir(), 'hs-reports-'));
    await writePostingsCsv(join(dir, 'postings.csv'), { count: 1500, seed: 11 });
    await writeSurveyCsv(join(dir, 'surveys.csv'), { count: 800, seed: 11 });
    for (const [file, kind] of [['postings.csv', 'postings'], ['surveys.csv', 'survey']]) {
      const { body } = await uploadFile(t.baseUrl, join(dir, file), { kind }, t.auth);
      expect((await waitForRun(t.baseUrl, body.runId!, t.auth)).status).toBe('COMPLETED');
    }
    const r = await gql(t.baseUrl, 'mutation { createApiKey(input: { name: "other", role: RECRUITER, organization: "Other Org" }) { key } }', {}, t.auth);
    otherOrg = { authorization: `Bearer ${r.data!.createApiKey.key}` };
    mkdirSync(OUTPUT, { recursive: true });
  });

  afterAll(async () => {
    await t.close();
  });

  async function buildReport(kind: string) {
    const requested = await gql(
      t.baseUrl,
      `mutation($input: RequestReportInput!) { requestReport(input: $input) { id status } }`,
      { input: { kind, formats: ['PDF', 'CSV', 'HTML', 'JSON'], title: `${kind} e2e`, filter: { from: '2023-01-01', to: '2025-12-31' } } },
      t.auth,
    );
    expect(requested.errors).toBeUndefined();
    const id = requested.data!.requestReport.id;
    for (let i = 0; i < 600; i++) {
      const r = await gql(t.baseUrl, 'query($id: ID!) { report(id: $id) { status progress error snapshotAt filter downloads { format path fileName size } } }', { id }, t.auth);
      const report = r.data!.report;
      if (report.status === 'COMPLETED' || report.status === 'FAILED') return { id, report };
      await new Promise((res) => setTimeout(res, 200));
    }
    throw new Error('report did not finish');
  }

  const download = async (path: string, headers = t.auth) => {
    const response = await fetch(`${t.baseUrl}${path}`, { headers });
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()), type: response.headers.get('content-type') };
  };

  it.each(['SALARY', 'DEMAND', 'MARKET_OVERVIEW'])('builds a %s report in every format through the report queue', async (kind) => {
    const { id, report } = await buildReport(kind);
    expect(report).toMatchObject({ status: 'COMPLETED', progress: 100, error: null });
    expect(report.snapshotAt).toBeTruthy();
    expect(report.filter).toMatchObject({ from: '2023-01-01', to: '2025-12-31' });
    expect(report.downloads.map((d: any) => d.format).sort()).toEqual(['CSV', 'HTML', 'JSON', 'PDF']);

    const pdf = await download(`/reports/${id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const html = (await download(`/reports/${id}/html`)).body.toString('utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/https?:\/\//);
    const zip = unzipSync(new Uint8Array((await download(`/reports/${id}/csv`)).body));
    expect(Object.keys(zip).length).toBeGreaterThan(0);

    // Headline figures are the API's figures.
    const summary = await gql(t.baseUrl, '{ marketSummary(filter: { from: "2023-01-01", to: "2025-12-31" }) { postings medianSalary } }', {}, t.auth);
    const roles = await gql(t.baseUrl, '{ salaryStats(groupBy: ROLE_FAMILY, filter: { from: "2023-01-01", to: "2025-12-31" }) { key count median } }', {}, t.auth);
    const postings = summary.data!.marketSummary.postings as number;
    if (HAS_POPPLER) {
      const file = join(OUTPUT, `${kind.toLowerCase()}.pdf`);
      writeFileSync(file, pdf.body);
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
      expect(text).toContain(`${kind} e2e`);
      expect(text).toContain(postings.toLocaleString('en-US'));
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(OUTPUT, `${kind.toLowerCase()}-page1`)]);
      if (kind !== 'DEMAND') {
        const topRole = roles.data!.salaryStats.find((r: any) => r.key !== 'UNKNOWN');
        expect(text).toContain(usd(topRole.median));
      }
    }
    if (kind !== 'DEMAND') {
      const csvs = Object.entries(zip).map(([name, bytes]) => [name, strFromU8(bytes)] as const);
      const byYear = csvs.find(([name]) => name.includes('salary-by-year'));
      expect(byYear).toBeDefined();
      const years = await gql(t.baseUrl, '{ salaryStats(groupBy: YEAR, filter: { from: "2023-01-01", to: "2025-12-31" }) { key count median } }', {}, t.auth);
      for (const y of years.data!.salaryStats.filter((r: any) => r.key !== 'UNKNOWN')) {
        expect(byYear![1]).toContain(`${y.key},${y.count},${y.median}`);
      }
    }
    // Another organization cannot see or download it.
    expect((await download(`/reports/${id}/pdf`, otherOrg)).status).toBe(404);
    const other = await gql(t.baseUrl, 'query($id: ID!) { report(id: $id) { id } }', { id }, otherOrg);
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lists only the caller organization reports', async () => {
    const mine = await gql(t.baseUrl, '{ reports(first: 10) { totalCount edges { node { kind status } } } }', {}, t.auth);
    expect(mine.data!.reports.totalCount).toBe(3);
    const theirs = await gql(t.baseUrl, '{ reports(first: 10) { totalCount } }', {}, otherOrg);
    expect(theirs.data!.reports.totalCount).toBe(0);
  });
});
