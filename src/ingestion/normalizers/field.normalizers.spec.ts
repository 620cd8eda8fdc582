import fc from 'fast-check';
import { CompanySize, EducationLevel, EmploymentType, Industry, RemoteType } from '../../common/market.enums';
import {
  normalizeCompanySize, normalizeDate, normalizeEducation, normalizeEmploymentType, normalizeIndustry,
  normalizeRemoteRatio, normalizeRemoteType, parseYearsOfExperience, RawFieldValue,
} from './field.normalizers';

const ABSENT: RawFieldValue[] = [undefined, null, '', '  ', 'N/A', 'unknown', '-1', 'NaN'];

describe('normalizeEmploymentType', () => {
  const E = EmploymentType;
  it.each([
    ['FT', E.FULL_TIME], ['PT', E.PART_TIME], ['CT', E.CONTRACT], ['FL', E.FREELANCE],
    ['Full-time', E.FULL_TIME], ['full time', E.FULL_TIME], ['FULL_TIME', E.FULL_TIME], ['Permanent', E.FULL_TIME],
    ['Part-time', E.PART_TIME], ['PART_TIME', E.PART_TIME],
    ['CONTRACTOR', E.CONTRACT], ['Contract', E.CONTRACT], ['Contract to hire', E.CONTRACT], ['Fixed-term', E.CONTRACT],
    ['Freelance', E.FREELANCE], ['Self-employed', E.FREELANCE],
    ['TEMPORARY', E.TEMPORARY], ['Temp', E.TEMPORARY], ['PER_DIEM', E.TEMPORARY],
    ['INTERN', E.INTERNSHIP], ['Internship', E.INTERNSHIP],
    ['Full-time, Contract', E.FULL_TIME],
    ['["CONTRACTOR","FULL_TIME"]', E.CONTRACT],
    ['Full-time position', E.FULL_TIME],
    ['Contract (6 months)', E.CONTRACT],
  ])('%p -> %s', (raw, value) => {
    expect(normalizeEmploymentType(raw)).toEqual({ value, raw });
  });

  it.each(['VOLUNTEER', 'OTHER'])('%s is reported as unsupported', (raw) => {
    const result = normalizeEmploymentType(raw);
    expect(result).toMatchObject({ value: null, raw, issue: { field: 'employmentType', code: 'UNSUPPORTED_EMPLOYMENT_TYPE', value: raw } });
  });

  it('reports gibberish', () => {
    expect(normalizeEmploymentType('sometimes').issue?.code).toBe('UNKNOWN_EMPLOYMENT_TYPE');
  });

  it.each(ABSENT)('absent %p -> null without issue', (raw) => {
    const result = normalizeEmploymentType(raw);
    expect(result.value).toBeNull();
    expect(result.issue).toBeUndefined();
  });
});

describe('normalizeRemoteType', () => {
  const R = RemoteType;
  it.each([
    ['0', R.ONSITE], ['50', R.HYBRID], ['100', R.REMOTE], ['20', R.HYBRID], [0, R.ONSITE], [100, R.REMOTE],
    ['remote', R.REMOTE], ['Fully Remote', R.REMOTE], ['100% remote', R.REMOTE], ['TELECOMMUTE', R.REMOTE],
    ['Work from home', R.REMOTE], ['REMOTE', R.REMOTE],
    ['hybrid', R.HYBRID], ['Hybrid remote', R.HYBRID], ['Remote-friendly', R.HYBRID], ['3 days in office', R.HYBRID],
    ['on-site', R.ONSITE], ['onsite', R.ONSITE], ['On Site', R.ONSITE], ['in office', R.ONSITE], ['In-person', R.ONSITE],
    ['ONSITE', R.ONSITE], ['Not remote', R.ONSITE], ['non-remote', R.ONSITE],
    ['true', R.REMOTE], [false, R.ONSITE],
  ])('%p -> %s', (raw, value) => {
    expect(normalizeRemoteType(raw).value).toBe(value);
  });

  it('reports gibberish', () => {
    expect(normalizeRemoteType('on the moon').issue).toMatchObject({ field: 'remote', code: 'UNKNOWN_REMOTE_TYPE' });
  });

  it.each(ABSENT)('absent %p -> null without issue', (raw) => {
    expect(normalizeRemoteType(raw)).toEqual({ value: null, raw: typeof raw === 'string' ? raw.trim() : null });
  });
});

