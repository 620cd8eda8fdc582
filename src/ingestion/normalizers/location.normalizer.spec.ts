import fc from 'fast-check';
import { WorldRegion } from '../../common/market.enums';
import { COUNTRIES } from '../../reference/countries.data';
import { countryByCode, countryByName, MAX_LOCATION_CHARS, normalizeLocation, regionOfCountry } from './location.normalizer';

const { NORTH_AMERICA, LATIN_AMERICA, EUROPE, ASIA_PACIFIC, MIDDLE_EAST, AFRICA } = WorldRegion;

describe('normalizeLocation', () => {
  it.each([
    // input, country, region, city, remote
    ['San Francisco, CA', 'US', NORTH_AMERICA, 'San Francisco', false],
    ['Remote - US', 'US', NORTH_AMERICA, null, true],
    ['Remote (US)', 'US', NORTH_AMERICA, null, true],
    ['US Remote', 'US', NORTH_AMERICA, null, true],
    ['Remote-US', 'US', NORTH_AMERICA, null, true],
    ['United States (Remote)', 'US', NORTH_AMERICA, null, true],
    ['Remote in the US', 'US', NORTH_AMERICA, null, true],
    ['Fully remote, Germany', 'DE', EUROPE, null, true],
    ['Berlin, Germany', 'DE', EUROPE, 'Berlin', false],
    ['Berlin Germany', 'DE', EUROPE, 'Berlin', false],
    ['London, England, United Kingdom', 'GB', EUROPE, 'London', false],
    ['London, UK', 'GB', EUROPE, 'London', false],
    ['Edinburgh, Scotland', 'GB', EUROPE, 'Edinburgh', false],
    ['Hybrid - London', 'GB', EUROPE, 'London', false],
    ['DE', 'DE', EUROPE, null, false],
    ['DEU', 'DE', EUROPE, null, false],
    ['de', 'DE', EUROPE, null, false],
    ['germany', 'DE', EUROPE, null, false],
    ['GERMANY', 'DE', EUROPE, null, false],
    ['New York, NY 10001', 'US', NORTH_AMERICA, 'New York', false],
    ['NEW YORK, NY', 'US', NORTH_AMERICA, 'New York', false],
    ['Toronto, ON', 'CA', NORTH_AMERICA, 'Toronto', false],
    ['Toronto, ON M5V 2T6, Canada', 'CA', NORTH_AMERICA, 'Toronto', false],
    ['Vancouver, BC', 'CA', NORTH_AMERICA, 'Vancouver', false],
    ['Bengaluru, Karnataka, India', 'IN', ASIA_PACIFIC, 'Bengaluru', false],
    ['Bangalore', 'IN', ASIA_PACIFIC, 'Bengaluru', false],
    // "CA" alone is Canada (ISO); after a city it is California.
    ['CA', 'CA', NORTH_AMERICA, null, false],
    ['IN', 'IN', ASIA_PACIFIC, null, false],
    ['Indianapolis, IN', 'US', NORTH_AMERICA, 'Indianapolis', false],
    ['Paris, TX', 'US', NORTH_AMERICA, 'Paris', false],
    ['Paris', 'FR', EUROPE, 'Paris', false],
    ['Paris, France', 'FR', EUROPE, 'Paris', false],
    // Collisions between ISO codes and state codes settle on the hub's country.
    ['Berlin, DE', 'DE', EUROPE, 'Berlin', false],
    ['Dover, DE', 'US', NORTH_AMERICA, 'Dover', false],
    ['Toronto, CA', 'CA', NORTH_AMERICA, 'Toronto', false],
    ['London, ON', 'CA', NORTH_AMERICA, 'London', false],
    ['Perth, WA', 'AU', ASIA_PACIFIC, 'Perth', false],
    ['Seattle, WA', 'US', NORTH_AMERICA, 'Seattle', false],
    ['Vancouver, WA', 'US', NORTH_AMERICA, 'Vancouver', false],
    ['Sydney, NSW', 'AU', ASIA_PACIFIC, 'Sydney', false],
    ['Atlanta, Georgia', 'US', NORTH_AMERICA, 'Atlanta', false],
    ['Savannah, Georgia', 'US', NORTH_AMERICA, 'Savannah', false],
    ['Tbilisi, Georgia', 'GE', EUROPE, 'Tbilisi', false],
    ['Georgia', 'GE', EUROPE, null, false],
    ['Washington, DC', 'US', NORTH_AMERICA, 'Washington', false],
    ['Austin Texas', 'US', NORTH_AMERICA, 'Austin', false],
    ['San Francisco CA', 'US', NORTH_AMERICA, 'San Francisco', false],
    ['California, USA', 'US', NORTH_AMERICA, null, false],
    ['Mountain View, CA, USA', 'US', NORTH_AMERICA, 'Mountain View', false],
    ['Greater Seattle Area', 'US', NORTH_AMERICA, 'Seattle', false],
    ['Bay Area', 'US', NORTH_AMERICA, 'San Francisco', false],
    ['Based in Berlin', 'DE', EUROPE, 'Berlin', false],
    ['US only', 'US', NORTH_AMERICA, null, false],
    ['USA', 'US', NORTH_AMERICA, null, false],
    ['U.S.', 'US', NORTH_AMERICA, null, false],
    ['United States of America', 'US', NORTH_AMERICA, null, false],
    ['Korea, Republic of', 'KR', ASIA_PACIFIC, null, false],
    ['Seoul, Korea, Republic of', 'KR', ASIA_PACIFIC, 'Seoul', false],
    ['South Korea', 'KR', ASIA_PACIFIC, null, false],
    ['Viet Nam', 'VN', ASIA_PACIFIC, null, false],
    ['Czech Republic', 'CZ', EUROPE, null, false],
    ['Russia', 'RU', EUROPE, null, false],
    ['Türkiye', 'TR', EUROPE, null, false],
    ['Istanbul, Turkey', 'TR', EUROPE, 'Istanbul', false],
    ['Dubai, UAE', 'AE', MIDDLE_EAST, 'Dubai', false],
    ['Cairo, Egypt', 'EG', AFRICA, 'Cairo', false],
    ["Abidjan, Côte d'Ivoire", 'CI', AFRICA, 'Abidjan', false],
    ['São Paulo - SP, Brazil', 'BR', LATIN_AMERICA, 'São Paulo', false],
    ['Mexico City', 'MX', LATIN_AMERICA, 'Mexico City', false],
    ['New Mexico', 'US', NORTH_AMERICA, null, false],
    ['Jersey', 'JE', EUROPE, null, false],
    ['New Jersey', 'US', NORTH_AMERICA, null, false],
    ['St. Louis, MO', 'US', NORTH_AMERICA, 'St. Louis', false],
    ['Amsterdam, Noord-Holland, Netherlands', 'NL', EUROPE, 'Amsterdam', false],
    ['Berlin or Munich', 'DE', EUROPE, 'Berlin', false],
    ['Berlin, Europe', 'DE', EUROPE, 'Berlin', false],
    ['Remote - EMEA, Poland', 'PL', EUROPE, null, true],
  ])('%s → %s', (input, country, region, city, remote) => {
    const result = normalizeLocation(input);
    expect(result).toEqual({ countryCode: country, region, city, remote, raw: input });
  });

  it.each([
    ['Remote', true],
    ['Fully Remote', true],
    ['Work from home', true],
    ['Hybrid', false],
    ['On-site', false],
  ])('%s alone has no country and no issue', (input, remote) => {
    expect(normalizeLocation(input)).toEqual({ countryCode: null, region: null, city: null, remote, raw: input });
  });

  it.each([
    ['Remote - Europe', EUROPE, true],
    ['LATAM', LATIN_AMERICA, false],
    ['APAC', ASIA_PACIFIC, false],
    ['EMEA', null, false],
    ['Worldwide', null, false],
  ])('%s is a known area without a country', (input, region, remote) => {
    expect(normalizeLocation(input)).toEqual({ countryCode: null, region, city: null, remote, raw: input });
  });

  it.each(['Narnia', 'Springfield', 'Xyzzy, Gondor', '12345', '???', 'Москва'])('flags %s as UNKNOWN_LOCATION', (input) => {
    const result = normalizeLocation(input);
    expect(result.countryCode).toBeNull();
    expect(result.region).toBeNull();
    expect(result.issue).toMatchObject({ field: 'location', value: input, code: 'UNKNOWN_LOCATION' });
  });

  it.each([undefined, '', '   \n\t'])('returns an empty result for %p', (input) => {
    expect(normalizeLocation(input)).toEqual({ countryCode: null, region: null, city: null, remote: false, raw: null });
  });

  it('trims the input and keeps at most MAX_LOCATION_CHARS of it', () => {
    expect(normalizeLocation('  Berlin, Germany  ').raw).toBe('Berlin, Germany');
    const long = normalizeLocation(`Berlin, Germany ${'x'.repeat(10_000)}`);
    expect(long.raw).toHaveLength(MAX_LOCATION_CHARS);
  });

  it('resolves every country by its name, alpha-2 and alpha-3 code', () => {
    for (const c of COUNTRIES) {
      for (const input of [c.name, c.alpha2, c.alpha3, c.name.toUpperCase()]) {
        expect([input, normalizeLocation(input).countryCode]).toEqual([input, c.alpha2]);
      }
    }
  });
});

