import { ANNUALISATION_FACTORS, PayPeriod } from '../../common/market.enums';
import { KNOWN_CURRENCIES, usdPerUnit } from '../../reference/currency-rates.data';
import { FieldIssue } from '../ingestion.types';

/**
 * Salary text -> numbers. Pure, allocation-light and never throws: anything odd becomes a
 * FieldIssue so one bad row cannot stop an import.
 *
 * Issue codes: SALARY_NOT_STATED, SALARY_UNPARSEABLE, SALARY_TEXT_TRUNCATED, SALARY_RANGE_SWAPPED,
 * PERIOD_AMBIGUOUS, PERIOD_HINT_CONFLICT, INVALID_PERIOD_HINT, CURRENCY_HINT_CONFLICT,
 * INVALID_CURRENCY_HINT, MULTIPLE_CURRENCIES, CURRENCY_NOT_STATED, UNKNOWN_CURRENCY, PERIOD_NOT_STATED.
 */

export interface ParsedSalary {
  raw: string | null;
  min: number | null;
  max: number | null;
  /** ISO 4217 code. */
  currency: string | null;
  period: PayPeriod | null;
  issues: FieldIssue[];
}

export interface SalaryHints {
  currency?: string;
  period?: string;
}

export interface AnnualSalaryUsd {
  annualUsdMin: number | null;
  annualUsdMax: number | null;
  issues: FieldIssue[];
}

export const DEFAULT_SALARY_BOUNDS = { min: 5_000, max: 2_000_000 } as const;

const FIELD = 'salaryText';
// Real salary strings are short; scanning more only costs time on description-sized input.
const MAX_PARSE_LENGTH = 512;
const MAX_ISSUE_VALUE_LENGTH = 200;

// ---------------------------------------------------------------- currencies

/** ISO codes we recognise in text but hold no rate for: they parse, then fail conversion loudly. */
const EXTRA_ISO_CODES: ReadonlySet<string> = new Set(
  ('RON BGN HRK RSD ISK SAR QAR KWD BHD OMR JOD KES GHS MAD TND PEN UYU BOB PYG CRC GTQ DOP ' +
    'LKR BDT NPR KZT GEL AMD AZN BYN MMK KHR LAK MNT UZS ETB TZS UGX XOF XAF DZD LBP IRR IQD VES').split(' '),
);
// English words that are also ISO codes: only trusted when written in capitals.
const UPPERCASE_ONLY_CODES: ReadonlySet<string> = new Set(['TRY']);

const DOLLAR_FAMILY: ReadonlySet<string> = new Set([
  'USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'TWD', 'MXN', 'ARS', 'CLP', 'COP',
]);
const YEN_FAMILY: ReadonlySet<string> = new Set(['JPY', 'CNY']);
const KRONA_FAMILY: ReadonlySet<string> = new Set(['SEK', 'NOK', 'DKK', 'ISK']);
const RUPEE_FAMILY: ReadonlySet<string> = new Set(['INR', 'PKR', 'LKR', 'NPR']);
const POUND_FAMILY: ReadonlySet<string> = new Set(['GBP', 'EGP']);

interface CurrencyToken {
  code: string;
  /** Set for symbols shared by several currencies: a hint inside the family wins. */
  family?: ReadonlySet<string>;
}

const GENERIC_DOLLAR: CurrencyToken = { code: 'USD', family: DOLLAR_FAMILY };

const DOLLAR_PREFIXES: Readonly<Record<string, string>> = {
  us: 'USD', c: 'CAD', ca: 'CAD', can: 'CAD', a: 'AUD', au: 'AUD', nz: 'NZD', s: 'SGD', sg: 'SGD',
  hk: 'HKD', nt: 'TWD', r: 'BRL', mx: 'MXN',
};