describe('normalizeRemoteRatio', () => {
  it.each([
    ['0', 0], ['50', 50], ['100', 100], [50, 50], ['50%', 50], ['0.5', 50], ['1.0', 100], ['33.4', 33],
    ['remote', 100], ['hybrid', 50], ['on-site', 0],
  ])('%p -> %p', (raw, value) => {
    expect(normalizeRemoteRatio(raw).value).toBe(value);
  });

  it.each([
    ['150', 'REMOTE_RATIO_OUT_OF_RANGE'], ['-5', 'INVALID_REMOTE_RATIO'], ['lots', 'INVALID_REMOTE_RATIO'],
  ])('%p -> %s', (raw, code) => {
    expect(normalizeRemoteRatio(raw)).toMatchObject({ value: null, issue: { field: 'remoteRatio', code } });
  });
});

describe('normalizeCompanySize', () => {
  const C = CompanySize;
  it.each([
    ['S', C.SMALL], ['M', C.MEDIUM], ['L', C.LARGE], ['small', C.SMALL], ['Medium', C.MEDIUM], ['LARGE', C.LARGE],
    ['Startup', C.SMALL], ['start-up', C.SMALL], ['Enterprise', C.LARGE], ['Mid-size company', C.MEDIUM], ['SME', C.MEDIUM],
    ['1-50', C.SMALL], ['2-10', C.SMALL], ['11-50', C.SMALL], ['51-200', C.MEDIUM], ['201-1000', C.LARGE],
    ['201-500', C.LARGE], ['1001-5000', C.LARGE], ['1,001-5,000 employees', C.LARGE], ['10000+', C.LARGE],
    ['10,001+ employees', C.LARGE], ['51 to 200 Employees', C.MEDIUM], ['1 to 50 Employees', C.SMALL],
    ['Less than 50', C.SMALL], ['49', C.SMALL], ['50', C.MEDIUM], ['250', C.MEDIUM], ['251', C.LARGE],
    ['More than 1000', C.LARGE], ['Large (1000+)', C.LARGE],
  ])('%p -> %s', (raw, value) => {
    expect(normalizeCompanySize(raw).value).toBe(value);
  });

  it('reports gibberish', () => {
    expect(normalizeCompanySize('gigantic-ish').issue).toMatchObject({ field: 'companySize', code: 'UNKNOWN_COMPANY_SIZE' });
  });

  it.each(ABSENT)('absent %p -> null without issue', (raw) => {
    expect(normalizeCompanySize(raw).issue).toBeUndefined();
  });
});

