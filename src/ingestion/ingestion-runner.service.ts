import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Client } from 'pg';
import { Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OnetIndexService } from '../occupations/onet-index.service';
import { SkillTaxonomyService } from '../skills/skill-taxonomy.service';
import { IngestionRunEntity } from './ingestion-run.entity';
import { EncodedRows } from './encoded-rows';
import { addPosting, addSurvey, BatchOutcome, IngestionBatch, RowIssue, writeBatch } from './ingestion-batch.writer';
import { IngestionFormat, IngestionKind, IngestionStatus } from './ingestion.enums';
import { IngestionException, IngestionExceptionCode } from './ingestion.exception';
import { FieldIssue, RawPostingRecord, RawSurveyRecord } from './ingestion.types';
import { MappingError, RawSeriesRecord } from './mapping/column-mapping';
import { NormalizedPosting, NormalizedSeriesPoint, NormalizedSurvey } from './normalizers/normalized-records';
import { normalizePosting, PostingNormalizationContext } from './normalizers/posting.normalizer';
import { normalizeSeriesPoint } from './normalizers/series.normalizer';
import { normalizeSurvey } from './normalizers/survey.normalizer';
import { readCsvRows } from './parsers/csv-source';
import { fileChunks } from './parsers/decoded-chunks';
import { sniffFile } from './parsers/file-sniffer';
import { readJsonLdRows, readNdjsonRows } from './parsers/json-source';
import { FileFormatError, SourceRow } from './parsers/source-row';
import { isTransientDatabaseError } from './transient-database-error.util';

/**
 * Rows per committed batch. Survey rows are small: large batches spread the per-batch statements over
 * more rows. Postings carry ~2 KB descriptions, and two batches are in memory at once.
 */
const BATCH_ROWS: Record<IngestionKind, number> = {
  [IngestionKind.POSTINGS]: 10_000,
  [IngestionKind.SURVEY]: 20_000,
  [IngestionKind.SERIES]: 5000,
};
/**
 * While a batch is being written, give the event loop a turn every this many rows. Parsing a chunk
 * runs on microtasks only, so without it the writer's socket replies wait for the next file read and
 * every round trip of the write costs a whole chunk of parsing.
 */
const YIELD_EVERY_ROWS = 200;
const MAX_STORED_WARNINGS_PER_CODE = 100;
const MAX_STORED_ERRORS = 100_000;
/** Postgres unreachable (restart, failover, network cut): retry for this long after the last committed batch. */
const RETRY_WINDOW_MS = 120_000;
const RETRY_DELAY_MS = { first: 500, max: 5000 };
const LOCK_POLL_MS = 500;

/** The worker is stopping: the run stopped at a committed batch and is handed back to the queue. */
export class IngestionInterruptedError extends Error {
  constructor(runId: string, committedLine?: number) {
    super(`worker shutting down: run ${runId} released${committedLine === undefined ? '' : ` after line ${committedLine}`}`);
    this.name = IngestionInterruptedError.name;
  }
}

export type ProgressReporter = (progress: { rowsRead: number; bytesRead: number; fraction: number }) => void | Promise<void>;

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fileChunks(path)) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * Executes one ingestion run: stream → map → normalise → write in atomic batches. Resumes after
 * the last committed batch, so Bull's at-least-once delivery and killed workers lose and
 * duplicate nothing. Rides out Postgres outages by resuming from the checkpoint, and on shutdown
 * stops at a batch boundary.
 */
