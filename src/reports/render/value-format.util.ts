import { CellAlign, CellFormat, ReportKind, TableCell, ValueFormat } from './report-document.types';

const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0, minimumFractionDigits: 0 });
const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 });
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Shown for null cells and missing values. */
export const MISSING_VALUE = '–';

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  SALARY: 'Salary report',
  DEMAND: 'Demand report',
  MARKET_OVERVIEW: 'Market overview',
};

/** Full-precision display of a value: "$165,000", "12,480", "12.5%" (from 0.125), "1.37". */
export function formatValue(value: number, format: ValueFormat): string {
  switch (format) {
    case 'integer':
      return INTEGER.format(value);
    case 'currency-usd':
      return USD.format(value);
    case 'percent':
      return PERCENT.format(value);
    case 'number':
      return NUMBER.format(value);
  }
}

export function formatCell(cell: TableCell, format: CellFormat): string {
  if (cell === null || (typeof cell === 'number' && !Number.isFinite(cell))) return MISSING_VALUE;
  if (typeof cell === 'string') return cell;
  return format === 'text' ? String(cell) : formatValue(cell, format);
}

export function cellAlign(format: CellFormat, align?: CellAlign): CellAlign {
  return align ?? (format === 'text' ? 'left' : 'right');
}

/**
 * Labels for one axis, all in the same unit (k or M, chosen from the largest tick) with decimals only where the step
 * needs them: "$150k", "$1.25M", "1,500", "12k", "7.5%" (percent ticks are fractions, like values).
 */
export function formatTicks(ticks: number[], step: number, format: ValueFormat): string[] {
  if (format === 'percent') return ticks.map((t) => `${trimNumber(Math.abs(t) < step / 1e6 ? 0 : t * 100, decimalsFor(step * 100))}%`);
  const largest = Math.max(0, ...ticks.map(Math.abs));
  const currency = format === 'currency-usd';
  const [divisor, suffix] =
    largest >= (currency ? 1_000_000 : 10_000_000) ? [1_000_000, 'M'] : largest >= (currency ? 1_000 : 10_000) ? [1_000, 'k'] : [1, ''];
  const decimals = decimalsFor(step / divisor);
  return ticks.map((t) => {
    if (Math.abs(t) < step / 1e6) return currency ? '$0' : '0';
    const sign = t < 0 ? '-' : '';
    return `${sign}${currency ? '$' : ''}${trimNumber(Math.abs(t) / divisor, decimals)}${suffix}`;
  });
}

/** Decimals needed to write every multiple of `step` exactly (0.25 → 2), at most 3. */
function decimalsFor(step: number): number {
  for (let d = 0; d < 3; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return d;
  }
  return 3;
}

const TRIMMED = new Map<number, Intl.NumberFormat>();
function trimNumber(value: number, decimals: number): string {
  let format = TRIMMED.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
    TRIMMED.set(decimals, format);
  }
  return format.format(value);
}

/** "2024-03" → "Mar 2024"; anything else is shown as given. */
export function formatPeriod(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? `${MONTHS[month - 1]} ${match[1]}` : period;
}

/** ISO timestamp → "2025-07-01 09:30 UTC" (UTC so the file does not depend on the worker's time zone). */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`;
}

/** "2024-01-01" → "1 Jan 2024". */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

export function formatDateRange(from?: string, to?: string): string | null {
  if (!from && !to) return null;
  if (from && to) return `${formatDate(from)} – ${formatDate(to)}`;
  return from ? `from ${formatDate(from)}` : `until ${formatDate(to as string)}`;
}

export function formatCoverageCounts(postings: number, surveyResponses: number): string {
  return `${INTEGER.format(postings)} postings · ${INTEGER.format(surveyResponses)} survey responses`;
}

/** Lower-case ASCII slug for file names: "Senior ML Engineer (US)" → "senior-ml-engineer-us". */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return slug || 'report';
}