const SYMBOLS: Readonly<Record<string, CurrencyToken>> = {
  '€': { code: 'EUR' },
  '£': { code: 'GBP', family: POUND_FAMILY },
  '₹': { code: 'INR' },
  '¥': { code: 'JPY', family: YEN_FAMILY },
  'cn¥': { code: 'CNY' },
  '元': { code: 'CNY' },
  '₩': { code: 'KRW' },
  '₪': { code: 'ILS' },
  '₺': { code: 'TRY' },
  '₽': { code: 'RUB' },
  '₴': { code: 'UAH' },
  '₦': { code: 'NGN' },
  '₱': { code: 'PHP' },
  '฿': { code: 'THB' },
  '₫': { code: 'VND' },
  dollar: GENERIC_DOLLAR,
  dollars: GENERIC_DOLLAR,
  euro: { code: 'EUR' },
  euros: { code: 'EUR' },
  pound: { code: 'GBP', family: POUND_FAMILY },
  pounds: { code: 'GBP', family: POUND_FAMILY },
  'pounds sterling': { code: 'GBP' },
  rupee: { code: 'INR', family: RUPEE_FAMILY },
  rupees: { code: 'INR', family: RUPEE_FAMILY },
  rs: { code: 'INR', family: RUPEE_FAMILY },
  yen: { code: 'JPY' },
  yuan: { code: 'CNY' },
  renminbi: { code: 'CNY' },
  rmb: { code: 'CNY' },
  lakh: { code: 'INR' },
  lakhs: { code: 'INR' },
  lac: { code: 'INR' },
  lacs: { code: 'INR' },
  crore: { code: 'INR' },
  crores: { code: 'INR' },
  lpa: { code: 'INR' },
  'zł': { code: 'PLN' },
  zl: { code: 'PLN' },
  'kč': { code: 'CZK' },
  kr: { code: 'SEK', family: KRONA_FAMILY },
  rp: { code: 'IDR' },
  rm: { code: 'MYR' },
  r: { code: 'ZAR' },
  ft: { code: 'HUF' },
};

/**
 * One pass finds every currency marker. Groups: 1 dollar prefix (CA$, R$...), 2 bare "$",
 * 3 symbol, 4 currency word, 5 letter prefix that must touch a digit (R450 000, Rs. 5000),
 * 6 forint suffix, 7 three-letter ISO candidate (checked against the known codes).
 */
const CURRENCY_TOKEN_RE = new RegExp(
  [
    '(?<![a-z])([a-z]{1,3})\\$',
    '(\\$)',
    '(cn¥|[€£₹¥₩₪₺₽₴₦₱฿₫元])',
    '(?<![a-z])(dollars?|euros?|pounds sterling|pounds?|rupees?|yen|yuan|renminbi|rmb|lakhs?|lacs?|crores?|lpa|zł|zl|kč|kr)(?![a-z])',
    '(?<![a-z])(rs|rp|rm|r)\\.?(?=\\s?\\d)',
    '(?<=\\d\\s?)(ft)(?![a-z])',
    '(?<![a-z])([a-z]{3})(?![a-z])',
  ].join('|'),
  'gi',
);

function isoToken(word: string): CurrencyToken | undefined {
  const code = word.toUpperCase();
  const isUpper = word === code;
  if (KNOWN_CURRENCIES.has(code) && (isUpper || !UPPERCASE_ONLY_CODES.has(code))) return { code };
  if (EXTRA_ISO_CODES.has(code) && isUpper) return { code };
  return undefined;
}

function tokenFromMatch(m: RegExpExecArray): CurrencyToken | undefined {
  if (m[1] !== undefined) {
    const prefix = m[1].toLowerCase();
    const mapped = DOLLAR_PREFIXES[prefix];
    if (mapped) return { code: mapped };
    return isoToken(m[1]) ?? GENERIC_DOLLAR;
  }
  if (m[2] !== undefined) return GENERIC_DOLLAR;
  if (m[7] !== undefined) return isoToken(m[7]);
  const text = (m[3] ?? m[4] ?? m[5] ?? m[6] ?? '').toLowerCase();
  return SYMBOLS[text];
}

