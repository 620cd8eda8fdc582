import { Readable } from 'node:stream';

/** Output chunks for COPY: small enough for malloc to reuse freed memory instead of faulting in fresh pages. */
const CHUNK_BYTES = 64 << 10;

/**
 * A batch's rows encoded as COPY text the moment they are normalised, in one reusable buffer. A batch
 * then holds bytes outside the JS heap instead of ~10k objects and their strings: those die young, and
 * the collector no longer copies and marks every row of the two batches in flight (it was ~17% of the
 * ingest process's CPU).
 */
export class EncodedRows {
  private buffer: Buffer;
  private used = 0;
  /** End offset (exclusive) of each row; row i starts where row i - 1 ends. */
  private readonly ends: number[] = [];

  constructor(initialBytes = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  get count(): number {
    return this.ends.length;
  }

  /** Appends one row's text (UTF-8). The row's line ending, if any, is part of the text. */
  append(text: string): void {
    const worstCase = this.used + text.length * 3;
    if (worstCase > this.buffer.length) this.grow(worstCase);
    this.used += this.buffer.write(text, this.used, 'utf8');
    this.ends.push(this.used);
  }

  /** Empties the rows and keeps the buffer for the next batch. */
  clear(): void {
    this.used = 0;
    this.ends.length = 0;
  }

  /**
   * The rows for which `include` holds, each wrapped in `prefix(i)` and `suffix(i)`, as a stream of
   * COPY-sized chunks. The buffer must not change until the stream has been consumed.
   */
  toStream(include: (i: number) => boolean, prefix: ((i: number) => string) | null, suffix: ((i: number) => string) | null): Readable {
    return Readable.from(this.chunks(include, prefix, suffix), { objectMode: false });
  }

  private *chunks(include: (i: number) => boolean, prefix: ((i: number) => string) | null, suffix: ((i: number) => string) | null): Generator<Buffer> {
    let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let at = 0;
    for (let i = 0, start = 0; i < this.ends.length; start = this.ends[i++]) {
      if (!include(i)) continue;
      const head = prefix ? prefix(i) : '';
      const tail = suffix ? suffix(i) : '';
      const size = this.ends[i] - start + (head.length + tail.length) * 3;
      if (at + size > chunk.length) {
        if (at > 0) yield chunk.subarray(0, at);
        chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, size));
        at = 0;
      }
      if (head) at += chunk.write(head, at, 'utf8');
      at += this.buffer.copy(chunk, at, start, this.ends[i]);
      if (tail) at += chunk.write(tail, at, 'utf8');
    }
    if (at > 0) yield chunk.subarray(0, at);
  }

  private grow(minimum: number): void {
    const next = Buffer.allocUnsafe(Math.max(minimum, this.buffer.length * 2));
    this.buffer.copy(next, 0, 0, this.used);
    this.buffer = next;
  }
}
