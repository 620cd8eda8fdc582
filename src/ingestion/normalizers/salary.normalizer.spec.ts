import fc from 'fast-check';
import { PayPeriod } from '../../common/market.enums';
import { annualizeToUsd, isSalaryOutlier, parsePayPeriod, parseSalary, ParsedSalary } from './salary.normalizer';

const { HOUR, DAY, MONTH, YEAR } = PayPeriod;

type Expected = [min: number | null, max: number | null, currency: string | null, period: PayPeriod | null, codes?: string[]];

describe('parseSalary', () => {
  const cases: Array<[string, Expected]> = [
    ['120000', [120000, 120000, null, YEAR]],
    ['120,000', [120000, 120000, null, YEAR]],
    ['$137K-$171K (Glassdoor est.)', [137000, 171000, 'USD', YEAR]],
    ['$21-$34 Per Hour', [21, 34, 'USD', HOUR]],
    ['Employer Provided Salary:$90K-$110K', [90000, 110000, 'USD', YEAR]],
    ['€60.000 – €80.000 a year', [60000, 80000, 'EUR', YEAR]],
    ['£45k', [45000, 45000, 'GBP', YEAR]],
    ['45/hr', [45, 45, null, HOUR]],
    ['1,2 M ₹', [1200000, 1200000, 'INR', YEAR]],
    ['USD 100k - 120k', [100000, 120000, 'USD', YEAR]],
    ['100 000 - 120 000 EUR', [100000, 120000, 'EUR', YEAR]],
    ["CHF 120'000", [120000, 120000, 'CHF', YEAR]],
    ['$50 per hour', [50, 50, 'USD', HOUR]],
    ['80K/yr', [80000, 80000, null, YEAR]],
    ['7,500 per month', [7500, 7500, null, MONTH]],
    ['$500/day', [500, 500, 'USD', DAY]],
    ['¥8,000,000', [8000000, 8000000, 'JPY', YEAR]],
    ['Up to $150,000', [null, 150000, 'USD', YEAR]],
    ['From 90k', [90000, null, null, YEAR]],
    ['90k+', [90000, null, null, YEAR]],
    ['Max $150k', [null, 150000, 'USD', YEAR]],
    ['between 90k and 110k', [90000, 110000, null, YEAR]],
    ['90-110K', [90000, 110000, null, YEAR]],
    ['$90K - 110', [90000, 110000, 'USD', YEAR]],
    ['$120k - $100k', [100000, 120000, 'USD', YEAR, ['SALARY_RANGE_SWAPPED']]],
    ['$100k/yr - $120k/yr', [100000, 120000, 'USD', YEAR]],
    ['CA$90,000 - CA$110,000', [90000, 110000, 'CAD', YEAR]],
    ['C$ 85k', [85000, 85000, 'CAD', YEAR]],
    ['A$120k', [120000, 120000, 'AUD', YEAR]],
    ['AU$120k', [120000, 120000, 'AUD', YEAR]],
    ['NZ$95,000', [95000, 95000, 'NZD', YEAR]],
    ['S$7,000 per month', [7000, 7000, 'SGD', MONTH]],
    ['HK$60,000 monthly', [60000, 60000, 'HKD', MONTH]],
    ['R$ 12.000 por mês', [12000, 12000, 'BRL', MONTH]],
    ['MX$40,000 /month', [40000, 40000, 'MXN', MONTH]],
    ['US$100k', [100000, 100000, 'USD', YEAR]],
    ['CN¥300,000', [300000, 300000, 'CNY', YEAR]],
    ['RMB 400k', [400000, 400000, 'CNY', YEAR]],
    ['₩60,000,000', [60000000, 60000000, 'KRW', YEAR]],
    ['₪30,000 per month', [30000, 30000, 'ILS', MONTH]],
    ['₺80.000 aylık', [80000, 80000, 'TRY', YEAR]],
    ['12 000 zł brutto', [12000, 12000, 'PLN', YEAR]],
    ['45 000 kr/month', [45000, 45000, 'SEK', MONTH]],
    ['R450 000', [450000, 450000, 'ZAR', YEAR]],
    ['R 35,000 pm', [35000, 35000, 'ZAR', MONTH]],
    ['90000 GBP', [90000, 90000, 'GBP', YEAR]],
    ['eur 55k', [55000, 55000, 'EUR', YEAR]],
    ['£50k pa', [50000, 50000, 'GBP', YEAR]],
    ['$5,000 pm', [5000, 5000, 'USD', MONTH]],
    ['$2,000 weekly', [2000, 2000, 'USD', PayPeriod.WEEK]],
    ['€45/h', [45, 45, 'EUR', HOUR]],
    ['$21.50/hr', [21.5, 21.5, 'USD', HOUR]],
    ['45,50 € pro Stunde', [45.5, 45.5, 'EUR', HOUR]],
    ['12 LPA', [1200000, 1200000, 'INR', YEAR]],
    ['Rs. 5,00,000 per annum', [500000, 500000, 'INR', YEAR]],
    ['₹15 lakhs', [1500000, 1500000, 'INR', YEAR]],
    ['$1.2M', [1200000, 1200000, 'USD', YEAR]],
    ['$137.5K', [137500, 137500, 'USD', YEAR]],
    ['1.250M €', [1250000, 1250000, 'EUR', YEAR]],
    ['€1.234.567,89', [1234567.89, 1234567.89, 'EUR', YEAR]],
    ['$1,234,567.89', [1234567.89, 1234567.89, 'USD', YEAR]],
    ['$120,000 + 401(k)', [120000, 120000, 'USD', YEAR]],
    ['5 years exp, $120k', [120000, 120000, 'USD', YEAR]],
    ['$120k + 10% bonus', [120000, 120000, 'USD', YEAR]],
    ['€50k (~$55k)', [50000, 50000, 'EUR', YEAR, ['MULTIPLE_CURRENCIES']]],
    ['150', [150, 150, null, YEAR, ['PERIOD_AMBIGUOUS']]],
    ['120-150', [120, 150, null, YEAR, ['PERIOD_AMBIGUOUS']]],
    // An explicit code of the "$" family anywhere in the text says which dollar it was.
    ['$120K - $150K CAD', [120000, 150000, 'CAD', YEAR]],
    ['$120K-$150K CAD per annum', [120000, 150000, 'CAD', YEAR]],
    ['$95,000 AUD', [95000, 95000, 'AUD', YEAR]],
    ['$80 - $100 NZD per hour', [80, 100, 'NZD', HOUR]],
    ['$50k SGD', [50000, 50000, 'SGD', YEAR]],
    ['$120k cad', [120000, 120000, 'CAD', YEAR]],
    ['$100k (CAD)', [100000, 100000, 'CAD', YEAR]],
    ['$100k USD', [100000, 100000, 'USD', YEAR]],
    ['CAD $100k', [100000, 100000, 'CAD', YEAR]],
    ['AUD $120,000', [120000, 120000, 'AUD', YEAR]],
    ['USD $100k', [100000, 100000, 'USD', YEAR]],
    // The same holds for the other shared symbols.
    ['kr 500 000 NOK', [500000, 500000, 'NOK', YEAR]],
    ['¥300,000 CNY', [300000, 300000, 'CNY', YEAR]],
    ['Rs 50,000 PKR per month', [50000, 50000, 'PKR', MONTH]],
    // A second currency the first cannot stand for is still reported.
    ['$100k CAD (~$75k USD)', [100000, 100000, 'CAD', YEAR, ['MULTIPLE_CURRENCIES']]],
    ['CA$100k USD', [100000, 100000, 'CAD', YEAR, ['MULTIPLE_CURRENCIES']]],
    ['$100k EUR', [100000, 100000, 'USD', YEAR, ['MULTIPLE_CURRENCIES']]],
    ['$50k (~€45k)', [50000, 50000, 'USD', YEAR, ['MULTIPLE_CURRENCIES']]],
    ['£50k (~$60k)', [50000, 50000, 'GBP', YEAR, ['MULTIPLE_CURRENCIES']]],
    // Realistic strings from European, Swiss, Indian and UK boards.
    ['€55k–€65k', [55000, 65000, 'EUR', YEAR]],
    ['45.000 € brutto/Jahr', [45000, 45000, 'EUR', YEAR]],
    ["CHF 110'000 - 130'000", [110000, 130000, 'CHF', YEAR]],
    ['₹12 LPA', [1200000, 1200000, 'INR', YEAR]],
    ['Up to £70,000 + bonus', [null, 70000, 'GBP', YEAR]],
    ['$40/hr - $55/hr', [40, 55, 'USD', HOUR]],
    ['USD 8,000/month', [8000, 8000, 'USD', MONTH]],
  ];

  it.each(cases)('%s', (raw, [min, max, currency, period, codes = []]) => {
    const result = parseSalary(raw);
    expect(result).toMatchObject({ raw, min, max, currency, period });
    expect(result.issues.map((i) => i.code)).toEqual(codes);
  });

  it.each(['Competitive', 'DOE', 'Negotiable', 'Depending on experience', 'TBD', 'very good pay'])(
    '%s is not stated',
    (raw) => {
      const result = parseSalary(raw);
      expect(result).toMatchObject({ raw, min: null, max: null, currency: null, period: null });
      expect(result.issues.map((i) => i.code)).toEqual(['SALARY_NOT_STATED']);
      expect(result.issues[0]).toMatchObject({ field: 'salaryText', value: raw });
    },
  );

  it.each([undefined, null, '', '   '])('empty input %p gives nulls and no issue', (raw) => {
    expect(parseSalary(raw)).toEqual({ raw: null, min: null, max: null, currency: null, period: null, issues: [] });
  });

  it('reads zero as not stated', () => {
    expect(parseSalary('0').issues.map((i) => i.code)).toEqual(['SALARY_NOT_STATED']);
  });

  describe('hints', () => {
    it('fills in currency and period missing from the text', () => {
      expect(parseSalary('120000', { currency: 'eur', period: 'YEAR' })).toMatchObject({ currency: 'EUR', period: YEAR, issues: [] });
      expect(parseSalary('45', { currency: 'USD', period: 'hourly' })).toMatchObject({ min: 45, period: HOUR, issues: [] });
    });

    it('lets a shared symbol defer to a hint of its family', () => {
      expect(parseSalary('$90k', { currency: 'CAD' }).currency).toBe('CAD');
      expect(parseSalary('kr 500 000', { currency: 'NOK' }).currency).toBe('NOK');
      expect(parseSalary('¥300,000', { currency: 'CNY' }).currency).toBe('CNY');
      expect(parseSalary('45 000 kr').currency).toBe('SEK');
    });

    it('keeps an explicit currency over a conflicting hint, with an issue', () => {
      const result = parseSalary('€50k', { currency: 'USD' });
      expect(result.currency).toBe('EUR');
      expect(result.issues.map((i) => i.code)).toEqual(['CURRENCY_HINT_CONFLICT']);
    });

    it.each([
      ['$120K USD', 'CAD', 'USD'],
      ['$120K CAD', 'USD', 'CAD'],
      ['$120K CAD', 'AUD', 'CAD'],
    ])('keeps an explicit code written beside "$" (%s) over a hint of its family (%s)', (raw, hint, currency) => {
      const result = parseSalary(raw, { currency: hint });
      expect(result.currency).toBe(currency);
      expect(result.issues.map((i) => i.code)).toEqual(['CURRENCY_HINT_CONFLICT']);
    });

    it('takes a hint that agrees with the code in the text without an issue', () => {
      expect(parseSalary('$120K CAD', { currency: 'CAD' })).toMatchObject({ currency: 'CAD', issues: [] });
    });

    it('keeps the period in the text over a conflicting hint, with an issue', () => {
      const result = parseSalary('$50/hr', { period: 'YEAR' });
      expect(result.period).toBe(HOUR);
      expect(result.issues.map((i) => i.code)).toEqual(['PERIOD_HINT_CONFLICT']);
    });

    it('reports unreadable hints and ignores them', () => {
      const result = parseSalary('50000', { currency: 'moneyz', period: 'fortnightly-ish' });
      expect(result).toMatchObject({ currency: null, period: YEAR });
      expect(result.issues.map((i) => i.code).sort()).toEqual(['INVALID_CURRENCY_HINT', 'INVALID_PERIOD_HINT']);
    });

    it('accepts a three-letter code it holds no rate for', () => {
      expect(parseSalary('5000', { currency: 'XYZ' }).currency).toBe('XYZ');
    });
  });

  it('only trusts "TRY" as a currency code in capitals', () => {
    expect(parseSalary('try 5000').currency).toBeNull();
    expect(parseSalary('TRY 5000').currency).toBe('TRY');
  });

  it('reads only the start of very long text and says so', () => {
    const result = parseSalary('$100k ' + 'x'.repeat(5000));
    expect(result.min).toBe(100000);
    expect(result.issues.map((i) => i.code)).toEqual(['SALARY_TEXT_TRUNCATED']);
    expect(result.issues[0].value!.length).toBeLessThan(250);
  });
});

