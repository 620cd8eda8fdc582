import fc from 'fast-check';
import { CURRENCY_RATES, CURRENCY_RATES_SOURCE, KNOWN_CURRENCIES, usdPerUnit } from './currency-rates.data';

const REQUIRED = (
  'USD EUR GBP CAD AUD INR JPY CHF SGD BRL PLN SEK NOK DKK CZK HUF MXN ZAR NZD CNY HKD KRW ILS TRY AED PHP THB ' +
  'CLP COP ARS NGN EGP UAH RUB TWD IDR MYR PKR VND'
).split(' ');
const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

describe('CURRENCY_RATES', () => {
  it('names a dated source', () => {
    expect(CURRENCY_RATES_SOURCE.name).toMatch(/IRS|Federal Reserve/);
    expect(CURRENCY_RATES_SOURCE.url).toMatch(/^https:\/\//);
    expect(CURRENCY_RATES_SOURCE.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(CURRENCY_RATES_SOURCE.note).toMatch(/2025/);
  });

  it.each(REQUIRED)('%s has one positive rate for every year 2018-2026', (currency) => {
    const rows = CURRENCY_RATES.filter((r) => r.currency === currency);
    expect(rows.map((r) => r.year).sort()).toEqual(YEARS);
    for (const row of rows) expect(row.usdPerUnit).toBeGreaterThan(0);
  });

  it('has no duplicate currency-year rows', () => {
    const keys = CURRENCY_RATES.map((r) => `${r.currency}-${r.year}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(KNOWN_CURRENCIES.size).toBe(new Set(CURRENCY_RATES.map((r) => r.currency)).size);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(CURRENCY_RATES)).toBe(true);
  });

  // Sanity ranges from well-known levels, to catch an inverted rate (units per USD) or a slipped digit.
  it.each([
    ['EUR', 2024, 1.0, 1.2], ['GBP', 2024, 1.2, 1.4], ['USD', 2024, 1, 1], ['JPY', 2024, 0.006, 0.0075],
    ['INR', 2023, 0.011, 0.013], ['CHF', 2024, 1.05, 1.2], ['AED', 2021, 0.272, 0.273], ['HKD', 2020, 0.127, 0.13],
    ['KRW', 2022, 0.0007, 0.0009], ['IDR', 2024, 0.00006, 0.00007], ['VND', 2024, 0.000038, 0.000045],
    ['ARS', 2018, 0.03, 0.04], ['ARS', 2024, 0.0009, 0.0013], ['TRY', 2024, 0.025, 0.035], ['NGN', 2024, 0.0005, 0.0009],
  ])('%s %d lies in [%p, %p]', (currency, year, low, high) => {
    const rate = usdPerUnit(currency, year)!;
    expect(rate).toBeGreaterThanOrEqual(low);
    expect(rate).toBeLessThanOrEqual(high);
  });
});

describe('usdPerUnit', () => {
  it('returns the exact year', () => {
    expect(usdPerUnit('EUR', 2022)).toBe(1.053);
    expect(usdPerUnit('GBP', 2021)).toBe(1.376);
  });

  it('is case- and space-insensitive', () => {
    expect(usdPerUnit(' eur ', 2022)).toBe(1.053);
  });

  it('falls back to the nearest year', () => {
    expect(usdPerUnit('EUR', 2010)).toBe(usdPerUnit('EUR', 2018));
    expect(usdPerUnit('EUR', 2040)).toBe(usdPerUnit('EUR', 2026));
  });

  it('uses the latest year when none is given or the year is not a number', () => {
    expect(usdPerUnit('EUR')).toBe(usdPerUnit('EUR', 2026));
    expect(usdPerUnit('EUR', NaN)).toBe(usdPerUnit('EUR', 2026));
  });

  it('repeats 2024 for 2025 and 2026', () => {
    expect(usdPerUnit('INR', 2025)).toBe(usdPerUnit('INR', 2024));
    expect(usdPerUnit('INR', 2026)).toBe(usdPerUnit('INR', 2024));
  });

  it.each(['XYZ', '', 'dollars', '€'])('unknown %p -> undefined', (currency) => {
    expect(usdPerUnit(currency, 2024)).toBeUndefined();
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.option(fc.double(), { nil: undefined }), (currency, year) => {
        const rate = usdPerUnit(currency, year);
        if (rate !== undefined) expect(rate).toBeGreaterThan(0);
      }),
    );
  });
});