describe('normalizeIndustry', () => {
  const I = Industry;
  it.each([
    ['Information Technology', I.TECHNOLOGY], ['Software', I.TECHNOLOGY], ['Internet', I.TECHNOLOGY],
    ['IT Services', I.TECHNOLOGY], ['Computer Hardware & Software', I.TECHNOLOGY],
    ['Banking', I.FINANCE], ['Financial Services', I.FINANCE], ['FinTech', I.FINANCE], ['Investment Banking & Asset Management', I.FINANCE],
    ['Hospital', I.HEALTHCARE], ['Health Care', I.HEALTHCARE], ['Pharmaceutical', I.HEALTHCARE], ['Biotech', I.HEALTHCARE],
    ['Biotech & Pharmaceuticals', I.HEALTHCARE], ['Medical Devices', I.HEALTHCARE],
    ['E-commerce', I.RETAIL], ['Retail', I.RETAIL], ['Consumer Goods', I.RETAIL],
    ['Automotive', I.MANUFACTURING], ['Manufacturing', I.MANUFACTURING], ['Aerospace & Defense', I.MANUFACTURING],
    ['Consulting', I.CONSULTING], ['IT Consulting', I.CONSULTING], ['Staffing & Outsourcing', I.CONSULTING],
    ['Government', I.GOVERNMENT], ['Defense', I.GOVERNMENT], ['Public Sector', I.GOVERNMENT],
    ['Media', I.MEDIA], ['Advertising Agency', I.MEDIA], ['Video Games', I.MEDIA],
    ['Telecommunications', I.TELECOM],
    ['Oil & Gas', I.ENERGY], ['Energy, Mining & Utilities', I.ENERGY],
    ['Insurance', I.INSURANCE], ['Health Insurance', I.INSURANCE],
    ['Logistics', I.TRANSPORTATION], ['Transportation & Logistics', I.TRANSPORTATION], ['Airlines', I.TRANSPORTATION],
    ['Education', I.EDUCATION], ['EdTech', I.EDUCATION], ['Public School', I.EDUCATION],
    ['FINANCE', I.FINANCE], ['other', I.OTHER],
  ])('%p -> %s', (raw, value) => {
    const result = normalizeIndustry(raw);
    expect(result).toEqual({ value, raw });
  });

  // Stems that also start unrelated words are matched as whole words; words inside others never match.
  it.each([
    ['Hospital & Health Care', I.HEALTHCARE], ['Hospitals and Health Care', I.HEALTHCARE],
    ['Hospitality', I.OTHER], ['Travel & Hospitality', I.OTHER], ['Hospitality & Restaurants', I.OTHER],
    ['Hotels & Resorts', I.OTHER], ['Hotels & Travel Accommodation', I.OTHER], ['Leisure, Travel & Tourism', I.OTHER],
    ['Restaurants & Food Service', I.RETAIL], ['Travel', I.TRANSPORTATION],
    ['Biotechnology', I.HEALTHCARE], ['Biomedical Research', I.HEALTHCARE],
    ['Reinsurance', I.INSURANCE],
    ['Oil', I.ENERGY], ['Toiletries', I.OTHER], ['Cosmetics & Toiletries', I.OTHER], ['Soil Testing', I.OTHER],
    ['Mining & Metals', I.ENERGY], ['Data Mining', I.TECHNOLOGY],
    ['Multimedia', I.MEDIA], ['Social Media', I.MEDIA], ['Films', I.MEDIA],
    ['Banks', I.FINANCE], ['Databank', I.OTHER], ['Bankruptcy Law', I.OTHER],
    ['Investments', I.FINANCE], ['Investor Relations', I.FINANCE], ['Investigations & Security', I.OTHER],
    ['Cryptocurrency', I.FINANCE], ['Cryptography', I.OTHER],
    ['Governance, Risk & Compliance', I.OTHER], ['Govt', I.GOVERNMENT], ['Government Administration', I.GOVERNMENT],
    ['Railways', I.TRANSPORTATION], ['Trailer Rental', I.OTHER],
  ])('%p -> %s (word boundaries)', (raw, value) => {
    expect(normalizeIndustry(raw).value).toBe(value);
  });

  it('knows hospitality as OTHER without reporting it as unmapped', () => {
    expect(normalizeIndustry('Hospitality')).toEqual({ value: Industry.OTHER, raw: 'Hospitality' });
  });

  it('stores unmatched text as OTHER with an issue', () => {
    expect(normalizeIndustry('Real Estate')).toMatchObject({
      value: Industry.OTHER,
      issue: { field: 'industry', code: 'UNMAPPED_INDUSTRY', value: 'Real Estate' },
    });
  });
});