describe('country lookups', () => {
  it.each([
    ['de', 'DE'],
    ['DEU', 'DE'],
    [' gb ', 'GB'],
    ['XX', undefined],
    ['', undefined],
    ['GERMANY', undefined],
  ])('countryByCode(%p) → %p', (code, alpha2) => {
    expect(countryByCode(code)?.alpha2).toBe(alpha2);
  });

  it('regionOfCountry reads the table, null for unknown codes', () => {
    expect(regionOfCountry('US')).toBe(NORTH_AMERICA);
    expect(regionOfCountry('TR')).toBe(EUROPE);
    expect(regionOfCountry('EG')).toBe(AFRICA);
    expect(regionOfCountry('ZZ')).toBeNull();
  });

  it('countryByName accepts names, aliases and codes', () => {
    expect(countryByName('Deutschland')?.alpha2).toBe('DE');
    expect(countryByName('UK')?.alpha2).toBe('GB');
    expect(countryByName('USA')?.alpha2).toBe('US');
    expect(countryByName('Atlantis')).toBeUndefined();
  });
});

describe('normalizeLocation properties', () => {
  const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
  const placeWords = fc.constantFrom(
    'Remote', 'remote', 'Hybrid', 'CA', 'IN', 'DE', 'DEU', 'Georgia', 'New York', 'NY', 'Korea', 'Republic of', 'Berlin', 'USA',
    'WA', 'NSW', 'the', 'in', 'only', '10001', 'Greater', 'Area', 'São Paulo', '-', '–', '(', ')', ',', '/', ' or ', '  ', '.',
  );
  const placeLike = fc.array(placeWords, { maxLength: 12 }).map((words) => words.join(' '));
  const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: codeUnit }), placeLike);

  function assertWellFormed(input: string): void {
    const result = normalizeLocation(input);
    expect(typeof result.remote).toBe('boolean');
    if (result.raw !== null) expect(result.raw.length).toBeLessThanOrEqual(MAX_LOCATION_CHARS);
    if (result.countryCode !== null) {
      expect(result.region).toBe(regionOfCountry(result.countryCode));
      expect(result.issue).toBeUndefined();
    }
    if (result.issue) expect(result.issue.code).toBe('UNKNOWN_LOCATION');
  }

  it('never throws and always returns a consistent result', () => {
    fc.assert(fc.property(anyText, assertWellFormed), { numRuns: 2000 });
  });

  it('copes with huge and odd inputs', () => {
    for (const input of ['Remote, '.repeat(200_000), ' '.repeat(1_000_000), '-'.repeat(100_000), '\ud800'.repeat(1000), '🚀, '.repeat(5000)]) {
      expect(() => assertWellFormed(input)).not.toThrow();
    }
  });
});
