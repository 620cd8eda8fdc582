import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { ChartSvg } from './chart-svg.util';
import { renderChartSvg } from './chart.svg';
import { CELL_PAD_X, CELL_PAD_Y, PreparedTable, TABLE_FONT_SIZE, prepareTable } from './pdf-table.util';
import { toPdfText } from './pdf-text.util';
import { ChartSpec, ReportDocument, ReportTable } from './report-document.types';
import { assertRenderableReport } from './report-document.validator';
import { reportMethodNotes } from './report-method-notes.util';
import { textWidth } from './text-metrics.util';
import { REPORT_KIND_LABELS, formatCoverageCounts, formatDateRange, formatTimestamp } from './value-format.util';

type Pdf = PDFKit.PDFDocument;

const MARGIN = { top: 54, bottom: 62, left: 50, right: 50 };
const FOOTER_OFFSET = 40;
const KEEP_TOGETHER_HEIGHT = 320;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const INK = {
  text: '#1f2933',
  muted: '#52606d',
  accent: '#2f5d8a',
  rule: '#cbd2d9',
  panel: '#f3f5f8',
  headerFill: '#e6ebf1',
  zebra: '#f7f9fb',
};

/** A4 PDF with vector charts, paginated tables (header repeated) and "Page x of y" footers. */
export async function renderReportPdf(doc: ReportDocument): Promise<Buffer> {
  assertRenderableReport(doc);
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    info: {
      Title: toPdfText(doc.title),
      Author: 'Hirescope',
      Subject: REPORT_KIND_LABELS[doc.kind],
      CreationDate: new Date(doc.generatedAt),
    },
  });
  const buffer = collect(pdf);
  new PdfReportWriter(pdf, doc).write();
  pdf.end();
  return buffer;
}

function collect(pdf: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}

interface MeasuredTable {
  prepared: PreparedTable;
  headerHeight: number;
  rowHeights: number[];
  /** Space needed on the current page before the table may start. */
  startHeight: number;
}

class PdfReportWriter {
  private readonly left = MARGIN.left;
  private readonly width: number;
  private chartCount = 0;

  constructor(
    private readonly pdf: Pdf,
    private readonly doc: ReportDocument,
  ) {
    this.width = pdf.page.width - MARGIN.left - MARGIN.right;
  }

  write(): void {
    this.titleBlock();
    for (const section of this.doc.sections) {
      const charts = (section.charts ?? []).map((spec) => ({ spec, ...renderChartSvg(spec, `chart-${++this.chartCount}`) }));
      const tables = (section.tables ?? []).map((table) => ({ table, ...this.measureTable(table) }));
      const firstBlock = charts.length ? charts[0].height + 16 : tables.length ? tables[0].startHeight : 0;
      this.heading(section.heading, this.leadHeight(section.paragraphs ?? [], firstBlock));
      section.paragraphs?.forEach((p) => this.paragraph(p));
      charts.forEach((c) => this.chart(c));
      tables.forEach((t) => this.table(t));
    }
    this.heading('Method notes', 40);
    reportMethodNotes(this.doc).forEach((note) => this.bullet(note));
    this.footers();
  }

  private get bottom(): number {
    return this.pdf.page.height - MARGIN.bottom;
  }

  private ensureSpace(height: number): void {
    if (this.pdf.y + height > this.bottom) {
      this.pdf.addPage();
      this.pdf.y = MARGIN.top;
    }
  }

  private titleBlock(): void {
    const { pdf, doc } = this;
    pdf.font(BOLD).fontSize(8.5).fillColor(INK.accent);
    pdf.text(`HIRESCOPE  ·  ${REPORT_KIND_LABELS[doc.kind].toUpperCase()}`, this.left, MARGIN.top, { characterSpacing: 0.8 });
    pdf.moveDown(0.5);
    pdf.font(BOLD).fontSize(20).fillColor(INK.text).text(toPdfText(doc.title), { width: this.width, lineGap: 2 });
    pdf.moveDown(0.6);
    this.metaPanel(this.metaRows());
  }

  private metaRows(): [string, string][] {
    const { doc } = this;
    const coverage = [
      formatCoverageCounts(doc.coverage.postings, doc.coverage.surveyResponses),
      formatDateRange(doc.coverage.from, doc.coverage.to),
    ].filter((l): l is string => l !== null);
    const models = Object.entries(doc.modelVersions).map(([name, version]) => `${name} ${version}`);
    return [
      ['Filters', doc.filterSummary.length ? doc.filterSummary.join('\n') : 'None (all data)'],
      ['Data coverage', coverage.join('\n')],
      ['Sources', doc.coverage.sources.join(', ') || '–'],
      ['Data snapshot', formatTimestamp(doc.snapshotAt)],
      ['Generated', formatTimestamp(doc.generatedAt)],
      ['Model versions', models.join(', ') || '–'],
    ];
  }

