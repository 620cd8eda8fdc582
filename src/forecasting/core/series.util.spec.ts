import fc from 'fast-check';
import { addMonths, formatPeriod, isMostlyZero, parsePeriod, seriesThrough, toPeriodValues, validateHorizon, validateSeries } from './series.util';
import { seededRandom, seededShuffle } from './seeded-random.util';

describe('series.util', () => {
  it('does month arithmetic across year boundaries', () => {
    expect(addMonths('2023-11', 3)).toBe('2024-02');
    expect(addMonths('2024-01', -1)).toBe('2023-12');
    expect(parsePeriod('2024-05') - parsePeriod('2012-01')).toBe(148);
    expect(() => parsePeriod('2024-13')).toThrow(RangeError);
  });

  it('round-trips every period through its index', () => {
    fc.assert(fc.property(fc.integer({ min: 1900 * 12, max: 2200 * 12 }), (index) => parsePeriod(formatPeriod(index)) === index));
  });

  it('answers short series with a typed INSUFFICIENT_HISTORY result instead of throwing', () => {
    expect(validateSeries({ key: 'rust', start: '2023-01', values: [1, 2, 3] }, 30)).toEqual({
      ok: false,
      key: 'rust',
      reason: 'INSUFFICIENT_HISTORY',
      message: 'insufficient history (3 months, need 30)',
    });
    expect(validateSeries({ key: 'go', start: '2023-01', values: [1, 2, 3] }, 3)).toBeUndefined();
  });

  it('rejects malformed periods, negative values and out-of-range horizons as values', () => {
    expect(validateSeries({ key: 'a', start: '2023-1', values: [1] }, 1)?.reason).toBe('INVALID_SERIES');
    expect(validateSeries({ key: 'a', start: '2023-01', values: [1, -1] }, 1)?.reason).toBe('INVALID_SERIES');
    expect(validateSeries({ key: 'a', start: '2023-01', values: [1, NaN] }, 1)?.reason).toBe('INVALID_SERIES');
    expect(validateHorizon('a', 0)?.reason).toBe('INVALID_HORIZON');
    expect(validateHorizon('a', 25)?.reason).toBe('INVALID_HORIZON');
    expect(validateHorizon('a', 24)).toBeUndefined();
  });

  it('cuts a series at a calendar month and labels its history', () => {
    const series = { key: 'k', start: '2023-11', values: [1, 2, 3, 4] };
    expect(seriesThrough(series, parsePeriod('2024-01')).values).toEqual([1, 2, 3]);
    expect(toPeriodValues(series).map((p) => p.period)).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });

  it('flags series that are mostly zero in the recent window', () => {
    expect(isMostlyZero([5, 0, 0, 0, 1], 4)).toBe(true);
    expect(isMostlyZero([0, 0, 0, 3, 1, 2], 4)).toBe(false);
  });

  it('shuffles reproducibly from a seed', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(seededShuffle(items, seededRandom(3))).toEqual(seededShuffle(items, seededRandom(3)));
    expect(seededShuffle(items, seededRandom(3))).not.toEqual(items);
    expect([...seededShuffle(items, seededRandom(3))].sort((a, b) => a - b)).toEqual(items);
  });
});
