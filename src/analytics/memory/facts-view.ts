import { Dimension, FactColumns, NO_DAY, dayNumber, isoDate } from './fact-columns';

/**
 * Market queries answered from the in-memory columns, with the same definitions as the SQL path
 * (src/analytics/*.service.ts): same filters, same ordering (count descending, then the key's text in
 * byte order, NULL last), same continuous percentiles. Every method runs synchronously over a view of
 * the rows present when the view was taken, so a refresh appending rows never shows up half-way.
 */

export interface FactFilter {
  from?: string;
  to?: string;
  dims: Partial<Record<Dimension, string[]>>;
  skillIds: number[];
  skillMatchAny: boolean;
  includeOutliers: boolean;
}

export type GroupKey =
  | { kind: 'dimension'; dimension: Dimension }
  | { kind: 'skill' }
  | { kind: 'year' }
  | { kind: 'experience' };

export interface Stats {
  key: string | null;
  count: number;
  mean: number;
  min: number;
  max: number;
  pct: number[];
}

export interface Series {
  key: string | null;
  total: number;
  counts: Map<string, number>;
}

export const PERCENTILES = [0.1, 0.25, 0.5, 0.75, 0.9];

const SENIORITY_AS_EXPERIENCE: Record<string, string> = {
  INTERN: 'ENTRY',
  ENTRY: 'ENTRY',
  MID: 'MID',
  SENIOR: 'SENIOR',
  STAFF: 'SENIOR',
  LEAD: 'SENIOR',
  DIRECTOR: 'EXECUTIVE',
};

