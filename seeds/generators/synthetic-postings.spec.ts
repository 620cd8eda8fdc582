import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PayPeriod, RoleFamily, Seniority, WorldRegion } from '../../src/common/market.enums';
import {
  CANONICAL_SKILLS,
  GENAI_SKILLS,
  INDUSTRY_SHARES,
  monthNumber,
  REGION_SHARES,
  SENIORITY_MIX,
  SkillName,
} from './market-profile';
import { Prng, WeightedTable } from './prng';
import { generatePostings, generateSurveyResponses, roleFamilyWeightsAt, SyntheticPosting } from './synthetic-postings';
import {
  POSTINGS_CSV_HEADER,
  postingToCsvRow,
  SURVEY_CSV_HEADER,
  writePostingsCsv,
  writePostingsNdjson,
  writeSurveyCsv,
} from './write-synthetic';

const take = <T>(gen: Iterable<T>): T[] => Array.from(gen);
const share = <T>(items: readonly T[], predicate: (item: T) => boolean): number => items.filter(predicate).length / items.length;
const normalise = (record: Readonly<Partial<Record<string, number>>>): Record<string, number> => {
  const entries = Object.entries(record) as [string, number][];
  const total = entries.reduce((sum, [, v]) => sum + v, 0);
  return Object.fromEntries(entries.map(([k, v]) => [k, v / total]));
};
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** One shared sample for the calibration checks (originals only; duplicates would double-count). */
const SAMPLE = take(generatePostings({ count: 20_000, seed: 7 }));
const ORIGINALS = SAMPLE.filter((p) => !p.truth.duplicate);

describe('Prng', () => {
  it('repeats a sequence for the same seed and stream, and differs across streams', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(42, 1);
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA);
    a.reseed(42);
    expect(Array.from({ length: 5 }, () => a.nextUint32())).toEqual(seqA);
  });

  it('samples weighted tables in proportion and keeps helpers in range', () => {
    const prng = new Prng(1);
    const table = new WeightedTable(['a', 'b', 'c'], [1, 2, 7]);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 50_000; i++) counts[prng.sample(table)]++;
    expect(counts.c / 50_000).toBeCloseTo(0.7, 1);
    expect(counts.a / 50_000).toBeCloseTo(0.1, 1);
    expect(prng.weighted(['x', 'y'], [0, 1])).toBe('y');
    for (let i = 0; i < 1000; i++) {
      const n = prng.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
    }
    const normals = Array.from({ length: 20_000 }, () => prng.normal(10, 2));
    expect(normals.reduce((s, x) => s + x, 0) / normals.length).toBeCloseTo(10, 1);
    expect(() => new Prng(1.5)).toThrow(RangeError);
  });
});

