import { CompanySize, EducationLevel, EmploymentType, Industry, RemoteType } from '../../common/market.enums';
import { FieldIssue } from '../ingestion.types';

/**
 * Small pure normalisers for posting and survey fields. None of them throws: an unreadable value
 * comes back as `value: null` with one FieldIssue, an absent one ("", "N/A", "unknown", Glassdoor's
 * "-1") as `value: null` and no issue. Patterns are compiled once at module load.
 */

export interface NormalizedField<T> {
  value: T | null;
  raw: string | null;
  issue?: FieldIssue;
}

export type RawFieldValue = string | number | boolean | null | undefined;

// Field values are short; matching only the start keeps a pasted description from costing much.
const MAX_MATCH_LENGTH = 256;
const MAX_ISSUE_VALUE_LENGTH = 200;

const ABSENT_VALUES: ReadonlySet<string> = new Set([
  '', 'n/a', 'na', 'nan', 'null', 'undefined', 'unknown', '-', '--', '-1', 'not specified', 'unspecified',
  'not applicable', 'unknown / non-applicable', 'not available', '?',
]);

function toText(raw: RawFieldValue): string | null {
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : null;
  if (typeof raw === 'boolean') return String(raw);
  return null;
}

function isAbsent(text: string | null): text is null {
  return text === null || ABSENT_VALUES.has(text.toLowerCase());
}

function fieldIssue(field: string, raw: string, code: string, message: string): FieldIssue {
  const value = raw.length > MAX_ISSUE_VALUE_LENGTH ? raw.slice(0, MAX_ISSUE_VALUE_LENGTH) + '…' : raw;
  return { field, value, code, message };
}

const SEPARATORS_RE = /[\s_-]+/g;
/** Lowercase, "_" and "-" as spaces: FULL_TIME, full-time and Full Time compare equal. */
function fold(text: string): string {
  return text.slice(0, MAX_MATCH_LENGTH).toLowerCase().replace(SEPARATORS_RE, ' ').trim();
}

function firstMatch<T>(text: string, rules: ReadonlyArray<readonly [T, RegExp]>): T | null {
  for (const [value, re] of rules) if (re.test(text)) return value;
  return null;
}

// ---------------------------------------------------------------- employment type

