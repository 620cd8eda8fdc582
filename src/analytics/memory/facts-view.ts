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

/** Where postings without a date sort among dated ones (the SQL path's coalesce(posted_date, '0001-01-01')). */
export const UNDATED_DAY = dayNumber('0001-01-01');

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

/** Reused buffers: a million-row query would otherwise allocate (and collect) megabytes per request. */
const scratch = { rows: new Uint32Array(0), flags: new Uint8Array(0) };

/** Rows a filter keeps, ascending (so in salary order, as the columns are). */
export type Selection = Uint32Array;

export class FactsView {
  private readonly n: number;
  private readonly selections = new Map<string, Selection>();
  private readonly salariedSelections = new Map<Selection, Map<boolean, Selection>>();

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

  /** The rows the filter keeps. `period` replaces the filter's dates (growth against a previous period). */
  select(filter: FactFilter, period?: { from?: string; to?: string }): Selection {
    // One request asks for the same selection several times (summary, top skills, growth).
    const key = JSON.stringify([filter, period ? [period.from ?? null, period.to ?? null] : null]);
    let selection = this.selections.get(key);
    if (!selection) this.selections.set(key, (selection = this.computeSelection(filter, period)));
    return selection;
  }

  private computeSelection(filter: FactFilter, period?: { from?: string; to?: string }): Selection {
    const c = this.c;
    const n = this.n;
    const from = period ? period.from : filter.from;
    const to = period ? period.to : filter.to;
    const dated = from !== undefined || to !== undefined;
    const lo = from !== undefined ? dayNumber(from) : NO_DAY + 1;
    const hi = to !== undefined ? dayNumber(to) : 2 ** 31 - 1;
    const codes: Uint16Array[] = [];
    const allowed: Uint8Array[] = [];
    for (const [name, values] of Object.entries(filter.dims) as Array<[Dimension, string[] | undefined]>) {
      if (!values || values.length === 0) continue;
      const { codes: column, dictionary } = c.dimension(name);
      const table = new Uint8Array(dictionary.values.length);
      for (const v of values) {
        const code = dictionary.find(v);
        if (code >= 0) table[code] = 1;
      }
      codes.push(column);
      allowed.push(table);
    }
    const distinct = new Set(filter.skillIds);
    const need = distinct.size === 0 ? 0 : filter.skillMatchAny ? 1 : distinct.size;
    const { day } = c;
    const dims = codes.length;
    // One pass: every condition on a row, cheapest first, into a shared scratch buffer (this is synchronous).
    if (scratch.rows.length < n) scratch.rows = new Uint32Array(n);
    const rows = scratch.rows;
    let k = 0;
    if (need > 0) {
      // Skills first, from the inverted index: count each row's wanted skills, keep those with enough.
      if (scratch.flags.length < n) scratch.flags = new Uint8Array(n);
      const hits = scratch.flags; // all zero between uses
      const { skillRowStart, skillRowIds } = c;
      for (const id of distinct) {
        if (id > c.maxSkillId) continue;
        for (let i = skillRowStart[id], end = skillRowStart[id + 1]; i < end; i++) hits[skillRowIds[i]]++;
      }
      next: for (let r = 0; r < n; r++) {
        if (hits[r] === 0) continue;
        const enough = hits[r] >= need;
        hits[r] = 0;
        if (!enough) continue;
        if (dated && (day[r] < lo || day[r] > hi)) continue;
        for (let d = 0; d < dims; d++) if (allowed[d][codes[d][r]] === 0) continue next;
        rows[k++] = r;
      }
      return rows.slice(0, k);
    }
    next: for (let r = 0; r < n; r++) {
      if (dated && (day[r] < lo || day[r] > hi)) continue;
      for (let d = 0; d < dims; d++) if (allowed[d][codes[d][r]] === 0) continue next;
      rows[k++] = r;
    }
    return rows.slice(0, k);
  }

