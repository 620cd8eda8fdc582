import { escapeXml as escapeHtml } from './chart-svg.util';
import { renderChartSvg } from './chart.svg';
import { ReportDocument, ReportTable } from './report-document.types';
import { assertRenderableReport } from './report-document.validator';
import { reportMethodNotes } from './report-method-notes.util';
import { REPORT_KIND_LABELS, cellAlign, formatCell, formatCoverageCounts, formatDateRange, formatTimestamp } from './value-format.util';

/** Inline only: the file must open offline and from an e-mail attachment, so no URL appears anywhere in it. */
const STYLE = `
:root{color-scheme:light;--ink:#1f2933;--muted:#52606d;--accent:#2f5d8a;--rule:#cbd2d9;--panel:#f3f5f8;--head:#e6ebf1;--zebra:#f7f9fb}
*{box-sizing:border-box}
body{margin:0;background:#fff;color:var(--ink);font:15px/1.55 Helvetica,Arial,sans-serif}
main{max-width:860px;margin:0 auto;padding:32px 24px 48px}
.eyebrow{margin:0;color:var(--accent);font-weight:bold;font-size:12px;letter-spacing:.08em;text-transform:uppercase}
h1{margin:.25em 0 .6em;font-size:30px;line-height:1.2}
h2{margin:2em 0 .6em;padding-bottom:.25em;border-bottom:1px solid var(--rule);color:var(--accent);font-size:21px}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:6px 18px;margin:0;padding:14px 18px;background:var(--panel);border-left:3px solid var(--accent)}
.meta dt{color:var(--muted);font-weight:bold;font-size:13px;padding-top:1px}
.meta dd{margin:0}
.meta ul{margin:0;padding:0;list-style:none}
figure{margin:1.4em 0}
figure svg{display:block;width:100%;max-width:760px;height:auto}
.table-wrap{overflow-x:auto}
table{width:100%;border-collapse:collapse;font-size:13.5px;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:bold;font-size:15px;padding-bottom:6px}
caption small{display:block;font-weight:normal;color:var(--muted);font-size:12.5px}
th,td{padding:5px 8px;vertical-align:top}
thead th{background:var(--head);text-align:left}
tbody th{font-weight:normal;text-align:left}
tbody tr:nth-child(even){background:var(--zebra)}
tbody tr:last-child>*{border-bottom:1px solid var(--rule)}
.right{text-align:right}.center{text-align:center}
.notes li{margin-bottom:.4em}
footer{margin-top:3em;color:var(--muted);font-size:12.5px;border-top:1px solid var(--rule);padding-top:.8em}
@media print{main{max-width:none;padding:0}h2{break-after:avoid}figure,tr{break-inside:avoid}thead{display:table-header-group}}
`;

/** One self-contained HTML file: inline CSS, inline SVG charts (role="img" + aria-label), tables with header cells. */
export function renderReportHtml(doc: ReportDocument): Buffer {
  assertRenderableReport(doc);
  let chartCount = 0;
  let tableCount = 0;
  const sections = doc.sections.map((section, s) => {
    const id = `section-${s + 1}`;
    const parts = [
      ...(section.paragraphs ?? []).map((p) => `<p>${escapeHtml(p)}</p>`),
      ...(section.charts ?? []).map((c) => `<figure>${renderChartSvg(c, `chart-${++chartCount}`).svg}</figure>`),
      ...(section.tables ?? []).map((t) => tableHtml(t, `table-${++tableCount}`)),
    ];
    return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(section.heading)}</h2>${parts.join('\n')}</section>`;
  });
  const notes = reportMethodNotes(doc).map((n) => `<li>${escapeHtml(n)}</li>`).join('');

  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Hirescope">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<p class="eyebrow">Hirescope · ${escapeHtml(REPORT_KIND_LABELS[doc.kind])}</p>
<h1>${escapeHtml(doc.title)}</h1>
${metaHtml(doc)}
</header>
${sections.join('\n')}
<section aria-labelledby="method-notes"><h2 id="method-notes">Method notes</h2><ul class="notes">${notes}</ul></section>
<footer>Generated ${escapeHtml(formatTimestamp(doc.generatedAt))} from the data snapshot of ${escapeHtml(formatTimestamp(doc.snapshotAt))}.</footer>
</main>
</body>
</html>
`;
  return Buffer.from(html, 'utf8');
}

function metaHtml(doc: ReportDocument): string {
  const list = (items: string[]) => `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
  const coverage = [
    formatCoverageCounts(doc.coverage.postings, doc.coverage.surveyResponses),
    formatDateRange(doc.coverage.from, doc.coverage.to),
  ].filter((l): l is string => l !== null);
  const models = Object.entries(doc.modelVersions).map(([name, version]) => `${name} ${version}`);
  const rows: [string, string][] = [
    ['Filters', doc.filterSummary.length ? list(doc.filterSummary) : 'None (all data)'],
    ['Data coverage', list(coverage)],
    ['Sources', escapeHtml(doc.coverage.sources.join(', ') || '–')],
    ['Data snapshot', `<time datetime="${escapeHtml(doc.snapshotAt)}">${escapeHtml(formatTimestamp(doc.snapshotAt))}</time>`],
    ['Generated', `<time datetime="${escapeHtml(doc.generatedAt)}">${escapeHtml(formatTimestamp(doc.generatedAt))}</time>`],
    ['Model versions', models.length ? list(models) : '–'],
  ];
  return `<dl class="meta">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function tableHtml(table: ReportTable, id: string): string {
  const cls = table.columns.map((c) => {
    const align = cellAlign(c.format, c.align);
    return align === 'left' ? '' : ` class="${align}"`;
  });
  const head = table.columns.map((c, i) => `<th scope="col"${cls[i]}>${escapeHtml(c.header)}</th>`).join('');
  // The first column names the row (role, skill, month), so it is a row header for screen readers.
  const body = table.rows
    .map((row) => {
      const cells = row.map((cell, i) => {
        const text = escapeHtml(formatCell(cell, table.columns[i].format));
        return i === 0 ? `<th scope="row"${cls[i]}>${text}</th>` : `<td${cls[i]}>${text}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const empty = table.rows.length ? '' : `<tr><td colspan="${table.columns.length}">No rows match the filters.</td></tr>`;
  const caption = `${escapeHtml(table.title)}${table.caption ? `<small>${escapeHtml(table.caption)}</small>` : ''}`;
  return `<figure class="table-wrap" id="${id}"><table><caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}${empty}\n</tbody></table></figure>`;
}