interface CurrencyScan {
  /** The currency the text names: the first marker, narrowed by a later code of its family ("$120K CAD"). */
  token?: CurrencyToken;
  /** Some marker names a currency the resolved one cannot be ("€50k (~$55k)", "$100k CAD (~$75k USD)"). */
  mixed: boolean;
}

/** Same currency, or a shared symbol that can stand for it ("CAD $100k", "$100k CAD"). */
function compatible(token: CurrencyToken, code: string): boolean {
  return token.code === code || (token.family?.has(code) ?? false);
}

// At most this many other currency markers are compared; real salary text has one or two.
const MAX_OTHER_TOKENS = 4;

/**
 * One pass over the currency markers. A shared symbol ($, kr, ¥, £, Rs) is narrowed by the first
 * explicit marker of its family anywhere in the text: "$" is many dollars, so "$95,000 AUD" is AUD,
 * while "$100k USD" stays USD. An explicit code outside the family ("$100k EUR") does not narrow it
 * and is reported as a second currency instead.
 */
function scanCurrencies(text: string): CurrencyScan {
  let first: CurrencyToken | undefined;
  let narrowed: string | undefined;
  // Most text has a single marker, so the list of other markers is only allocated when needed.
  let others: CurrencyToken[] | undefined;
  CURRENCY_TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CURRENCY_TOKEN_RE.exec(text)) !== null) {
    const token = tokenFromMatch(m);
    if (!token) continue;
    if (!first) {
      first = token;
      continue;
    }
    if (token === first || (token.code === first.code && token.family === first.family)) continue;
    if (narrowed === undefined && first.family && !token.family && first.family.has(token.code)) narrowed = token.code;
    others ??= [];
    if (others.length < MAX_OTHER_TOKENS && !others.some((o) => o.code === token.code && o.family === token.family)) {
      others.push(token);
    }
  }
  if (!first) return { mixed: false };
  const token: CurrencyToken = narrowed === undefined ? first : { code: narrowed };
  const mixed = others !== undefined && others.some((o) => !compatible(o, token.code));
  return { token, mixed };
}

const ISO_SHAPE_RE = /^[A-Za-z]{3}$/;

/** Removes currency markers but keeps ordinary three-letter words ("and", "max"). */
function stripCurrencyTokens(text: string): string {
  return text.replace(CURRENCY_TOKEN_RE, (match: string, ...groups: (string | undefined)[]) =>
    groups[6] !== undefined && !isoToken(groups[6]) ? match : '',
  );
}

function resolveHintCurrency(hint: string | undefined): string | null | undefined {
  if (typeof hint !== 'string') return undefined;
  const trimmed = hint.trim();
  if (trimmed === '') return undefined;
  // A column that names a code is taken at its word, even one we hold no rate for.
  if (ISO_SHAPE_RE.test(trimmed)) return trimmed.toUpperCase();
  const scan = scanCurrencies(trimmed.slice(0, 64));
  return scan.token ? scan.token.code : null;
}

// ---------------------------------------------------------------- pay periods