describe('generatePostings — determinism', () => {
  it('gives identical rows for the same seed, and a prefix for a shorter run', () => {
    const first = take(generatePostings({ count: 1000, seed: 42 }));
    const again = take(generatePostings({ count: 1500, seed: 42 })).slice(0, 1000);
    expect(again.map(postingToCsvRow)).toEqual(first.map(postingToCsvRow));
    expect(again).toEqual(first);
  });

  it('gives different rows for a different seed', () => {
    const a = take(generatePostings({ count: 1000, seed: 42 })).map(postingToCsvRow);
    const b = take(generatePostings({ count: 1000, seed: 43 })).map(postingToCsvRow);
    const identical = a.filter((row, i) => row.slice(row.indexOf(',')) === b[i].slice(b[i].indexOf(','))).length;
    expect(identical).toBe(0);
  });

  it('writes byte-identical files for the same seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hirescope-syn-'));
    try {
      await writePostingsCsv(join(dir, 'a.csv'), { count: 300, seed: 5 });
      await writePostingsCsv(join(dir, 'b.csv'), { count: 300, seed: 5 });
      await writePostingsNdjson(join(dir, 'a.ndjson'), { count: 300, seed: 5 });
      await writePostingsNdjson(join(dir, 'b.ndjson'), { count: 300, seed: 5 });
      expect(readFileSync(join(dir, 'a.csv')).equals(readFileSync(join(dir, 'b.csv')))).toBe(true);
      expect(readFileSync(join(dir, 'a.ndjson')).equals(readFileSync(join(dir, 'b.ndjson')))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('generatePostings — shape', () => {
  it('keeps descriptions between 1 and 3 KB', () => {
    const sizes = SAMPLE.map((p) => Buffer.byteLength(p.description, 'utf8'));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1024);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3072);
  });

  it('mentions exactly the listed skills in each description', () => {
    const patterns = CANONICAL_SKILLS.map((skill) => {
      const escaped = skill.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      // Short names are matched case-sensitively; the rest case-insensitively, to catch leaks in filler prose.
      return [skill, new RegExp(`(?<![A-Za-z0-9+#])${escaped}(?![A-Za-z0-9+#])`, skill.length <= 2 ? '' : 'i')] as const;
    });
    for (const posting of ORIGINALS.slice(0, 3000)) {
      const mentioned = patterns.filter(([, re]) => re.test(posting.description)).map(([skill]) => skill);
      expect({ id: posting.sourceId, skills: [...mentioned].sort() }).toEqual({ id: posting.sourceId, skills: [...posting.truth.skills].sort() });
    }
  });

  it('fills the optional fields at the required rates', () => {
    expect(share(ORIGINALS, (p) => p.salaryText === '')).toBeGreaterThan(0.27);
    expect(share(ORIGINALS, (p) => p.salaryText === '')).toBeLessThan(0.33);
    expect(share(ORIGINALS, (p) => p.skills !== '')).toBeGreaterThan(0.47);
    expect(share(ORIGINALS, (p) => p.skills !== '')).toBeLessThan(0.53);
    const malformed = ORIGINALS.filter(
      (p) =>
        (p.skills !== '' && p.skills !== p.truth.skills.join(', ')) ||
        !['Remote', 'Hybrid', 'On-site'].includes(p.remote) ||
        !/^\d{4}-\d{2}-\d{2}$/.test(p.postedAt) ||
        p.truth.skills.length < 3,
    );
    expect(malformed.map((p) => p.sourceId)).toEqual([]);
  });

  it('re-emits about 2 % of rows unchanged under an earlier sourceId', () => {
    const duplicates = SAMPLE.filter((p) => p.truth.duplicate);
    expect(duplicates.length / SAMPLE.length).toBeGreaterThan(0.015);
    expect(duplicates.length / SAMPLE.length).toBeLessThan(0.025);
    const firstSeen = new Map<string, string>();
    SAMPLE.forEach((p) => {
      const row = postingToCsvRow(p);
      if (p.truth.duplicate) expect(firstSeen.get(p.sourceId)).toBe(row);
      else firstSeen.set(p.sourceId, row);
    });
    expect(new Set(SAMPLE.map((p) => p.sourceId)).size).toBe(ORIGINALS.length);
  });

  it('writes salary text that carries the structured amounts', () => {
    for (const p of ORIGINALS.slice(0, 3000)) {
      const salary = p.truth.salary;
      if (!salary) continue;
      const digits = p.salaryText.replace(/[^0-9kK]/g, '').toLowerCase();
      const shown = (n: number): boolean => digits.includes(String(n)) || digits.includes(`${n / 1000}k`);
      expect(shown(salary.max)).toBe(true);
      if (salary.min !== salary.max) expect(shown(salary.min)).toBe(true);
      if (salary.period !== PayPeriod.YEAR) expect(p.salaryText).toMatch(/(per|an?|\/)\s?(hour|hr|day|month|week)/);
    }
  });

  it('stays inside the requested date window', () => {
    const window = take(generatePostings({ count: 500, seed: 3, from: '2024-02-10', to: '2024-03' }));
    for (const p of window) {
      expect(p.postedAt >= '2024-02-10' && p.postedAt <= '2024-03-31').toBe(true);
    }
  });
});

describe('generatePostings — calibration', () => {
  const TOLERANCE = 0.015;

  it('matches the role-family mix, allowing for its time trend', () => {
    const expected: Record<string, number> = {};
    for (const p of ORIGINALS) {
      const weights = roleFamilyWeightsAt(monthNumber(p.postedAt));
      for (const [family, w] of Object.entries(weights)) expected[family] = (expected[family] ?? 0) + w / ORIGINALS.length;
    }
    for (const family of Object.values(RoleFamily)) {
      expect(Math.abs(share(ORIGINALS, (p) => p.truth.roleFamily === family) - expected[family])).toBeLessThan(TOLERANCE);
    }
  });

  it('matches the region, industry and seniority mixes', () => {
    const regions = normalise(REGION_SHARES);
    for (const region of Object.values(WorldRegion)) {
      expect(Math.abs(share(ORIGINALS, (p) => p.truth.region === region) - regions[region])).toBeLessThan(TOLERANCE);
    }
    const industries = normalise(INDUSTRY_SHARES);
    for (const [industry, expected] of Object.entries(industries)) {
      expect(Math.abs(share(ORIGINALS, (p) => p.truth.industry === industry) - expected)).toBeLessThan(TOLERANCE);
    }
    const individualContributors = ORIGINALS.filter((p) => p.truth.roleFamily !== RoleFamily.DATA_MANAGER);
    for (const [seniority, expected] of Object.entries(normalise(SENIORITY_MIX))) {
      expect(Math.abs(share(individualContributors, (p) => p.truth.seniority === seniority) - expected)).toBeLessThan(TOLERANCE);
    }
    expect(individualContributors.some((p) => p.truth.seniority === Seniority.DIRECTOR)).toBe(false);
    const managers = ORIGINALS.filter((p) => p.truth.roleFamily === RoleFamily.DATA_MANAGER);
    expect(managers.every((p) => p.truth.seniority === Seniority.LEAD || p.truth.seniority === Seniority.DIRECTOR)).toBe(true);
  });

  it('raises GenAI demand sharply after 2023 and follows the framework trends', () => {
    const year = (y: number): SyntheticPosting[] => take(generatePostings({ count: 4000, seed: 11, from: `${y}-01`, to: `${y}-12` }));
    const has = (p: SyntheticPosting, skill: SkillName): boolean => p.truth.skills.includes(skill);
    const genAi = (p: SyntheticPosting): boolean => p.truth.skills.some((s) => GENAI_SKILLS.includes(s));
    const [y2019, y2021, y2024] = [year(2019), year(2021), year(2024)];
    expect(share(y2021, genAi)).toBeLessThan(0.06);
    expect(share(y2024, genAi)).toBeGreaterThan(3 * share(y2021, genAi));
    expect(share(y2021, (p) => has(p, 'LangChain'))).toBe(0);
    expect(share(y2019, (p) => has(p, 'TensorFlow'))).toBeGreaterThan(share(y2019, (p) => has(p, 'PyTorch')));
    expect(share(y2024, (p) => has(p, 'PyTorch'))).toBeGreaterThan(share(y2024, (p) => has(p, 'TensorFlow')));
    expect(share(y2019, (p) => has(p, 'Hadoop'))).toBeGreaterThan(3 * share(y2024, (p) => has(p, 'Hadoop')));
  });

  it('ties co-occurring skills together', () => {
    const given = (a: SkillName, b: SkillName): number => share(ORIGINALS.filter((p) => p.truth.skills.includes(a)), (p) => p.truth.skills.includes(b));
    const overall = (s: SkillName): number => share(ORIGINALS, (p) => p.truth.skills.includes(s));
    expect(given('PyTorch', 'Python')).toBeGreaterThan(0.95);
    expect(given('dbt', 'SQL')).toBeGreaterThan(0.95);
    expect(given('LangChain', 'LLM')).toBeGreaterThan(0.9);
    expect(given('Spark', 'Scala')).toBeGreaterThan(2 * overall('Scala'));
    expect(given('dbt', 'Snowflake')).toBeGreaterThan(2 * overall('Snowflake'));
  });

  it('uses every canonical skill somewhere', () => {
    const seen = new Set(ORIGINALS.flatMap((p) => p.truth.skills));
    expect(CANONICAL_SKILLS.filter((s) => !seen.has(s))).toEqual([]);
  });

  it('pays more with seniority', () => {
    const medianUsd = (seniority: Seniority): number =>
      median(ORIGINALS.filter((p) => p.truth.seniority === seniority && p.truth.salary).map((p) => (p.truth.salary as { annualUsd: number }).annualUsd));
    const ladder = [Seniority.INTERN, Seniority.ENTRY, Seniority.MID, Seniority.SENIOR, Seniority.DIRECTOR].map(medianUsd);
    ladder.slice(1).forEach((value, i) => expect(value).toBeGreaterThan(ladder[i]));
    expect(medianUsd(Seniority.STAFF)).toBeGreaterThan(medianUsd(Seniority.SENIOR));
    expect(medianUsd(Seniority.LEAD)).toBeGreaterThan(medianUsd(Seniority.SENIOR));
    const usSenior = median(
      ORIGINALS.filter((p) => p.truth.country === 'US' && p.truth.seniority === Seniority.SENIOR && p.truth.salary?.period === PayPeriod.YEAR).map(
        (p) => (p.truth.salary as { annualUsd: number }).annualUsd,
      ),
    );
    expect(usSenior).toBeGreaterThan(150_000);
    expect(usSenior).toBeLessThan(195_000);
  });
});

describe('generateSurveyResponses', () => {
  const SURVEY = take(generateSurveyResponses({ count: 20_000, seed: 9 }));

  it('is deterministic and uses aijobs.net codes', () => {
    expect(take(generateSurveyResponses({ count: 200, seed: 9 }))).toEqual(SURVEY.slice(0, 200));
    const invalid = SURVEY.filter(
      (s) =>
        !['EN', 'MI', 'SE', 'EX'].includes(s.experience_level) ||
        !['FT', 'PT', 'CT', 'FL'].includes(s.employment_type) ||
        ![0, 50, 100].includes(s.remote_ratio) ||
        !['S', 'M', 'L'].includes(s.company_size) ||
        s.salary_in_usd < 15_000 ||
        s.salary_in_usd > 800_000 ||
        !/^[A-Z]{2}$/.test(s.company_location) ||
        !/^[A-Z]{2}$/.test(s.employee_residence) ||
        !/^[A-Z]{3}$/.test(s.salary_currency) ||
        (s.salary_currency === 'USD' && s.salary_in_usd !== s.salary) ||
        (s.satisfaction !== undefined && !(s.satisfaction >= 1 && s.satisfaction <= 5)) ||
        s.languages === '',
    );
    expect(invalid).toEqual([]);
  });

  it('reproduces the aijobs.net medians by experience level', () => {
    const targets = { EN: 89_600, MI: 130_500, SE: 162_100, EX: 192_000 }; // aijobs.net all-row medians
    for (const [level, target] of Object.entries(targets)) {
      const value = median(SURVEY.filter((s) => s.experience_level === level).map((s) => s.salary_in_usd));
      expect(Math.abs(value - target) / target).toBeLessThan(0.06);
    }
  });
});

describe('CSV and NDJSON writers', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hirescope-syn-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes postings CSV that parses back to the same fields', async () => {
    const file = join(dir, 'postings.csv');
    const stats = await writePostingsCsv(file, { count: 1000, seed: 21 });
    const records: string[][] = parse(readFileSync(file));
    expect(records[0].join(',')).toBe(POSTINGS_CSV_HEADER);
    expect(records).toHaveLength(1001);
    expect(stats.rows).toBe(1000);
    const expected = take(generatePostings({ count: 1000, seed: 21 })).map((p) => [
      p.sourceId, p.title, p.company, p.industry, p.location, p.remote, p.employmentType, p.salaryText, p.postedAt,
      p.description, p.skills, p.education, p.experience,
    ]);
    expect(records.slice(1)).toEqual(expected);
  });

  it('writes survey CSV with the aijobs.net columns first', async () => {
    const file = join(dir, 'surveys.csv');
    await writeSurveyCsv(file, { count: 2000, seed: 4 });
    const records: string[][] = parse(readFileSync(file));
    expect(records[0].join(',')).toBe(SURVEY_CSV_HEADER);
    expect(records[0].slice(0, 11)).toEqual([
      'work_year', 'experience_level', 'employment_type', 'job_title', 'salary', 'salary_currency', 'salary_in_usd',
      'employee_residence', 'remote_ratio', 'company_location', 'company_size',
    ]);
    expect(records).toHaveLength(2001);
    expect(records.filter((row) => row.length !== 18)).toEqual([]);
  });

  it('writes the same bytes with worker threads as without', async () => {
    const options = { count: 11_000, seed: 8 }; // three shards
    await writePostingsCsv(join(dir, 'single.csv'), options);
    const stats = await writePostingsCsv(join(dir, 'workers.csv'), { ...options, workers: 2 });
    expect(stats.rows).toBe(11_000);
    expect(readFileSync(join(dir, 'workers.csv')).equals(readFileSync(join(dir, 'single.csv')))).toBe(true);
  }, 60_000);

  it('writes one schema.org JobPosting per NDJSON line', async () => {
    const file = join(dir, 'postings.ndjson');
    await writePostingsNdjson(file, { count: 500, seed: 21 });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(500);
    const postings = take(generatePostings({ count: 500, seed: 21 }));
    lines.forEach((line, i) => {
      const doc = JSON.parse(line);
      const p = postings[i];
      expect(doc['@context']).toBe('https://schema.org');
      expect(doc['@type']).toBe('JobPosting');
      expect(doc.identifier.value).toBe(p.sourceId);
      expect(doc.hiringOrganization.name).toBe(p.company);
      expect(doc.jobLocation.address.addressCountry).toBe(p.truth.country);
      expect(doc.jobLocationType === 'TELECOMMUTE').toBe(p.remote === 'Remote');
      if (p.truth.salary) {
        expect(doc.baseSalary.currency).toBe(p.truth.salary.currency);
        expect(doc.baseSalary.value.unitText).toBe(p.truth.salary.period);
      } else expect(doc.baseSalary).toBeUndefined();
      expect(doc.datePosted).toBe(p.postedAt);
    });
  });
});
