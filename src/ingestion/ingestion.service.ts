import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { decodeCursor, encodeCursor, toConnection } from '../graphql/pagination';
import { JobQueueService } from '../queues/job-queue.service';
import { IngestionErrorEntity, IngestionRunEntity } from './ingestion-run.entity';
import { toIngestionIssueModel, toIngestionRunModel } from './ingestion-run.mapper';
import { IngestionIssueConnection, IngestionRunConnection, IngestionRunModel } from './ingestion-run.model';
import { IngestionFormat, IngestionKind, IngestionStatus, IssueSeverity } from './ingestion.enums';
import { IngestionException, IngestionExceptionCode } from './ingestion.exception';
import { parseUserMapping } from './mapping/column-mapping';
import { presetByName } from './mapping/presets';

export interface NewFileRun {
  kind: IngestionKind;
  format?: IngestionFormat;
  preset?: string;
  mapping?: unknown;
  filePath: string;
  fileSize?: number;
  sourceName?: string;
  organizationId?: string | null;
}

/** Creates runs, queues them, and answers questions about them. The work itself is IngestionRunnerService. */
@Injectable()
export class IngestionService {
  private readonly pendingFirstPages = new Map<string, { runIds: Set<string>; pages: Promise<Map<string, IngestionIssueConnection>> }>();