const PERIOD_BY_WORD: Readonly<Record<string, PayPeriod>> = {
  hour: PayPeriod.HOUR, hours: PayPeriod.HOUR, hr: PayPeriod.HOUR, hrs: PayPeriod.HOUR, h: PayPeriod.HOUR,
  hourly: PayPeriod.HOUR, ph: PayPeriod.HOUR,
  day: PayPeriod.DAY, days: PayPeriod.DAY, d: PayPeriod.DAY, daily: PayPeriod.DAY, 'day rate': PayPeriod.DAY,
  'per diem': PayPeriod.DAY,
  week: PayPeriod.WEEK, weeks: PayPeriod.WEEK, wk: PayPeriod.WEEK, wks: PayPeriod.WEEK, w: PayPeriod.WEEK,
  weekly: PayPeriod.WEEK,
  month: PayPeriod.MONTH, months: PayPeriod.MONTH, mo: PayPeriod.MONTH, mos: PayPeriod.MONTH,
  mth: PayPeriod.MONTH, mths: PayPeriod.MONTH, m: PayPeriod.MONTH, monthly: PayPeriod.MONTH, pcm: PayPeriod.MONTH,
  year: PayPeriod.YEAR, years: PayPeriod.YEAR, yr: PayPeriod.YEAR, yrs: PayPeriod.YEAR, y: PayPeriod.YEAR,
  annum: PayPeriod.YEAR, 'per annum': PayPeriod.YEAR, yearly: PayPeriod.YEAR, annual: PayPeriod.YEAR,
  annually: PayPeriod.YEAR, pa: PayPeriod.YEAR, lpa: PayPeriod.YEAR, ctc: PayPeriod.YEAR,
  pd: PayPeriod.DAY, pw: PayPeriod.WEEK, pm: PayPeriod.MONTH,
  // German, Spanish and Portuguese units after "pro"/"por".
  stunde: PayPeriod.HOUR, std: PayPeriod.HOUR, hora: PayPeriod.HOUR, tag: PayPeriod.DAY, dia: PayPeriod.DAY,
  'día': PayPeriod.DAY, woche: PayPeriod.WEEK, semana: PayPeriod.WEEK, monat: PayPeriod.MONTH, mes: PayPeriod.MONTH,
  'mês': PayPeriod.MONTH, jahr: PayPeriod.YEAR, ano: PayPeriod.YEAR, 'año': PayPeriod.YEAR,
};

/**
 * Group 1: unit after "per", "a", "an", "each" or "/" ("$21 Per Hour", "45/hr", "a year", "pro Stunde").
 * Group 2: stand-alone period words ("hourly", "p.a.", "pm", "LPA"); dots are dropped before lookup.
 */
const PERIOD_RE =
  /(?:(?<![a-z])(?:per|pro|por|an?|each|every)\s{1,3}|\/\s{0,2})(hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|mths?|m|years?|yrs?|y|annum|stunde|std|hora|tag|dia|día|woche|semana|monat|mes|mês|jahr|ano|año)(?![a-z])|(?<![a-z])(hourly|daily|weekly|monthly|yearly|annual(?:ly)?|per annum|per diem|day rate|p\.?[ahdwm]\.?|pcm|lpa|ctc)(?![a-z])/gi;

function scanPeriod(text: string): PayPeriod | null {
  PERIOD_RE.lastIndex = 0;
  const m = PERIOD_RE.exec(text);
  if (!m) return null;
  return PERIOD_BY_WORD[(m[1] ?? m[2]).toLowerCase().replace(DOTS_RE, '')] ?? null;
}

const DOTS_RE = /\./g;
const LEADING_PER_RE = /^(?:(?:per|pro|por|an?|each|every)\s+|\/\s*)/;
const PAY_PERIOD_VALUES: ReadonlySet<string> = new Set(Object.values(PayPeriod));

/** Reads a pay-period column value ("HOUR", "hourly", "per year", "yr"). Null when unrecognised. */
export function parsePayPeriod(raw: string | undefined | null): PayPeriod | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim().slice(0, 64);
  if (text === '') return null;
  const upper = text.toUpperCase();
  if (PAY_PERIOD_VALUES.has(upper)) return upper as PayPeriod;
  const lower = text.toLowerCase().replace(LEADING_PER_RE, '');
  return PERIOD_BY_WORD[lower] ?? scanPeriod(text);
}

// ---------------------------------------------------------------- amounts

const AMOUNT_RE =
  /(?<![\d.,'’])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)(?:[.,]\d{1,2}(?!\d))?|\d+(?:[.,'’]\d+)*)(?:\s{0,2}(thousands?|millions?|mm|mn|m|k|lakhs?|lacs?|lpa|crores?|cr)(?![a-z]))?/gi;

// Numbers that are not pay: "5 years", "10% bonus", "40 hours a week".
const NOT_AN_AMOUNT_AFTER_RE = /^\s{0,2}(?:%|percent|years?|yrs?|yoe|employees?|hours|hrs|days|weeks|months|people|positions?)(?![a-z])/i;
const RETIREMENT_PLAN_RE = /\b401\s?\(?k\)?/gi;