describe('normalizeEducation', () => {
  const L = EducationLevel;
  it.each([
    ["Bachelor's degree", L.BACHELOR], ['BSc Computer Science', L.BACHELOR], ['BA', L.BACHELOR], ['B.S. in Statistics', L.BACHELOR],
    ['Undergraduate', L.BACHELOR], ['bachelor degree', L.BACHELOR], ['Degree', L.BACHELOR], ['B.Tech', L.BACHELOR],
    ["Master's", L.MASTER], ['MSc', L.MASTER], ['MS in Computer Science', L.MASTER], ['MBA', L.MASTER], ['M.Eng', L.MASTER],
    ['postgraduate degree', L.MASTER], ['Graduate degree', L.MASTER],
    ['PhD', L.DOCTORATE], ['Ph.D.', L.DOCTORATE], ['Doctorate', L.DOCTORATE], ['doctoral degree', L.DOCTORATE],
    ['High School', L.HIGH_SCHOOL], ['high school diploma', L.HIGH_SCHOOL], ['GED', L.HIGH_SCHOOL], ['HIGH_SCHOOL', L.HIGH_SCHOOL],
    ['Associate degree', L.ASSOCIATE], ["Associate's", L.ASSOCIATE], ['associate degree', L.ASSOCIATE],
    ['None', L.NONE], ['No degree required', L.NONE],
    ["Bachelor's or Master's degree", L.BACHELOR], ['BSc/MSc', L.BACHELOR], ["Master's or PhD", L.MASTER],
    ['{"@type":"EducationalOccupationalCredential","credentialCategory":"bachelor degree"}', L.BACHELOR],
  ])('%p -> %s', (raw, value) => {
    expect(normalizeEducation(raw).value).toBe(value);
  });

  it('does not read lowercase "ms" or "ba" as degrees', () => {
    expect(normalizeEducation('ms office skills').issue?.code).toBe('UNKNOWN_EDUCATION');
  });

  it('reports a credential it cannot rank', () => {
    expect(normalizeEducation('professional certificate').issue).toMatchObject({ field: 'education', code: 'UNKNOWN_EDUCATION' });
  });
});

describe('normalizeDate', () => {
  const now = new Date(Date.UTC(2026, 10, 25));
  const day = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

  it.each([
    ['2024-03-05', undefined, '2024-03-05'],
    ['2024-03-05T10:00:00Z', undefined, '2024-03-05'],
    ['2024-03-05T23:30:00-05:00', undefined, '2024-03-05'],
    ['2024-03-05 10:00', undefined, '2024-03-05'],
    ['2024/03/05', undefined, '2024-03-05'],
    ['2024-03', undefined, '2024-03-01'],
    ['2023', undefined, '2023-01-01'],
    ['2023', 'YYYY', '2023-01-01'],
    ['March 5, 2024', undefined, '2024-03-05'],
    ['Mar 5 2024', undefined, '2024-03-05'],
    ['Tuesday, March 5th, 2024', undefined, '2024-03-05'],
    ['5 Mar 2024', undefined, '2024-03-05'],
    ['05-Mar-2024', undefined, '2024-03-05'],
    ['5 Sept 2024', undefined, '2024-09-05'],
    ['March 2024', undefined, '2024-03-01'],
    ['05/03/2024', 'DD/MM/YYYY', '2024-03-05'],
    ['05/03/2024', 'MM/DD/YYYY', '2024-05-03'],
    ['5/3/2024', 'dd/mm/yyyy', '2024-03-05'],
    ['05.03.2024', 'DD.MM.YYYY', '2024-03-05'],
    ['05-03-2024', 'DD-MM-YYYY', '2024-03-05'],
    ['2024-03-05', 'DD/MM/YYYY', '2024-03-05'],
    ['1709632800', undefined, '2024-03-05'],
    ['1709632800', 'UNIX', '2024-03-05'],
    ['1709632800000', undefined, '2024-03-05'],
    ['2024-02-29', undefined, '2024-02-29'],
  ])('%p (%p) -> %s', (raw, format, iso) => {
    expect(normalizeDate(raw, format, { now })).toEqual({ value: day(iso), raw });
  });

  it('accepts a number as Unix seconds', () => {
    expect(normalizeDate(1709632800, undefined, { now }).value).toEqual(day('2024-03-05'));
  });

  it.each([
    ['2024-02-30', undefined, 'INVALID_DATE'],
    ['2023-02-29', undefined, 'INVALID_DATE'],
    ['2024-13-01', undefined, 'INVALID_DATE'],
    ['13/05/2024', 'MM/DD/YYYY', 'INVALID_DATE'],
    ['yesterday', undefined, 'INVALID_DATE'],
    ['Smarch 5, 2024', undefined, 'INVALID_DATE'],
    ['05/03/2024', undefined, 'AMBIGUOUS_DATE'],
    ['05/03/2024', 'YYYY-MM-DD', 'INVALID_DATE'],
    ['2024-03-05', 'QQ/YYYY', 'UNSUPPORTED_DATE_FORMAT'],
    ['1989-12-31', undefined, 'DATE_OUT_OF_RANGE'],
    ['1970', undefined, 'DATE_OUT_OF_RANGE'],
    ['2027-11-26', undefined, 'DATE_OUT_OF_RANGE'],
    ['2099-01-01', undefined, 'DATE_OUT_OF_RANGE'],
  ])('%p (%p) -> %s', (raw, format, code) => {
    const result = normalizeDate(raw, format, { now });
    expect(result.value).toBeNull();
    expect(result.issue).toMatchObject({ field: 'postedAt', code, value: raw });
  });

  it('accepts dates up to one year ahead', () => {
    expect(normalizeDate('2027-11-25', undefined, { now }).value).toEqual(day('2027-11-25'));
  });

  it('names the field it was given', () => {
    expect(normalizeDate('nope', undefined, { now, field: 'year' }).issue?.field).toBe('year');
  });

  it.each(ABSENT)('absent %p -> null without issue', (raw) => {
    expect(normalizeDate(raw).issue).toBeUndefined();
  });
});

