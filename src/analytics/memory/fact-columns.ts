/**
 * posting_facts held column by column in typed arrays: about 45 bytes a posting, so a million postings
 * take ~45 MB and a full scan takes a few milliseconds. Text dimensions are dictionary-encoded (code 0
 * is NULL). Rows are kept ordered by salary (rows without one last), so percentiles of any group are
 * read off one sequential pass, with no sort per query. A sealed instance never changes: new rows
 * produce a new instance (FactColumns.build), so a query holding the old one is never disturbed.
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
  /** Annual USD mid-point, NaN without a salary. */
  salary = new Float64Array(0);
  outlier = new Uint8Array(0);
  /** Skills of row r are skillIds[skillStart[r] .. skillStart[r + 1]). */
  skillStart = new Uint32Array(1);
  skillIds = new Uint32Array(0);
  /** Rows [0, salaryRows) have a salary, in ascending order; the rest have none. */
  salaryRows = 0;
  /** Rows asking for skill s, ascending (so in salary order): skillRowIds[skillRowStart[s] .. skillRowStart[s + 1]). */
  skillRowStart = new Uint32Array(1);
  skillRowIds = new Uint32Array(0);
  /** Per skill over all rows: postings with a salary that is not an outlier, and with any salary. */
  skillPaid = new Int32Array(1);
  skillPaidAll = new Int32Array(1);
  /** Month number (year * 12 + month - 1) of each row, NO_DAY without a date. */
  month = new Int32Array(0);
  /** Largest skill id and month number present, to size count arrays. */
  maxSkillId = 0;
  minMonth = Number.MAX_SAFE_INTEGER;
  maxMonth = -1;
  /** Rows per id bucket (id / BUCKET_SIZE), to find which buckets differ from the table's. */
  readonly bucketCounts = new Map<number, number>();
  private present = new Uint8Array(0);

  private constructor(readonly dictionaries: Dictionary[]) {}

  private sortedPrefix = 0;

  /** A copy of `base` (or an empty set) to append rows to; `seal()` then returns the ordered result. */
  static staging(base: FactColumns | null): FactColumns {
    const staging = new FactColumns(base?.dictionaries ?? DIMENSIONS.map(() => new Dictionary()));
    if (base) staging.copyFrom(base);
    staging.sortedPrefix = base?.length ?? 0;
    return staging;
  }

  seal(): FactColumns {
    return this.sortedBySalary(this.sortedPrefix);
  }

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
    this.length = n;
    const bucket = Math.floor(row.id / BUCKET_SIZE);
    this.bucketCounts.set(bucket, (this.bucketCounts.get(bucket) ?? 0) + 1);
  }

  private copyFrom(base: FactColumns): void {
    const n = base.length;
    this.length = n;
    this.ids = base.ids.slice(0, n);
    this.day = base.day.slice(0, n);
    this.month = base.month.slice(0, n);
    for (let d = 0; d < DIMENSIONS.length; d++) this.dims[d] = base.dims[d].slice(0, n);
    this.salary = base.salary.slice(0, n);
    this.outlier = base.outlier.slice(0, n);
    this.skillStart = base.skillStart.slice(0, n + 1);
    this.skillIds = base.skillIds.slice(0, base.skillStart[n]);
    this.maxSkillId = base.maxSkillId;
    this.minMonth = base.minMonth;
    this.maxMonth = base.maxMonth;
    this.present = base.present.slice();
    for (const [bucket, count] of base.bucketCounts) this.bucketCounts.set(bucket, count);
  }

  /** Rows [0, sortedPrefix) are already in salary order: sort the rest and merge, then gather every column. */
  private sortedBySalary(sortedPrefix: number): FactColumns {
    const n = this.length;
    const salary = this.salary;
    const key = (r: number) => (salary[r] === salary[r] ? salary[r] : Infinity);
    const tail = new Uint32Array(n - sortedPrefix);
    for (let i = 0; i < tail.length; i++) tail[i] = sortedPrefix + i;
    tail.sort((a, b) => key(a) - key(b) || a - b);
    const order = new Uint32Array(n);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < sortedPrefix && j < tail.length) order[k++] = key(i) <= key(tail[j]) ? i++ : tail[j++];
    while (i < sortedPrefix) order[k++] = i++;
    while (j < tail.length) order[k++] = tail[j++];

    const out = new FactColumns(this.dictionaries);
    out.length = n;
    const gather = <T extends Float64Array | Int32Array | Uint16Array | Uint8Array>(from: T): T => {
      const to = new (from.constructor as new (n: number) => T)(n);
      for (let r = 0; r < n; r++) to[r] = from[order[r]];
      return to;
    };
    out.ids = gather(this.ids);
    out.day = gather(this.day);
    out.month = gather(this.month);
    for (let d = 0; d < DIMENSIONS.length; d++) out.dims[d] = gather(this.dims[d]);
    out.salary = gather(this.salary);
    out.outlier = gather(this.outlier);
    out.skillStart = new Uint32Array(n + 1);
    out.skillIds = new Uint32Array(this.skillStart[n]);
    for (let r = 0, at = 0; r < n; r++) {
      const from = order[r];
      for (let s = this.skillStart[from]; s < this.skillStart[from + 1]; s++) out.skillIds[at++] = this.skillIds[s];
      out.skillStart[r + 1] = at;
    }
    let salaryRows = 0;
    while (salaryRows < n && out.salary[salaryRows] === out.salary[salaryRows]) salaryRows++;
    out.salaryRows = salaryRows;
    out.maxSkillId = this.maxSkillId;
    // The inverted index: rows per skill.
    out.skillRowStart = new Uint32Array(this.maxSkillId + 2);
    for (let i = 0; i < out.skillIds.length; i++) out.skillRowStart[out.skillIds[i] + 1]++;
    for (let s = 1; s < out.skillRowStart.length; s++) out.skillRowStart[s] += out.skillRowStart[s - 1];
    out.skillRowIds = new Uint32Array(out.skillIds.length);
    const fill = out.skillRowStart.slice(0, this.maxSkillId + 1);
    for (let r = 0; r < n; r++) for (let i = out.skillStart[r]; i < out.skillStart[r + 1]; i++) out.skillRowIds[fill[out.skillIds[i]]++] = r;
    out.skillPaid = new Int32Array(this.maxSkillId + 1);
    out.skillPaidAll = new Int32Array(this.maxSkillId + 1);
    for (let r = 0; r < salaryRows; r++) {
      for (let i = out.skillStart[r]; i < out.skillStart[r + 1]; i++) {
        out.skillPaidAll[out.skillIds[i]]++;
        if (!out.outlier[r]) out.skillPaid[out.skillIds[i]]++;
      }
    }
    out.minMonth = this.minMonth;
    out.maxMonth = this.maxMonth;
    out.present = this.present;
    for (const [bucket, count] of this.bucketCounts) out.bucketCounts.set(bucket, count);
    return out;
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
