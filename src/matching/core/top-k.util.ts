/**
 * Bounded min-heap keeping the k highest scores. Ties are broken by the lower index, so rankings are
 * deterministic whatever order items are offered in.
 */
export class TopK {
  private readonly idx: Int32Array;
  private readonly val: Float64Array;
  private n = 0;

  constructor(readonly k: number) {
    const size = Math.max(0, Math.floor(k));
    this.idx = new Int32Array(size);
    this.val = new Float64Array(size);
  }

  /** True when (a, ia) ranks below (b, ib). */
  private static worse(a: number, ia: number, b: number, ib: number): boolean {
    return a < b || (a === b && ia > ib);
  }

  /** Lowest kept score (−Infinity until full): callers can skip work for items that cannot enter. */
  get threshold(): number {
    return this.n < this.idx.length ? -Infinity : this.val[0];
  }

  offer(index: number, score: number): void {
    const cap = this.idx.length;
    if (cap === 0 || Number.isNaN(score)) return;
    if (this.n < cap) {
      let i = this.n++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!TopK.worse(score, index, this.val[parent], this.idx[parent])) break;
        this.val[i] = this.val[parent];
        this.idx[i] = this.idx[parent];
        i = parent;
      }
      this.val[i] = score;
      this.idx[i] = index;
      return;
    }
    if (!TopK.worse(this.val[0], this.idx[0], score, index)) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= cap) break;
      const r = l + 1;
      const c = r < cap && TopK.worse(this.val[r], this.idx[r], this.val[l], this.idx[l]) ? r : l;
      if (!TopK.worse(this.val[c], this.idx[c], score, index)) break;
      this.val[i] = this.val[c];
      this.idx[i] = this.idx[c];
      i = c;
    }
    this.val[i] = score;
    this.idx[i] = index;
  }

  /** Kept items, best first; empties the heap. */
  drain(): Array<{ index: number; score: number }> {
    const out = Array.from({ length: this.n }, (_, i) => ({ index: this.idx[i], score: this.val[i] }));
    this.n = 0;
    return out.sort((a, b) => b.score - a.score || a.index - b.index);
  }
}
