import { WorldRegion } from '../../common/market.enums';
import { AU_STATES, CA_PROVINCES, COUNTRIES, CountryDefinition, CityDefinition, MAJOR_CITIES, US_STATES } from '../../reference/countries.data';
import { FieldIssue } from '../ingestion.types';

export interface LocationResult {
  /** ISO 3166-1 alpha-2. */
  countryCode: string | null;
  region: WorldRegion | null;
  city: string | null;
  remote: boolean;
  /** The trimmed input, cut to {@link MAX_LOCATION_CHARS}; null when there was none. */
  raw: string | null;
  issue?: FieldIssue;
}

/** Longer strings are pasted prose, not locations; reading further only costs time. */
export const MAX_LOCATION_CHARS = 256;
const MAX_CITY_CHARS = 60;

/** Comparison form of a place name: "Côte d'Ivoire" → "cote divoire", "U.S.A." → "usa", "São Paulo" → "sao paulo". */
export function placeKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.'’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Lookup tables, built once at module load.
const BY_ALPHA2 = new Map(COUNTRIES.map((c) => [c.alpha2, c]));
const BY_ALPHA3 = new Map(COUNTRIES.map((c) => [c.alpha3, c]));
const BY_NAME = new Map<string, CountryDefinition>();
for (const c of COUNTRIES) for (const name of [c.name, ...c.aliases]) BY_NAME.set(placeKey(name), c);

interface Subdivision {
  country: CountryDefinition;
  name: string;
}
/** Code → subdivisions, US first: a bare "WA" after an unknown city is Washington, not Western Australia. */
const SUBDIVISION_CODES = new Map<string, Subdivision[]>();
const SUBDIVISION_NAMES = new Map<string, Subdivision>();
for (const [alpha2, table] of [['US', US_STATES], ['CA', CA_PROVINCES], ['AU', AU_STATES]] as const) {
  const country = BY_ALPHA2.get(alpha2)!;
  for (const [code, name] of Object.entries(table)) {
    const subdivision = { country, name };
    SUBDIVISION_CODES.set(code, [...(SUBDIVISION_CODES.get(code) ?? []), subdivision]);
    if (!SUBDIVISION_NAMES.has(placeKey(name))) SUBDIVISION_NAMES.set(placeKey(name), subdivision);
  }
}

const CITIES = new Map<string, CityDefinition>();
for (const city of MAJOR_CITIES) for (const name of [city.name, ...city.aliases]) CITIES.set(placeKey(name), city);

/** Areas wider than a country. A null region means a known place that spans several regions (EMEA, worldwide). */
const AREAS = new Map<string, WorldRegion | null>([
  ['europe', WorldRegion.EUROPE],
  ['eu', WorldRegion.EUROPE],
  ['eea', WorldRegion.EUROPE],
  ['european union', WorldRegion.EUROPE],
  ['north america', WorldRegion.NORTH_AMERICA],
  ['latin america', WorldRegion.LATIN_AMERICA],
  ['latam', WorldRegion.LATIN_AMERICA],
  ['south america', WorldRegion.LATIN_AMERICA],
  ['central america', WorldRegion.LATIN_AMERICA],
  ['caribbean', WorldRegion.LATIN_AMERICA],
  ['apac', WorldRegion.ASIA_PACIFIC],
  ['asia', WorldRegion.ASIA_PACIFIC],
  ['asia pacific', WorldRegion.ASIA_PACIFIC],
  ['oceania', WorldRegion.ASIA_PACIFIC],
  ['middle east', WorldRegion.MIDDLE_EAST],
  ['gcc', WorldRegion.MIDDLE_EAST],
  ['africa', WorldRegion.AFRICA],
  ['sub saharan africa', WorldRegion.AFRICA],
  ['emea', null],
  ['mena', null],
  ['americas', null],
  ['worldwide', null],
  ['global', null],
  ['international', null],
  ['multiple locations', null],
  ['various locations', null],
]);

