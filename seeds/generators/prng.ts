/**
 * Seeded pseudo-random numbers for the synthetic data generators.
 *
 * xoshiro128** (Blackman & Vigna), seeded by hashing (seed, stream) and expanding it splitmix-style. State updates
 * use 32-bit integer arithmetic only, so the same seed yields the same sequence on every platform; the floating-point
 * helpers use Math.log/exp/cos/sin, which V8 computes with its own fdlibm port, so they reproduce across machines too.
 */

const TWO_POW_32 = 4294967296;

/** Cumulative-weight table built once and sampled by binary search. */
export class WeightedTable<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(items: readonly T[], weights: readonly number[]) {
    if (items.length === 0 || items.length !== weights.length) {
      throw new RangeError(`WeightedTable needs matching non-empty arrays (items ${items.length}, weights ${weights.length})`);
    }
    this.items = items;
    this.cumulative = new Float64Array(weights.length);
    let running = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i];
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`Weight ${i} is not a finite non-negative number: ${w}`);
      running += w;
      this.cumulative[i] = running;
    }
    if (running <= 0) throw new RangeError('WeightedTable weights sum to zero');
    this.total = running;
  }

  /** Maps a uniform number in [0, 1) to an item. */
  at(u: number): T {
    const target = u * this.total;
    const cumulative = this.cumulative;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }

  /** Builds a table from a `{ key: weight }` record (insertion order is kept, so output is stable). */
  static fromRecord<K extends string>(record: Readonly<Partial<Record<K, number>>>): WeightedTable<K> {
    const keys = Object.keys(record) as K[];
    return new WeightedTable(
      keys,
      keys.map((k) => record[k] as number),
    );
  }
}

/** murmur3 fmix32: a bijective 32-bit mixer. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Hashes a safe integer (negative or above 2^32 included) to 32 bits. */
function fold32(x: number): number {
  if (!Number.isSafeInteger(x)) throw new RangeError(`Seeds and streams must be safe integers, got ${x}`);
  return (fmix32(x >>> 0) ^ (Math.floor(x / TWO_POW_32) >>> 0)) >>> 0;
}

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal = 0;
  private hasSpareNormal = false;
  /** Tables built by `weighted()`, keyed by the items array so repeated calls reuse them. */
  private readonly tableCache = new WeakMap<readonly unknown[], WeightedTable<unknown>>();

  /** `stream` selects an independent sequence for the same seed (e.g. one per row). */
  constructor(seed: number, stream = 0) {
    this.a = this.b = this.c = this.d = 0;
    this.reseed(seed, stream);
  }

  /**
   * Restarts the generator on (seed, stream). For a fixed seed, distinct streams get distinct states. Cheap
   * enough to call once per generated row, which makes every row reproducible on its own.
   */
  reseed(seed: number, stream = 0): void {
    // splitmix32 over a hash of (seed, stream) spreads the input across the 128-bit state.
    let s = fmix32(fmix32(fold32(seed) ^ 0x9e3779b9) ^ fold32(stream)) | 0;
    s = (s + 0x9e3779b9) | 0;
    this.a = fmix32(s);
    s = (s + 0x9e3779b9) | 0;
    this.b = fmix32(s);
    s = (s + 0x9e3779b9) | 0;
    this.c = fmix32(s);
    s = (s + 0x9e3779b9) | 0;
    this.d = fmix32(s);
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1; // the all-zero state is a fixed point
    this.hasSpareNormal = false;
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /**
   * Weighted choice. The cumulative table is built on the first call for a given `items` array and
   * cached, so pass module-level constants (not fresh arrays) in hot loops, or use `sample()`.
   */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let table = this.tableCache.get(items) as WeightedTable<T> | undefined;
    if (!table) {
      table = new WeightedTable(items, weights);
      this.tableCache.set(items, table);
    }
    return table.at(this.next());
  }

  sample<T>(table: WeightedTable<T>): T {
    return table.at(this.next());
  }

  /** Normal deviate (Box–Muller; the second value of each pair is kept for the next call). */
  normal(mean = 0, sd = 1): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return mean + sd * this.spareNormal;
    }
    const u = 1 - this.next(); // (0, 1], keeps log finite
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    const theta = 2 * Math.PI * v;
    this.spareNormal = r * Math.sin(theta);
    this.hasSpareNormal = true;
    return mean + sd * r * Math.cos(theta);
  }

  /** Log-normal deviate parameterised by its median and the sd of its logarithm. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  /** Fisher–Yates shuffle in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
