/**
 * Streams synthetic postings and survey responses to disk: CSV per RFC 4180, or schema.org JobPosting NDJSON.
 *
 * Rows are encoded straight into 4 MiB buffers (no per-chunk string concatenation, which costs more than the
 * generation itself) and written with backpressure, so memory stays flat for any row count. Postings can be
 * produced by worker threads, one shard of rows each; rows depend only on (seed, row number), so the file is
 * byte-identical whatever the worker count. Output goes to `<path>.partial` and is renamed at the end: a crash
 * never leaves a truncated file under the final name (the sample seeder reuses an existing file).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { EmploymentType, RemoteType } from '../../src/common/market.enums';
import {
  GeneratePostingsOptions,
  generatePostings,
  generateSurveyResponses,
  GenerateSurveyOptions,
  SyntheticPosting,
  SyntheticSurvey,
} from './synthetic-postings';

export const POSTINGS_CSV_HEADER =
  'source_id,title,company,industry,location,remote,employment_type,salary,posted_at,description,skills,education,experience';
export const SURVEY_CSV_HEADER =
  'work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,' +
  'remote_ratio,company_location,company_size,industry,education,satisfaction,gender,age_group,languages,certifications';

/** RFC 4180 line terminator. */
const CRLF = '\r\n';
const CHUNK_BYTES = 4 << 20;
/** Rows per worker job: large enough to amortise messaging, small enough to keep few MiB in flight. */
const SHARD_ROWS = 5000;

export type PostingsFormat = 'csv' | 'ndjson';

export interface WritePostingsOptions extends Omit<GeneratePostingsOptions, 'offset'> {
  /** Worker threads generating in parallel (default 1: in this thread). */
  workers?: number;
}

export interface WriteStats {
  path: string;
  rows: number;
  bytes: number;
  ms: number;
}

export function writePostingsCsv(path: string, opts: WritePostingsOptions): Promise<WriteStats> {
  return writePostings(path, 'csv', opts);
}

export function writePostingsNdjson(path: string, opts: WritePostingsOptions): Promise<WriteStats> {
  return writePostings(path, 'ndjson', opts);
}

export function writeSurveyCsv(path: string, opts: GenerateSurveyOptions): Promise<WriteStats> {
  const out = new ByteChunks();
  out.text(SURVEY_CSV_HEADER + CRLF);
  return writeChunks(path, opts.count, encodeRows(out, generateSurveyResponses(opts), appendSurveyCsv));
}

async function writePostings(path: string, format: PostingsFormat, opts: WritePostingsOptions): Promise<WriteStats> {
  const workers = opts.workers ?? 1;
  if (!Number.isSafeInteger(workers) || workers < 1) throw new RangeError(`workers must be a positive integer, got ${workers}`);
  const generate: GeneratePostingsOptions = { count: opts.count, seed: opts.seed, from: opts.from, to: opts.to };
  const out = new ByteChunks();
  if (format === 'csv') out.text(POSTINGS_CSV_HEADER + CRLF);
  const header = out.take();
  const chunks =
    workers === 1 || opts.count <= SHARD_ROWS
      ? encodeRows(out, generatePostings(generate), POSTING_ENCODERS[format])
      : shardedChunks(format, generate, workers);
  return writeChunks(path, opts.count, prepend(header, chunks));
}

// ---------------------------------------------------------------------------------------------------------------
// Row encoding
// ---------------------------------------------------------------------------------------------------------------

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = 0x22;

/** Appends UTF-8 text to fixed-size buffers; a row is never split across two buffers. */
class ByteChunks {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private offset = 0;
  private readonly full: Buffer[] = [];

  /** Makes room for a row of at most `maxBytes`, retiring the current buffer if needed. */
  reserve(maxBytes: number): void {
    if (this.offset + maxBytes <= this.buffer.length) return;
    if (this.offset > 0) this.full.push(this.buffer.subarray(0, this.offset));
    this.buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, maxBytes));
    this.offset = 0;
  }

  text(value: string): void {
    this.reserve(value.length * 3);
    this.offset += this.buffer.write(value, this.offset);
  }

  byte(value: number): void {
    this.buffer[this.offset++] = value;
  }

  /** Writes a field, quoted only when RFC 4180 requires it (comma, double quote, CR or LF). */
  csvField(value: string): void {
    if (!NEEDS_QUOTES.test(value)) {
      this.offset += this.buffer.write(value, this.offset);
      return;
    }
    this.buffer[this.offset++] = QUOTE;
    this.offset += this.buffer.write(value.includes('"') ? value.replace(/"/g, '""') : value, this.offset);
    this.buffer[this.offset++] = QUOTE;
  }

  /** Buffers completed so far (each handed out once). */
  drainFull(): Buffer[] {
    return this.full.splice(0);
  }

  /** Everything written so far, the current buffer included; starts a fresh buffer. */
  take(): Buffer[] {
    if (this.offset > 0) this.full.push(this.buffer.subarray(0, this.offset));
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    this.offset = 0;
    return this.drainFull();
  }
}

/** Upper bound on the UTF-8 size of a CSV row: every UTF-16 unit ≤ 3 bytes, plus quotes, escapes and separators. */
function csvRowBound(fields: readonly string[]): number {
  let bound = 2;
  for (const field of fields) bound += field.length * 3 + 3;
  return bound;
}

/**
 * Writes one CSV row. Fields under 256 characters are escaped and joined as a string first: each Buffer.write
 * call costs more than copying a short string, while long fields (descriptions) go straight into the buffer.
 */
function appendCsvRow(out: ByteChunks, fields: readonly string[]): void {
  out.reserve(csvRowBound(fields));
  let pending = '';
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (i > 0) pending += ',';
    if (field.length < 256) {
      pending += csvField(field);
      continue;
    }
    if (pending) out.text(pending);
    pending = '';
    out.csvField(field);
  }
  out.text(pending + CRLF);
}

