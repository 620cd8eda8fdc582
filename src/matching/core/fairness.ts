/**
 * Selection-rate fairness for match results. The scorer never sees protected attributes; this audit joins them
 * back afterwards (from wherever the organisation keeps them, with consent) to check outcomes.
 *
 * Per group: selection rate = selected / candidates. Demographic parity difference = max rate − min rate;
 * disparate impact ratio = min rate / max rate, flagged below 0.8 (the "four-fifths rule").
 */
export interface SelectionRecord {
  /** Group label, e.g. a gender or age band; null/undefined/'' are reported as UNKNOWN and left out of the ratios. */
  group: string | null | undefined;
  /** Whether the candidate was in the top k for the posting set under audit. */
  selected: boolean;
}

export interface GroupSelection {
  group: string;
  candidates: number;
  selected: number;
  selectionRate: number;
  /** False when the group is UNKNOWN or smaller than minGroupSize, so it does not drive the ratios. */
  compared: boolean;
}

export interface FairnessReport {
  groups: GroupSelection[];
  /** max − min selection rate over compared groups (0 with fewer than two groups). */
  demographicParityDifference: number;
  /** min / max selection rate over compared groups (1 when no group was selected or fewer than two groups). */
  disparateImpactRatio: number;
  threshold: number;
  flag: boolean;
  lowestGroup: string | null;
  highestGroup: string | null;
}

export const UNKNOWN_GROUP = 'UNKNOWN';

export function selectionFairness(records: Iterable<SelectionRecord>, options: { threshold?: number; minGroupSize?: number } = {}): FairnessReport {
  const threshold = options.threshold ?? 0.8;
  const minGroupSize = options.minGroupSize ?? 1;
  const counts = new Map<string, { candidates: number; selected: number }>();
  for (const r of records) {
    const group = r.group ? r.group : UNKNOWN_GROUP;
    const c = counts.get(group) ?? { candidates: 0, selected: 0 };
    c.candidates++;
    if (r.selected) c.selected++;
    counts.set(group, c);
  }
  const groups: GroupSelection[] = [...counts]
    .map(([group, c]) => ({
      group,
      candidates: c.candidates,
      selected: c.selected,
      selectionRate: c.selected / c.candidates,
      compared: group !== UNKNOWN_GROUP && c.candidates >= minGroupSize,
    }))
    .sort((a, b) => a.group.localeCompare(b.group));
  const compared = groups.filter((g) => g.compared);
  if (compared.length < 2) {
    return { groups, demographicParityDifference: 0, disparateImpactRatio: 1, threshold, flag: false, lowestGroup: null, highestGroup: null };
  }
  const lowest = compared.reduce((a, b) => (b.selectionRate < a.selectionRate ? b : a));
  const highest = compared.reduce((a, b) => (b.selectionRate > a.selectionRate ? b : a));
  const ratio = highest.selectionRate === 0 ? 1 : lowest.selectionRate / highest.selectionRate;
  return {
    groups,
    demographicParityDifference: highest.selectionRate - lowest.selectionRate,
    disparateImpactRatio: ratio,
    threshold,
    flag: ratio < threshold,
    lowestGroup: lowest.group,
    highestGroup: highest.group,
  };
}
