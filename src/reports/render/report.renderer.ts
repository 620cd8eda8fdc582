import { ReportDocument, ReportFormat } from './report-document.types';
import { assertRenderableReport } from './report-document.validator';
import { renderReportCsvZip } from './report-csv.renderer';
import { renderReportHtml } from './report-html.renderer';
import { renderReportPdf } from './report-pdf.renderer';
import { ReportRenderException, ReportRenderExceptionCode } from './report-render.exception';
import { slugify } from './value-format.util';

export interface ReportFileType {
  extension: string;
  contentType: string;
}

/** CSV is delivered as a zip of one CSV per table. */
export const REPORT_FILE_TYPES: Record<ReportFormat, ReportFileType> = {
  PDF: { extension: 'pdf', contentType: 'application/pdf' },
  HTML: { extension: 'html', contentType: 'text/html; charset=utf-8' },
  CSV: { extension: 'zip', contentType: 'application/zip' },
  JSON: { extension: 'json', contentType: 'application/json; charset=utf-8' },
};

export interface ReportFileInfo extends ReportFileType {
  fileName: string;
}

/** "hirescope-salary-report-senior-ml-engineer-us-2025-06-30.pdf": kind, title and snapshot date, ASCII only. */
export function reportFileInfo(doc: ReportDocument, format: ReportFormat): ReportFileInfo {
  const type = REPORT_FILE_TYPES[format];
  if (!type) throw new ReportRenderException(`Unsupported report format "${String(format)}"`, ReportRenderExceptionCode.UNSUPPORTED_FORMAT);
  const date = doc.snapshotAt.slice(0, 10);
  const base = `hirescope-${slugify(doc.kind)}-${slugify(doc.title, 50)}-${date}`;
  return { ...type, fileName: `${base}.${type.extension}` };
}

export function renderReportJson(doc: ReportDocument): Buffer {
  return Buffer.from(`${JSON.stringify(doc, null, 2)}\n`, 'utf8');
}

/** Renders the requested formats of one document; duplicates are rendered once. */
export async function renderReport<F extends ReportFormat>(doc: ReportDocument, formats: readonly F[]): Promise<Record<F, Buffer>> {
  assertRenderableReport(doc);
  const unique = [...new Set(formats)];
  const buffers = await Promise.all(unique.map((format) => renderOne(doc, format)));
  return Object.fromEntries(unique.map((format, i) => [format, buffers[i]])) as Record<F, Buffer>;
}

async function renderOne(doc: ReportDocument, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'PDF':
      return renderReportPdf(doc);
    case 'HTML':
      return renderReportHtml(doc);
    case 'CSV':
      return renderReportCsvZip(doc);
    case 'JSON':
      return renderReportJson(doc);
    default:
      throw new ReportRenderException(`Unsupported report format "${String(format)}"`, ReportRenderExceptionCode.UNSUPPORTED_FORMAT);
  }
}
