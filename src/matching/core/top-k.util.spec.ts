import fc from 'fast-check';
import { TopK } from './top-k.util';

describe('TopK', () => {
  it('keeps the k best, best first, ties to the lower index', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 60 }), fc.integer({ min: 0, max: 12 }), (scores, k) => {
        const top = new TopK(k);
        scores.forEach((s, i) => top.offer(i, s));
        const expected = scores
          .map((score, index) => ({ index, score }))
          .sort((a, b) => b.score - a.score || a.index - b.index)
          .slice(0, k);
        expect(top.drain()).toEqual(expected);
      }),
    );
  });

  it('ignores NaN scores', () => {
    const top = new TopK(2);
    top.offer(0, NaN);
    top.offer(1, 1);
    expect(top.drain()).toEqual([{ index: 1, score: 1 }]);
  });
});
