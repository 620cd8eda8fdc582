import { formatCell, formatDateRange, formatPeriod, formatTicks, formatTimestamp, formatValue, slugify } from './value-format.util';

describe('formatValue', () => {
  it.each([
    [165_000, 'currency-usd', '$165,000'],
    [-5_000, 'currency-usd', '-$5,000'],
    [12_480, 'integer', '12,480'],
    [0.125, 'percent', '12.5%'],
    [-0.012, 'percent', '-1.2%'],
    [1.3749, 'number', '1.37'],
  ] as const)('%p as %s is %s', (value, format, expected) => {
    expect(formatValue(value, format)).toBe(expected);
  });
});

describe('formatCell', () => {
  it('shows null and non-finite numbers as a dash and leaves strings alone', () => {
    expect(formatCell(null, 'currency-usd')).toBe('–');
    expect(formatCell(Number.NaN, 'integer')).toBe('–');
    expect(formatCell('n/a', 'integer')).toBe('n/a');
    expect(formatCell(2024, 'text')).toBe('2024');
  });
});

describe('formatTicks', () => {
  it('uses one unit for the whole axis', () => {
    expect(formatTicks([0, 5_000, 10_000, 15_000, 20_000], 5_000, 'integer')).toEqual(['0', '5k', '10k', '15k', '20k']);
    expect(formatTicks([0, 500, 1_000, 1_500], 500, 'integer')).toEqual(['0', '500', '1,000', '1,500']);
    expect(formatTicks([100_000, 125_000, 150_000], 25_000, 'currency-usd')).toEqual(['$100k', '$125k', '$150k']);
    expect(formatTicks([1_000_000, 1_250_000], 250_000, 'currency-usd')).toEqual(['$1M', '$1.25M']);
  });

  it('shows percent fractions with only the decimals the step needs', () => {
    expect(formatTicks([-0.02, 0, 0.02, 0.04], 0.02, 'percent')).toEqual(['-2%', '0%', '2%', '4%']);
    expect(formatTicks([0, 0.005, 0.01], 0.005, 'percent')).toEqual(['0%', '0.5%', '1%']);
  });
});

describe('dates and names', () => {
  it('formats periods, timestamps (UTC) and ranges', () => {
    expect(formatPeriod('2024-03')).toBe('Mar 2024');
    expect(formatPeriod('2025-Q1')).toBe('2025-Q1');
    expect(formatTimestamp('2025-07-01T11:30:00+02:00')).toBe('2025-07-01 09:30 UTC');
    expect(formatDateRange('2024-01-01', '2025-06-30')).toBe('1 Jan 2024 – 30 Jun 2025');
    expect(formatDateRange(undefined, undefined)).toBeNull();
  });

  it('slugifies to ASCII', () => {
    expect(slugify('Salary report: Señor ML Engineers (US)')).toBe('salary-report-senor-ml-engineers-us');
    expect(slugify('***')).toBe('report');
  });
});
