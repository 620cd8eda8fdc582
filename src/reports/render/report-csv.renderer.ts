import { strToU8, zipSync } from 'fflate';
import { ReportDocument, ReportTable, TableCell } from './report-document.types';
import { assertRenderableReport } from './report-document.validator';
import { slugify } from './value-format.util';

/** Excel needs the byte-order mark to read UTF-8 (en dashes, accented names); other readers skip it. */
const BOM = '\uFEFF';
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Spreadsheet formula-injection guard (OWASP "CSV injection"): a STRING cell whose first character is = + - @, tab or
 * carriage return gets a leading single quote, so Excel/Sheets/LibreOffice show it as text instead of evaluating it.
 * Numbers are never touched: they are written as plain numerals (-5 stays -5, a number, not a formula). Headers are
 * strings and follow the same rule.
 */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]) ? `'${text}` : text;
}

/** RFC 4180: quote when the field holds a comma, quote, CR or LF; double embedded quotes. null → empty field. */
export function csvField(cell: TableCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = neutraliseFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Raw values (165000, 0.125), not display strings, so the numbers stay computable; CRLF line ends per RFC 4180. */
export function tableToCsv(table: ReportTable): string {
  const lines = [table.columns.map((c) => csvField(c.header)), ...table.rows.map((row) => row.map(csvField))];
  return BOM + lines.map((fields) => fields.join(',')).join('\r\n') + '\r\n';
}

/** "01-salary-percentiles-by-seniority.csv": numbered in report order, so names stay unique and sorted. */
export function csvFileNames(doc: ReportDocument): string[] {
  const tables = doc.sections.flatMap((s) => s.tables ?? []);
  const digits = Math.max(2, String(tables.length).length);
  return tables.map((t, i) => `${String(i + 1).padStart(digits, '0')}-${slugify(t.title)}.csv`);
}

/** One CSV per table, in one zip. */
export async function renderReportCsvZip(doc: ReportDocument): Promise<Buffer> {
  assertRenderableReport(doc);
  const tables = doc.sections.flatMap((s) => s.tables ?? []);
  const names = csvFileNames(doc);
  const files: Record<string, Uint8Array> = {};
  tables.forEach((table, i) => (files[names[i]] = strToU8(tableToCsv(table))));
  // Entry timestamps from the document, so the same document always gives the same bytes.
  return Buffer.from(zipSync(files, { level: 6, mtime: new Date(doc.generatedAt) }));
}
