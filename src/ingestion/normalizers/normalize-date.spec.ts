import fc from 'fast-check';
import { normalizeDate } from './field.normalizers';

// Properties of normalizeDate across the forms it accepts; the example table lives in field.normalizers.spec.ts.
const now = new Date(Date.UTC(2026, 10, 25));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A real calendar day inside the accepted range (1990 to a year after `now`). */
const day = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2027, 10, 24)), noInvalidDate: true })
  .map((d) => ({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), iso: d.toISOString().slice(0, 10) }));

const iso = (raw: string, format?: string) => normalizeDate(raw, format, { now }).value?.toISOString().slice(0, 10);

describe('normalizeDate properties', () => {
  it('every spelling of the same day gives that day', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom('Z', '+00:00', '-05:00', '+14:00', '-1200', ''),
        ({ y, m, d, iso: expected }, hh, mm, offset) => {
          const name = MONTHS[m - 1];
          const spellings = [
            expected,
            `${y}/${pad(m)}/${pad(d)}`,
            `${y}.${m}.${d}`,
            `${expected}T${pad(hh)}:${pad(mm)}:00${offset}`, // the written day, whatever the offset
            `${expected} ${pad(hh)}:${pad(mm)}`,
            `${name} ${d}, ${y}`,
            `${name.slice(0, 3)} ${d} ${y}`,
            `${d} ${name} ${y}`,
            `${d}-${name.slice(0, 3)}-${y}`,
            `Monday, ${name} ${d}, ${y}`,
            `  ${expected}  `,
          ];
          for (const raw of spellings) expect([raw, iso(raw)]).toEqual([raw, expected]);
          expect(iso(`${pad(d)}/${pad(m)}/${y}`, 'DD/MM/YYYY')).toBe(expected);
          expect(iso(`${pad(m)}/${pad(d)}/${y}`, 'MM/DD/YYYY')).toBe(expected);
          expect(iso(`${pad(d)}.${pad(m)}.${y}`, 'DD.MM.YYYY')).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('day-first and month-first numbers without a format are never guessed', () => {
    fc.assert(
      fc.property(day, fc.constantFrom('/', '.', '-'), ({ y, m, d }, sep) => {
        const result = normalizeDate(`${pad(d)}${sep}${pad(m)}${sep}${y}`, undefined, { now });
        expect(result.value).toBeNull();
        expect(result.issue?.code).toMatch(/^(AMBIGUOUS_DATE|INVALID_DATE)$/);
      }),
    );
  });

  it('Unix seconds and milliseconds give the UTC day of that instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2001, 8, 9, 2), max: Date.UTC(2027, 0, 1) }), (ms) => {
        const expected = new Date(ms).toISOString().slice(0, 10);
        expect(iso(String(Math.floor(ms / 1000)))).toBe(expected);
        expect(iso(String(ms))).toBe(expected);
      }),
    );
  });

  it('days that do not exist are INVALID_DATE, never rolled over', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 31 }), (y, m, d) => {
        const exists = new Date(Date.UTC(y, m - 1, d)).getUTCMonth() === m - 1;
        const result = normalizeDate(`${y}-${pad(m)}-${pad(d)}`, undefined, { now });
        if (exists) expect(result.value?.getUTCDate()).toBe(d);
        else expect(result).toMatchObject({ value: null, issue: { code: 'INVALID_DATE' } });
      }),
    );
  });

  it('any value gives a UTC midnight in range or a coded issue, never both (arbitrary input)', () => {
    const anyValue = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null),
      fc.stringMatching(/^\d{1,13}([-/.]\d{1,4}){0,2}$/));
    fc.assert(
      fc.property(anyValue, fc.option(fc.constantFrom('DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM', 'UNIX', 'UNIX_MS', 'ISO', 'nonsense'), { nil: undefined }), (raw, format) => {
        const result = normalizeDate(raw, format, { now });
        if (result.value) {
          expect(result.issue).toBeUndefined();
          expect(result.value.getTime() % 86_400_000).toBe(0);
          expect(result.value.getTime()).toBeGreaterThanOrEqual(Date.UTC(1990, 0, 1));
          expect(result.value.getTime()).toBeLessThanOrEqual(Date.UTC(2027, 10, 25));
        } else if (result.issue) {
          expect(result.issue.code).toMatch(/^[A-Z_]+$/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