describe('parsePayPeriod', () => {
  it.each([
    ['HOUR', HOUR], ['hourly', HOUR], ['per hour', HOUR], ['hr', HOUR], ['Daily', DAY], ['week', PayPeriod.WEEK],
    ['monthly', MONTH], ['per month', MONTH], ['YEAR', YEAR], ['yearly', YEAR], ['annual', YEAR], ['Per Year', YEAR],
    ['yr', YEAR], ['p.a.', YEAR], ['/yr', YEAR],
  ])('%s -> %s', (raw, expected) => expect(parsePayPeriod(raw)).toBe(expected));

  it.each([undefined, null, '', 'fortnight'])('%p -> null', (raw) => expect(parsePayPeriod(raw)).toBeNull());
});

describe('annualizeToUsd', () => {
  const parsed = (over: Partial<ParsedSalary>): ParsedSalary => ({
    raw: 'x', min: null, max: null, currency: 'USD', period: YEAR, issues: [], ...over,
  });

  it('multiplies by the period factor and the yearly rate', () => {
    expect(annualizeToUsd(parseSalary('$21-$34 Per Hour'))).toMatchObject({ annualUsdMin: 43680, annualUsdMax: 70720, issues: [] });
    expect(annualizeToUsd(parseSalary('$500/day'))).toMatchObject({ annualUsdMin: 130000 });
    expect(annualizeToUsd(parseSalary('7,500 per month', { currency: 'USD' }))).toMatchObject({ annualUsdMin: 90000 });
    expect(annualizeToUsd(parseSalary('€60.000 – €80.000 a year'), 2022)).toMatchObject({ annualUsdMin: 63180, annualUsdMax: 84240 });
    expect(annualizeToUsd(parseSalary('£45k'), 2023).annualUsdMin).toBe(55980);
  });

  it('uses the nearest year held when the year is outside the table', () => {
    expect(annualizeToUsd(parseSalary('€100k'), 2010).annualUsdMin).toBe(118100);
  });

  it('keeps an open end open', () => {
    expect(annualizeToUsd(parseSalary('Up to $150,000'))).toMatchObject({ annualUsdMin: null, annualUsdMax: 150000 });
  });

  it('returns nulls and UNKNOWN_CURRENCY for a currency without a rate', () => {
    const result = annualizeToUsd(parsed({ min: 5000, max: 6000, currency: 'XYZ' }));
    expect(result).toMatchObject({ annualUsdMin: null, annualUsdMax: null });
    expect(result.issues.map((i) => i.code)).toEqual(['UNKNOWN_CURRENCY']);
  });

  it('returns nulls and CURRENCY_NOT_STATED without a currency', () => {
    const result = annualizeToUsd(parseSalary('80K/yr'));
    expect(result).toMatchObject({ annualUsdMin: null, annualUsdMax: null });
    expect(result.issues.map((i) => i.code)).toEqual(['CURRENCY_NOT_STATED']);
  });

  it('assumes YEAR when a hand-built salary has no period', () => {
    const result = annualizeToUsd(parsed({ min: 100, max: 100, period: null }));
    expect(result.annualUsdMin).toBe(100);
    expect(result.issues.map((i) => i.code)).toEqual(['PERIOD_NOT_STATED']);
  });

  it('does nothing for a salary that was not stated', () => {
    expect(annualizeToUsd(parseSalary('DOE'))).toEqual({ annualUsdMin: null, annualUsdMax: null, issues: [] });
  });
});

