/**
 * posting_facts held column by column in typed arrays: about 45 bytes a posting, so a million postings
 * take ~45 MB and a full scan takes a few milliseconds. Text dimensions are dictionary-encoded (code 0
 * is NULL). Rows are only appended; the store rebuilds from scratch when rows disappear.
 */

/** The text dimensions of a posting, in posting_facts column order. */
export const DIMENSIONS = ['role_family', 'seniority', 'country', 'region', 'industry', 'remote_type', 'employment_type', 'company_size', 'source'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Day number for postings without a date (days since 1970-01-01 otherwise). */
export const NO_DAY = -2_147_483_648;

export interface FactRow {
  id: number;
  day: number;
  dims: Array<string | null>;
  salary: number;
  outlier: boolean;
  skillIds: number[];
}

export class Dictionary {
  readonly values: Array<string | null> = [null];
  private readonly codes = new Map<string, number>();

  code(value: string | null): number {
    if (value === null) return 0;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      if (code > 0xffff) throw new Error('dimension has more than 65,535 distinct values');
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** The code of a value already seen, else -1 (a filter on it matches nothing). */
  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }
}

function grow<T extends Float64Array | Int32Array | Uint16Array | Uint32Array | Uint8Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2, 1024));
  next.set(array);
  return next;
}

export class FactColumns {
  length = 0;
  ids = new Float64Array(0);
  day = new Int32Array(0);
  readonly dims: Uint16Array[] = DIMENSIONS.map(() => new Uint16Array(0));
  readonly dictionaries: Dictionary[] = DIMENSIONS.map(() => new Dictionary());
  /** Annual USD mid-point, NaN without a salary. */
  salary = new Float64Array(0);
  outlier = new Uint8Array(0);
  /** Skills of row r are skillIds[skillStart[r] .. skillStart[r + 1]). */
  skillStart = new Uint32Array(1);
  skillIds = new Uint32Array(0);
  /** Rows with a salary, ordered by salary: groups read in this order see their values sorted. */
  salaryOrder = new Uint32Array(0);
  /** Month number (year * 12 + month - 1) of each row, NO_DAY without a date. */
  month = new Int32Array(0);
  /** Largest skill id and month number present, to size count arrays. */
  maxSkillId = 0;
  minMonth = Number.MAX_SAFE_INTEGER;
  maxMonth = -1;
  /** Rows per id bucket (id / BUCKET_SIZE), to find which buckets differ from the table's. */
  readonly bucketCounts = new Map<number, number>();
  private present = new Uint8Array(0);
  private pendingSalaryRows: number[] = [];

  dimension(name: Dimension): { codes: Uint16Array; dictionary: Dictionary } {
    const i = DIMENSIONS.indexOf(name);
    return { codes: this.dims[i], dictionary: this.dictionaries[i] };
  }

  has(id: number): boolean {
    const byte = id >>> 3;
    return byte < this.present.length && (this.present[byte] & (1 << (id & 7))) !== 0;
  }

  append(row: FactRow): void {
    if (this.has(row.id)) return;
    const r = this.length;
    const n = r + 1;
    this.ids = grow(this.ids, n);
    this.day = grow(this.day, n);
    this.month = grow(this.month, n);
    for (let d = 0; d < DIMENSIONS.length; d++) {
      this.dims[d] = grow(this.dims[d], n);
      this.dims[d][r] = this.dictionaries[d].code(row.dims[d]);
    }
    this.salary = grow(this.salary, n);
    this.outlier = grow(this.outlier, n);
    this.skillStart = grow(this.skillStart, n + 1);
    const start = this.skillStart[r];
    this.skillIds = grow(this.skillIds, start + row.skillIds.length);
    this.skillIds.set(row.skillIds, start);
    for (const id of row.skillIds) if (id > this.maxSkillId) this.maxSkillId = id;
    this.skillStart[n] = start + row.skillIds.length;
    this.ids[r] = row.id;
    this.day[r] = row.day;
    this.month[r] = row.day === NO_DAY ? NO_DAY : monthNumber(row.day);
    if (row.day !== NO_DAY) {
      if (this.month[r] < this.minMonth) this.minMonth = this.month[r];
      if (this.month[r] > this.maxMonth) this.maxMonth = this.month[r];
    }
    this.salary[r] = row.salary;
    this.outlier[r] = row.outlier ? 1 : 0;
    this.present = grow(this.present, (row.id >>> 3) + 1);
    this.present[row.id >>> 3] |= 1 << (row.id & 7);
    if (!Number.isNaN(row.salary)) this.pendingSalaryRows.push(r);
    this.length = n;
    const bucket = Math.floor(row.id / BUCKET_SIZE);
    this.bucketCounts.set(bucket, (this.bucketCounts.get(bucket) ?? 0) + 1);
  }

  /** Merges the rows appended since the last call into salaryOrder (sort the new ones, then one linear merge). */
  seal(): void {
    if (this.pendingSalaryRows.length === 0) return;
    const salary = this.salary;
    const added = Uint32Array.from(this.pendingSalaryRows).sort((a, b) => salary[a] - salary[b] || a - b);
    this.pendingSalaryRows = [];
    const old = this.salaryOrder;
    const merged = new Uint32Array(old.length + added.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < old.length && j < added.length) merged[k++] = salary[old[i]] <= salary[added[j]] ? old[i++] : added[j++];
    while (i < old.length) merged[k++] = old[i++];
    while (j < added.length) merged[k++] = added[j++];
    this.salaryOrder = merged;
  }
}

export const BUCKET_SIZE = 65_536;

export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}

export function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function monthNumber(day: number): number {
  const date = new Date(day * 86_400_000);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}