const REMOTE =
  /\b(?:fully\s+|100%\s*)?(?:remote(?:ly)?|anywhere|work(?:ing)?\s+from\s+home|wfh|tele(?:commut(?:e|ing)|work(?:ing)?)|home[\s-]?based|distributed)(?:[\s-]+(?:first|friendly|ok|only|eligible|possible|optional|available))?\b/gi;
const WORK_MODE = /\b(?:hybrid|on[\s-]?site|in[\s-]?office|in[\s-]?person|office[\s-]?based)\b/gi;
const SEGMENT_SPLIT = /[,;|/•·()[\]{}\n\r\t]+|\s+[-–—]+\s*|\s*[-–—]+\s+|\s+or\s+/i;
const FILLERS = new Set(['only', 'based', 'first', 'friendly', 'ok', 'optional', 'possible', 'from', 'within', 'in', 'the', 'hq', 'headquarters', 'office', 'offices', 'near', 'eligible', 'across', 'any']);

interface Segment {
  text: string;
  key: string;
}

type Resolution = { country: CountryDefinition; city?: string } | { country: null; region: WorldRegion | null };

export function countryByCode(code: string): CountryDefinition | undefined {
  if (typeof code !== 'string') return undefined;
  const upper = code.trim().toUpperCase();
  return upper.length === 2 ? BY_ALPHA2.get(upper) : upper.length === 3 ? BY_ALPHA3.get(upper) : undefined;
}

export function regionOfCountry(alpha2: string): WorldRegion | null {
  return countryByCode(alpha2)?.region ?? null;
}

/** A country from its name, an alias or an ISO code ("Deutschland", "UK", "DEU"). */
export function countryByName(text: string): CountryDefinition | undefined {
  if (typeof text !== 'string') return undefined;
  return BY_NAME.get(placeKey(text)) ?? countryByCode(text);
}

/**
 * Reads a free-text job location: "San Francisco, CA", "Remote (US)", "London, England, United Kingdom",
 * "DEU", "Bengaluru, Karnataka, India". Segments are read from the end, where the widest place usually is.
 * Two-letter codes after a city are read as US states / Canadian provinces / Australian states first
 * ("Paris, TX", "Toronto, ON"), unless the city is a known hub of the country with that ISO code
 * ("Berlin, DE"); on their own they are ISO codes ("CA" is Canada, "IN" is India).
 * Unplaceable text gives countryCode null and an UNKNOWN_LOCATION warning. Never throws.
 */
export function normalizeLocation(raw: string | undefined): LocationResult {
  const trimmed = typeof raw === 'string' ? raw.trim() : '';
  if (trimmed === '') return { countryCode: null, region: null, city: null, remote: false, raw: null };
  const text = trimmed.length > MAX_LOCATION_CHARS ? trimmed.slice(0, MAX_LOCATION_CHARS) : trimmed;

  let remote = false;
  let workMode = false;
  const placeText = text
    .replace(REMOTE, () => {
      remote = true;
      return ',';
    })
    .replace(WORK_MODE, () => {
      workMode = true;
      return ',';
    });
  const segments = toSegments(placeText);
  // "Remote", "Hybrid": nothing to place, nothing wrong.
  if (segments.length === 0 && (remote || workMode)) return { countryCode: null, region: null, city: null, remote, raw: text };

  const place = segments.length === 0 ? null : resolve(segments);
  if (place === null) {
    return {
      countryCode: null,
      region: null,
      city: null,
      remote,
      raw: text,
      issue: { field: 'location', value: text, code: 'UNKNOWN_LOCATION', message: `no country recognised in "${text}"; kept without one` },
    };
  }
  if (place.country === null) return { countryCode: null, region: place.region, city: null, remote, raw: text };
  return { countryCode: place.country.alpha2, region: place.country.region, city: place.city ?? null, remote, raw: text };
}

function toSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of text.replace(/-(based|only|first|friendly)\b/gi, ' $1').split(SEGMENT_SPLIT)) {
    // Postcodes and street numbers ("NY 10001", "M5V 2T6") say nothing about the country here.
    const words = part.split(/\s+/).filter((w) => w !== '' && !/\d/.test(w));
    let cleaned = words.join(' ').replace(/^[\s\-–—.:*'"!?#]+|[\s\-–—.:*'"!?#]+$/g, '');
    if (!isKnownKey(placeKey(cleaned))) cleaned = stripFillers(cleaned);
    const key = placeKey(cleaned);
    if (key !== '') segments.push({ text: cleaned, key });
  }
  return segments;
}

/** "Based in Berlin" → "Berlin", "US only" → "US"; inner words stay ("Isle of Man"). */
function stripFillers(text: string): string {
  const words = text.split(' ');
  while (words.length > 1 && FILLERS.has(words[0].toLowerCase())) words.shift();
  while (words.length > 1 && FILLERS.has(words[words.length - 1].toLowerCase())) words.pop();
  return words.join(' ');
}

function isKnownKey(key: string): boolean {
  return BY_NAME.has(key) || CITIES.has(key) || SUBDIVISION_NAMES.has(key) || AREAS.has(key);
}

function resolve(segments: Segment[]): Resolution | null {
  const hubCountry = hubOf(segments[0].key)?.country;
  // A wider area ("Berlin, Europe") only answers when no segment names a country.
  let area: Resolution | null = null;
  for (let k = segments.length - 1; k >= 0; k--) {
    // Official names with commas span segments: "Korea, Republic of", "Bonaire, Sint Eustatius and Saba".
    for (let j = Math.max(0, k - 2); j < k; j++) {
      const joined = BY_NAME.get(segments.slice(j, k + 1).map((s) => s.key).join(' '));
      if (joined) return withLeadingCity(joined, segments, j);
    }
    const hasCityBefore = k > 0;
    const found = resolveSegment(segments[k], hasCityBefore, hasCityBefore ? hubCountry : undefined);
    if (found === null) continue;
    if (found.country === null) {
      area ??= found;
      continue;
    }
    // "Berlin or Munich": the first hub named is the city.
    if (found.city !== undefined && (k === 0 || hubCountry !== found.country.alpha2)) return found;
    return withLeadingCity(found.country, segments, k);
  }
  return area;
}

function resolveSegment(segment: Segment, hasCityBefore: boolean, hubCountry: string | undefined): Resolution | null {
  const { key } = segment;
  if (key.length === 2) {
    const coded = /^[a-z]{2}$/.test(key) ? resolveCode(key.toUpperCase(), hasCityBefore, hubCountry) : undefined;
    if (coded) return { country: coded };
    const hub = hubOf(key);
    if (hub) return { country: BY_ALPHA2.get(hub.country)!, city: hub.name };
    return AREAS.has(key) ? { country: null, region: AREAS.get(key) ?? null } : null;
  }
  const named = BY_NAME.get(key);
  if (named) return { country: georgiaAsState(named, hasCityBefore, hubCountry) };
  if (/^[a-z]{3}$/.test(key)) {
    const coded = BY_ALPHA3.get(key.toUpperCase()) ?? SUBDIVISION_CODES.get(key.toUpperCase())?.[0]?.country;
    if (coded) return { country: coded };
  }
  const subdivision = SUBDIVISION_NAMES.get(key);
  if (subdivision) return { country: subdivision.country };
  const hub = hubOf(key);
  if (hub) return { country: BY_ALPHA2.get(hub.country)!, city: hub.name };
  if (AREAS.has(key)) return { country: null, region: AREAS.get(key) ?? null };
  return resolveWords(segment.text);
}

/** Two-letter code: subdivision after a city unless the city is a hub of the ISO country; ISO otherwise. */
function resolveCode(code: string, hasCityBefore: boolean, hubCountry: string | undefined): CountryDefinition | undefined {
  const subdivisions = SUBDIVISION_CODES.get(code) ?? [];
  const iso = BY_ALPHA2.get(code);
  if (hasCityBefore) {
    if (hubCountry !== undefined) {
      if (iso?.alpha2 === hubCountry) return iso;
      const local = subdivisions.find((s) => s.country.alpha2 === hubCountry);
      if (local) return local.country;
    }
    if (subdivisions.length > 0) return subdivisions[0].country;
  }
  return iso ?? BY_NAME.get(code.toLowerCase()) ?? subdivisions[0]?.country;
}

/** "Georgia" after a city is the US state unless the city is a Georgian hub ("Tbilisi, Georgia"). */
function georgiaAsState(country: CountryDefinition, hasCityBefore: boolean, hubCountry: string | undefined): CountryDefinition {
  return country.alpha2 === 'GE' && hasCityBefore && hubCountry !== 'GE' ? BY_ALPHA2.get('US')! : country;
}

/** One segment without commas: "San Francisco CA", "Berlin Germany", "Austin Texas". */
function resolveWords(text: string): Resolution | null {
  const words = text.split(' ');
  for (let tailLength = Math.min(5, words.length - 1); tailLength >= 1; tailLength--) {
    const head = words.slice(0, words.length - tailLength).join(' ');
    const tail = words.slice(words.length - tailLength).join(' ');
    const tailKey = placeKey(tail);
    const hubCountry = hubOf(placeKey(head))?.country;
    let country: CountryDefinition | undefined;
    // Codes only when written in capitals: "in", "me", "and" are words here.
    if (/^[A-Z]{2}$/.test(tail)) country = resolveCode(tail, true, hubCountry);
    else if (/^[A-Z]{3}$/.test(tail)) country = BY_ALPHA3.get(tail) ?? SUBDIVISION_CODES.get(tail)?.[0]?.country;
    if (!country && tailKey.length > 3) {
      const named = BY_NAME.get(tailKey);
      country = named ? georgiaAsState(named, true, hubCountry) : SUBDIVISION_NAMES.get(tailKey)?.country;
    }
    if (country) return { country, city: cityName({ text: head, key: placeKey(head) }, country) ?? undefined };
  }
  return null;
}

function withLeadingCity(country: CountryDefinition, segments: Segment[], placeIndex: number): Resolution {
  if (placeIndex === 0 || isRegionLike(segments[0])) return { country };
  const city = cityName(segments[0], country);
  return city === null ? { country } : { country, city };
}

/** "California, USA": the first segment is a region, not a city. Hubs are cities ("New York, NY", "Washington, DC"). */
function isRegionLike(segment: Segment): boolean {
  const { key } = segment;
  if (hubOf(key)) return false;
  if (BY_NAME.has(key) || SUBDIVISION_NAMES.has(key) || AREAS.has(key)) return true;
  const upper = key.toUpperCase();
  return /^[a-z]{2,3}$/.test(key) && (BY_ALPHA2.has(upper) || BY_ALPHA3.has(upper) || SUBDIVISION_CODES.has(upper));
}

function cityName(segment: Segment, country: CountryDefinition): string | null {
  const hub = hubOf(segment.key);
  if (hub && hub.country === country.alpha2) return hub.name;
  if (segment.text.length > MAX_CITY_CHARS || segment.text.split(' ').length > 5) return null;
  return tidyCase(segment.text);
}

function hubOf(key: string): CityDefinition | undefined {
  return CITIES.get(key) ?? CITIES.get(key.replace(/^greater /, '').replace(/ (?:metropolitan |metro )?area$/, ''));
}

/** "NEW YORK" / "new york" → "New York"; mixed case is left as written. */
function tidyCase(text: string): string {
  if (text !== text.toUpperCase() && text !== text.toLowerCase()) return text;
  return text.toLowerCase().replace(/(^|[\s\-'])(\p{L})/gu, (_, lead: string, letter: string) => lead + letter.toUpperCase());
}
