import { fitWidths, prepareTable } from './pdf-table.util';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('fitWidths', () => {
  it('gives spare width to text columns only', () => {
    const widths = fitWidths([80, 50, 60], [true, false, false], 495);
    expect(sum(widths)).toBeCloseTo(495);
    expect(widths.slice(1)).toEqual([50, 60]);
  });

  it('keeps numbers at natural width and narrow text unwrapped when space is short', () => {
    const widths = fitWidths([320, 90, 50, 70, 60], [true, true, false, false, false], 495);
    expect(sum(widths)).toBeCloseTo(495);
    expect(widths[1]).toBe(90);
    expect(widths.slice(2)).toEqual([50, 70, 60]);
    expect(widths[0]).toBeCloseTo(495 - 90 - 180);
  });

  it('scales everything when even the numbers do not fit', () => {
    const widths = fitWidths(Array(12).fill(60), Array(12).fill(false), 495);
    expect(sum(widths)).toBeCloseTo(495);
  });
});

describe('prepareTable', () => {
  it('formats cells for display and aligns numbers right', () => {
    const prepared = prepareTable(
      { title: 'T', columns: [{ header: 'Role', format: 'text' }, { header: 'Median', format: 'currency-usd' }], rows: [['Senior ≥ L5', 165_000], ['Staff', null]] },
      495,
    );
    expect(prepared.rows).toEqual([['Senior >= L5', '$165,000'], ['Staff', '–']]);
    expect(prepared.aligns).toEqual(['left', 'right']);
  });
});