  private metaPanel(rows: [string, string][]): void {
    const { pdf } = this;
    const pad = 10;
    const labelWidth = 92;
    const valueWidth = this.width - 2 * pad - labelWidth;
    pdf.font(REGULAR).fontSize(9.5);
    const heights = rows.map(([, value]) => pdf.heightOfString(toPdfText(value), { width: valueWidth, lineGap: 1.5 }));
    const panelHeight = heights.reduce((a, h) => a + h + 6, 0) - 6 + 2 * pad;
    const top = pdf.y;
    pdf.rect(this.left, top, this.width, panelHeight).fill(INK.panel);
    pdf.rect(this.left, top, 3, panelHeight).fill(INK.accent);

    let y = top + pad;
    rows.forEach(([label, value], i) => {
      pdf.font(BOLD).fontSize(8.5).fillColor(INK.muted).text(label, this.left + pad + 4, y + 1, { width: labelWidth - 8 });
      pdf.font(REGULAR).fontSize(9.5).fillColor(INK.text).text(toPdfText(value), this.left + pad + labelWidth, y, { width: valueWidth, lineGap: 1.5 });
      y += heights[i] + 6;
    });
    pdf.x = this.left;
    pdf.y = top + panelHeight + 6;
  }

  /** Height of what must share a page with the section heading: its paragraphs and first chart or table start. */
  private leadHeight(paragraphs: string[], firstBlock: number): number {
    const { pdf } = this;
    pdf.font(REGULAR).fontSize(10);
    const text = paragraphs.reduce((a, p) => a + pdf.heightOfString(toPdfText(p), { width: this.width, lineGap: 2 }) + 6, 0);
    return Math.min(text + firstBlock, this.bottom - MARGIN.top - 60);
  }