describe('isSalaryOutlier', () => {
  it.each([
    [4999, true], [5000, false], [120000, false], [2_000_000, false], [2_000_001, true], [NaN, true], [Infinity, true],
  ])('%p -> %p', (value, expected) => expect(isSalaryOutlier(value)).toBe(expected));

  it('accepts custom bounds', () => {
    expect(isSalaryOutlier(10_000, { min: 20_000, max: 500_000 })).toBe(true);
  });
});

describe('properties', () => {
  const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 50 }));
  const salaryish = fc
    .array(
      fc.constantFrom('$', '€', '£', 'k', 'K', 'M', ' ', '-', '–', ',', '.', "'", '/', 'hr', 'yr', 'per', 'month', 'USD',
        'kr', 'R', 'CA$', '¥', '₹', 'up to', 'from', '+', '(', ')', '0', '1', '5', '9', '12', '000'),
      { maxLength: 20 },
    )
    .map((parts) => parts.join(''));

  it('never throws and keeps min <= max', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, salaryish), fc.option(anyText, { nil: undefined }), (raw, hint) => {
        const result = parseSalary(raw, { currency: hint, period: hint });
        if (result.min !== null && result.max !== null) expect(result.min).toBeLessThanOrEqual(result.max);
        const annual = annualizeToUsd(result, 2024);
        if (annual.annualUsdMin !== null && annual.annualUsdMax !== null) {
          expect(annual.annualUsdMin).toBeLessThanOrEqual(annual.annualUsdMax);
        }
        isSalaryOutlier(annual.annualUsdMin ?? NaN);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on 100 KB input and stays fast', () => {
    const big = '$1' + '0'.repeat(50_000) + ' - ' + '9 '.repeat(25_000);
    const started = Date.now();
    expect(() => parseSalary(big)).not.toThrow();
    expect(() => parseSalary(' '.repeat(100_000) + '5')).not.toThrow();
    expect(() => parseSalary('1'.repeat(100_000))).not.toThrow();
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('round-trips en-US formatted dollar amounts', () => {
    const amount = fc.oneof(
      fc.integer({ min: 1, max: 1_000_000_000 }),
      fc.integer({ min: 100, max: 100_000_000 }).map((cents) => cents / 100),
    );
    fc.assert(
      fc.property(amount, (n) => {
        const result = parseSalary(`$${n.toLocaleString('en-US')}`);
        expect(result.min).toBe(n);
        expect(result.max).toBe(n);
        expect(result.currency).toBe('USD');
      }),
      { numRuns: 500 },
    );
  });

  it('annualising a YEAR salary in USD is the identity', () => {
    const amount = fc.oneof(
      fc.integer({ min: 1, max: 10_000_000 }),
      fc.integer({ min: 100, max: 1_000_000_000 }).map((cents) => cents / 100),
    );
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 2000, max: 2030 }), (a, b, year) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const result = annualizeToUsd({ raw: null, min, max, currency: 'USD', period: YEAR, issues: [] }, year);
        expect(result).toEqual({ annualUsdMin: min, annualUsdMax: max, issues: [] });
      }),
    );
  });
});
