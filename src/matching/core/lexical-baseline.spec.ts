import { Bm25Index } from './lexical-baseline';

describe('Bm25Index', () => {
  // Skill 1 is everywhere (low idf), 9 is rare.
  const postings = [
    { id: 'common-short', skillIds: [1] },
    { id: 'rare', skillIds: [1, 9] },
    { id: 'common-long', skillIds: [1, 2, 3, 4, 5] },
    { id: 'other', skillIds: [2, 3] },
  ];
  const index = Bm25Index.build(postings);

  it('scores by idf × saturated, length-normalised term weight (hand-computed)', () => {
    const n = 4;
    const idf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const avg = (1 + 2 + 5 + 2) / 4;
    const tw = (len: number) => 2.2 / (1 + 1.2 * (0.25 + (0.75 * len) / avg));
    const hits = index.search([1, 9], 10);
    expect(hits.map((h) => h.postingId)).toEqual(['rare', 'common-short', 'common-long']);
    expect(hits[0].score).toBeCloseTo((idf(3) + idf(1)) * tw(2), 12);
    expect(hits[1].score).toBeCloseTo(idf(3) * tw(1), 12);
  });

  it('prefers the shorter posting when the matched skills are the same', () => {
    const hits = index.search([1], 10);
    expect(hits.map((h) => h.postingId)).toEqual(['common-short', 'rare', 'common-long']);
  });

  it('returns k hits at most, and nothing for unknown or empty queries', () => {
    expect(index.search([1], 2)).toHaveLength(2);
    expect(index.search([404], 5)).toEqual([]);
    expect(index.search([], 5)).toEqual([]);
    expect(index.search([1], 0)).toEqual([]);
  });

  it('counts a repeated query or posting skill once', () => {
    expect(index.search([9, 9, 9], 1)[0].score).toBeCloseTo(index.search([9], 1)[0].score, 12);
    const dup = Bm25Index.build([{ id: 'a', skillIds: [1, 1, 1] }, { id: 'b', skillIds: [1] }]);
    const [a, b] = dup.search([1], 2);
    expect(a.score).toBe(b.score);
    expect(a.postingId).toBe('a'); // ties: earlier posting first
  });

  it('can be searched repeatedly without carrying scores over', () => {
    const first = index.search([2, 3], 10);
    index.search([1, 9], 10);
    expect(index.search([2, 3], 10)).toEqual(first);
  });
});