  /**
   * Ids of the newest `limit` selected postings, ordered by posting day then id, both descending (a
   * posting without a day sorts as 0001-01-01), strictly after the keyset `before` when given.
   */
  newest(rows: Selection, limit: number, before?: { day: number; id: number }): number[] {
    const { day, ids } = this.c;
    const keyDay = (r: number) => (day[r] === NO_DAY ? UNDATED_DAY : day[r]);
    const top: number[] = []; // rows, best first
    const better = (a: number, b: number) => keyDay(a) > keyDay(b) || (keyDay(a) === keyDay(b) && ids[a] > ids[b]);
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      if (before && (keyDay(r) > before.day || (keyDay(r) === before.day && ids[r] >= before.id))) continue;
      if (top.length === limit && !better(r, top[limit - 1])) continue;
      let at = top.length === limit ? limit - 1 : top.length;
      while (at > 0 && better(r, top[at - 1])) at--;
      top.splice(at, 0, r);
      if (top.length > limit) top.pop();
    }
    return top.map((r) => ids[r]);
  }

  /** First and last posting day of the selection, as YYYY-MM-DD. */
  dateRange(rows: Selection): { min?: string; max?: string } {
    let lo = Infinity;
    let hi = -Infinity;
    const day = this.c.day;
    for (let k = 0; k < rows.length; k++) {
      const d = day[rows[k]];
      if (d === NO_DAY) continue;
      if (d < lo) lo = d;
      if (d > hi) hi = d;
    }
    return lo === Infinity ? {} : { min: isoDate(lo), max: isoDate(hi) };
  }

  /** The selected rows with a usable salary (not an outlier unless they are included), still in salary order. */
  private salaried(rows: Selection, includeOutliers: boolean): Selection {
    let cached = this.salariedSelections.get(rows)?.get(includeOutliers);
    if (cached) return cached;
    const { salaryRows, outlier } = this.c;
    let end = 0;
    while (end < rows.length && rows[end] < salaryRows) end++;
    if (includeOutliers) cached = rows.subarray(0, end);
    else {
      let count = 0;
      for (let k = 0; k < end; k++) count += 1 - outlier[rows[k]];
      cached = new Uint32Array(count);
      for (let k = 0, j = 0; k < end; k++) if (!outlier[rows[k]]) cached[j++] = rows[k];
    }
    if (!this.salariedSelections.has(rows)) this.salariedSelections.set(rows, new Map());
    this.salariedSelections.get(rows)!.set(includeOutliers, cached);
    return cached;
  }

  /** Postings selected, how many carry a usable salary, and their median. */
  totals(rows: Selection, includeOutliers: boolean): { postings: number; salaryCount: number; median: number | null } {
    const salaried = this.salaried(rows, includeOutliers);
    const n = salaried.length;
    const salary = this.c.salary;
    const median = n ? interpolate((rank) => salary[salaried[rank]], n, 0.5) : null;
    return { postings: rows.length, salaryCount: n, median };
  }

  /** Postings per skill id in the selection (a posting counts once for each skill it asks for). */
  skillCounts(rows: Selection): Map<number, number> {
    const { skillStart, skillIds } = this.c;
    const counts = new Int32Array(this.c.maxSkillId + 1);
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      for (let i = skillStart[r], end = skillStart[r + 1]; i < end; i++) counts[skillIds[i]]++;
    }
    const out = new Map<number, number>();
    counts.forEach((n, id) => {
      if (n > 0) out.set(id, n);
    });
    return out;
  }

  /**
   * The `limit` most asked-for skills of the selection with their postings, salary counts and median
   * salaries: one pass counts every skill (all postings, and those with a usable salary), a second walks
   * the salaried rows in salary order until each top skill's median rank is reached.
   */
  topSkillsWithMedians(rows: Selection, includeOutliers: boolean, limit: number): Array<{ skillId: number; postings: number; salaryCount: number; median: number | null }> {
    const { skillStart, skillIds, salaryRows, outlier, maxSkillId, salary } = this.c;
    let count = new Int32Array(maxSkillId + 1);
    let salaried = new Float64Array(maxSkillId + 1);
    if (rows.length === this.n) {
      // Every row selected (no filter): the counts were taken when the columns were sealed.
      const { skillRowStart, skillPaid, skillPaidAll } = this.c;
      count = Int32Array.from({ length: maxSkillId + 1 }, (_, s) => skillRowStart[s + 1] - skillRowStart[s]);
      salaried = Float64Array.from(includeOutliers ? skillPaidAll : skillPaid);
    } else for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      const paid = r < salaryRows && (includeOutliers || !outlier[r]) ? 1 : 0;
      for (let i = skillStart[r], end = skillStart[r + 1]; i < end; i++) {
        count[skillIds[i]]++;
        salaried[skillIds[i]] += paid;
      }
    }
    const top: number[] = [];
    count.forEach((n, id) => {
      if (n > 0) top.push(id);
    });
    top.sort((a, b) => count[b] - count[a] || a - b);
    top.length = Math.min(top.length, limit);
    const paidRows = this.salaried(rows, includeOutliers);
    const { skillRowStart, skillRowIds } = this.c;
    const lo = top.map((id) => Math.floor(0.5 * (salaried[id] - 1)));
    const hi = top.map((id) => Math.ceil(0.5 * (salaried[id] - 1)));
    const low = new Float64Array(top.length).fill(NaN);
    const high = new Float64Array(top.length).fill(NaN);
    // Two ways to reach each top skill's median rank; take the one that reads fewer entries: walk each
    // skill's rows (salary order) through the salaried selection, or walk the salaried selection itself.
    let listCost = 0;
    for (const id of top) listCost += (skillRowStart[id + 1] - skillRowStart[id]) / 2;
    const scanCost = (paidRows.length * skillIds.length) / Math.max(1, this.n) / 2;
    if (listCost <= scanCost) {
      if (scratch.flags.length < this.n) scratch.flags = new Uint8Array(this.n);
      const inPaid = scratch.flags; // all zero between uses
      for (let k = 0; k < paidRows.length; k++) inPaid[paidRows[k]] = 1;
      top.forEach((id, g) => {
        if (!salaried[id]) return;
        let rank = 0;
        for (let i = skillRowStart[id], end = skillRowStart[id + 1]; i < end; i++) {
          const r = skillRowIds[i];
          if (!inPaid[r]) continue;
          if (rank === lo[g]) low[g] = salary[r];
          if (rank === hi[g]) {
            high[g] = salary[r];
            break;
          }
          rank++;
        }
      });
      for (let k = 0; k < paidRows.length; k++) inPaid[paidRows[k]] = 0;
    } else {
      const slot = new Int32Array(maxSkillId + 1).fill(-1);
      top.forEach((id, g) => (slot[id] = g));
      const seen = new Float64Array(top.length);
      let pending = top.filter((id) => salaried[id] > 0).length;
      for (let k = 0; k < paidRows.length && pending > 0; k++) {
        const r = paidRows[k];
        for (let i = skillStart[r], end = skillStart[r + 1]; i < end; i++) {
          const g = slot[skillIds[i]];
          if (g < 0) continue;
          const rank = seen[g]++;
          if (rank === lo[g]) low[g] = salary[r];
          if (rank === hi[g]) {
            high[g] = salary[r];
            pending--;
          }
        }
      }
    }
    return top.map((id, g) => ({
      skillId: id,
      postings: count[id],
      salaryCount: salaried[id],
      median: salaried[id] ? interpolate((k) => (k === lo[g] ? low[g] : high[g]), salaried[id], 0.5) : null,
    }));
  }

  /** Postings per value of a dimension (NULL as null). */
  dimensionCounts(rows: Selection, dimension: Dimension): Array<{ key: string | null; count: number }> {
    const { codes, dictionary } = this.c.dimension(dimension);
    const counts = new Float64Array(dictionary.values.length);
    for (let k = 0; k < rows.length; k++) counts[codes[rows[k]]]++;
    const out: Array<{ key: string | null; count: number }> = [];
    counts.forEach((count, code) => {
      if (count > 0) out.push({ key: dictionary.values[code], count });
    });
    return out;
  }

  /** Postings per period (first day, YYYY-MM-DD) and per key, for the top `limit` keys by total. */
  trends(rows: Selection, group: GroupKey, interval: 'month' | 'quarter' | 'year', limit: number): { periodTotals: Map<string, number>; series: Series[] } {
    const c = this.c;
    const div = interval === 'month' ? 1 : interval === 'quarter' ? 3 : 12;
    const periodStart = (p: number) => {
      const month = p * div;
      return `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;
    };
    const firstPeriod = Math.floor(Math.max(0, c.minMonth) / div);
    const periods = Math.max(0, Math.floor(Math.max(0, c.maxMonth) / div) - firstPeriod + 1);
    const keys = group.kind === 'dimension' ? c.dimension(group.dimension).dictionary.values.length : c.maxSkillId + 1;
    const totals = new Int32Array(periods);
    const cells = new Int32Array(keys * periods);
    const { skillStart, skillIds, month } = c;
    const codes = group.kind === 'dimension' ? c.dimension(group.dimension).codes : null;
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      if (month[r] === NO_DAY) continue;
      const p = Math.floor(month[r] / div) - firstPeriod;
      totals[p]++;
      if (codes) cells[codes[r] * periods + p]++;
      else for (let i = skillStart[r], end = skillStart[r + 1]; i < end; i++) cells[skillIds[i] * periods + p]++;
    }
    const label = (key: number): string | null => (codes ? this.c.dimension((group as { dimension: Dimension }).dimension).dictionary.values[key] : String(key));
    const series: Series[] = [];
    for (let key = 0; key < keys; key++) {
      let total = 0;
      for (let p = 0; p < periods; p++) total += cells[key * periods + p];
      if (total > 0) series.push({ key: label(key), total, counts: new Map() });
    }
    series.sort((a, b) => b.total - a.total || compareKeys(a.key, b.key));
    const top = series.slice(0, limit);
    const codeOf = new Map<string | null, number>();
    if (codes) this.c.dimension((group as { dimension: Dimension }).dimension).dictionary.values.forEach((v, code) => codeOf.set(v, code));
    for (const s of top) {
      const key = codes ? codeOf.get(s.key)! : Number(s.key);
      for (let p = 0; p < periods; p++) {
        const n = cells[key * periods + p];
        if (n > 0) s.counts.set(periodStart(p + firstPeriod), n);
      }
    }
    const periodTotals = new Map<string, number>();
    totals.forEach((n, p) => {
      if (n > 0) periodTotals.set(periodStart(p + firstPeriod), n);
    });
    return { periodTotals, series: top };
  }

  /** count, mean, min, max and percentiles of the salary per group, ordered by count, then key. */
  salaryStats(rows: Selection, includeOutliers: boolean, group: GroupKey): Stats[] {
    const c = this.c;
    const salaried = this.salaried(rows, includeOutliers);
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
    let stats: Stats[];
    if (group.kind === 'skill') {
      const bySkill = new Int32Array(c.maxSkillId + 1);
      for (let id = 0; id <= c.maxSkillId; id++) bySkill[id] = slotOf(String(id));
      stats = this.statsBySkill(salaried, bySkill, keys.length, PERCENTILES);
    } else {
      // Group of each selected row, by position in the selection.
      const slotAt = new Int32Array(salaried.length);
      if (group.kind === 'year') {
        const byYear = new Map<number, number>();
        for (let k = 0; k < salaried.length; k++) {
          const m = c.month[salaried[k]];
          const year = m === NO_DAY ? -1 : Math.floor(m / 12);
          let s = byYear.get(year);
          if (s === undefined) byYear.set(year, (s = slotOf(year < 0 ? null : String(year))));
          slotAt[k] = s;
        }
      } else {
        const { codes, dictionary } = c.dimension(group.kind === 'experience' ? 'seniority' : group.dimension);
        const byCode = Int32Array.from(dictionary.values, (v) =>
          slotOf(group.kind === 'experience' ? (v === null ? null : (SENIORITY_AS_EXPERIENCE[v] ?? null)) : v),
        );
        for (let k = 0; k < salaried.length; k++) slotAt[k] = byCode[codes[salaried[k]]];
      }
      stats = this.statsByPosition(salaried, slotAt, keys.length, PERCENTILES);
    }
    return stats
      .map((s, i) => ({ ...s, key: keys[i] }))
      .filter((s) => s.count > 0)
      .sort((a, b) => b.count - a.count || compareKeys(a.key, b.key));
  }

  /**
   * Salary statistics where each selected row belongs to one group (slotAt[k] for the k-th row). The
   * selection is in salary order, so each group sees its values ascending: one counting pass, then one
   * pass picking the ranks the percentiles need, without sorting anything per query.
   */
  private statsByPosition(salaried: Selection, slotAt: Int32Array, groups: number, percentiles: number[]): Stats[] {
    const salary = this.c.salary;
    const count = new Float64Array(groups);
    const sumCents = new Float64Array(groups);
    const min = new Float64Array(groups).fill(Infinity);
    const max = new Float64Array(groups).fill(-Infinity);
    for (let k = 0; k < salaried.length; k++) {
      const g = slotAt[k];
      const v = salary[salaried[k]];
      count[g]++;
      sumCents[g] += Math.round(v * 100);
      if (v < min[g]) min[g] = v;
      if (v > max[g]) max[g] = v;
    }
    const picker = new RankPicker(count, percentiles);
    for (let k = 0; k < salaried.length && picker.pending > 0; k++) picker.offer(slotAt[k], salary[salaried[k]]);
    return picker.stats(sumCents, min, max, percentiles);
  }

  /** The same for groups of skills: a row belongs to the group of each of its skills (slotOfSkill, −1 = none). */
  private statsBySkill(salaried: Selection, slotOfSkill: Int32Array, groups: number, percentiles: number[]): Stats[] {
    const { salary, skillStart, skillIds } = this.c;
    const count = new Float64Array(groups);
    const sumCents = new Float64Array(groups);
    const min = new Float64Array(groups).fill(Infinity);
    const max = new Float64Array(groups).fill(-Infinity);
    for (let k = 0; k < salaried.length; k++) {
      const r = salaried[k];
      const v = salary[r];
      const cents = Math.round(v * 100);
      for (let i = skillStart[r], end = skillStart[r + 1]; i < end; i++) {
        const g = slotOfSkill[skillIds[i]];
        if (g < 0) continue;
        count[g]++;
        sumCents[g] += cents;
        if (v < min[g]) min[g] = v;
        if (v > max[g]) max[g] = v;
      }
    }
    const picker = new RankPicker(count, percentiles);
    for (let k = 0; k < salaried.length && picker.pending > 0; k++) {
      const r = salaried[k];
      for (let i = skillStart[r], end = skillStart[r + 1]; i < end; i++) {
        const g = slotOfSkill[skillIds[i]];
        if (g >= 0) picker.offer(g, salary[r]);
      }
    }
    return picker.stats(sumCents, min, max, percentiles);
  }

  /** For skill a: postings selected, those asking for a, and per other skill b: with b, and with both. */
  cooccurrence(rows: Selection, skillId: number): { total: number; withA: number; pairs: Map<number, { together: number; withB: number }> } {
    const { skillStart, skillIds, maxSkillId } = this.c;
    const withB = new Int32Array(maxSkillId + 1);
    const together = new Int32Array(maxSkillId + 1);
    let withA = 0;
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      const start = skillStart[r];
      const end = skillStart[r + 1];
      let hasA = false;
      for (let i = start; i < end; i++) {
        withB[skillIds[i]]++;
        if (skillIds[i] === skillId) hasA = true;
      }
      if (hasA) {
        withA++;
        for (let i = start; i < end; i++) together[skillIds[i]]++;
      }
    }
    const pairs = new Map<number, { together: number; withB: number }>();
    for (let b = 0; b <= maxSkillId; b++) if (b !== skillId && withB[b] > 0) pairs.set(b, { together: together[b], withB: withB[b] });
    return { total: rows.length, withA, pairs };
  }
}

/** Collects, per group, the values at the ranks its percentiles need, as rows arrive in salary order. */
class RankPicker {
  pending = 0;
  private readonly needed: Float64Array[];
  private readonly found: Float64Array[];
  private readonly next: Uint32Array;
  private readonly seen: Float64Array;

  constructor(private readonly count: Float64Array, percentiles: number[]) {
    const groups = count.length;
    this.next = new Uint32Array(groups);
    this.seen = new Float64Array(groups);
    this.needed = [];
    this.found = [];
    for (let g = 0; g < groups; g++) {
      const n = count[g];
      const ranks = new Set<number>();
      if (n > 0) {
        for (const p of percentiles) {
          ranks.add(Math.floor(p * (n - 1)));
          ranks.add(Math.ceil(p * (n - 1)));
        }
      }
      this.needed.push(Float64Array.from([...ranks].sort((a, b) => a - b)));
      this.found.push(new Float64Array(ranks.size));
      if (ranks.size) this.pending++;
    }
  }

  offer(g: number, value: number): void {
    const rank = this.seen[g]++;
    const k = this.next[g];
    const needed = this.needed[g];
    if (k < needed.length && needed[k] === rank) {
      this.found[g][k] = value;
      this.next[g] = k + 1;
      if (k + 1 === needed.length) this.pending--;
    }
  }

  stats(sumCents: Float64Array, min: Float64Array, max: Float64Array, percentiles: number[]): Stats[] {
    return Array.from(this.count, (n, g) => {
      const at = (rank: number) => this.found[g][this.needed[g].indexOf(rank)];
      return {
        key: null,
        count: n,
        mean: n ? sumCents[g] / n / 100 : NaN,
        min: n ? min[g] : NaN,
        max: n ? max[g] : NaN,
        pct: n ? percentiles.map((p) => interpolate(at, n, p)) : [],
      };
    });
  }
}
