import fc from 'fast-check';
import { finiteMean, intervalCoverage, mase, maseScale, pinballLoss, smape } from './metrics.util';

describe('metrics.util', () => {
  it('scales MASE by the seasonal-naive in-sample MAE when there are two full seasons', () => {
    // 24 months, each month exactly 2 above the same month last year → seasonal MAE = 2
    const insample = Array.from({ length: 24 }, (_, t) => (t < 12 ? t : t - 12 + 2));
    expect(maseScale(insample)).toBe(2);
    // forecast errors 1 and 3 → MAE 2 → MASE 1
    expect(mase([10, 10], [9, 13], insample)).toBe(1);
  });

  it('falls back to naive scaling for short series or a zero seasonal scale', () => {
    // 4 months: naive MAE = (1 + 2 + 3) / 3 = 2
    expect(maseScale([0, 1, 3, 6])).toBe(2);
    // perfectly repeating seasons: seasonal MAE 0 → naive MAE of 0,1,..,11,0,1,..,11 = (22·1 + 11) / 23
    const repeating = Array.from({ length: 24 }, (_, t) => t % 12);
    expect(maseScale(repeating)).toBeCloseTo(33 / 23);
  });

  it('leaves MASE undefined (NaN) for a constant history', () => {
    expect(maseScale([3, 3, 3])).toBeNaN();
    expect(mase([4], [3], [3, 3, 3])).toBeNaN();
  });

  it('computes sMAPE in percent with 0/0 = 0', () => {
    expect(smape([100], [110])).toBeCloseTo((200 * 10) / 210);
    expect(smape([0, 0], [0, 5])).toBeCloseTo(100); // (0 + 200) / 2
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(1000), fc.nat(1000)), { minLength: 1 }), (pairs) => {
      const value = smape(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
      return value >= 0 && value <= 200;
    }));
  });

  it('counts interval coverage with inclusive bounds', () => {
    expect(intervalCoverage([1, 5, 9, 3], [0, 5, 0, 4], [2, 6, 8, 5])).toBe(0.5);
  });

  it('computes pinball loss', () => {
    // error +2 at q=0.9 → 1.8; error -2 at q=0.9 → 0.2
    expect(pinballLoss([3, 1], [1, 3], 0.9)).toBeCloseTo(1);
  });

  it('averages only finite values', () => {
    expect(finiteMean([1, NaN, 3, Infinity])).toBe(2);
    expect(finiteMean([NaN])).toBeNaN();
  });
});
