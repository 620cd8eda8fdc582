import { selectionFairness, SelectionRecord } from './fairness';

function records(group: string | undefined, candidates: number, selected: number): SelectionRecord[] {
  return Array.from({ length: candidates }, (_, i) => ({ group, selected: i < selected }));
}

describe('selectionFairness (hand example)', () => {
  // A: 5 of 10 selected (0.5); B: 3 of 10 (0.3); C: 8 of 20 (0.4).
  const data = [...records('A', 10, 5), ...records('B', 10, 3), ...records('C', 20, 8)];

  it('reports per-group counts and selection rates', () => {
    const r = selectionFairness(data);
    expect(r.groups).toEqual([
      { group: 'A', candidates: 10, selected: 5, selectionRate: 0.5, compared: true },
      { group: 'B', candidates: 10, selected: 3, selectionRate: 0.3, compared: true },
      { group: 'C', candidates: 20, selected: 8, selectionRate: 0.4, compared: true },
    ]);
  });

  it('computes demographic parity difference (max − min) and disparate impact (min / max), flagged under 0.8', () => {
    const r = selectionFairness(data);
    expect(r.demographicParityDifference).toBeCloseTo(0.2, 12);
    expect(r.disparateImpactRatio).toBeCloseTo(0.6, 12);
    expect(r.flag).toBe(true);
    expect(r.lowestGroup).toBe('B');
    expect(r.highestGroup).toBe('A');
  });

  it('does not flag rates within four fifths of each other', () => {
    const r = selectionFairness([...records('A', 10, 5), ...records('B', 10, 4)]);
    expect(r.disparateImpactRatio).toBeCloseTo(0.8, 12);
    expect(r.flag).toBe(false);
  });

  it('keeps unknown labels and small groups out of the ratios but in the table', () => {
    const r = selectionFairness([...data, ...records(undefined, 5, 0), ...records('D', 2, 0)], { minGroupSize: 5 });
    expect(r.groups.find((g) => g.group === 'UNKNOWN')).toMatchObject({ candidates: 5, compared: false });
    expect(r.groups.find((g) => g.group === 'D')).toMatchObject({ candidates: 2, compared: false });
    expect(r.disparateImpactRatio).toBeCloseTo(0.6, 12);
  });

  it('has nothing to compare with fewer than two groups or no selections', () => {
    expect(selectionFairness(records('A', 4, 1))).toMatchObject({ demographicParityDifference: 0, disparateImpactRatio: 1, flag: false });
    expect(selectionFairness([...records('A', 4, 0), ...records('B', 4, 0)])).toMatchObject({ disparateImpactRatio: 1, flag: false });
    expect(selectionFairness([])).toMatchObject({ groups: [], flag: false });
  });

  it('flags a group that is never selected', () => {
    const r = selectionFairness([...records('A', 4, 2), ...records('B', 4, 0)]);
    expect(r.disparateImpactRatio).toBe(0);
    expect(r.flag).toBe(true);
  });
});
