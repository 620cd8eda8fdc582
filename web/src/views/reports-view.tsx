import { FormEvent, useState } from 'react';
import { downloadFile, gql } from '../api/api-client';
import { usePolling, useQuery } from '../api/use-query';
import { MarketFilter, MarketFilterForm } from '../components/market-filter-form';
import { Async, Empty, ErrorMessage, Panel, ProgressBar } from '../components/status';
import { fmt } from '../format';
import { label, REPORT_FORMATS, REPORT_KINDS } from '../vocabulary';

interface Report {
  id: string;
  kind: string;
  title: string;
  status: 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';
  progress: number;
  error: string | null;
  formats: string[];
  createdAt: string;
  finishedAt: string | null;
  downloads: Array<{ format: string; path: string; fileName: string; size: number }>;
}

const REPORT_FIELDS = 'id kind title status progress error formats createdAt finishedAt downloads { format path fileName size }';
const LIST_QUERY = `{ reports(first: 20) { totalCount edges { node { ${REPORT_FIELDS} } } } }`;
const pending = (r: Report) => r.status === 'QUEUED' || r.status === 'RUNNING';

export function ReportsView() {
  const list = useQuery(() => gql<{ reports: { totalCount: number; edges: Array<{ node: Report }> } }>(LIST_QUERY), []);
  const [live, setLive] = useState<Record<string, Report>>({});
  const reports = (list.data?.reports.edges.map((e) => e.node) ?? []).map((r) => live[r.id] ?? r);
  const watching = reports.filter(pending);

  // Poll each unfinished report until it completes or fails.
  usePolling(
    () => {
      for (const r of watching) {
        gql<{ report: Report }>(`query($id: ID!) { report(id: $id) { ${REPORT_FIELDS} } }`, { id: r.id }).then(
          ({ report }) => setLive((current) => ({ ...current, [report.id]: report })),
          () => undefined, // the next tick retries; a persistent error shows on the list reload
        );
      }
    },
    1000,
    watching.length > 0,
  );

  return (
    <div className="grid-2 grid-wide-right">
      <RequestForm onRequested={(report) => { setLive((current) => ({ ...current, [report.id]: report })); list.reload(); }} />
      <Panel title="Your reports">
        <Async state={list} loadingLabel="Loading reports…">
          {() => (reports.length ? <ReportTable reports={reports} /> : <Empty>No reports yet. Request one on the left.</Empty>)}
        </Async>
      </Panel>
    </div>
  );
}

function RequestForm({ onRequested }: { onRequested: (report: Report) => void }) {
  const [kind, setKind] = useState<string>('SALARY');
  const [title, setTitle] = useState('');
  const [formats, setFormats] = useState<string[]>(['PDF', 'CSV', 'HTML']);
  const [filter, setFilter] = useState<MarketFilter>({});
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const input = { kind, formats, title: title.trim() || undefined, filter };
      const r = await gql<{ requestReport: Report }>(`mutation($input: RequestReportInput!) { requestReport(input: $input) { ${REPORT_FIELDS} } }`, { input });
      onRequested(r.requestReport);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (format: string) => setFormats((current) => (current.includes(format) ? current.filter((f) => f !== format) : [...current, format]));
  const filterText = Object.entries(filter).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.map(label).join(', ') : v}`).join('; ');

  return (
    <Panel title="Request a report">
      <form className="stack-tight" onSubmit={submit} id="report-form">
        <div className="field">
          <label htmlFor="report-kind">Report</label>
          <select id="report-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {REPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {label(k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="report-title">Title (optional)</label>
          <input id="report-title" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} placeholder="Q3 ML salary benchmark" />
        </div>
        <fieldset className="checkbox-group">
          <legend>Formats</legend>
          {REPORT_FORMATS.map((f) => (
            <label key={f} className="checkbox">
              <input type="checkbox" checked={formats.includes(f)} onChange={() => toggle(f)} />
              {f}
            </label>
          ))}
        </fieldset>
        <p className="muted small" aria-live="polite">
          Filter: {filterText || 'whole market'}
        </p>
      </form>
      <details className="details">
        <summary>Narrow the data (optional)</summary>
        <MarketFilterForm idPrefix="report" compact submitLabel="Use these filters" onApply={setFilter} />
      </details>
      {error && <ErrorMessage error={error} />}
      <button type="submit" form="report-form" className="button-primary" disabled={busy || formats.length === 0}>
        {busy ? 'Requesting…' : 'Request report'}
      </button>
    </Panel>
  );
}

function ReportTable({ reports }: { reports: Report[] }) {
  return (
    <table className="table">
      <caption className="sr-only">Reports, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Report</th>
          <th scope="col">Status</th>
          <th scope="col">Downloads</th>
        </tr>
      </thead>
      <tbody>
        {reports.map((r) => (
          <tr key={r.id} data-report-id={r.id}>
            <th scope="row">
              {r.title}
              <div className="muted small">
                {label(r.kind)} · {fmt.dateTime(r.createdAt)}
              </div>
            </th>
            <td className="cell-status">
              {pending(r) ? (
                <ProgressBar value={r.progress} label={`Progress of ${r.title}`} />
              ) : (
                <span className={`status-pill status-${r.status.toLowerCase()}`}>{label(r.status)}</span>
              )}
              {r.error && <div className="form-error small">{r.error}</div>}
            </td>
            <td>
              <Downloads report={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Downloads({ report }: { report: Report }) {
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<Error>();
  if (!report.downloads.length) return <span className="muted small">{pending(report) ? 'building…' : '—'}</span>;

  async function download(d: Report['downloads'][number]) {
    setBusy(d.format);
    setError(undefined);
    try {
      await downloadFile(d.path, d.fileName);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <div className="downloads">
      {report.downloads.map((d) => (
        <button key={d.format} type="button" className="button-secondary button-small" onClick={() => download(d)} disabled={busy === d.format} aria-label={`Download ${report.title} as ${d.format} (${fmt.fileSize(d.size)})`}>
          {busy === d.format ? '…' : d.format} <span className="muted small">{fmt.fileSize(d.size)}</span>
        </button>
      ))}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