describe('parseYearsOfExperience', () => {
  it.each([
    ['3+ years', 3], ['5-7 years of experience', 5], ['minimum 2 yrs', 2], ['at least 4 years', 4],
    ['3 to 5 years', 3], ['10+ yrs experience', 10], ['1.5 years', 1.5], ['two years of experience', 2],
    ['6 months', 0.5], ['4', 4], ['5+', 5], ['5 – 8 YOE', 5],
    ['Founded 25 years ago. You bring 3+ years of experience in Python.', 3],
    ['We need someone with 4 years in ML', 4],
  ])('%p -> %p', (raw, years) => {
    expect(parseYearsOfExperience(raw)).toBe(years);
  });

  it.each([undefined, null, '', 'lots of experience', '100 years', '2024'])('%p -> null', (raw) => {
    expect(parseYearsOfExperience(raw)).toBeNull();
  });
});

describe('properties', () => {
  const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 40 }));
  const anyValue: fc.Arbitrary<RawFieldValue> = fc.oneof(anyText, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));

  it('no normaliser throws, and a value or an issue (never both missing on present input) comes back', () => {
    fc.assert(
      fc.property(anyValue, fc.option(fc.constantFrom('DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY', 'UNIX', 'bogus'), { nil: undefined }), (raw, format) => {
        for (const result of [
          normalizeEmploymentType(raw), normalizeRemoteType(raw), normalizeRemoteRatio(raw), normalizeCompanySize(raw),
          normalizeIndustry(raw), normalizeEducation(raw), normalizeDate(raw, format),
        ]) {
          if (result.value === null && result.issue) expect(result.issue.code).toMatch(/^[A-Z_]+$/);
        }
        const ratio = normalizeRemoteRatio(raw).value;
        if (ratio !== null) expect(Number.isInteger(ratio) && ratio >= 0 && ratio <= 100).toBe(true);
        const years = parseYearsOfExperience(typeof raw === 'string' ? raw : undefined);
        if (years !== null) expect(years).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('dates that come back are real UTC midnights within range', () => {
    const now = new Date(Date.UTC(2026, 10, 25));
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1985, 0, 1)), max: new Date(Date.UTC(2030, 0, 1)), noInvalidDate: true }), (d) => {
        const iso = d.toISOString();
        const result = normalizeDate(iso.slice(0, 10), undefined, { now });
        const inRange = d.getTime() >= Date.UTC(1990, 0, 1) && d.getTime() < Date.UTC(2027, 10, 26);
        if (inRange) {
          expect(result.value?.toISOString().slice(0, 10)).toBe(iso.slice(0, 10));
          expect(result.value!.getUTCHours()).toBe(0);
        } else {
          expect(result.issue?.code).toBe('DATE_OUT_OF_RANGE');
        }
      }),
    );
  });

  it('handles 100 KB input quickly', () => {
    const inputs = ['a'.repeat(100_000), '1 '.repeat(50_000), '5'.repeat(100_000), ' '.repeat(100_000) + 'years', '-'.repeat(100_000)];
    const started = Date.now();
    for (const big of inputs) {
      normalizeEmploymentType(big);
      normalizeRemoteType(big);
      normalizeRemoteRatio(big);
      normalizeCompanySize(big);
      normalizeIndustry(big);
      normalizeEducation(big);
      normalizeDate(big);
      parseYearsOfExperience(big);
    }
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
