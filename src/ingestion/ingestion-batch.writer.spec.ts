import { annualUsdMid } from './ingestion-batch.writer';

describe('annualUsdMid (posting_facts must hold what job_postings.annual_usd_mid generates)', () => {
  it.each([
    [100_000, 120_000, 110_000],
    [null, 50_000, 50_000],
    [50_000, null, 50_000],
    [null, null, null],
    // (100.01 + 100.02) / 2 = 100.015: numeric rounds half away from zero.
    [100.01, 100.02, 100.02],
    [-100.01, -100.02, -100.02],
    // Cent-rounded floats that are not exact in binary still land on the right cent.
    [84_546.13, 124_513.2, 104_529.67],
    [0.1, 0.2, 0.15],
  ])('min %p, max %p → %p', (min, max, mid) => {
    expect(annualUsdMid(min, max)).toBe(mid);
  });
});