/** Byte-order comparison of keys with NULL last, as `ORDER BY key` under the C collation. */
export function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** percentile_cont over sorted values, interpolated as Postgres does (lo + (hi − lo) · fraction). */
export function interpolate(valueAt: (rank: number) => number, count: number, p: number): number {
  const rank = p * (count - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const low = valueAt(lo);
  return lo === hi ? low : low + (valueAt(hi) - low) * (rank - lo);
}

export class FactsView {
  private readonly n: number;
  private readonly masks = new Map<string, Uint8Array>();

  /** `version`: the data version the rows are at (answers computed from them can be cached under it). */
  constructor(
    private readonly c: FactColumns,
    readonly version = '',
  ) {
    this.n = c.length;
  }

  get rows(): number {
    return this.n;
  }

  /** 1 for each row the filter keeps. `period` replaces the filter's dates (growth against a previous period). */
  mask(filter: FactFilter, period?: { from?: string; to?: string }): Uint8Array {
    // One request asks for the same mask several times (summary, top skills, growth).
    const key = JSON.stringify([filter, period ? [period.from ?? null, period.to ?? null] : null]);
    let mask = this.masks.get(key);
    if (!mask) this.masks.set(key, (mask = this.computeMask(filter, period)));
    return mask;
  }

  private computeMask(filter: FactFilter, period?: { from?: string; to?: string }): Uint8Array {
    const c = this.c;
    const n = this.n;
    const mask = new Uint8Array(n).fill(1);
    const from = period ? period.from : filter.from;
    const to = period ? period.to : filter.to;
    if (from !== undefined || to !== undefined) {
      const lo = from !== undefined ? dayNumber(from) : NO_DAY + 1;
      const hi = to !== undefined ? dayNumber(to) : 2 ** 31 - 1;
      const day = c.day;
      for (let r = 0; r < n; r++) if (day[r] < lo || day[r] > hi) mask[r] = 0;
    }
    for (const [name, values] of Object.entries(filter.dims) as Array<[Dimension, string[] | undefined]>) {
      if (!values || values.length === 0) continue;
      const { codes, dictionary } = c.dimension(name);
      const allowed = new Uint8Array(dictionary.values.length);
      for (const v of values) {
        const code = dictionary.find(v);
        if (code >= 0) allowed[code] = 1;
      }
      for (let r = 0; r < n; r++) if (mask[r] && !allowed[codes[r]]) mask[r] = 0;
    }
    if (filter.skillIds.length) {
      const wanted = new Set(filter.skillIds);
      const { skillStart, skillIds } = c;
      for (let r = 0; r < n; r++) {
        if (!mask[r]) continue;
        let found = 0;
        for (let i = skillStart[r]; i < skillStart[r + 1]; i++) if (wanted.has(skillIds[i])) found++;
        if (filter.skillMatchAny ? found === 0 : found < wanted.size) mask[r] = 0;
      }
    }
    return mask;
  }

  count(mask: Uint8Array): number {
    let total = 0;
    for (let r = 0; r < this.n; r++) total += mask[r];
    return total;
  }

  /** First and last posting day under the mask, as YYYY-MM-DD. */
  dateRange(mask: Uint8Array): { min?: string; max?: string } {
    let lo = Infinity;
    let hi = -Infinity;
    const day = this.c.day;
    for (let r = 0; r < this.n; r++) {
      if (!mask[r] || day[r] === NO_DAY) continue;
      if (day[r] < lo) lo = day[r];
      if (day[r] > hi) hi = day[r];
    }
    return lo === Infinity ? {} : { min: isoDate(lo), max: isoDate(hi) };
  }

  private salaried(r: number, mask: Uint8Array, includeOutliers: boolean): boolean {
    return mask[r] === 1 && !Number.isNaN(this.c.salary[r]) && (includeOutliers || this.c.outlier[r] === 0);
  }

  /** Postings under the mask, how many carry a usable salary, and their median. */
  totals(mask: Uint8Array, includeOutliers: boolean): { postings: number; salaryCount: number; median: number | null } {
    let salaryCount = 0;
    for (let r = 0; r < this.n; r++) if (this.salaried(r, mask, includeOutliers)) salaryCount++;
    const stats = this.groupStats(mask, includeOutliers, () => 0, 1, [0.5]);
    return { postings: this.count(mask), salaryCount, median: salaryCount ? stats[0].pct[0] : null };
  }

  /** Postings per skill id under the mask (a posting counts once for each skill it asks for). */
  skillCounts(mask: Uint8Array): Map<number, number> {
    const { skillStart, skillIds } = this.c;
    const counts = new Int32Array(this.c.maxSkillId + 1);
    for (let r = 0; r < this.n; r++) {
      if (!mask[r]) continue;
      for (let i = skillStart[r]; i < skillStart[r + 1]; i++) counts[skillIds[i]]++;
    }
    const out = new Map<number, number>();
    counts.forEach((n, id) => {
      if (n > 0) out.set(id, n);
    });
    return out;
  }

  /** Skills ordered as the SQL path orders them: postings descending, then skill id. */
  topSkillIds(counts: Map<number, number>, limit: number): Array<[number, number]> {
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit);
  }

  /** Median salary and salary count per skill, for the skills asked. */
  skillMedians(mask: Uint8Array, includeOutliers: boolean, skills: number[]): Map<number, { median: number | null; salaryCount: number }> {
    const slot = new Int32Array(this.c.maxSkillId + 1).fill(-1);
    skills.forEach((id, i) => {
      if (id <= this.c.maxSkillId) slot[id] = i;
    });
    const { skillStart, skillIds } = this.c;
    const stats = this.groupStats(mask, includeOutliers, null, skills.length, [0.5], (r, emit) => {
      for (let i = skillStart[r]; i < skillStart[r + 1]; i++) {
        const s = slot[skillIds[i]];
        if (s >= 0) emit(s);
      }
    });
    return new Map(skills.map((id, i) => [id, { median: stats[i].count ? stats[i].pct[0] : null, salaryCount: stats[i].count }]));
  }

  /** Postings per region (NULL as null), most first. */
  dimensionCounts(mask: Uint8Array, dimension: Dimension): Array<{ key: string | null; count: number }> {
    const { codes, dictionary } = this.c.dimension(dimension);
    const counts = new Float64Array(dictionary.values.length);
    for (let r = 0; r < this.n; r++) if (mask[r]) counts[codes[r]]++;
    const out: Array<{ key: string | null; count: number }> = [];
    counts.forEach((count, code) => {
      if (count > 0) out.push({ key: dictionary.values[code], count });
    });
    return out;
  }

  /** Postings per period (first day, YYYY-MM-DD) and per key, for the top `limit` keys by total. */
  trends(mask: Uint8Array, group: GroupKey, interval: 'month' | 'quarter' | 'year', limit: number): { periodTotals: Map<string, number>; series: Series[] } {
    const c = this.c;
    const periodOf = (month: number) => (interval === 'month' ? month : interval === 'quarter' ? Math.floor(month / 3) : Math.floor(month / 12));
    const periodStart = (p: number) => {
      const month = interval === 'month' ? p : interval === 'quarter' ? p * 3 : p * 12;
      return `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;
    };
    const firstPeriod = periodOf(Math.max(0, c.minMonth));
    const periods = Math.max(0, periodOf(Math.max(0, c.maxMonth)) - firstPeriod + 1);
    const keys = group.kind === 'dimension' ? c.dimension(group.dimension).dictionary.values.length : c.maxSkillId + 1;
    const totals = new Int32Array(periods);
    const cells = new Int32Array(keys * periods);
    const { skillStart, skillIds } = c;
    const codes = group.kind === 'dimension' ? c.dimension(group.dimension).codes : null;
    for (let r = 0; r < this.n; r++) {
      if (!mask[r] || c.month[r] === NO_DAY) continue;
      const p = periodOf(c.month[r]) - firstPeriod;
      totals[p]++;
      if (codes) cells[codes[r] * periods + p]++;
      else for (let i = skillStart[r]; i < skillStart[r + 1]; i++) cells[skillIds[i] * periods + p]++;
    }
    const label = (key: number): string | null => (codes ? this.c.dimension((group as { dimension: Dimension }).dimension).dictionary.values[key] : String(key));
    const series: Series[] = [];
    for (let key = 0; key < keys; key++) {
      let total = 0;
      const counts = new Map<string, number>();
      for (let p = 0; p < periods; p++) {
        const n = cells[key * periods + p];
        if (n === 0) continue;
        total += n;
        counts.set(periodStart(p + firstPeriod), n);
      }
      if (total > 0) series.push({ key: label(key), total, counts });
    }
    series.sort((a, b) => b.total - a.total || compareKeys(a.key, b.key));
    const periodTotals = new Map<string, number>();
    totals.forEach((n, p) => {
      if (n > 0) periodTotals.set(periodStart(p + firstPeriod), n);
    });
    return { periodTotals, series: series.slice(0, limit) };
  }

  /** count, mean, min, max and percentiles of the salary per group, ordered by count, then key. */
  salaryStats(mask: Uint8Array, includeOutliers: boolean, group: GroupKey): Stats[] {
    const c = this.c;
    const keys: Array<string | null> = [];
    const slots = new Map<string | null, number>();
    const slotOf = (key: string | null) => {
      let s = slots.get(key);
      if (s === undefined) {
        s = keys.length;
        keys.push(key);
        slots.set(key, s);
      }
      return s;
    };
    let emit: (r: number, out: (slot: number) => void) => void;
    if (group.kind === 'dimension') {
      const { codes, dictionary } = c.dimension(group.dimension);
      const byCode = dictionary.values.map((v) => slotOf(v));
      emit = (r, out) => out(byCode[codes[r]]);
    } else if (group.kind === 'experience') {
      const { codes, dictionary } = c.dimension('seniority');
      const byCode = dictionary.values.map((v) => slotOf(v === null ? null : (SENIORITY_AS_EXPERIENCE[v] ?? null)));
      emit = (r, out) => out(byCode[codes[r]]);
    } else if (group.kind === 'year') {
      emit = (r, out) => out(slotOf(c.month[r] === NO_DAY ? null : String(Math.floor(c.month[r] / 12))));
    } else {
      const bySkill = new Int32Array(c.maxSkillId + 1).fill(-1);
      const { skillStart, skillIds } = c;
      emit = (r, out) => {
        for (let i = skillStart[r]; i < skillStart[r + 1]; i++) {
          const id = skillIds[i];
          let s = bySkill[id];
          if (s < 0) bySkill[id] = s = slotOf(String(id));
          out(s);
        }
      };
    }
    // Slots are created while scanning, so collect them first, then compute.
    const ignore = () => undefined;
    for (let r = 0; r < this.n; r++) if (this.salaried(r, mask, includeOutliers)) emit(r, ignore);
    const stats = this.groupStats(mask, includeOutliers, null, keys.length, PERCENTILES, emit);
    return stats
      .map((s, i) => ({ ...s, key: keys[i] }))
      .filter((s) => s.count > 0)
      .sort((a, b) => b.count - a.count || compareKeys(a.key, b.key));
  }

  /**
   * Two passes: the first counts each group, the second walks the rows in salary order, so each group
   * sees its values sorted and picks the ranks its percentiles need, without sorting anything per query.
   */
  private groupStats(
    mask: Uint8Array,
    includeOutliers: boolean,
    single: ((r: number) => number) | null,
    groups: number,
    percentiles: number[],
    emit?: (r: number, out: (slot: number) => void) => void,
  ): Stats[] {
    const c = this.c;
    const visit = emit ?? ((r: number, out: (slot: number) => void) => out(single!(r)));
    const count = new Float64Array(groups);
    const sumCents = new Float64Array(groups);
    let cents = 0;
    const tally = (g: number) => {
      count[g]++;
      sumCents[g] += cents;
    };
    for (let r = 0; r < this.n; r++) {
      if (!this.salaried(r, mask, includeOutliers)) continue;
      cents = Math.round(c.salary[r] * 100);
      visit(r, tally);
    }
    // Ranks each group needs (floor and ceil of p·(n−1) for every p), ascending.
    const needed: number[][] = [];
    for (let g = 0; g < groups; g++) {
      const ranks = new Set<number>();
      if (count[g] > 0) for (const p of percentiles) for (const k of [Math.floor(p * (count[g] - 1)), Math.ceil(p * (count[g] - 1))]) ranks.add(k);
      ranks.add(0);
      ranks.add(Math.max(0, count[g] - 1));
      needed.push([...ranks].sort((a, b) => a - b));
    }
    const seen = new Float64Array(groups);
    const next = new Uint32Array(groups);
    const values: Array<Map<number, number>> = Array.from({ length: groups }, () => new Map());
    const order = c.salaryOrder;
    let value = 0;
    const pick = (g: number) => {
      const rank = seen[g]++;
      if (next[g] < needed[g].length && needed[g][next[g]] === rank) {
        values[g].set(rank, value);
        next[g]++;
      }
    };
    for (let i = 0; i < order.length; i++) {
      const r = order[i];
      if (r >= this.n || !this.salaried(r, mask, includeOutliers)) continue;
      value = c.salary[r];
      visit(r, pick);
    }
    return Array.from({ length: groups }, (_, g) => {
      const n = count[g];
      const at = (rank: number) => values[g].get(rank)!;
      return {
        key: null,
        count: n,
        mean: n ? sumCents[g] / n / 100 : NaN,
        min: n ? at(0) : NaN,
        max: n ? at(n - 1) : NaN,
        pct: n ? percentiles.map((p) => interpolate(at, n, p)) : [],
      };
    });
  }

  /** For skill a: postings under the mask, those asking for a, and per other skill b: with b, and with both. */
  cooccurrence(mask: Uint8Array, skillId: number): { total: number; withA: number; pairs: Map<number, { together: number; withB: number }> } {
    const { skillStart, skillIds } = this.c;
    let total = 0;
    let withA = 0;
    const pairs = new Map<number, { together: number; withB: number }>();
    for (let r = 0; r < this.n; r++) {
      if (!mask[r]) continue;
      total++;
      let hasA = false;
      for (let i = skillStart[r]; i < skillStart[r + 1]; i++) if (skillIds[i] === skillId) hasA = true;
      if (hasA) withA++;
      for (let i = skillStart[r]; i < skillStart[r + 1]; i++) {
        const b = skillIds[i];
        if (b === skillId) continue;
        let pair = pairs.get(b);
        if (!pair) pairs.set(b, (pair = { together: 0, withB: 0 }));
        pair.withB++;
        if (hasA) pair.together++;
      }
    }
    return { total, withA, pairs };
  }
}