const MULTIPLIERS: Readonly<Record<string, number>> = {
  k: 1e3, thousand: 1e3, thousands: 1e3,
  m: 1e6, mm: 1e6, mn: 1e6, million: 1e6, millions: 1e6,
  lakh: 1e5, lakhs: 1e5, lac: 1e5, lacs: 1e5, lpa: 1e5,
  crore: 1e7, crores: 1e7, cr: 1e7,
};

const RANGE_SEPARATOR_RE = /^(?:-|–|—|−|~|to|and|bis|à|a|-\s*to)$/i;
const UP_TO_RE = /(?:up\s?to|upto|max(?:imum)?|not more than|no more than|until|under|below|<|≤)[\s:]*$/i;
const FROM_RE = /(?:from|min(?:imum)?|starting(?:\s(?:at|from))?|at least|over|above|>|≥)[\s:]*$/i;
const PLUS_AFTER_RE = /^\+(?!\s*[a-z])/i;
const NOT_STATED_RE =
  /competitive|\bdoe\b|depend|negotiable|\btbd\b|\btbc\b|n\/a|commensurate|market rate|attractive|undisclosed|not (?:specified|stated|disclosed)|on request/i;

interface AmountToken {
  start: number;
  end: number;
  value: number;
  multiplier: number;
}

/**
 * Decides what "." and "," mean. Both present: the later one is the decimal mark. One kind,
 * repeated: thousands ("1,200,000", "60.000.000", Indian "12,00,000"). Once, followed by exactly
 * three digits: thousands ("120,000", "€60.000"), except a dot before k/M ("1.250M") and a leading
 * zero ("0.500"). Anything else is a decimal mark ("1,2 M", "137.5K", "45,50").
 */
function parseNumber(token: string, hasMultiplier: boolean): number {
  const s = token.replace(/[ \u00a0\u202f'’]/g, '');
  if (s.length > 24) return NaN;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normalised: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    if (s.indexOf(decimal) !== s.lastIndexOf(decimal)) return NaN;
    normalised = s.split(thousands).join('').replace(decimal, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const first = s.indexOf(sep);
    const repeated = first !== s.lastIndexOf(sep);
    const digitsAfter = s.length - first - 1;
    const leadingZero = s.startsWith('0' + sep);
    const thousandsGroup = digitsAfter === 3 && !leadingZero && !(sep === '.' && hasMultiplier);
    normalised = repeated || thousandsGroup ? s.split(sep).join('') : s.replace(sep, '.');
  } else {
    normalised = s;
  }
  return Number(normalised);
}

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}

function scanAmounts(text: string): AmountToken[] {
  const tokens: AmountToken[] = [];
  AMOUNT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AMOUNT_RE.exec(text)) !== null && tokens.length < 4) {
    const end = m.index + m[0].length;
    if (NOT_AN_AMOUNT_AFTER_RE.test(text.slice(end, end + 12))) continue;
    const suffix = m[2]?.toLowerCase();
    const multiplier = suffix ? MULTIPLIERS[suffix] ?? 1 : 1;
    const value = parseNumber(m[1], suffix !== undefined);
    if (!Number.isFinite(value)) continue;
    tokens.push({ start: m.index, end, value, multiplier });
  }
  return tokens;
}

function isRangeSeparator(between: string): boolean {
  if (between.length > 40) return false;
  const cleaned = stripCurrencyTokens(between).replace(PERIOD_RE, '').trim();
  return RANGE_SEPARATOR_RE.test(cleaned);
}

// ---------------------------------------------------------------- parseSalary

function issue(raw: string | undefined, code: string, message: string, field = FIELD): FieldIssue {
  const value = raw !== undefined && raw.length > MAX_ISSUE_VALUE_LENGTH ? raw.slice(0, MAX_ISSUE_VALUE_LENGTH) + '…' : raw;
  return { field, value, code, message };
}

function emptySalary(raw: string | null, issues: FieldIssue[]): ParsedSalary {
  return { raw, min: null, max: null, currency: null, period: null, issues };
}

