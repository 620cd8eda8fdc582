import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ReportKind } from './report-document.types';
import { renderReportPdf } from './report-pdf.renderer';
import { buildReportFixture } from './report.fixtures';

/**
 * Writes the example PDFs in docs/examples from the test fixtures, so reviewers can open a report without a database:
 *   npx ts-node --transpile-only src/reports/render/write-examples.ts
 */
const EXAMPLES: Record<ReportKind, string> = {
  SALARY: 'salary-report.pdf',
  DEMAND: 'demand-report.pdf',
  MARKET_OVERVIEW: 'market-overview-report.pdf',
};
const MAX_BYTES = 300 * 1024;

async function main(): Promise<void> {
  const root = join(__dirname, '../../..');
  const dir = join(root, 'docs/examples');
  mkdirSync(dir, { recursive: true });
  for (const [kind, fileName] of Object.entries(EXAMPLES) as [ReportKind, string][]) {
    const pdf = await renderReportPdf(buildReportFixture(kind));
    if (pdf.length > MAX_BYTES) throw new Error(`${fileName} is ${pdf.length} bytes, over the ${MAX_BYTES}-byte budget for examples`);
    const path = join(dir, fileName);
    writeFileSync(path, pdf);
    process.stdout.write(`${relative(root, path)}  ${(pdf.length / 1024).toFixed(1)} KB\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
