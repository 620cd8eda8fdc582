import { SingleBar } from 'cli-progress';
import { IngestionRunModel } from '../ingestion/ingestion-run.model';
import { IngestionService } from '../ingestion/ingestion.service';

/** Poll a run to the end, drawing a progress bar by bytes when stdout is a terminal. */
export async function waitForRun(ingestion: IngestionService, runId: string, label: string): Promise<IngestionRunModel> {
  const bar = process.stdout.isTTY
    ? new SingleBar({ format: `${label} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | accepted {accepted} dup {duplicates} rejected {rejected}`, hideCursor: true })
    : undefined;
  bar?.start(100, 0, { rows: 0, rate: 0, accepted: 0, duplicates: 0, rejected: 0 });
  for (;;) {
    const run = await ingestion.find(runId);
    bar?.update(Math.round(run.progress * 100), {
      rows: run.rowsRead,
      rate: run.rowsPerSecond ?? 0,
      accepted: run.accepted,
      duplicates: run.duplicates,
      rejected: run.rejected,
    });
    if (run.status === 'COMPLETED' || run.status === 'FAILED') {
      bar?.stop();
      return run;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

export function printRunSummary(run: IngestionRunModel): void {
  const lines = [
    `run        ${run.id}`,
    `status     ${run.status}${run.error ? ` — ${run.error}` : ''}`,
    `kind       ${run.kind} (${run.format}${run.preset ? `, preset ${run.preset}` : ''})`,
    `rows read  ${run.rowsRead}`,
    `accepted   ${run.accepted}`,
    `duplicates ${run.duplicates}`,
    `rejected   ${run.rejected}`,
    `warnings   ${run.warnings}`,
    `duration   ${run.durationMs ?? 0} ms (${run.rowsPerSecond ?? 0} rows/s)`,
    `timings    ${JSON.stringify(run.timings)}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