function resolveCurrency(text: string, hints: SalaryHints | undefined, raw: string, issues: FieldIssue[]): string | null {
  const scan = scanCurrencies(text);
  const hint = resolveHintCurrency(hints?.currency);
  if (hint === null) {
    issues.push(issue(hints?.currency, 'INVALID_CURRENCY_HINT', `Currency hint "${hints?.currency}" is not a recognised currency; ignored`, 'salaryCurrency'));
  }
  const found = scan.token;
  if (scan.mixed) {
    issues.push(issue(raw, 'MULTIPLE_CURRENCIES', `Salary text mentions several currencies; used ${found?.code}`));
  }
  if (!found) return hint ?? null;
  if (!hint || hint === found.code) return found.code;
  // "$" on a Canadian board means CAD: a shared symbol defers to a hint inside its family.
  if (found.family?.has(hint)) return hint;
  issues.push(issue(raw, 'CURRENCY_HINT_CONFLICT', `Text says ${found.code} but the currency hint says ${hint}; kept ${found.code}`));
  return found.code;
}

function resolvePeriod(text: string, hints: SalaryHints | undefined, raw: string, issues: FieldIssue[]): PayPeriod | null {
  const fromText = scanPeriod(text);
  const hintRaw = hints?.period;
  const hasHint = typeof hintRaw === 'string' && hintRaw.trim() !== '';
  const hint = hasHint ? parsePayPeriod(hintRaw) : null;
  if (hasHint && hint === null) {
    issues.push(issue(hintRaw, 'INVALID_PERIOD_HINT', `Pay period hint "${hintRaw}" is not recognised; ignored`, 'salaryPeriod'));
  }
  if (fromText && hint && fromText !== hint) {
    issues.push(issue(raw, 'PERIOD_HINT_CONFLICT', `Text says ${fromText} but the period hint says ${hint}; kept ${fromText}`));
  }
  return fromText ?? hint;
}

/**
 * Parses free salary text ("$137K-$171K (Glassdoor est.)", "€60.000 – €80.000 a year",
 * "1,2 M ₹", "45/hr"). Hints come from separate columns (currency code, pay period) and fill
 * what the text leaves out. A shared symbol ($, kr, ¥, £, Rs) is narrowed by a code of its family
 * written anywhere in the text ("$120K - $150K CAD" is CAD, "$100k USD" stays USD), otherwise it
 * defers to a hint of its family; an explicit code in the text beats a conflicting hint.
 *
 * Pay period when neither text nor hint gives one: YEAR. Guessing HOUR or MONTH from the size of
 * the number goes wrong too often ("120-150" usually means thousands a year; 8,000 may be a month
 * in PLN or a year in nothing), so we assume YEAR, flag small bare numbers (< 1000, no k/M) with
 * PERIOD_AMBIGUOUS, and let isSalaryOutlier catch what slips through after conversion.
 */