@Injectable()
export class IngestionRunnerService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(IngestionRunnerService.name);
  private stopping = false;
  private readonly wakeOnStop = new Set<() => void>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    @InjectRepository(IngestionRunEntity) private readonly runs: Repository<IngestionRunEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly taxonomy: SkillTaxonomyService,
    private readonly occupations: OnetIndexService,
  ) {}

  /** Nest calls this before Bull closes the queues: current runs stop at their next batch and are released. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const wake of this.wakeOnStop) wake();
    await Promise.allSettled([...this.inFlight]);
  }

  async execute(runId: string, report?: ProgressReporter): Promise<IngestionRunEntity> {
    const work = this.executeWithRetries(runId, report);
    this.inFlight.add(work);
    try {
      return await work;
    } finally {
      this.inFlight.delete(work);
    }
  }

  /**
   * Transient database errors (the server restarting, a network cut) retry in-process from the last
   * checkpoint with capped exponential backoff, so an outage of seconds spends none of Bull's attempts.
   */
  private async executeWithRetries(runId: string, report?: ProgressReporter): Promise<IngestionRunEntity> {
    const progress = { lastCommitAt: Date.now() };
    let failures = 0;
    let failedSince = progress.lastCommitAt;
    for (;;) {
      try {
        return await this.executeOnce(runId, progress, report);
      } catch (error) {
        const transient = isTransientDatabaseError(error);
        // Stopping while the database is away: hand the run back rather than spend an attempt on it.
        if (transient && this.stopping) throw new IngestionInterruptedError(runId);
        if (!transient || Date.now() - progress.lastCommitAt > RETRY_WINDOW_MS) throw error;
        if (progress.lastCommitAt > failedSince) failures = 0; // the last attempt got somewhere: start the backoff over
        failedSince = Date.now();
        const delay = Math.min(RETRY_DELAY_MS.max, RETRY_DELAY_MS.first * 2 ** failures++);
        this.logger.warn(`run ${runId}: database unavailable (${(error as Error).message}); retrying in ${delay} ms`);
        await this.sleepUnlessStopping(delay);
      }
    }
  }

  private async executeOnce(runId: string, progress: { lastCommitAt: number }, report?: ProgressReporter): Promise<IngestionRunEntity> {
    if (this.stopping) throw new IngestionInterruptedError(runId);
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'hirescope-ingest' });
    // A connection lost while idle is reported here; the next query on it fails and the run retries.
    client.on('error', (error) => this.logger.warn(`run ${runId}: ingest connection lost: ${error.message}`));
    try {
      await client.connect();
      // Safe here: a Postgres crash loses the last commits *with* their checkpoint, and the run resumes
      // from the older checkpoint. It only skips waiting for the WAL flush on every batch.
      // JIT compilation costs more than it saves on these small batch statements.
      await client.query('SET synchronous_commit = off; SET jit = off');
      await this.lockRun(client, runId);
      return await this.executeLocked(runId, client, progress, report);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /**
   * One executor per run. Bull delivers at least once, and a job re-queued after Redis lost it can
   * meet its old executor still at work; the session lock goes with the connection, so a dead
   * executor never holds it.
   */
  private async lockRun(client: Client, runId: string): Promise<void> {
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [`ingestion-run:${runId}`]);
      if (rows[0].locked) return;
      if (this.stopping) throw new IngestionInterruptedError(runId);
      await this.sleepUnlessStopping(LOCK_POLL_MS);
    }
  }

  private sleepUnlessStopping(ms: number): Promise<void> {
    return new Promise((done) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakeOnStop.delete(wake);
        done();
      };
      const timer = setTimeout(wake, ms);
      this.wakeOnStop.add(wake);
    });
  }

  private async executeLocked(runId: string, client: Client, progress: { lastCommitAt: number }, report?: ProgressReporter): Promise<IngestionRunEntity> {
    const run = await this.runs.findOneBy({ id: runId });
    if (!run) throw new IngestionException(`ingestion run ${runId} not found`, IngestionExceptionCode.RUN_NOT_FOUND);
    if (run.status === IngestionStatus.COMPLETED || run.status === IngestionStatus.FAILED) return run;
    const started = Date.now();
    await this.runs.update(run.id, { status: IngestionStatus.RUNNING, startedAt: run.startedAt ?? new Date() });
    try {
      const timings = await this.stream(run, client, progress, report);
      await this.runs.update(run.id, {
        status: IngestionStatus.COMPLETED,
        finishedAt: new Date(),
        timings: { ...timings, totalMs: Date.now() - started },
      });
    } catch (error) {
      if (error instanceof FileFormatError || error instanceof MappingError) {
        // The file itself is unusable: retrying cannot help, so the run fails with the reason.
        await this.fail(run.id, error.code, error.message);
      } else {
        // Released at shutdown: waiting for a worker again, resuming after its checkpoint.
        if (error instanceof IngestionInterruptedError) await this.runs.update(run.id, { status: IngestionStatus.QUEUED });
        throw error;
      }
    }
    return (await this.runs.findOneBy({ id: run.id }))!;
  }

  markFailed(runId: string, code: string, message: string): Promise<void> {
    return this.fail(runId, code, message);
  }

  private async fail(runId: string, code: string, message: string): Promise<void> {
    await this.runs.update(runId, { status: IngestionStatus.FAILED, error: `${code}: ${message}`, finishedAt: new Date() });
    await this.runs.query(
      `INSERT INTO ingestion_errors (run_id, code, message, severity) VALUES ($1, $2, $3, 'ERROR') ON CONFLICT DO NOTHING`,
      [runId, code, message.slice(0, 1000)],
    );
  }

  private async stream(run: IngestionRunEntity, client: Client, progress: { lastCommitAt: number }, report?: ProgressReporter): Promise<Record<string, number>> {
    if (!run.filePath) throw new FileFormatError('FILE_MISSING', 'run has no file');
    const fileSize = (await stat(run.filePath).catch(() => null))?.size;
    if (fileSize === undefined) throw new FileFormatError('FILE_MISSING', `the uploaded file is gone (${run.filePath})`);
    const fileHash = run.fileHash ?? (await sha256File(run.filePath));
    if (!run.fileHash) await this.runs.update(run.id, { fileHash, fileSize });

    const sniff = await sniffFile(run.filePath, run.format);
    let bytesRead = 0;
    const onBytes = (n: number) => (bytesRead += n);
    const common = { kind: run.kind, preset: run.preset ?? undefined, mapping: run.mapping ?? undefined, afterLine: 0, onBytes };
    const source: AsyncGenerator<SourceRow, unknown> =
      sniff.format === IngestionFormat.CSV
        ? readCsvRows(run.filePath, { ...common, delimiter: sniff.delimiter, encoding: sniff.encoding })
        : sniff.format === IngestionFormat.NDJSON
          ? readNdjsonRows(run.filePath, { ...common, encoding: sniff.encoding })
          : readJsonLdRows(run.filePath, { ...common, html: sniff.format === IngestionFormat.HTML, encoding: sniff.encoding });

    const context = await this.postingContext(run);
    const timings = { parseMs: 0, normalizeMs: 0, writeWaitMs: 0 };
    const storedWarnings = new Map<string, number>();
    let storedErrors = 0;
    const skipUntil = run.committedLine; // rows consumed by earlier attempts, already committed
    let consumed = 0;
    let pendingWrite: Promise<BatchOutcome> | undefined;
    let writing = false;
    let sinceYield = 0;
    const batchRows = BATCH_ROWS[run.kind];
    // Two sets of row buffers take turns: one fills while the other is written.
    const newBuffers = () => ({ rows: new EncodedRows(), facts: new EncodedRows() });
    const spareBuffers = [newBuffers()];
    let batch = this.emptyBatch(run, fileHash, newBuffers());
    const seenInBatch = new Set<string>();

    const flush = async () => {
      const ready = batch;
      const waitStart = Date.now();
      if (pendingWrite) await pendingWrite;
      timings.writeWaitMs += Date.now() - waitStart;
      batch = this.emptyBatch(run, fileHash, spareBuffers.pop() ?? newBuffers());
      seenInBatch.clear();
      ready.rowsConsumed = consumed;
      ready.bytesRead = bytesRead;
      // Overlap: Postgres writes this batch while we parse the next one.
      writing = true;
      pendingWrite = writeBatch(client, ready).then(
        (outcome) => {
          writing = false;
          progress.lastCommitAt = Date.now();
          ready.rows.clear();
          ready.facts.clear();
          spareBuffers.push({ rows: ready.rows, facts: ready.facts });
          return outcome;
        },
        (error: unknown) => {
          writing = false;
          throw error;
        },
      );
      // A failed write is awaited (and thrown) at the next flush; until then it must not count as unhandled.
      pendingWrite.catch(() => undefined);
      await report?.({ rowsRead: consumed, bytesRead, fraction: fileSize ? Math.min(1, bytesRead / fileSize) : 0 });
    };

    const addIssue = (row: SourceRow, issue: FieldIssue | SourceRow['rejection'], severity: RowIssue['severity']) => {
      if (!issue) return;
      if (severity === 'WARNING') {
        const count = storedWarnings.get(issue.code) ?? 0;
        storedWarnings.set(issue.code, count + 1);
        if (count >= MAX_STORED_WARNINGS_PER_CODE) return;
      } else if (storedErrors++ >= MAX_STORED_ERRORS) return;
      const value = 'value' in issue && issue.value !== undefined ? String(issue.value) : null;
      batch.issues.push({ line: row.line, pointer: row.pointer, field: issue.field ?? null, value, code: issue.code, message: issue.message, severity });
    };

    let parseStart = Date.now();
    for await (const row of source) {
      timings.parseMs += Date.now() - parseStart;
      consumed++;
      if (consumed <= skipUntil) {
        parseStart = Date.now();
        continue;
      }
      const normalizeStart = Date.now();
      if (row.rejection || !row.fields) {
        batch.rejected++;
        addIssue(row, row.rejection ?? { code: 'EMPTY_ROW', message: 'row has no fields' }, 'ERROR');
      } else {
        this.normalizeInto(run.kind, row, context, batch, seenInBatch, addIssue);
      }
      timings.normalizeMs += Date.now() - normalizeStart;
      if (writing && ++sinceYield >= YIELD_EVERY_ROWS) {
        sinceYield = 0;
        await nextTurn();
      }
      if (this.batchSize(batch) >= batchRows) {
        await flush();
        if (this.stopping) {
          await pendingWrite;
          throw new IngestionInterruptedError(run.id, consumed);
        }
      }
      parseStart = Date.now();
    }
    await flush();
    await pendingWrite;
    this.logger.log(`run ${run.id}: ${consumed} rows, parse ${timings.parseMs} ms, normalise ${timings.normalizeMs} ms, waited for writes ${timings.writeWaitMs} ms`);
    return timings;
  }

  private normalizeInto(
    kind: IngestionKind,
    row: SourceRow,
    context: PostingNormalizationContext,
    batch: IngestionBatch,
    seenInBatch: Set<string>,
    addIssue: (row: SourceRow, issue: FieldIssue, severity: RowIssue['severity']) => void,
  ): void {
    const result =
      kind === IngestionKind.POSTINGS
        ? normalizePosting(row.fields as RawPostingRecord, context)
        : kind === IngestionKind.SURVEY
          ? normalizeSurvey(row.fields as RawSurveyRecord, this.config.salaryOutlierBounds, context.occupations)
          : normalizeSeriesPoint(row.fields as RawSeriesRecord, 'imported');
    if (!result.ok) {
      batch.rejected++;
      // One row is one rejection, however many fields were wrong; each reason is stored.
      for (const error of result.errors) addIssue(row, error, 'ERROR');
      return;
    }
    for (const warning of result.warnings) addIssue(row, warning, 'WARNING');
    batch.warnings += result.warnings.length;
    if (kind === IngestionKind.POSTINGS) {
      const posting = result.value as NormalizedPosting;
      if (seenInBatch.has(posting.contentHash)) {
        batch.inBatchDuplicates++;
        return;
      }
      seenInBatch.add(posting.contentHash);
      addPosting(batch, posting);
    } else if (kind === IngestionKind.SURVEY) {
      addSurvey(batch, row.line ?? batch.surveyLines.length, result.value as NormalizedSurvey);
    } else {
      batch.series.push(result.value as NormalizedSeriesPoint);
    }
  }

  private batchSize(batch: IngestionBatch): number {
    return batch.rows.count + batch.series.length + batch.rejected + batch.inBatchDuplicates;
  }

  private emptyBatch(run: IngestionRunEntity, fileHash: string, buffers: Pick<IngestionBatch, 'rows' | 'facts'>): IngestionBatch {
    return {
      runId: run.id,
      ingestionRunId: run.id,
      kind: run.kind,
      fileHash,
      rowsConsumed: 0,
      bytesRead: 0,
      rejected: 0,
      warnings: 0,
      inBatchDuplicates: 0,
      issues: [],
      ...buffers,
      postingHashes: [],
      postingCompanies: [],
      surveyLines: [],
      series: [],
    };
  }

  private async postingContext(run: IngestionRunEntity): Promise<PostingNormalizationContext> {
    const [taxonomy, occupations] = await Promise.all([this.taxonomy.current(), this.occupations.current()]);
    return {
      occupations,
      source: run.sourceName ?? 'upload',
      extractor: taxonomy.extractor,
      skillIds: taxonomy.idsByName,
      outlierBounds: this.config.salaryOutlierBounds,
      dateFormat: typeof run.mapping === 'object' && run.mapping ? (run.mapping as { dateFormat?: string }).dateFormat : undefined,
    };
  }
}
