import { RawPostingRecord } from '../ingestion.types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface JsonLdItem {
  /** JSON pointer of the object inside its document, e.g. "/@graph/2". */
  pointer: string;
  value: Json;
}

export type JobPostingMapping = { ok: true; record: RawPostingRecord } | { ok: false; code: string; message: string };

const SCHEMA_CONTEXT = /^https?:\/\/schema\.org\/?$/i;

/** Arrays nested deeper than this are not descended into (their items are rejected), so no input overflows the stack. */
const MAX_ARRAY_NESTING = 32;
/** Schema.org values nest a few levels (an array of objects with a name); deeper text is ignored for the same reason. */
const MAX_TEXT_NESTING = 16;

/** The top-level items of a JSON-LD document: one object, an array, or an @graph. */
export function jsonLdItems(document: Json, basePointer = '', depth = 0): JsonLdItem[] {
  if (Array.isArray(document) && depth < MAX_ARRAY_NESTING) {
    return document.flatMap((item, i) => jsonLdItems(item, `${basePointer}/${i}`, depth + 1));
  }
  if (isObject(document) && Array.isArray(document['@graph'])) {
    return (document['@graph'] as Json[]).map((item, i) => ({ pointer: `${basePointer}/@graph/${i}`, value: item }));
  }
  return [{ pointer: basePointer || '/', value: document }];
}