export function parseSalary(raw: string | undefined | null, hints?: SalaryHints): ParsedSalary {
  if (typeof raw !== 'string') return emptySalary(null, []);
  const trimmed = raw.trim();
  if (trimmed === '') return emptySalary(null, []);

  const issues: FieldIssue[] = [];
  let text = trimmed;
  if (text.length > MAX_PARSE_LENGTH) {
    text = text.slice(0, MAX_PARSE_LENGTH);
    issues.push(issue(trimmed, 'SALARY_TEXT_TRUNCATED', `Salary text longer than ${MAX_PARSE_LENGTH} characters; only the start was read`));
  }
  text = text.replace(RETIREMENT_PLAN_RE, ' ');

  const amounts = scanAmounts(text);
  if (amounts.length === 0) {
    const message = NOT_STATED_RE.test(text)
      ? 'Salary is not stated (e.g. "Competitive", "DOE")'
      : 'Salary text contains no amount';
    issues.push(issue(trimmed, 'SALARY_NOT_STATED', message));
    return emptySalary(trimmed, issues);
  }

  const first = amounts[0];
  const second = amounts.length > 1 && isRangeSeparator(text.slice(first.end, amounts[1].start)) ? amounts[1] : undefined;
  let firstMultiplier = first.multiplier;
  let secondMultiplier = second?.multiplier ?? 1;
  // "90-110K" and "$90K - 110": one unit written once applies to both ends of a range.
  if (second && firstMultiplier === 1 && secondMultiplier !== 1 && first.value < 1000) firstMultiplier = secondMultiplier;
  if (second && secondMultiplier === 1 && firstMultiplier !== 1 && second.value < 1000) secondMultiplier = firstMultiplier;

  const low = roundCents(first.value * firstMultiplier);
  const high = second ? roundCents(second.value * secondMultiplier) : low;
  if (high === 0 && low === 0) {
    issues.push(issue(trimmed, 'SALARY_NOT_STATED', 'Salary amount is zero, read as not stated'));
    return emptySalary(trimmed, issues);
  }

  let min: number | null = low;
  let max: number | null = high;
  if (!second) {
    const before = stripCurrencyTokens(text.slice(Math.max(0, first.start - 24), first.start));
    if (UP_TO_RE.test(before)) min = null;
    else if (FROM_RE.test(before) || PLUS_AFTER_RE.test(text.slice(first.end, first.end + 8))) max = null;
  } else if (low > high) {
    min = high;
    max = low;
    issues.push(issue(trimmed, 'SALARY_RANGE_SWAPPED', `Salary range was written high to low (${low} - ${high}); swapped`));
  }

  const currency = resolveCurrency(text, hints, trimmed, issues);
  let period = resolvePeriod(text, hints, trimmed, issues);
  if (period === null) {
    period = PayPeriod.YEAR;
    const noUnit = firstMultiplier === 1 && secondMultiplier === 1;
    if (noUnit && Math.max(low, high) < 1000) {
      issues.push(issue(trimmed, 'PERIOD_AMBIGUOUS', 'No pay period and a small amount: assumed YEAR, but it may be hourly or in thousands'));
    }
  }
  return { raw: trimmed, min, max, currency, period, issues };
}

// ---------------------------------------------------------------- annualisation

/**
 * Annual USD for a parsed salary, using the period's ANNUALISATION_FACTORS and the yearly average
 * rate for `year` (nearest year held; latest when omitted). Rounded to cents.
 */
export function annualizeToUsd(s: ParsedSalary, year?: number): AnnualSalaryUsd {
  const issues: FieldIssue[] = [];
  const none: AnnualSalaryUsd = { annualUsdMin: null, annualUsdMax: null, issues };
  if (!s || (s.min === null && s.max === null)) return none;
  const raw = s.raw ?? undefined;
  if (!s.currency) {
    issues.push(issue(raw, 'CURRENCY_NOT_STATED', 'Salary has no currency, so it cannot be converted to USD'));
    return none;
  }
  const rate = usdPerUnit(s.currency, year);
  if (rate === undefined) {
    issues.push(issue(raw, 'UNKNOWN_CURRENCY', `No exchange rate held for currency "${s.currency}"`));
    return none;
  }
  let period = s.period;
  if (!period || !(period in ANNUALISATION_FACTORS)) {
    issues.push(issue(raw, 'PERIOD_NOT_STATED', 'Salary has no pay period; assumed YEAR'));
    period = PayPeriod.YEAR;
  }
  const factor = ANNUALISATION_FACTORS[period] * rate;
  const convert = (v: number | null): number | null => (v === null || !Number.isFinite(v) ? null : roundCents(v * factor));
  return { annualUsdMin: convert(s.min), annualUsdMax: convert(s.max), issues };
}

/** True when an annual USD figure is implausible for a salaried role (or not a number at all). */
export function isSalaryOutlier(
  annualUsd: number,
  bounds: { min: number; max: number } = DEFAULT_SALARY_BOUNDS,
): boolean {
  return !Number.isFinite(annualUsd) || annualUsd < bounds.min || annualUsd > bounds.max;
}
