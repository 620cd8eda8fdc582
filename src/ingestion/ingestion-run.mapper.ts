import { IngestionErrorEntity, IngestionRunEntity } from './ingestion-run.entity';
import { IngestionIssueModel, IngestionRunModel } from './ingestion-run.model';
import { IssueSeverity } from './ingestion.enums';

export function toIngestionRunModel(run: IngestionRunEntity): IngestionRunModel {
  const end = run.finishedAt ?? (run.startedAt ? new Date() : null);
  const durationMs = run.startedAt && end ? end.getTime() - run.startedAt.getTime() : null;
  return {
    id: run.id,
    kind: run.kind,
    format: run.format,
    preset: run.preset,
    sourceName: run.sourceName,
    status: run.status,
    rowsRead: run.rowsRead,
    bytesRead: run.bytesRead,
    fileSize: run.fileSize,
    progress: run.status === 'COMPLETED' ? 1 : run.fileSize ? Math.min(1, run.bytesRead / run.fileSize) : 0,
    accepted: run.accepted,
    duplicates: run.duplicates,
    rejected: run.rejected,
    warnings: run.warnings,
    durationMs,
    rowsPerSecond: durationMs && durationMs > 0 ? Math.round((run.rowsRead / durationMs) * 1000) : null,
    timings: run.timings ?? {},
    error: run.error,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

export function toIngestionIssueModel(row: IngestionErrorEntity): IngestionIssueModel {
  return {
    id: row.id,
    line: row.line,
    pointer: row.pointer,
    field: row.field,
    value: row.value,
    code: row.code,
    message: row.message,
    severity: row.severity as IssueSeverity,
  };
}