function postingFields(p: SyntheticPosting): string[] {
  return [
    p.sourceId, p.title, p.company, p.industry, p.location, p.remote, p.employmentType, p.salaryText, p.postedAt,
    p.description, p.skills, p.education, p.experience,
  ];
}

function surveyFields(s: SyntheticSurvey): string[] {
  return [
    String(s.work_year), s.experience_level, s.employment_type, s.job_title, String(s.salary), s.salary_currency,
    String(s.salary_in_usd), s.employee_residence, String(s.remote_ratio), s.company_location, s.company_size,
    s.industry ?? '', s.education ?? '', s.satisfaction === undefined ? '' : String(s.satisfaction), s.gender ?? '',
    s.age_group ?? '', s.languages ?? '', s.certifications ?? '',
  ];
}

const appendSurveyCsv = (out: ByteChunks, s: SyntheticSurvey): void => appendCsvRow(out, surveyFields(s));

const POSTING_ENCODERS: Readonly<Record<PostingsFormat, (out: ByteChunks, p: SyntheticPosting) => void>> = {
  csv: (out, p) => appendCsvRow(out, postingFields(p)),
  ndjson: (out, p) => out.text(JSON.stringify(postingToJsonLd(p)) + '\n'),
};

function* encodeRows<T>(out: ByteChunks, rows: Iterable<T>, append: (out: ByteChunks, row: T) => void): Generator<Buffer> {
  for (const row of rows) {
    append(out, row);
    yield* out.drainFull();
  }
  yield* out.take();
}

/** String form of one CSV field (RFC 4180 quoting); the writers use the byte path, which produces the same text. */
export function csvField(value: string): string {
  if (!NEEDS_QUOTES.test(value)) return value;
  return `"${value.includes('"') ? value.replace(/"/g, '""') : value}"`;
}

/** One posting as a CSV row, without the line terminator. */
export function postingToCsvRow(p: SyntheticPosting): string {
  return postingFields(p).map(csvField).join(',');
}

/** One survey response as a CSV row, without the line terminator. */
export function surveyToCsvRow(s: SyntheticSurvey): string {
  return surveyFields(s).map(csvField).join(',');
}

/** schema.org employmentType values; freelance has none of its own, CONTRACTOR is the closest. */
const SCHEMA_EMPLOYMENT_TYPE: Readonly<Record<EmploymentType, string>> = {
  [EmploymentType.FULL_TIME]: 'FULL_TIME',
  [EmploymentType.PART_TIME]: 'PART_TIME',
  [EmploymentType.CONTRACT]: 'CONTRACTOR',
  [EmploymentType.FREELANCE]: 'CONTRACTOR',
  [EmploymentType.INTERNSHIP]: 'INTERN',
  [EmploymentType.TEMPORARY]: 'TEMPORARY',
};

/** A schema.org JobPosting as JSON-LD. Fields a CSV row leaves empty are omitted. */
export function postingToJsonLd(p: SyntheticPosting): Record<string, unknown> {
  const t = p.truth;
  const remote = t.remoteType === RemoteType.REMOTE;
  const doc: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    identifier: { '@type': 'PropertyValue', name: 'hirescope-synthetic', value: p.sourceId },
    title: p.title,
    hiringOrganization: { '@type': 'Organization', name: p.company },
  };
  if (p.industry) doc.industry = p.industry;
  doc.jobLocation = {
    '@type': 'Place',
    address: {
      '@type': 'PostalAddress',
      ...(remote ? {} : { addressLocality: t.city }),
      ...(!remote && t.regionCode ? { addressRegion: t.regionCode } : {}),
      addressCountry: t.country,
    },
  };
  if (remote) {
    doc.jobLocationType = 'TELECOMMUTE';
    doc.applicantLocationRequirements = { '@type': 'Country', name: t.country };
  }
  doc.employmentType = SCHEMA_EMPLOYMENT_TYPE[t.employmentType];
  if (t.salary) {
    const value: Record<string, unknown> = { '@type': 'QuantitativeValue' };
    if (t.salary.min === t.salary.max) value.value = t.salary.max;
    else {
      value.minValue = t.salary.min;
      value.maxValue = t.salary.max;
    }
    value.unitText = t.salary.period; // HOUR | DAY | WEEK | MONTH | YEAR, as schema.org expects
    doc.baseSalary = { '@type': 'MonetaryAmount', currency: t.salary.currency, value };
  }
  doc.datePosted = p.postedAt;
  doc.description = p.description;
  if (p.skills) doc.skills = p.skills;
  if (p.education) doc.educationRequirements = p.education;
  if (p.experience) doc.experienceRequirements = p.experience;
  return doc;
}

