import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Client } from 'pg';
import { Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SkillTaxonomyService } from '../skills/skill-taxonomy.service';
import { IngestionRunEntity } from './ingestion-run.entity';
import { BatchOutcome, IngestionBatch, RowIssue, writeBatch } from './ingestion-batch.writer';
import { IngestionFormat, IngestionKind, IngestionStatus } from './ingestion.enums';
import { IngestionException, IngestionExceptionCode } from './ingestion.exception';
import { FieldIssue, RawPostingRecord, RawSurveyRecord } from './ingestion.types';
import { MappingError, RawSeriesRecord } from './mapping/column-mapping';
import { normalizePosting, PostingNormalizationContext } from './normalizers/posting.normalizer';
import { normalizeSeriesPoint } from './normalizers/series.normalizer';
import { normalizeSurvey } from './normalizers/survey.normalizer';
import { readCsvRows } from './parsers/csv-source';
import { sniffFile } from './parsers/file-sniffer';
import { readJsonLdRows, readNdjsonRows } from './parsers/json-source';
import { FileFormatError, SourceRow } from './parsers/source-row';

const BATCH_ROWS = 5000;
const MAX_STORED_WARNINGS_PER_CODE = 100;
const MAX_STORED_ERRORS = 100_000;

export type ProgressReporter = (progress: { rowsRead: number; bytesRead: number; fraction: number }) => void | Promise<void>;

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Executes one ingestion run: stream → map → normalise → write in atomic batches. Resumes after
 * the last committed batch, so Bull's at-least-once delivery and killed workers lose and
 * duplicate nothing.
 */
@Injectable()
export class IngestionRunnerService {
  private readonly logger = new Logger(IngestionRunnerService.name);

  constructor(
    @InjectRepository(IngestionRunEntity) private readonly runs: Repository<IngestionRunEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly taxonomy: SkillTaxonomyService,
  ) {}

  async execute(runId: string, report?: ProgressReporter): Promise<IngestionRunEntity> {
    const run = await this.runs.findOneBy({ id: runId });
    if (!run) throw new IngestionException(`ingestion run ${runId} not found`, IngestionExceptionCode.RUN_NOT_FOUND);
    if (run.status === IngestionStatus.COMPLETED || run.status === IngestionStatus.FAILED) return run;
    const started = Date.now();
    await this.runs.update(run.id, { status: IngestionStatus.RUNNING, startedAt: run.startedAt ?? new Date() });

    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'hirescope-ingest' });
    await client.connect();
    // Safe here: a Postgres crash loses the last commits *with* their checkpoint, and the run resumes
    // from the older checkpoint. It only skips waiting for the WAL flush on every batch.
    // JIT compilation costs more than it saves on these small batch statements.
    await client.query('SET synchronous_commit = off; SET jit = off');
    try {
      const timings = await this.stream(run, client, report);
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
        throw error;
      }
    } finally {
      await client.end().catch(() => undefined);
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

  private async stream(run: IngestionRunEntity, client: Client, report?: ProgressReporter): Promise<Record<string, number>> {
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
    let batch = this.emptyBatch(run, fileHash);
    const seenInBatch = new Set<string>();

    const flush = async () => {
      const ready = batch;
      batch = this.emptyBatch(run, fileHash);
      seenInBatch.clear();
      ready.rowsConsumed = consumed;
      ready.bytesRead = bytesRead;
      const waitStart = Date.now();
      if (pendingWrite) await pendingWrite;
      timings.writeWaitMs += Date.now() - waitStart;
      // Overlap: Postgres writes this batch while we parse the next one.
      pendingWrite = writeBatch(client, ready);
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
      if (this.batchSize(batch) >= BATCH_ROWS) await flush();
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
          ? normalizeSurvey(row.fields as RawSurveyRecord, this.config.salaryOutlierBounds)
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
      const posting = result.value as IngestionBatch['postings'][number];
      if (seenInBatch.has(posting.contentHash)) {
        batch.inBatchDuplicates++;
        return;
      }
      seenInBatch.add(posting.contentHash);
      batch.postings.push(posting);
    } else if (kind === IngestionKind.SURVEY) {
      batch.surveys.push({ line: row.line ?? batch.surveys.length, value: result.value as IngestionBatch['surveys'][number]['value'] });
    } else {
      batch.series.push(result.value as IngestionBatch['series'][number]);
    }
  }

  private batchSize(batch: IngestionBatch): number {
    return batch.postings.length + batch.surveys.length + batch.series.length + batch.rejected + batch.inBatchDuplicates;
  }

  private emptyBatch(run: IngestionRunEntity, fileHash: string): IngestionBatch {
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
      postings: [],
      surveys: [],
      series: [],
    };
  }

  private async postingContext(run: IngestionRunEntity): Promise<PostingNormalizationContext> {
    const taxonomy = await this.taxonomy.current();
    return {
      source: run.sourceName ?? 'upload',
      extractor: taxonomy.extractor,
      skillIds: taxonomy.idsByName,
      outlierBounds: this.config.salaryOutlierBounds,
      dateFormat: typeof run.mapping === 'object' && run.mapping ? (run.mapping as { dateFormat?: string }).dateFormat : undefined,
    };
  }
}
