/** Every number on screen goes through these, so units and currency are consistent. */
const LOCALE = undefined; // the browser's locale

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });
const usd = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const usdCompact = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 });
const signedPercent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const decimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const bytes = new Intl.NumberFormat(LOCALE, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 0 });
const megabytes = new Intl.NumberFormat(LOCALE, { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
const day = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' });
const month = new Intl.DateTimeFormat(LOCALE, { month: 'short', year: 'numeric', timeZone: 'UTC' });

const missing = (n: number | null | undefined): n is null | undefined => n === null || n === undefined || Number.isNaN(n);

export const fmt = {
  int: (n: number | null | undefined) => (missing(n) ? '—' : integer.format(n)),
  compact: (n: number | null | undefined) => (missing(n) ? '—' : compact.format(n)),
  usd: (n: number | null | undefined) => (missing(n) ? '—' : usd.format(n)),
  usdCompact: (n: number | null | undefined) => (missing(n) ? '—' : usdCompact.format(n)),
  money: (n: number, currency: string) => new Intl.NumberFormat(LOCALE, { style: 'currency', currency, maximumFractionDigits: 0 }).format(n),
  percent: (n: number | null | undefined) => (missing(n) ? '—' : percent.format(n)),
  change: (n: number | null | undefined) => (missing(n) ? '—' : signedPercent.format(n)),
  decimal: (n: number | null | undefined) => (missing(n) ? '—' : decimal.format(n)),
  fileSize: (n: number | null | undefined) => (missing(n) ? '—' : n >= 1_000_000 ? megabytes.format(n / 1_000_000) : bytes.format(Math.max(1, n / 1000))),
  dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—'),
  /** "2024-01-01", "2024-12-31" → "Jan 1 – Dec 31, 2024" (formatRange picks the shortest form) */
  dateRange: (from: string, to: string) => day.formatRange(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`)),
  /** "2024-03-01" → "Mar 2024" */
  month: (period: string) => month.format(new Date(`${period.slice(0, 10)}T00:00:00Z`)),
};