  constructor(
    @InjectRepository(IngestionRunEntity) private readonly runs: Repository<IngestionRunEntity>,
    @InjectRepository(IngestionErrorEntity) private readonly issues: Repository<IngestionErrorEntity>,
    private readonly jobs: JobQueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  uploadDir(): string {
    return resolve(this.config.dataDir, 'uploads');
  }

  /** Reject bad options before anything is queued: an unknown preset or mapping is the caller's error. */
  validateOptions(kind: IngestionKind, preset?: string, mapping?: unknown): unknown {
    try {
      if (preset) {
        const found = presetByName(preset);
        if (found.kind !== kind) throw new Error(`preset ${preset} is for ${found.kind}, not ${kind}`);
      }
      return mapping === undefined || mapping === null || mapping === '' ? undefined : parseUserMapping(mapping, kind);
    } catch (error) {
      throw new IngestionException((error as Error).message, IngestionExceptionCode.INVALID_INPUT);
    }
  }

  async startFileRun(input: NewFileRun): Promise<IngestionRunModel> {
    const mapping = this.validateOptions(input.kind, input.preset, input.mapping);
    const run = await this.runs.save(
      this.runs.create({
        kind: input.kind,
        format: input.format ?? IngestionFormat.CSV,
        preset: input.preset ?? null,
        mapping: mapping ?? null,
        filePath: input.filePath,
        fileSize: input.fileSize ?? null,
        sourceName: input.sourceName ?? null,
        organizationId: input.organizationId ?? null,
        status: IngestionStatus.QUEUED,
        timings: {},
      }),
    );
    const jobId = await this.jobs.enqueueIngest(run.id);
    await this.runs.update(run.id, { jobId });
    return toIngestionRunModel((await this.runs.findOneBy({ id: run.id }))!);
  }

  /** Small batches over GraphQL go through the same job: written as NDJSON, then queued. */
  async startRecordsRun(kind: IngestionKind, records: unknown[], options: { preset?: string; source?: string; organizationId?: string | null }): Promise<IngestionRunModel> {
    await mkdir(this.uploadDir(), { recursive: true });
    const filePath = join(this.uploadDir(), `${randomUUID()}.ndjson`);
    const body = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
    await writeFile(filePath, body);
    return this.startFileRun({
      kind,
      format: IngestionFormat.NDJSON,
      preset: options.preset,
      filePath,
      fileSize: Buffer.byteLength(body),
      sourceName: options.source ?? 'graphql',
      organizationId: options.organizationId,
    });
  }

  async retry(id: string): Promise<IngestionRunModel> {
    const run = await this.findEntity(id);
    if (run.status === IngestionStatus.COMPLETED) {
      throw new IngestionException('run already completed; ingest the file again to re-check it', IngestionExceptionCode.RUN_NOT_RETRYABLE);
    }
    // Resumes after the last committed batch; the error is cleared for the new attempt.
    await this.runs.update(id, { status: IngestionStatus.QUEUED, error: null, finishedAt: null });
    await this.jobs.requeueIngest(id);
    return this.find(id);
  }

  /** Runs accepted but not finished (all of them, or those among `ids`): each should have a live job. */
  async pendingRunIds(ids?: string[]): Promise<string[]> {
    const status = In([IngestionStatus.QUEUED, IngestionStatus.RUNNING]);
    const runs = await this.runs.find({ select: { id: true }, where: ids ? { id: In(ids), status } : { status } });
    return runs.map((r) => r.id);
  }

  private async findEntity(id: string): Promise<IngestionRunEntity> {
    const run = /^[0-9a-f-]{36}$/i.test(id) ? await this.runs.findOneBy({ id }) : null;
    if (!run) throw new IngestionException(`ingestion run ${id} not found`, IngestionExceptionCode.RUN_NOT_FOUND);
    return run;
  }

  async find(id: string): Promise<IngestionRunModel> {
    return toIngestionRunModel(await this.findEntity(id));
  }

  async list(first: number, after?: string, status?: IngestionStatus): Promise<IngestionRunConnection> {
    const cursor = decodeCursor(after, ['timestamp', 'uuid']);
    const query = this.runs.createQueryBuilder('r').orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').take(first + 1);
    if (status) query.andWhere('r.status = :status', { status });
    const total = await query.clone().getCount();
    if (cursor) query.andWhere('(r.created_at, r.id) < (:createdAt, :id)', { createdAt: cursor[0], id: cursor[1] });
    // Cursor from Postgres' own text of created_at: a JS Date would drop the microseconds.
    const { entities, raw } = await query.addSelect('r.created_at::text', 'cursor_at').getRawAndEntities();
    const cursorAt = new Map(raw.map((r: { r_id: string; cursor_at: string }) => [r.r_id, r.cursor_at]));
    return toConnection(entities, first, total, (r) => encodeCursor([cursorAt.get(r.id)!, r.id]), toIngestionRunModel);
  }

  /**
   * A run's rejected rows and warnings. First pages asked for by several runs at once (a listing's
   * `ingestionRuns { edges { node { errors } } }`) are gathered and read in one query, not one per run.
   */
  listIssues(runId: string, first: number, after?: string, severity?: IssueSeverity): Promise<IngestionIssueConnection> {
    if (after) return this.issuesAfter(runId, first, after, severity);
    const key = `${first}|${severity ?? ''}`;
    let batch = this.pendingFirstPages.get(key);
    if (!batch) {
      const runIds = new Set<string>();
      const pages = new Promise((resolve) => setImmediate(resolve)).then(() => {
        this.pendingFirstPages.delete(key);
        return this.firstIssuePages([...runIds], first, severity);
      });
      this.pendingFirstPages.set(key, (batch = { runIds, pages }));
    }
    batch.runIds.add(runId);
    return batch.pages.then((pages) => pages.get(runId)!);
  }

  private async firstIssuePages(runIds: string[], first: number, severity?: IssueSeverity): Promise<Map<string, IngestionIssueConnection>> {
    const rows: Array<Record<string, any>> = await this.issues.query(
      `SELECT id::text, run_id, line, pointer, field, value, code, message, severity, total FROM (
         SELECT e.*, row_number() OVER (PARTITION BY e.run_id ORDER BY e.id) AS rn, count(*) OVER (PARTITION BY e.run_id)::int AS total
           FROM ingestion_errors e WHERE e.run_id = ANY($1::uuid[]) AND ($2::text IS NULL OR e.severity = $2)) ranked
        WHERE rn <= $3 ORDER BY run_id, id`,
      [runIds, severity ?? null, first + 1],
    );
    const byRun = new Map<string, IngestionErrorEntity[]>(runIds.map((id) => [id, []]));
    const totals = new Map<string, number>();
    for (const r of rows) {
      byRun.get(r.run_id)?.push({ id: r.id, runId: r.run_id, line: r.line, pointer: r.pointer, field: r.field, value: r.value, code: r.code, message: r.message, severity: r.severity });
      totals.set(r.run_id, r.total);
    }
    return new Map(
      [...byRun.entries()].map(([runId, issues]) => [runId, toConnection(issues, first, totals.get(runId) ?? 0, (r) => encodeCursor([r.id]), toIngestionIssueModel)]),
    );
  }

  private async issuesAfter(runId: string, first: number, after: string, severity?: IssueSeverity): Promise<IngestionIssueConnection> {
    const cursor = decodeCursor(after, ['bigint']);
    const query = this.issues
      .createQueryBuilder('e')
      .where('e.run_id = :runId', { runId })
      .orderBy('e.id', 'ASC')
      .take(first + 1);
    if (severity) query.andWhere('e.severity = :severity', { severity });
    const total = await query.clone().getCount();
    if (cursor) query.andWhere('e.id > :id', { id: cursor[0] });
    const rows = await query.getMany();
    return toConnection(rows, first, total, (r) => encodeCursor([r.id]), toIngestionIssueModel);
  }

}
