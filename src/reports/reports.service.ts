import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../auth/role.enum';
import { withTenant } from '../database/tenant-transaction';
import { decodeCursor, encodeCursor, toConnection } from '../graphql/pagination';
import { JobQueueService } from '../queues/job-queue.service';
import { RequestReportInput } from './dto/request-report.input';
import { renderReport, reportFileInfo } from './render/report.renderer';
import { ReportBuilderService } from './report-builder.service';
import { ReportConnection, ReportModel } from './report.model';
import { ReportFormatEnum, ReportKindEnum, ReportStatus } from './report.enums';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_TITLES: Record<ReportKindEnum, string> = {
  [ReportKindEnum.SALARY]: 'Salary report',
  [ReportKindEnum.DEMAND]: 'Demand report',
  [ReportKindEnum.MARKET_OVERVIEW]: 'Market overview',
};

/**
 * Reports belong to an organization: every statement is scoped by it, downloads and the build job
 * included, and runs in a tenant transaction so row-level security scopes it too.
 */
@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);

  constructor(
    private readonly db: DataSource,
    private readonly jobs: JobQueueService,
    private readonly builder: ReportBuilderService,
  ) {}

  async request(principal: Principal, input: RequestReportInput): Promise<ReportModel> {
    const formats = [...new Set(input.formats)];
    const [row] = await withTenant(this.db, principal.organizationId, (m) =>
      m.query(`INSERT INTO reports (organization_id, kind, title, filter, formats) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
        principal.organizationId, input.kind, input.title ?? DEFAULT_TITLES[input.kind], JSON.stringify(input.filter ?? {}), formats,
      ]),
    );
    await this.jobs.enqueueReport(row.id, principal.organizationId);
    return this.find(principal, row.id);
  }

  async find(principal: Principal, id: string): Promise<ReportModel> {
    const model = UUID.test(id)
      ? await withTenant(this.db, principal.organizationId, async (m) => {
          const [row] = await m.query(`SELECT * FROM reports WHERE id = $1 AND organization_id = $2`, [id, principal.organizationId]);
          return row ? this.toModel(m, row) : null;
        })
      : null;
    if (!model) throw new NotFoundException(`report ${id} not found`);
    return model;
  }

  async list(principal: Principal, first: number, after?: string): Promise<ReportConnection> {
    const cursor = decodeCursor(after, ['timestamp', 'uuid']);
    const { count, rows, models } = await withTenant(this.db, principal.organizationId, async (m) => {
      const [{ count }] = await m.query(`SELECT count(*)::int AS count FROM reports WHERE organization_id = $1`, [principal.organizationId]);
      const rows = await m.query(
        `SELECT *, created_at::text AS cursor_at FROM reports WHERE organization_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
          ORDER BY created_at DESC, id DESC LIMIT $4`,
        [principal.organizationId, cursor?.[0] ?? null, cursor?.[1] ?? null, first + 1],
      );
      const models: ReportModel[] = [];
      for (const r of rows) models.push(await this.toModel(m, r));
      return { count: count as number, rows, models };
    });
    return toConnection(models.map((m, i) => ({ m, c: rows[i].cursor_at })), first, count, (x) => encodeCursor([x.c, x.m.id]), (x) => x.m);
  }

  async download(principal: Principal, id: string, format: string): Promise<{ fileName: string; contentType: string; content: Buffer }> {
    const rows = UUID.test(id)
      ? await withTenant(this.db, principal.organizationId, (m) =>
          m.query(
            `SELECT f.file_name, f.content_type, f.content FROM report_files f JOIN reports r ON r.id = f.report_id
              WHERE f.report_id = $1 AND f.format = $2 AND r.organization_id = $3`,
            [id, format.toUpperCase(), principal.organizationId],
          ),
        )
      : [];
    if (!rows.length) throw new NotFoundException(`report ${id} has no ${format} file (or does not exist)`);
    return { fileName: rows[0].file_name, contentType: rows[0].content_type, content: rows[0].content };
  }

  /**
   * The job: idempotent (a re-delivered job rebuilds and replaces the files). The job carries the
   * report's organization; each short write runs as that tenant, the market queries in between as none.
   */
  async build(organizationId: string, reportId: string, onProgress: (p: number) => Promise<void>): Promise<void> {
    const tenant = <T>(work: (m: EntityManager) => Promise<T>) => withTenant(this.db, organizationId, work);
    const [report] = await tenant((m) => m.query(`SELECT * FROM reports WHERE id = $1 AND organization_id = $2`, [reportId, organizationId]));
    if (!report || report.status === ReportStatus.COMPLETED) return;
    await tenant((m) => m.query(`UPDATE reports SET status = 'RUNNING', progress = 5, error = NULL WHERE id = $1`, [reportId]));
    const progress = async (p: number) => {
      await tenant((m) => m.query(`UPDATE reports SET progress = $2 WHERE id = $1`, [reportId, p]));
      await onProgress(p);
    };
    const { doc, modelVersions } = await this.builder.build(report.kind, report.title, report.filter, progress);
    const files = await renderReport(doc, report.formats);
    await progress(95);
    await tenant(async (m) => {
      await m.query(`DELETE FROM report_files WHERE report_id = $1`, [reportId]);
      for (const format of report.formats as ReportFormatEnum[]) {
        const info = reportFileInfo(doc, format);
        const content = (files as Record<string, Buffer>)[format];
        await m.query(`INSERT INTO report_files (report_id, format, file_name, content_type, size, content) VALUES ($1, $2, $3, $4, $5, $6)`, [
          reportId, format, info.fileName, info.contentType, content.length, content,
        ]);
      }
      await m.query(
        `UPDATE reports SET status = 'COMPLETED', progress = 100, data = $2, snapshot_at = $3, model_versions = $4, finished_at = now() WHERE id = $1`,
        [reportId, JSON.stringify(doc), doc.snapshotAt, JSON.stringify(modelVersions)],
      );
    });
  }

  async markFailed(organizationId: string, reportId: string, message: string): Promise<void> {
    await withTenant(this.db, organizationId, (m) =>
      m.query(`UPDATE reports SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1`, [reportId, message.slice(0, 500)]),
    );
  }

  private async toModel(m: EntityManager, r: any): Promise<ReportModel> {
    const files: Array<{ format: ReportFormatEnum; file_name: string; content_type: string; size: number }> =
      r.status === ReportStatus.COMPLETED ? await m.query(`SELECT format, file_name, content_type, size FROM report_files WHERE report_id = $1 ORDER BY format`, [r.id]) : [];
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      status: r.status,
      progress: r.progress,
      error: r.error,
      formats: r.formats,
      filter: r.filter,
      snapshotAt: r.snapshot_at,
      modelVersions: r.model_versions,
      downloads: files.map((f) => ({ format: f.format, path: `/reports/${r.id}/${f.format.toLowerCase()}`, fileName: f.file_name, contentType: f.content_type, size: f.size })),
      createdAt: r.created_at,
      finishedAt: r.finished_at,
    };
  }
}
