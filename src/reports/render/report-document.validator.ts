import { ChartSpec, ReportDocument, ReportTable } from './report-document.types';
import { ReportRenderException, ReportRenderExceptionCode } from './report-render.exception';

const KINDS = new Set(['SALARY', 'DEMAND', 'MARKET_OVERVIEW']);

/** Rejects documents the renderers would draw wrongly (ragged rows, misaligned series), naming the first bad path. */
export function assertRenderableReport(doc: ReportDocument): void {
  const problems: string[] = [];
  if (!KINDS.has(doc.kind)) problems.push(`kind: unknown report kind "${String(doc.kind)}"`);
  if (!doc.title?.trim()) problems.push('title: must not be empty');
  for (const field of ['generatedAt', 'snapshotAt'] as const) {
    if (Number.isNaN(Date.parse(doc[field]))) problems.push(`${field}: not an ISO timestamp ("${doc[field]}")`);
  }
  doc.sections.forEach((section, s) => {
    section.charts?.forEach((chart, c) => problems.push(...chartProblems(chart, `sections[${s}].charts[${c}]`)));
    section.tables?.forEach((table, t) => problems.push(...tableProblems(table, `sections[${s}].tables[${t}]`)));
  });
  if (problems.length) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new ReportRenderException(`Invalid report document: ${problems[0]}${more}`, ReportRenderExceptionCode.INVALID_DOCUMENT);
  }
}

function tableProblems(table: ReportTable, path: string): string[] {
  const problems: string[] = [];
  if (!table.columns.length) problems.push(`${path}.columns: a table needs at least one column`);
  table.rows.forEach((row, i) => {
    if (row.length !== table.columns.length) {
      problems.push(`${path}.rows[${i}]: expected ${table.columns.length} cells, got ${row.length}`);
    }
  });
  return problems;
}

function chartProblems(chart: ChartSpec, path: string): string[] {
  switch (chart.type) {
    case 'line':
      return chart.series.flatMap((series, i) =>
        (['values', 'lower', 'upper'] as const)
          .filter((key) => series[key] !== undefined && series[key]?.length !== chart.periods.length)
          .map((key) => `${path}.series[${i}].${key}: expected ${chart.periods.length} values (one per period), got ${series[key]?.length}`),
      );
    case 'bar':
      return chart.bars
        .map((bar, i) => (Number.isFinite(bar.value) ? null : `${path}.bars[${i}].value: not a finite number`))
        .filter((p): p is string => p !== null);
    case 'salary-range':
      return [
        ...(chart.groups.length ? [] : [`${path}.groups: a salary range chart needs at least one group`]),
        ...chart.groups
          .map((g, i) => {
            const ordered = [g.p10, g.p25, g.median, g.p75, g.p90];
            const ok = ordered.every(Number.isFinite) && ordered.every((v, k) => k === 0 || ordered[k - 1] <= v);
            return ok ? null : `${path}.groups[${i}]: percentiles must be finite and p10 ≤ p25 ≤ median ≤ p75 ≤ p90`;
          })
          .filter((p): p is string => p !== null),
      ];
  }
}