const EMPLOYMENT_BY_WORD: Readonly<Record<string, EmploymentType>> = {
  ft: EmploymentType.FULL_TIME, 'full time': EmploymentType.FULL_TIME, fulltime: EmploymentType.FULL_TIME,
  permanent: EmploymentType.FULL_TIME, perm: EmploymentType.FULL_TIME, regular: EmploymentType.FULL_TIME,
  pt: EmploymentType.PART_TIME, 'part time': EmploymentType.PART_TIME, parttime: EmploymentType.PART_TIME,
  ct: EmploymentType.CONTRACT, contract: EmploymentType.CONTRACT, contractor: EmploymentType.CONTRACT,
  'contract to hire': EmploymentType.CONTRACT, 'fixed term': EmploymentType.CONTRACT, c2h: EmploymentType.CONTRACT,
  fl: EmploymentType.FREELANCE, freelance: EmploymentType.FREELANCE, freelancer: EmploymentType.FREELANCE,
  'self employed': EmploymentType.FREELANCE, 'independent contractor': EmploymentType.FREELANCE,
  intern: EmploymentType.INTERNSHIP, internship: EmploymentType.INTERNSHIP, trainee: EmploymentType.INTERNSHIP,
  apprenticeship: EmploymentType.INTERNSHIP, 'working student': EmploymentType.INTERNSHIP,
  temporary: EmploymentType.TEMPORARY, temp: EmploymentType.TEMPORARY, seasonal: EmploymentType.TEMPORARY,
  // schema.org PER_DIEM: paid by the day as needed, closest to a temporary engagement.
  'per diem': EmploymentType.TEMPORARY,
};
// schema.org values with no counterpart in our vocabulary.
const UNSUPPORTED_EMPLOYMENT: ReadonlySet<string> = new Set(['volunteer', 'other']);
const EMPLOYMENT_KEYWORDS: ReadonlyArray<readonly [EmploymentType, RegExp]> = [
  [EmploymentType.INTERNSHIP, /\b(?:intern(?:ship)?|trainee|apprentice(?:ship)?|werkstudent)\b/],
  [EmploymentType.FREELANCE, /\bfreelanc/],
  [EmploymentType.CONTRACT, /\bcontract(?:or)?\b|\bfixed term\b/],
  [EmploymentType.PART_TIME, /\bpart ?time\b/],
  [EmploymentType.TEMPORARY, /\btemp(?:orary)?\b|\bseasonal\b/],
  [EmploymentType.FULL_TIME, /\bfull ?time\b|\bpermanent\b/],
];
const LIST_SPLIT_RE = /[,;|/]+|\s(?:and|or|&)\s/;
const LIST_PUNCTUATION_RE = /["'[\](){}]/g;

/**
 * aijobs codes (FT/PT/CT/FL), words ("Full-time", "Permanent") and schema.org values
 * (FULL_TIME, CONTRACTOR, PER_DIEM...). A list ("Full-time, Contract" or a JSON array) yields its
 * first recognised entry.
 */
export function normalizeEmploymentType(raw: RawFieldValue): NormalizedField<EmploymentType> {
  const text = toText(raw);
  if (isAbsent(text)) return { value: null, raw: text };
  let unsupported: string | null = null;
  for (const piece of text.slice(0, MAX_MATCH_LENGTH).split(LIST_SPLIT_RE)) {
    const key = fold(piece.replace(LIST_PUNCTUATION_RE, ''));
    if (key === '') continue;
    const value = EMPLOYMENT_BY_WORD[key] ?? firstMatch(key, EMPLOYMENT_KEYWORDS);
    if (value) return { value, raw: text };
    if (UNSUPPORTED_EMPLOYMENT.has(key)) unsupported ??= key;
  }
  if (unsupported) {
    return {
      value: null,
      raw: text,
      issue: fieldIssue('employmentType', text, 'UNSUPPORTED_EMPLOYMENT_TYPE', `Employment type "${unsupported}" has no equivalent in our vocabulary`),
    };
  }
  return {
    value: null,
    raw: text,
    issue: fieldIssue('employmentType', text, 'UNKNOWN_EMPLOYMENT_TYPE', `Unrecognised employment type "${text.slice(0, 60)}"`),
  };
}

// ---------------------------------------------------------------- remote work

const RATIO_RE = /^(\d{1,3}(?:\.\d+)?)\s*%?$/;

function parseRatio(text: string): number | null {
  const m = RATIO_RE.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  // 0.5 and 1.0 are fractions; whole numbers are percentages.
  return m[1].includes('.') && n <= 1 ? Math.round(n * 100) : Math.round(n);
}

const REMOTE_RULES: ReadonlyArray<readonly [RemoteType, RegExp]> = [
  [RemoteType.ONSITE, /\b(?:no|not|non) remote\b|\bremote:? (?:no|false)\b|^(?:false|no|n)$/],
  [RemoteType.HYBRID, /\bhybrid\b|\bpartial(?:ly)? remote\b|\bflexible\b|\bremote friendly\b|\bdays? (?:in|at) (?:the )?office\b/],
  [RemoteType.REMOTE, /\bremote\b|\btelecommut|\bwork from (?:home|anywhere)\b|\bwfh\b|\banywhere\b|\bhome based\b|^(?:true|yes|y)$/],
  [RemoteType.ONSITE, /\bon ?site\b|\bin office\b|\bin person\b|\boffice based\b|\boffice\b|\bon premises?\b/],
];

function remoteTypeFromRatio(ratio: number): RemoteType {
  return ratio >= 100 ? RemoteType.REMOTE : ratio > 0 ? RemoteType.HYBRID : RemoteType.ONSITE;
}

/**
 * remote_ratio numbers (0 / 50 / 100: anything strictly between is HYBRID), words ("remote",
 * "hybrid", "on-site", "in office") and schema.org jobLocationType TELECOMMUTE. Hybrid words win
 * over "remote" ("hybrid remote"); a negation wins over both ("not remote").
 */
export function normalizeRemoteType(raw: RawFieldValue): NormalizedField<RemoteType> {
  const text = toText(raw);
  if (isAbsent(text)) return { value: null, raw: text };
  const ratio = parseRatio(text);
  if (ratio !== null && ratio <= 100) return { value: remoteTypeFromRatio(ratio), raw: text };
  const value = firstMatch(fold(text), REMOTE_RULES);
  if (value) return { value, raw: text };
  return {
    value: null,
    raw: text,
    issue: fieldIssue('remote', text, 'UNKNOWN_REMOTE_TYPE', `Unrecognised remote/on-site value "${text.slice(0, 60)}"`),
  };
}

const RATIO_BY_REMOTE_TYPE: Readonly<Record<RemoteType, number>> = {
  [RemoteType.ONSITE]: 0,
  [RemoteType.HYBRID]: 50,
  [RemoteType.REMOTE]: 100,
};

/** Share of remote work, integer 0..100. "50", "50%", "0.5" and "hybrid" all give 50. */
export function normalizeRemoteRatio(raw: RawFieldValue): NormalizedField<number> {
  const text = toText(raw);
  if (isAbsent(text)) return { value: null, raw: text };
  const ratio = parseRatio(text);
  if (ratio !== null) {
    if (ratio <= 100) return { value: ratio, raw: text };
    return {
      value: null,
      raw: text,
      issue: fieldIssue('remoteRatio', text, 'REMOTE_RATIO_OUT_OF_RANGE', `Remote ratio ${ratio} is outside 0..100`),
    };
  }
  const type = firstMatch(fold(text), REMOTE_RULES);
  if (type) return { value: RATIO_BY_REMOTE_TYPE[type], raw: text };
  return {
    value: null,
    raw: text,
    issue: fieldIssue('remoteRatio', text, 'INVALID_REMOTE_RATIO', `Remote ratio "${text.slice(0, 60)}" is not a number from 0 to 100`),
  };
}

// ---------------------------------------------------------------- company size

const SIZE_BY_WORD: Readonly<Record<string, CompanySize>> = {
  s: CompanySize.SMALL, small: CompanySize.SMALL, startup: CompanySize.SMALL, 'start up': CompanySize.SMALL,
  micro: CompanySize.SMALL,
  m: CompanySize.MEDIUM, medium: CompanySize.MEDIUM, mid: CompanySize.MEDIUM, 'mid size': CompanySize.MEDIUM,
  midsize: CompanySize.MEDIUM, 'mid sized': CompanySize.MEDIUM, 'medium sized': CompanySize.MEDIUM,
  // SME spans small and medium; MEDIUM is the middle of that span.
  sme: CompanySize.MEDIUM, smb: CompanySize.MEDIUM, scaleup: CompanySize.MEDIUM, 'scale up': CompanySize.MEDIUM,
  l: CompanySize.LARGE, large: CompanySize.LARGE, enterprise: CompanySize.LARGE, corporate: CompanySize.LARGE,
  corporation: CompanySize.LARGE, multinational: CompanySize.LARGE, big: CompanySize.LARGE,
};
const THOUSANDS_SEPARATOR_RE = /(?<=\d)[,.' ](?=\d{3}\b)/g;
const SIZE_RANGE_RE = /(\d{1,7})\s*(?:-|–|to)\s*(\d{1,7})/;
const SIZE_AT_LEAST_RE = /(\d{1,7})\s*\+|(?:more than|over|above|at least)\s*(\d{1,7})|(\d{1,7})\s*(?:or more|and (?:over|above|more))/;
const SIZE_BELOW_RE = /(?:<|less than|fewer than|under|below)\s*(\d{1,7})/;
const SIZE_NOUN_SUFFIX_RE = /\s*(?:company|companies|business|sized?)$/;
const SIZE_NUMBER_RE = /^\s*(\d{1,7})(?:\s*employees?)?\s*$/;

/** aijobs.net: fewer than 50 employees is SMALL, 50 to 250 MEDIUM, more than 250 LARGE. */
function sizeOfHeadcount(n: number): CompanySize {
  return n < 50 ? CompanySize.SMALL : n <= 250 ? CompanySize.MEDIUM : CompanySize.LARGE;
}

function sizeFromNumbers(text: string): CompanySize | null {
  const range = SIZE_RANGE_RE.exec(text);
  // Bands are log-spaced ("1-50", "201-1000"), so their geometric middle is the typical headcount.
  if (range) return sizeOfHeadcount(Math.sqrt(Math.max(1, Number(range[1])) * Math.max(1, Number(range[2]))));
  const atLeast = SIZE_AT_LEAST_RE.exec(text);
  if (atLeast) return sizeOfHeadcount(Number(atLeast[1] ?? atLeast[2] ?? atLeast[3]));
  const below = SIZE_BELOW_RE.exec(text);
  if (below) return sizeOfHeadcount(Number(below[1]) - 1);
  const single = SIZE_NUMBER_RE.exec(text);
  if (single) return sizeOfHeadcount(Number(single[1]));
  return null;
}

/** S/M/L codes, words ("Startup", "Enterprise") and headcount bands ("51-200", "10,000+ employees"). */
export function normalizeCompanySize(raw: RawFieldValue): NormalizedField<CompanySize> {
  const text = toText(raw);
  if (isAbsent(text)) return { value: null, raw: text };
  const folded = fold(text);
  const value =
    SIZE_BY_WORD[folded] ??
    SIZE_BY_WORD[folded.replace(SIZE_NOUN_SUFFIX_RE, '')] ??
    // Hyphens kept here: "1-50" is a band, not two numbers.
    sizeFromNumbers(text.slice(0, MAX_MATCH_LENGTH).toLowerCase().replace(THOUSANDS_SEPARATOR_RE, ''));
  if (value) return { value, raw: text };
  return {
    value: null,
    raw: text,
    issue: fieldIssue('companySize', text, 'UNKNOWN_COMPANY_SIZE', `Unrecognised company size "${text.slice(0, 60)}"`),
  };
}

// ---------------------------------------------------------------- industry

/**
 * First match wins, so the more specific sector comes first: insurance before finance, health
 * (incl. biotech, pharma) and finance (incl. fintech) before technology, aerospace before defence.
 *
 * Matching is on word starts, and a stem is left open only where every longer word is the same
 * sector ("insur" -> insurer, insurtech; "pharma" -> pharmacy). Stems that start an unrelated word
 * are closed with a word boundary: "hospital" (not Hospitality), "govern" (not Governance), "bank"
 * (not Bankruptcy), "invest" (not Investigations), "crypto" (not Cryptography), "rail" (not
 * Railing), "mining" (not Data Mining). Words inside others never match: "oil" is not in Toiletries
 * or Soil, "bank" not in Databank.
 *
 * Hospitality (hotels, travel accommodation, leisure, tourism) has no sector of its own and is not
 * retail (that bucket is goods and commerce) nor transport, so it is a known OTHER: no issue. It
 * comes before transport and retail so "Travel & Hospitality" and "Hotels & Travel Accommodation"
 * stay OTHER; "Restaurants" alone is still RETAIL (food and beverage, as before).
 */
const INDUSTRY_RULES: ReadonlyArray<readonly [Industry, RegExp]> = [
  [Industry.INSURANCE, /\binsur|\breinsur|\bactuarial\b/],
  [Industry.HEALTHCARE, /\bhealth|\bhospitals?\b|\bmedic|\bbiomedic|\bpharma|\bbiotech|\bbio tech|\blife sciences?\b|\bclinic|\bgenomic|\bdiagnostic|\bbiopharma|\bpatient/],
  [Industry.TELECOM, /\btelecom|\btelco\b|\bwireless\b|\bmobile network|\bcommunications? services\b/],
  [Industry.EDUCATION, /\beducat|\bedtech\b|\buniversit|\bcollege\b|\bschools?\b|\bacademi|\be ?learning\b|\btraining\b/],
  [Industry.MANUFACTURING, /\baerospace\b|\bautomotive\b|\bmanufactur|\bindustrial\b|\bmachinery\b|\bchemicals?\b|\bmaterials\b|\bautomobile|\bvehicles?\b/],
  [Industry.GOVERNMENT, /\bgovernments?\b|\bgovernmental\b|\bgovt\b|\bpublic (?:sector|administration|service)\b|\bfederal\b|\bmunicipal|\bmilitary\b|\bdefen[cs]e\b|\bnational security\b/],
  [Industry.CONSULTING, /\bconsult|\bprofessional services\b|\bbusiness services\b|\badvisory\b|\bstaffing\b|\brecruit|\boutsourc|\baccounting (?:&|and) legal\b/],
  [Industry.FINANCE, /\bbank(?:s|ing|ers?)?\b|\bfinanc|\bfintech\b|\binvest(?:ments?|ing|ors?)?\b|\basset management\b|\bcapital markets?\b|\bhedge fund|\bprivate equity\b|\btrading\b|\bpayments?\b|\baccounting\b|\bcredit\b|\blending\b|\bwealth\b|\bbrokerage\b|\bcrypto(?:currenc(?:y|ies))?\b|\bblockchain\b/],
  [Industry.ENERGY, /\boil\b|\bgas\b|\benergy\b|\butilit|\brenewable|\bsolar\b|\bwind power\b|\bpetro|\bnuclear\b|(?<!\bdata )\bmining\b|\bpower generation\b|\belectricity\b/],
  [Industry.OTHER, /\bhospitality\b|\bhotels?\b|\bmotels?\b|\bresorts?\b|\blodging\b|\baccommodation\b|\bleisure\b|\btourism\b/],
  [Industry.TRANSPORTATION, /\blogistic|\btransport|\bshipping\b|\bairlines?\b|\baviation\b|\brail(?:s|ways?|roads?)?\b|\btrucking\b|\bdelivery\b|\bsupply chain\b|\bfreight\b|\bmobility\b|\btravel\b|\bride ?hailing\b/],
  [Industry.RETAIL, /\bretail|\be ?commerce\b|\bconsumer (?:goods|products|services)\b|\bcpg\b|\bfmcg\b|\bfashion\b|\bgrocer|\bwholesale\b|\bmarketplace\b|\brestaurants?\b|\bfood (?:&|and) beverage\b/],
  [Industry.MEDIA, /\b(?:multi ?)?media\b|\bentertainment\b|\bpublishing\b|\bbroadcast|\bgaming\b|\bvideo games?\b|\badvertising\b|\bmarketing\b|\bnews\b|\bmusic\b|\bfilms?\b|\bstreaming\b|\barts\b/],
  [Industry.TECHNOLOGY, /\binformation technology\b|\bit services\b|\bsoftware\b|\binternet\b|\bsaas\b|\btech\b|\btechnology\b|\bcomputer|\bcloud\b|\bcyber ?security\b|\bsemiconductor|\belectronics\b|\bhardware\b|\bai\b|\bartificial intelligence\b|\bmachine learning\b|\bdata\b|\bweb\b|\bit\b/],
];
const INDUSTRY_VALUES: ReadonlySet<string> = new Set(Object.values(Industry));

/** Free-text sector ("Information Technology", "Biotech & Pharmaceuticals") -> Industry. Unmatched text is OTHER with an issue. */
export function normalizeIndustry(raw: RawFieldValue): NormalizedField<Industry> {
  const text = toText(raw);
  if (isAbsent(text)) return { value: null, raw: text };
  const upper = text.toUpperCase();
  if (INDUSTRY_VALUES.has(upper)) return { value: upper as Industry, raw: text };
  const value = firstMatch(fold(text), INDUSTRY_RULES);
  if (value) return { value, raw: text };
  return {
    value: Industry.OTHER,
    raw: text,
    issue: fieldIssue('industry', text, 'UNMAPPED_INDUSTRY', `Industry "${text.slice(0, 60)}" matched no rule; stored as OTHER`),
  };
}

// ---------------------------------------------------------------- education

const EDUCATION_RANK: Readonly<Record<EducationLevel, number>> = {
  [EducationLevel.NONE]: 0,
  [EducationLevel.HIGH_SCHOOL]: 1,
  [EducationLevel.ASSOCIATE]: 2,
  [EducationLevel.BACHELOR]: 3,
  [EducationLevel.MASTER]: 4,
  [EducationLevel.DOCTORATE]: 5,
};
/** Matched on folded (lowercase) text. */
const EDUCATION_RULES: ReadonlyArray<readonly [EducationLevel, RegExp]> = [
  [EducationLevel.DOCTORATE, /\bph\.? ?d\b|\bdoctor(?:ate|al)?\b|\bd\.? ?phil\b|\bdoktor|\bdoctorado\b|\bdoctorat\b/],
  [EducationLevel.MASTER, /\bmasters?\b|\bmaster'?s\b|\bm\.? ?sc\b|\bmba\b|\bm\.? ?eng\b|\bm\.? ?phil\b|\bm\.? ?tech\b|\bpost ?graduate\b|\bgraduate degree\b|\bmestrado\b|\bmaestr[ií]a\b/],
  [EducationLevel.BACHELOR, /\bbachelor|\bb\.? ?sc\b|\bb\.? ?eng\b|\bb\.? ?tech\b|\bundergrad|\bcollege degree\b|\buniversity degree\b|\b4 year degree\b|\blicenciatura\b/],
  [EducationLevel.ASSOCIATE, /\bassociate'?s?\b|\ba\.a\.|\ba\.s\./],
  [EducationLevel.HIGH_SCHOOL, /\bhigh ?school\b|\bsecondary\b|\bged\b|\bdiploma\b|\ba levels?\b|\babitur\b|\bmatura\b/],
  [EducationLevel.NONE, /^none$|\bno (?:formal )?(?:degree|education)\b|\bnot required\b|\bno requirements?\b/],
];
// Short degree acronyms are only trusted in capitals ("MS", "B.A."), on the unfolded text.
const EDUCATION_ACRONYMS: ReadonlyArray<readonly [EducationLevel, RegExp]> = [
  [EducationLevel.MASTER, /\b(?:MS|MA|M\.S\.|M\.A\.)(?![\w.])/],
  [EducationLevel.BACHELOR, /\b(?:BS|BA|B\.S\.|B\.A\.)(?![\w.])/],
];
const GENERIC_DEGREE_RE = /\bdegree\b|\bgraduate\b/;

/**
 * Degree words, acronyms and schema.org credentialCategory values ("bachelor degree",
 * "postgraduate degree") -> EducationLevel. When several are named ("BSc or MSc") the lowest is
 * the requirement. "Postgraduate degree" is MASTER, the lowest postgraduate degree; a bare
 * "degree" is BACHELOR.
 */
export function normalizeEducation(raw: RawFieldValue): NormalizedField<EducationLevel> {
  const text = toText(raw);
  if (isAbsent(text)) return { value: null, raw: text };
  const folded = fold(text);
  const head = text.slice(0, MAX_MATCH_LENGTH);
  let best: EducationLevel | null = null;
  for (const [level, re] of EDUCATION_RULES) {
    if (re.test(folded) && (best === null || EDUCATION_RANK[level] < EDUCATION_RANK[best])) best = level;
  }
  for (const [level, re] of EDUCATION_ACRONYMS) {
    if (re.test(head) && (best === null || EDUCATION_RANK[level] < EDUCATION_RANK[best])) best = level;
  }
  if (best === null && GENERIC_DEGREE_RE.test(folded)) best = EducationLevel.BACHELOR;
  if (best !== null) return { value: best, raw: text };
  return {
    value: null,
    raw: text,
    issue: fieldIssue('education', text, 'UNKNOWN_EDUCATION', `Unrecognised education level "${text.slice(0, 60)}"`),
  };
}

// ---------------------------------------------------------------- dates

export type DateFormat =
  | 'YYYY-MM-DD' | 'YYYY/MM/DD' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'DD.MM.YYYY' | 'DD-MM-YYYY' | 'MM-DD-YYYY'
  | 'YYYY-MM' | 'YYYY' | 'UNIX' | 'UNIX_MS' | 'ISO';

export interface DateOptions {
  /** "Now" for the future bound; tests pass it, callers normally leave it. */
  now?: Date;
  field?: string;
}

const MIN_DATE_MS = Date.UTC(1990, 0, 1);
const MAX_DATE_TEXT_LENGTH = 64;
const TIME_SUFFIX = '(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?\\s*(?:Z|[+-]\\d{2}(?::?\\d{2})?|am|pm|utc|gmt)?)?';
const ISO_DATE_RE = new RegExp(`^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})${TIME_SUFFIX}$`, 'i');
const YEAR_MONTH_RE = /^(\d{4})[-/.](\d{1,2})$/;
const YEAR_RE = /^(\d{4})$/;
const UNIX_SECONDS_RE = /^(\d{9,10})(?:\.\d+)?$/;
const UNIX_MS_RE = /^(\d{12,13})$/;
const UNIX_MS_FORMAT_RE = /^\d{1,13}$/;
const NUMERIC_DMY_RE = new RegExp(`^(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})${TIME_SUFFIX}$`, 'i');
const WEEKDAY_PREFIX_RE = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
const MONTH_DAY_YEAR_RE = new RegExp(`^([a-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME_SUFFIX}$`, 'i');
const DAY_MONTH_YEAR_RE = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+([a-z]{3,9})\\.?,?[\\s-]+(\\d{4})${TIME_SUFFIX}$`, 'i');
const MONTH_YEAR_RE = /^([a-z]{3,9})\.?,?\s+(\d{4})$/i;
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthFromName(name: string): number | null {
  const lower = name.toLowerCase();
  if (lower.length < 3) return null;
  const index = MONTH_NAMES.findIndex((full) => full.startsWith(lower) || (lower === 'sept' && full === 'september'));
  return index >= 0 ? index + 1 : null;
}

type DateParts = { y: number; m: number; d: number } | { epochMs: number };

function numericWithFormat(text: string, format: string): DateParts | null | undefined {
  switch (format) {
    case 'YYYY-MM-DD':
    case 'YYYY/MM/DD':
    case 'ISO': {
      const m = ISO_DATE_RE.exec(text);
      return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
    }
    case 'DD/MM/YYYY':
    case 'DD.MM.YYYY':
    case 'DD-MM-YYYY':
    case 'MM/DD/YYYY':
    case 'MM-DD-YYYY': {
      const m = NUMERIC_DMY_RE.exec(text);
      if (!m) return null;
      return format.startsWith('DD') ? { y: +m[4], m: +m[3], d: +m[1] } : { y: +m[4], m: +m[1], d: +m[3] };
    }
    case 'YYYY-MM': {
      const m = YEAR_MONTH_RE.exec(text);
      return m ? { y: +m[1], m: +m[2], d: 1 } : null;
    }
    case 'YYYY': {
      const m = YEAR_RE.exec(text);
      return m ? { y: +m[1], m: 1, d: 1 } : null;
    }
    case 'UNIX': {
      const m = UNIX_SECONDS_RE.exec(text);
      return m ? { epochMs: Number(m[1]) * 1000 } : null;
    }
    case 'UNIX_MS':
      return UNIX_MS_FORMAT_RE.test(text) ? { epochMs: Number(text) } : null;
    default:
      return undefined;
  }
}

/** Forms that need no format hint because they cannot be read two ways. */
function unambiguous(text: string): DateParts | null {
  let m = ISO_DATE_RE.exec(text);
  if (m) return { y: +m[1], m: +m[2], d: +m[3] };
  if ((m = YEAR_MONTH_RE.exec(text))) return { y: +m[1], m: +m[2], d: 1 };
  if ((m = YEAR_RE.exec(text))) return { y: +m[1], m: 1, d: 1 };
  if ((m = UNIX_SECONDS_RE.exec(text))) return { epochMs: Number(m[1]) * 1000 };
  if ((m = UNIX_MS_RE.exec(text))) return { epochMs: Number(m[1]) };
  const named = text.replace(WEEKDAY_PREFIX_RE, '');
  if ((m = MONTH_DAY_YEAR_RE.exec(named))) {
    const month = monthFromName(m[1]);
    return month ? { y: +m[3], m: month, d: +m[2] } : null;
  }
  if ((m = DAY_MONTH_YEAR_RE.exec(named))) {
    const month = monthFromName(m[2]);
    return month ? { y: +m[3], m: month, d: +m[1] } : null;
  }
  if ((m = MONTH_YEAR_RE.exec(named))) {
    const month = monthFromName(m[1]);
    return month ? { y: +m[2], m: month, d: 1 } : null;
  }
  return null;
}

/** UTC midnight of the calendar day, or null when the day does not exist (2024-02-30). */
function toUtcDate(parts: DateParts): Date | null {
  if ('epochMs' in parts) {
    if (!Number.isFinite(parts.epochMs)) return null;
    const instant = new Date(parts.epochMs);
    return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
  }
  const { y, m, d } = parts;
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 2024-02-30 over to March; a changed month means the day does not exist.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/**
 * A posting or survey date -> UTC midnight of that calendar day. Accepts ISO dates and
 * datetimes, "2024-03", "2024", "March 5, 2024", "5 Mar 2024" and Unix seconds (or ms, 13 digits).
 * "05/03/2024" needs `format` ('DD/MM/YYYY' or 'MM/DD/YYYY'): guessing would silently swap days and
 * months. A time and offset are dropped, not converted: a posting date is the day the poster wrote.
 * Dates before 1990 or more than a year ahead are DATE_OUT_OF_RANGE.
 */
export function normalizeDate(raw: RawFieldValue, format?: DateFormat | string, options: DateOptions = {}): NormalizedField<Date> {
  const field = options.field ?? 'postedAt';
  const text = toText(raw);
  if (isAbsent(text)) return { value: null, raw: text };
  const invalid = (code: string, message: string): NormalizedField<Date> => ({
    value: null,
    raw: text,
    issue: fieldIssue(field, text, code, message),
  });
  if (text.length > MAX_DATE_TEXT_LENGTH) return invalid('INVALID_DATE', 'Date text is too long to be a date');

  const wanted = typeof format === 'string' && format.trim() !== '' ? format.trim().toUpperCase() : undefined;
  let parts: DateParts | null | undefined = wanted ? numericWithFormat(text, wanted) : undefined;
  if (wanted && parts === undefined) {
    return invalid('UNSUPPORTED_DATE_FORMAT', `Date format "${format}" is not supported`);
  }
  parts ??= unambiguous(text);
  if (!parts) {
    if (!wanted && NUMERIC_DMY_RE.test(text)) {
      return invalid('AMBIGUOUS_DATE', `"${text}" could be day-first or month-first; pass a format such as DD/MM/YYYY`);
    }
    return invalid('INVALID_DATE', `"${text}" is not a recognised date${wanted ? ` for format ${wanted}` : ''}`);
  }
  const date = toUtcDate(parts);
  if (!date) return invalid('INVALID_DATE', `"${text}" is not a real calendar date`);

  const now = options.now ?? new Date();
  const latest = Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate());
  if (date.getTime() < MIN_DATE_MS || date.getTime() > latest) {
    return invalid('DATE_OUT_OF_RANGE', `${date.toISOString().slice(0, 10)} is before 1990 or more than a year ahead`);
  }
  return { value: date, raw: text };
}

// ---------------------------------------------------------------- years of experience

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20,
};
const NUM = '(\\d{1,2}(?:[.,]\\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)';
// Bounded gaps (\s{0,3}) keep this linear on long descriptions.
const YEARS_RE = new RegExp(
  `(?<![\\w.,])${NUM}\\s{0,3}(?:\\+|plus)?\\s{0,3}(?:(?:-|–|to)\\s{0,3}${NUM}\\s{0,3}\\+?\\s{0,3})?(?:years?|yrs?|yoe)(?![a-z])`,
  'gi',
);
const MONTHS_RE = new RegExp(`(?<![\\w.,])${NUM}\\s{0,3}\\+?\\s{0,3}(?:months?|mos?)(?![a-z])`, 'i');
const BARE_NUMBER_RE = /^(\d{1,2}(?:[.,]\d+)?)\s*\+?$/;
const EXPERIENCE_CONTEXT_RE = /experience|\bexp\b|relevant|professional|industry|working|hands/i;
const CLAUSE_END_RE = /[.;!?\d]/;
const MAX_EXPERIENCE_YEARS = 50;
const MAX_EXPERIENCE_SCAN = 20_000;

/** Up to 40 characters after a match, stopping at the end of the clause or the next number. */
function followingClause(text: string, from: number): string {
  const tail = text.slice(from, from + 40);
  const stop = tail.search(CLAUSE_END_RE);
  return stop >= 0 ? tail.slice(0, stop) : tail;
}

function numberValue(token: string): number {
  return NUMBER_WORDS[token.toLowerCase()] ?? Number(token.replace(',', '.'));
}

function plausibleYears(n: number): number | null {
  return Number.isFinite(n) && n >= 0 && n <= MAX_EXPERIENCE_YEARS ? n : null;
}

/**
 * Minimum years of experience asked for: "3+ years" -> 3, "5-7 years of experience" -> 5,
 * "minimum 2 yrs" -> 2, "6 months" -> 0.5, a bare "4" -> 4. In longer text the first mention
 * followed by experience wording wins, else the first mention. Null when none is found.
 */
export function parseYearsOfExperience(text: string | null | undefined): number | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const bare = BARE_NUMBER_RE.exec(trimmed);
  if (bare) return plausibleYears(Number(bare[1].replace(',', '.')));

  const scan = trimmed.length > MAX_EXPERIENCE_SCAN ? trimmed.slice(0, MAX_EXPERIENCE_SCAN) : trimmed;
  let first: number | null = null;
  YEARS_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  for (let seen = 0; seen < 20 && (m = YEARS_RE.exec(scan)) !== null; seen++) {
    const years = plausibleYears(numberValue(m[1]));
    if (years === null) continue;
    if (EXPERIENCE_CONTEXT_RE.test(followingClause(scan, m.index + m[0].length))) return years;
    first ??= years;
  }
  if (first !== null) return first;
  const months = MONTHS_RE.exec(scan);
  if (months) {
    const n = numberValue(months[1]);
    return Number.isFinite(n) ? plausibleYears(Math.round((n / 12) * 10) / 10) : null;
  }
  return null;
}
