/**
 * The data a recruiter report is rendered from. Built elsewhere (from Postgres, in a Bull job); the renderers in this
 * folder are pure functions of it. Numbers are raw values (165000, 0.125); formatting happens at render time.
 */
export type ReportKind = 'SALARY' | 'DEMAND' | 'MARKET_OVERVIEW';

/** How a number is shown. `percent` takes a fraction: 0.125 is shown as "12.5%". `currency-usd` is whole dollars. */
export type ValueFormat = 'integer' | 'currency-usd' | 'percent' | 'number';
export type CellFormat = ValueFormat | 'text';
export type CellAlign = 'left' | 'center' | 'right';
export type TableCell = string | number | null;

export interface ReportDocument {
  kind: ReportKind;
  title: string;
  /** ISO 8601 timestamps. */
  generatedAt: string;
  snapshotAt: string;
  /** Human-readable lines, e.g. "Role families: ML Engineer". */
  filterSummary: string[];
  coverage: ReportCoverage;
  /** Model name → version, e.g. { 'role-classifier': '1.8.2' }. */
  modelVersions: Record<string, string>;
  /** Data-dependent notes (currency table date, outlier rule …); annualisation factors are always printed. */
  methodNotes: string[];
  sections: ReportSection[];
}

export interface ReportCoverage {
  postings: number;
  surveyResponses: number;
  /** ISO dates (YYYY-MM-DD) bounding the data. */
  from?: string;
  to?: string;
  sources: string[];
}

/** Rendered in this order: paragraphs, charts, tables. */
export interface ReportSection {
  heading: string;
  paragraphs?: string[];
  charts?: ChartSpec[];
  tables?: ReportTable[];
}

export interface ReportTable {
  title: string;
  caption?: string;
  columns: ReportTableColumn[];
  /** One array per row, one cell per column, in column order. null renders as a dash (empty in CSV). */
  rows: TableCell[][];
}

export interface ReportTableColumn {
  header: string;
  format: CellFormat;
  /** Defaults to right for numeric formats, left for text. */
  align?: CellAlign;
}

export type ChartSpec = LineChartSpec | BarChartSpec | SalaryRangeChartSpec;

interface ChartSpecBase {
  title: string;
  /** Alt text; a summary is generated from the data when absent. */
  description?: string;
  /** Axis unit label, e.g. "Postings per month" or "Annual base salary (USD)". */
  unitLabel: string;
}

export interface LineChartSpec extends ChartSpecBase {
  type: 'line';
  /** x-axis categories in order; "YYYY-MM" is shown as "Jan 2024". */
  periods: string[];
  series: LineSeries[];
  valueFormat: ValueFormat;
  /** Start the y axis at zero (default true: counts). Set false for salaries. */
  yFromZero?: boolean;
  /** Legend text for the shaded band, e.g. "80% prediction interval". */
  intervalLabel?: string;
}

export interface LineSeries {
  name: string;
  /** One value per period; null leaves a gap (e.g. actuals stop where a forecast starts). */
  values: (number | null)[];
  /** Optional interval band, one bound per period. */
  lower?: (number | null)[];
  upper?: (number | null)[];
  /** Drawn dashed, e.g. a forecast. */
  dashed?: boolean;
  /** Series with the same colour group share a colour (an actual and its forecast). Defaults to the name. */
  colorGroup?: string;
}

export interface BarChartSpec extends ChartSpecBase {
  type: 'bar';
  /** Drawn top to bottom in the given order. */
  bars: { label: string; value: number }[];
  valueFormat: ValueFormat;
}

export interface SalaryRangeChartSpec extends ChartSpecBase {
  type: 'salary-range';
  groups: SalaryRangeGroup[];
  /** Defaults to currency-usd. */
  valueFormat?: ValueFormat;
}

export interface SalaryRangeGroup {
  label: string;
  p10: number;
  p25: number;
  median: number;
  p75: number;
  p90: number;
  count: number;
}

export type ReportFormat = 'PDF' | 'HTML' | 'CSV' | 'JSON';
export const REPORT_FORMATS: readonly ReportFormat[] = ['PDF', 'HTML', 'CSV', 'JSON'];
