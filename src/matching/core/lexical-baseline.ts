import type { PostingId } from './match-features';
import { TopK } from './top-k.util';

/**
 * BM25 over skill tokens: the baseline the learned scorer must beat before promotion. A posting is a bag of skill
 * ids (each at most once, so tf = 1 and only the length normalisation differs between documents); the query is
 * the candidate's skill list. Inverted index, so a query touches only postings sharing a skill with it.
 */
export interface Bm25Options {
  k1?: number;
  b?: number;
}

export interface LexicalHit {
  postingId: PostingId;
  /** Position in the indexed array. */
  index: number;
  score: number;
}

export class Bm25Index {
  private readonly postingsOf: Map<number, Int32Array>;
  private readonly idf: Map<number, number>;
  /** Per document: (k1 + 1) / (1 + k1 · (1 − b + b · len / avgLen)), the BM25 term weight at tf = 1. */
  private readonly termWeight: Float64Array;
  private readonly scores: Float64Array;

  private constructor(
    readonly ids: readonly PostingId[],
    postingsOf: Map<number, Int32Array>,
    termWeight: Float64Array,
  ) {
    this.postingsOf = postingsOf;
    this.termWeight = termWeight;
    const n = ids.length;
    this.idf = new Map([...postingsOf].map(([s, docs]) => [s, Math.log(1 + (n - docs.length + 0.5) / (docs.length + 0.5))]));
    this.scores = new Float64Array(n);
  }

  static build(postings: ReadonlyArray<{ id: PostingId; skillIds: readonly number[] }>, options: Bm25Options = {}): Bm25Index {
    const k1 = options.k1 ?? 1.2;
    const b = options.b ?? 0.75;
    const lists = new Map<number, number[]>();
    const lengths = new Float64Array(postings.length);
    postings.forEach((p, i) => {
      const unique = new Set((p.skillIds ?? []).filter((s) => Number.isInteger(s)));
      lengths[i] = unique.size;
      for (const s of unique) {
        const list = lists.get(s);
        if (list) list.push(i);
        else lists.set(s, [i]);
      }
    });
    const avg = lengths.reduce((a, v) => a + v, 0) / Math.max(1, postings.length) || 1;
    const termWeight = lengths.map((len) => (k1 + 1) / (1 + k1 * (1 - b + (b * len) / avg)));
    return new Bm25Index(
      postings.map((p) => p.id),
      new Map([...lists].map(([s, l]) => [s, Int32Array.from(l)])),
      termWeight,
    );
  }

  get size(): number {
    return this.ids.length;
  }

  /** Top k postings for a bag of skill ids, best first; ties go to the earlier posting. Unknown skills add nothing. */
  search(skillIds: readonly number[], k: number): LexicalHit[] {
    const scores = this.scores;
    const touched: number[] = [];
    for (const s of new Set(skillIds)) {
      const docs = this.postingsOf.get(s);
      if (!docs) continue;
      const idf = this.idf.get(s) as number;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i];
        if (scores[d] === 0) touched.push(d);
        scores[d] += idf * this.termWeight[d];
      }
    }
    const top = new TopK(k);
    for (const d of touched) {
      top.offer(d, scores[d]);
      scores[d] = 0;
    }
    return top.drain().map(({ index, score }) => ({ postingId: this.ids[index], index, score }));
  }
}