  private heading(text: string, keepWithNext: number): void {
    const { pdf } = this;
    this.ensureSpace(40 + keepWithNext);
    pdf.y += 12;
    pdf.font(BOLD).fontSize(13.5).fillColor(INK.accent).text(toPdfText(text), this.left, pdf.y, { width: this.width });
    const y = pdf.y + 2;
    pdf.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.75).strokeColor(INK.rule).stroke();
    pdf.y = y + 8;
  }

  private paragraph(text: string): void {
    const { pdf } = this;
    pdf.font(REGULAR).fontSize(10).fillColor(INK.text);
    this.ensureSpace(Math.min(pdf.heightOfString(toPdfText(text), { width: this.width, lineGap: 2 }), 40));
    pdf.text(toPdfText(text), this.left, pdf.y, { width: this.width, lineGap: 2 });
    pdf.y += 6;
  }

  private bullet(text: string): void {
    const { pdf } = this;
    const indent = 12;
    pdf.font(REGULAR).fontSize(9.5).fillColor(INK.text);
    const height = pdf.heightOfString(toPdfText(text), { width: this.width - indent, lineGap: 1.5 });
    this.ensureSpace(Math.min(height, 36));
    const y = pdf.y;
    pdf.text('•', this.left + 2, y, { lineBreak: false });
    pdf.text(toPdfText(text), this.left + indent, y, { width: this.width - indent, lineGap: 1.5 });
    pdf.y += 4;
  }

  private chart({ spec, svg, width, height }: { spec: ChartSpec } & ChartSvg): void {
    const { pdf } = this;
    this.ensureSpace(height + 8);
    const y = pdf.y + 4;
    SVGtoPDF(pdf as unknown as Parameters<typeof SVGtoPDF>[0], toPdfText(svg), this.left, y, {
      assumePt: true,
      width,
      height,
      fontCallback: (_family, bold) => (bold ? BOLD : REGULAR),
      warningCallback: (warning) => {
        // The SVG is ours, so a warning means a chart renderer emitted something the PDF cannot show: fail loudly.
        throw new Error(`svg-to-pdfkit could not draw chart "${spec.title}": ${warning}`);
      },
    });
    pdf.x = this.left;
    pdf.y = y + height + 12;
  }

  private measureTable(table: ReportTable): MeasuredTable {
    const { pdf } = this;
    const prepared = prepareTable(table, this.width);
    pdf.font(BOLD).fontSize(TABLE_FONT_SIZE);
    const headerHeight = this.rowHeight(prepared.header, prepared, BOLD);
    pdf.font(REGULAR).fontSize(TABLE_FONT_SIZE);
    const rowHeights = prepared.rows.map((row) => this.rowHeight(row, prepared, REGULAR));
    const titleHeight = 19 + (table.caption ? 11 : 0);
    const wholeTable = titleHeight + headerHeight + rowHeights.reduce((a, h) => a + h, 0);
    // Short tables move whole to the next page; long ones start where they are, with at least three rows.
    const startHeight =
      wholeTable <= KEEP_TOGETHER_HEIGHT ? wholeTable : titleHeight + headerHeight + rowHeights.slice(0, 3).reduce((a, h) => a + h, 0);
    return { prepared, headerHeight, rowHeights, startHeight };
  }

  private table({ table, prepared, headerHeight, rowHeights, startHeight }: { table: ReportTable } & MeasuredTable): void {
    const { pdf } = this;
    this.ensureSpace(startHeight);
    pdf.y += 2;
    pdf.font(BOLD).fontSize(10.5).fillColor(INK.text).text(toPdfText(table.title), this.left, pdf.y, { width: this.width });
    if (table.caption) {
      pdf.font(REGULAR).fontSize(8.5).fillColor(INK.muted).text(toPdfText(table.caption), { width: this.width });
    }
    pdf.y += 4;
    this.tableHeader(prepared, headerHeight);
    if (!prepared.rows.length) {
      pdf.font(REGULAR).fontSize(TABLE_FONT_SIZE).fillColor(INK.muted).text('No rows match the filters.', this.left + CELL_PAD_X, pdf.y + CELL_PAD_Y);
      pdf.y += CELL_PAD_Y;
    }

    prepared.rows.forEach((row, index) => {
      const height = rowHeights[index];
      if (pdf.y + height > this.bottom) {
        pdf.addPage();
        pdf.y = MARGIN.top;
        pdf.font(BOLD).fontSize(8.5).fillColor(INK.muted).text(`${toPdfText(table.title)} (continued)`, this.left, pdf.y, { width: this.width });
        pdf.y += 3;
        this.tableHeader(prepared, headerHeight);
      }
      const top = pdf.y;
      if (index % 2 === 1) pdf.rect(this.left, top, this.width, height).fill(INK.zebra);
      this.rowCells(row, prepared, top, REGULAR, INK.text);
      pdf.y = top + height;
    });
    pdf.moveTo(this.left, pdf.y).lineTo(this.left + this.width, pdf.y).lineWidth(0.75).strokeColor(INK.rule).stroke();
    pdf.x = this.left;
    pdf.y += 14;
  }

  private tableHeader(prepared: PreparedTable, height: number): void {
    const { pdf } = this;
    const top = pdf.y;
    pdf.rect(this.left, top, this.width, height).fill(INK.headerFill);
    this.rowCells(prepared.header, prepared, top, BOLD, INK.text);
    pdf.y = top + height;
  }

  /** Single-line cells skip pdfkit's line measurement: it dominates the time on 500-row tables. */
  private rowHeight(cells: string[], prepared: PreparedTable, font: string): number {
    const { pdf } = this;
    const lineHeight = pdf.currentLineHeight(true);
    let height = lineHeight;
    cells.forEach((text, i) => {
      const inner = prepared.widths[i] - 2 * CELL_PAD_X;
      if (textWidth(text, TABLE_FONT_SIZE, font === BOLD) > inner) height = Math.max(height, pdf.heightOfString(text, { width: inner }));
    });
    return height + 2 * CELL_PAD_Y;
  }

  private rowCells(cells: string[], prepared: PreparedTable, top: number, font: string, color: string): void {
    const { pdf } = this;
    pdf.font(font).fontSize(TABLE_FONT_SIZE).fillColor(color);
    let x = this.left;
    cells.forEach((text, i) => {
      const width = prepared.widths[i];
      pdf.text(text, x + CELL_PAD_X, top + CELL_PAD_Y, { width: width - 2 * CELL_PAD_X, align: prepared.aligns[i] });
      x += width;
    });
  }

  private footers(): void {
    const { pdf, doc } = this;
    const range = pdf.bufferedPageRange();
    const left = toPdfText(`Hirescope · ${REPORT_KIND_LABELS[doc.kind]} · data snapshot ${formatTimestamp(doc.snapshotAt)}`);
    for (let i = range.start; i < range.start + range.count; i++) {
      pdf.switchToPage(i);
      // Writing below the bottom margin would make pdfkit start a new page.
      pdf.page.margins.bottom = 0;
      const y = pdf.page.height - FOOTER_OFFSET;
      pdf.moveTo(this.left, y - 6).lineTo(this.left + this.width, y - 6).lineWidth(0.5).strokeColor(INK.rule).stroke();
      pdf.font(REGULAR).fontSize(8).fillColor(INK.muted);
      pdf.text(left, this.left, y, { width: this.width * 0.75, lineBreak: false });
      pdf.text(`Page ${i + 1} of ${range.count}`, this.left, y, { width: this.width, align: 'right', lineBreak: false });
      pdf.page.margins.bottom = MARGIN.bottom;
    }
  }
}