const SCRIPT_OPEN_RE = /<script\b/gi;
const SCRIPT_CLOSE_RE = /<\/script\s*>/gi;
const LD_JSON_TYPE_RE = /type\s*=\s*["']?application\/ld\+json["']?/i;

/**
 * Bodies of <script type="application/ld+json"> blocks in an HTML page, with the line each starts on.
 * One forward pass with indexOf-style searches: a page of unclosed tags or thousands of blocks stays linear.
 */
export function extractJsonLdScripts(html: string): Array<{ line: number; json: string }> {
  const blocks: Array<{ line: number; json: string }> = [];
  let line = 1;
  let counted = 0;
  SCRIPT_OPEN_RE.lastIndex = 0;
  for (let open = SCRIPT_OPEN_RE.exec(html); open; open = SCRIPT_OPEN_RE.exec(html)) {
    const tagEnd = html.indexOf('>', open.index);
    if (tagEnd < 0) break; // no tag is ever closed after this point
    if (!LD_JSON_TYPE_RE.test(html.slice(open.index, tagEnd))) {
      SCRIPT_OPEN_RE.lastIndex = tagEnd + 1;
      continue;
    }
    SCRIPT_CLOSE_RE.lastIndex = tagEnd + 1;
    const close = SCRIPT_CLOSE_RE.exec(html);
    if (!close) break; // nor will any later block close
    line += countNewlines(html, counted, open.index);
    counted = open.index;
    blocks.push({ line, json: html.slice(tagEnd + 1, close.index).replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '') });
    SCRIPT_OPEN_RE.lastIndex = close.index + close[0].length;
  }
  return blocks;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function types(value: JsonObject): string[] {
  const raw = value['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^(https?:\/\/schema\.org\/|schema:)/i, ''));
}

/** Plain text of a JSON-LD value: strings as they are, objects by name/value/description. */
function text(value: Json | undefined, depth = 0): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (depth >= MAX_TEXT_NESTING) return undefined;
  const inner = (v: Json | undefined) => text(v, depth + 1);
  if (Array.isArray(value)) {
    const parts = value.map(inner).filter((v): v is string => !!v);
    return parts.length ? parts.join(', ') : undefined;
  }
  return inner(value.name) ?? inner(value.credentialCategory) ?? inner(value.value) ?? inner(value.description) ?? inner(value.termCode);
}

function first(value: Json | undefined): Json | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const LINE_BREAK_TAG = /^(br|\/p|\/li|\/div|\/h\d)\s*\/?$/i;

/**
 * Tags out (line-breaking ones become newlines), common entities decoded. A linear scan rather than a
 * tag regex: on a multi-megabyte field with an unclosed "<" the regex engine ran out of stack.
 */
function stripHtml(value: string | undefined): string | undefined {
  if (!value || !value.includes('<')) return value;
  const parts: string[] = [];
  let i = 0;
  while (i < value.length) {
    const open = value.indexOf('<', i);
    if (open < 0) {
      parts.push(value.slice(i));
      break;
    }
    parts.push(value.slice(i, open));
    const close = value.indexOf('>', open + 1);
    if (close < 0) {
      parts.push(value.slice(open));
      break;
    }
    if (close === open + 1) parts.push('<>');
    else parts.push(LINE_BREAK_TAG.test(value.slice(open + 1, close)) ? '\n' : ' ');
    i = close + 1;
  }
  return parts
    .join('')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function location(posting: JsonObject): Pick<RawPostingRecord, 'location' | 'country' | 'city'> {
  const place = first(posting.jobLocation);
  const address = isObject(place) ? (isObject(place.address) ? place.address : typeof place.address === 'string' ? place.address : undefined) : undefined;
  if (typeof address === 'string') return { location: address };
  if (isObject(address)) {
    const city = text(address.addressLocality);
    const region = text(address.addressRegion);
    const country = text(address.addressCountry);
    return { location: [city, region, country].filter(Boolean).join(', ') || undefined, city, country };
  }
  if (isObject(place)) return { location: text(place.name) };
  return {};
}

function salary(posting: JsonObject): Pick<RawPostingRecord, 'salaryText' | 'salaryMin' | 'salaryMax' | 'salaryCurrency' | 'salaryPeriod'> {
  const base = first(posting.baseSalary ?? posting.estimatedSalary);
  const currency = text(posting.salaryCurrency);
  if (base === undefined || base === null) return {};
  if (typeof base === 'string' || typeof base === 'number') return { salaryText: String(base), salaryCurrency: currency };
  if (!isObject(base)) return {};
  const amount = base.value;
  const out = { salaryCurrency: text(base.currency) ?? currency, salaryPeriod: undefined as string | undefined };
  if (isObject(amount)) {
    const exact = amount.value;
    return {
      ...out,
      salaryMin: text(amount.minValue) ?? text(exact),
      salaryMax: text(amount.maxValue) ?? text(exact),
      salaryPeriod: text(amount.unitText) ?? text(base.unitText),
    };
  }
  return { ...out, salaryMin: text(amount), salaryMax: text(amount), salaryPeriod: text(base.unitText) };
}

/** Fields that let a posting answer a market question; a title alone does not. */
const CONTENT_FIELDS = [
  'description', 'hiringOrganization', 'jobLocation', 'applicantLocationRequirements', 'jobLocationType', 'baseSalary',
  'estimatedSalary', 'datePosted', 'skills', 'qualifications', 'educationRequirements', 'experienceRequirements',
  'industry', 'occupationalCategory', 'relevantOccupation', 'responsibilities',
];

/** Map one schema.org JobPosting object (either context form) to a raw posting, or say why it is not one. */
export function mapJobPosting(value: Json): JobPostingMapping {
  if (!isObject(value)) return { ok: false, code: 'NOT_AN_OBJECT', message: 'expected a JSON object' };
  const context = value['@context'];
  const contextText = typeof context === 'string' ? context : isObject(context) ? text(context['@vocab']) : undefined;
  if (contextText !== undefined && !SCHEMA_CONTEXT.test(contextText)) {
    return { ok: false, code: 'UNSUPPORTED_CONTEXT', message: `@context "${contextText}" is not schema.org` };
  }
  const typeList = types(value);
  if (!typeList.includes('JobPosting')) {
    return { ok: false, code: 'NOT_A_JOB_POSTING', message: `@type is ${typeList.join(', ') || 'missing'}, expected JobPosting` };
  }
  const title = text(value.title) ?? text(value.name);
  if (!title) return { ok: false, code: 'TITLE_MISSING', message: 'JobPosting has neither title nor name' };
  const present = CONTENT_FIELDS.filter((field) => value[field] !== undefined && value[field] !== null && value[field] !== '');
  if (present.length === 0) {
    return {
      ok: false,
      code: 'INSUFFICIENT_CONTENT',
      message: 'JobPosting has a title but nothing else a market analysis can use (no description, employer, location, salary, date, industry, skills or requirements)',
    };
  }
  const identifier = value.identifier;
  const org = first(value.hiringOrganization);
  const remote = text(value.jobLocationType);
  const applicantCountry = text(first(value.applicantLocationRequirements));
  const loc = location(value);
  const description = stripHtml(text(value.description));
  const experience = value.experienceRequirements;
  return {
    ok: true,
    record: {
      sourceId: isObject(identifier) ? text(identifier.value) ?? text(identifier.name) : text(identifier) ?? text(value['@id']) ?? text(value.url),
      title,
      company: isObject(org) ? text(org.name) : text(org),
      industry: text(value.industry),
      ...loc,
      location: loc.location ?? (remote && applicantCountry ? `Remote - ${applicantCountry}` : applicantCountry),
      country: loc.country ?? applicantCountry,
      remote: remote && /telecommute/i.test(remote) ? 'REMOTE' : remote,
      employmentType: text(value.employmentType),
      ...salary(value),
      postedAt: text(value.datePosted),
      description: [description, stripHtml(text(value.responsibilities)), stripHtml(text(value.qualifications))].filter(Boolean).join('\n') || undefined,
      skills: text(value.skills),
      education: text(value.educationRequirements),
      experience: isObject(experience) && experience.monthsOfExperience !== undefined
        ? `${Number(text(experience.monthsOfExperience)) / 12} years`
        : text(experience),
      url: text(value.url),
    },
  };
}
