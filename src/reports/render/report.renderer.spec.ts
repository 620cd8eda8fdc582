import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { csvFileNames } from './report-csv.renderer';
import { ReportDocument, ReportKind, ReportTable } from './report-document.types';
import { ReportRenderException, ReportRenderExceptionCode } from './report-render.exception';
import { buildLargeReportFixture, buildReportFixture, buildSalaryReportFixture } from './report.fixtures';
import { REPORT_FILE_TYPES, renderReport, reportFileInfo } from './report.renderer';

const PNG_DIR = join(__dirname, '../../../test-output/reports');
const HAS_POPPLER = spawnSync('pdftotext', ['-v']).status === 0 && spawnSync('pdftoppm', ['-v']).status === 0;
if (!HAS_POPPLER) {
  console.warn('SKIPPING PDF text and page-image checks: pdftotext/pdftoppm not found (apt-get install -y poppler-utils).');
}
const withPoppler = HAS_POPPLER ? it : it.skip;

let workDir: string;
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'hirescope-report-'));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function pdfText(pdf: Buffer, name: string): string {
  const file = join(workDir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout;
}

function pageCount(text: string): number {
  // pdftotext ends each page with a form feed.
  return text.split('\f').length - 1;
}

const tablesOf = (doc: ReportDocument): ReportTable[] => doc.sections.flatMap((s) => s.tables ?? []);
const chartsOf = (doc: ReportDocument) => doc.sections.flatMap((s) => s.charts ?? []);

const HEADLINES: Record<ReportKind, string[]> = {
  SALARY: ['$165,000', '$149,000', '$188,000', '2,914', '11.2%', '-1.2%', '$196,000'],
  DEMAND: ['1,240', '1,318', '81.2%', '61.1%', '-13.7%', '41,762 postings'],
  MARKET_OVERVIEW: ['$172,000', '$185,000', '18,420', '187.4%', '$262,000'],
};

describe.each(['SALARY', 'DEMAND', 'MARKET_OVERVIEW'] as const)('%s report', (kind) => {
  const doc = buildReportFixture(kind);
  let files: Record<'PDF' | 'HTML' | 'CSV' | 'JSON', Buffer>;

  beforeAll(async () => {
    files = await renderReport(doc, ['PDF', 'HTML', 'CSV', 'JSON']);
  });

  it('renders every format', () => {
    expect(files.PDF.subarray(0, 5).toString()).toBe('%PDF-');
    expect(files.HTML.toString('utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(files.CSV.subarray(0, 2).toString()).toBe('PK');
    expect(JSON.parse(files.JSON.toString('utf8'))).toEqual(doc);
  });

  withPoppler('PDF (pdftotext, requires poppler-utils): title page facts, headline figures, footers, method notes', () => {
    const text = pdfText(files.PDF, kind);
    const pages = pageCount(text);
    const firstPage = text.split('\f')[0];

    expect(firstPage).toContain(doc.title);
    for (const line of doc.filterSummary) expect(firstPage).toContain(line);
    expect(firstPage).toMatch(/[\d,]+ postings · [\d,]+ survey responses/);
    expect(firstPage).toContain(doc.coverage.from === '2023-07-01' ? '1 Jul 2023 – 30 Jun 2025' : '1 Jan 2024 – 30 Jun 2025');
    expect(firstPage).toContain('2025-06-30 23:00 UTC');
    expect(firstPage).toContain('2025-07-01 09:30 UTC');
    expect(firstPage).toContain('role-classifier 1.8.2');
    expect(firstPage).toContain('Page 1 of');

    for (const figure of HEADLINES[kind]) expect(text).toContain(figure);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} of ${pages}`);
    expect(text).toContain('Method notes');
    expect(text).toContain('hourly pay × 2,080, daily × 260, weekly × 52, monthly × 12');
    expect(text).toContain('currency table dated 2025-06-30');
    expect(text).toContain('Outliers: annualised salaries below $5,000 or above $2,000,000');
    for (const table of tablesOf(doc)) expect(text).toContain(table.title);
  });

  withPoppler('page 1 renders to a PNG for layout review in test-output/reports (requires poppler-utils)', () => {
    mkdirSync(PNG_DIR, { recursive: true });
    const file = join(workDir, `${kind}-png.pdf`);
    writeFileSync(file, files.PDF);
    const prefix = join(PNG_DIR, `${kind.toLowerCase().replace('_', '-')}-page1`);
    const result = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, prefix], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(statSync(`${prefix}.png`).size).toBeGreaterThan(10_000);
  });

  it('CSV zip: one file per table with the same raw numbers', () => {
    const zip = unzipSync(new Uint8Array(files.CSV));
    const tables = tablesOf(doc);
    expect(Object.keys(zip).sort()).toEqual(csvFileNames(doc));
    expect(Object.keys(zip)).toHaveLength(tables.length);

    csvFileNames(doc).forEach((name, i) => {
      const records: string[][] = parse(strFromU8(zip[name]), { bom: true });
      const table = tables[i];
      expect(records[0]).toEqual(table.columns.map((c) => c.header));
      expect(records).toHaveLength(table.rows.length + 1);
      table.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          const field = records[r + 1][c];
          if (typeof cell === 'number') expect(Number(field)).toBe(cell);
          else expect(field).toBe(cell ?? '');
        }),
      );
    });
  });

  it('HTML: self-contained, inline SVG charts with labels, table headers, no URLs', () => {
    const html = files.HTML.toString('utf8');
    const charts = chartsOf(doc);
    expect(html.match(/<svg /g)).toHaveLength(charts.length);
    expect(html.match(/<svg [^>]*role="img" aria-label="[^"]{20,}"/g)).toHaveLength(charts.length);
    for (const chart of charts) expect(html).toContain(`<title>${chart.title}</title>`);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(|@import/i);
    expect(html.match(/<th scope="col"/g)).toHaveLength(tablesOf(doc).reduce((a, t) => a + t.columns.length, 0));
    expect(html).toContain('<h1>');
    expect(html.match(/<h2 /g)).toHaveLength(doc.sections.length + 1);
    for (const figure of HEADLINES[kind]) expect(html).toContain(figure);
    expect(html).toContain('hourly pay × 2,080');
  });
});

describe('formula injection and escaping', () => {
  const doc = buildSalaryReportFixture();
  const metros = doc.sections[3].tables?.[0] as ReportTable;
  metros.rows.push(['=HYPERLINK("http://evil.example/x","Click me")', -5, null, 0]);
  doc.title = 'Salary <script>alert(1)</script> & co';

  it('neutralises formula cells in the CSV but keeps negative numbers numeric', async () => {
    const { CSV } = await renderReport(doc, ['CSV']);
    const zip = unzipSync(new Uint8Array(CSV));
    const raw = strFromU8(zip['03-senior-ml-engineer-salary-by-metro-area.csv']);
    expect(raw).toContain(`"'=HYPERLINK(""http://evil.example/x"",""Click me"")",-5,,0\r\n`);
    const records: string[][] = parse(raw, { bom: true });
    expect(records[records.length - 1]).toEqual([`'=HYPERLINK("http://evil.example/x","Click me")`, '-5', '', '0']);
  });

  it('escapes document text in HTML', async () => {
    const { HTML } = await renderReport(doc, ['HTML']);
    const html = HTML.toString('utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Salary &#60;script&#62;alert(1)&#60;/script&#62; &#38; co');
  });
});

describe('large report', () => {
  const doc = buildLargeReportFixture(500);

  // Speed is measured by npm run bench:report, not asserted here (timed tests flake on a busy machine).
  it('renders ten charts and two 500-row tables in all formats', async () => {
    const files = await renderReport(doc, ['PDF', 'HTML', 'CSV', 'JSON']);
    expect(chartsOf(doc)).toHaveLength(10);
    expect(files.PDF.length).toBeGreaterThan(50_000);
  });

  withPoppler('repeats the table header on every page a table spans (requires poppler-utils)', async () => {
    const { PDF } = await renderReport(doc, ['PDF']);
    const pages = pdfText(PDF, 'large').split('\f');
    const employerPages = pages.filter((p) => /Employer \d{3}/.test(p));
    expect(employerPages.length).toBeGreaterThan(5);
    for (const page of employerPages) expect(page).toContain('Headquarters');
    expect(employerPages.filter((p) => p.includes('Postings by employer (continued)'))).toHaveLength(employerPages.length - 1);
  });
});

describe('renderReport API', () => {
  const doc = buildSalaryReportFixture();

  it('renders only the requested formats, once each', async () => {
    const files = await renderReport(doc, ['JSON', 'CSV', 'JSON']);
    expect(Object.keys(files).sort()).toEqual(['CSV', 'JSON']);
  });

  it('names files and content types', () => {
    expect(reportFileInfo(doc, 'PDF')).toEqual({
      fileName: 'hirescope-salary-salary-report-ml-engineers-in-the-united-states-2025-06-30.pdf',
      extension: 'pdf',
      contentType: 'application/pdf',
    });
    expect(reportFileInfo(doc, 'CSV').fileName).toMatch(/\.zip$/);
    expect(REPORT_FILE_TYPES.HTML.contentType).toBe('text/html; charset=utf-8');
  });

  it('renders empty tables and text-only sections', async () => {
    const sparse = buildSalaryReportFixture();
    sparse.sections = [
      { heading: 'Nothing matched', paragraphs: ['No postings match these filters.'], tables: [{ title: 'Empty', columns: [{ header: 'Role', format: 'text' }], rows: [] }] },
    ];
    sparse.methodNotes = [];
    sparse.filterSummary = [];
    const files = await renderReport(sparse, ['PDF', 'HTML', 'CSV']);
    expect(files.HTML.toString()).toContain('No rows match the filters.');
    expect(Object.keys(unzipSync(new Uint8Array(files.CSV)))).toEqual(['01-empty.csv']);
    if (HAS_POPPLER) expect(pdfText(files.PDF, 'sparse')).toContain('None (all data)');
  });

  it('rejects a malformed document with the offending path', async () => {
    const bad = buildSalaryReportFixture();
    (bad.sections[0].tables as ReportTable[])[0].rows[2].pop();
    const error = await renderReport(bad, ['PDF']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportRenderException);
    expect(error).toMatchObject({
      code: ReportRenderExceptionCode.INVALID_DOCUMENT,
      message: 'Invalid report document: sections[0].tables[0].rows[2]: expected 7 cells, got 6',
    });
  });
});