// ---------------------------------------------------------------------------------------------------------------
// Worker shards
// ---------------------------------------------------------------------------------------------------------------

/** Message a shard worker receives: encode rows [offset, offset + count) of the run. */
export interface ShardJob {
  id: number;
  format: PostingsFormat;
  options: GeneratePostingsOptions;
}

export interface ShardResult {
  id: number;
  chunks?: Buffer[];
  error?: string;
}

/** Encodes one shard; runs inside a worker (see write-synthetic.worker.ts). */
export function encodeShard(job: ShardJob): Buffer[] {
  const out = new ByteChunks();
  for (const posting of generatePostings(job.options)) POSTING_ENCODERS[job.format](out, posting);
  return out.take();
}

const WORKER_ENTRY = join(__dirname, `write-synthetic.worker${extname(__filename)}`);

/** Under ts-node or ts-jest the worker must register ts-node itself; compiled builds load the .js entry. */
function startWorker(): Worker {
  if (extname(WORKER_ENTRY) !== '.ts') return new Worker(WORKER_ENTRY);
  const project = resolve(__dirname, '../../tsconfig.json');
  const bootstrap =
    `require('ts-node').register({ transpileOnly: true, project: ${JSON.stringify(project)} });` +
    `require(${JSON.stringify(WORKER_ENTRY)});`;
  return new Worker(bootstrap, { eval: true });
}

/**
 * Hands shards to a pool of workers and yields their buffers in row order. At most two shards per worker are
 * in flight, so memory is bounded; the consumer's backpressure stops new shards from being handed out.
 */
async function* shardedChunks(format: PostingsFormat, opts: GeneratePostingsOptions, workerCount: number): AsyncGenerator<Buffer> {
  const shards = Math.ceil(opts.count / SHARD_ROWS);
  const pool = Array.from({ length: Math.min(workerCount, shards) }, startWorker);
  const pending = new Map<number, { resolve: (chunks: Buffer[]) => void; reject: (error: Error) => void }>();
  const results: Promise<Buffer[]>[] = [];
  const fail = (error: Error): void => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  for (const worker of pool) {
    worker.on('message', (result: ShardResult) => {
      const waiter = pending.get(result.id);
      pending.delete(result.id);
      if (result.error !== undefined) waiter?.reject(new Error(`synthetic shard ${result.id} failed: ${result.error}`));
      else waiter?.resolve((result.chunks ?? []).map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (pending.size > 0) fail(new Error(`synthetic worker exited with code ${code} while shards were pending`));
    });
  }
  const dispatch = (shard: number): void => {
    const offset = shard * SHARD_ROWS;
    const job: ShardJob = { id: shard, format, options: { ...opts, offset, count: Math.min(SHARD_ROWS, opts.count - offset) } };
    results[shard] = new Promise<Buffer[]>((resolveShard, rejectShard) => pending.set(shard, { resolve: resolveShard, reject: rejectShard }));
    results[shard].catch(() => undefined); // observed when awaited below; avoids an unhandled rejection meanwhile
    pool[shard % pool.length].postMessage(job);
  };
  try {
    const inFlight = pool.length * 2;
    for (let shard = 0; shard < Math.min(inFlight, shards); shard++) dispatch(shard);
    for (let shard = 0; shard < shards; shard++) {
      const chunks = await results[shard];
      delete results[shard];
      if (shard + inFlight < shards) dispatch(shard + inFlight);
      yield* chunks;
    }
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// File output
// ---------------------------------------------------------------------------------------------------------------

async function* prepend(first: Buffer[], rest: Iterable<Buffer> | AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield* first;
  yield* rest;
}

async function writeChunks(path: string, rows: number, chunks: Iterable<Buffer> | AsyncIterable<Buffer>): Promise<WriteStats> {
  const started = performance.now();
  const partial = `${path}.partial`;
  const stream = createWriteStream(partial);
  // Errors raised between awaits would otherwise be unhandled; `once()` rejects on errors raised while it waits.
  let failure: unknown;
  stream.on('error', (error) => (failure ??= error));
  try {
    for await (const chunk of chunks) {
      if (failure) throw failure;
      if (!stream.write(chunk)) await once(stream, 'drain');
    }
    if (failure) throw failure;
    stream.end();
    await once(stream, 'close');
    if (failure) throw failure;
  } catch (error) {
    stream.destroy();
    await unlink(partial).catch(() => undefined);
    throw error;
  }
  await rename(partial, path);
  return { path, rows, bytes: stream.bytesWritten, ms: performance.now() - started };
}
