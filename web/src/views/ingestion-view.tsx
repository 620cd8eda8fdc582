import { FormEvent, useEffect, useRef, useState } from 'react';
import { gql, uploadFile } from '../api/api-client';
import { usePolling, useQuery } from '../api/use-query';
import { Async, Empty, ErrorMessage, Panel, ProgressBar } from '../components/status';
import { fmt } from '../format';
import { label } from '../vocabulary';

interface Run {
  id: string;
  kind: string;
  format: string;
  preset: string | null;
  sourceName: string | null;
  status: 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';
  progress: number;
  rowsRead: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  warnings: number;
  durationMs: number | null;
  rowsPerSecond: number | null;
  fileSize: number | null;
  error: string | null;
  createdAt: string;
}
interface Issue { id: string; line: number | null; pointer: string | null; field: string | null; value: string | null; code: string; message: string }

const RUN_FIELDS = 'id kind format preset sourceName status progress rowsRead accepted duplicates rejected warnings durationMs rowsPerSecond fileSize error createdAt';
const RUNS_QUERY = `{ ingestionRuns(first: 10) { edges { node { ${RUN_FIELDS} } } } }`;
const RUN_QUERY = `query($id: ID!) { ingestionRun(id: $id) { ${RUN_FIELDS} } }`;
const ISSUES_QUERY = `query($id: ID!, $after: String) { ingestionRun(id: $id) { id errors(first: 50, after: $after, severity: ERROR) { totalCount pageInfo { hasNextPage endCursor } edges { node { id line pointer field value code message } } } } }`;

const PRESETS: Record<string, string[]> = {
  postings: ['postings-generic', 'glassdoor-ds-jobs'],
  survey: ['aijobs-salaries'],
  series: ['monthly-skill-series', 'hn-hiring-terms'],
};

const running = (r?: Run) => r?.status === 'QUEUED' || r?.status === 'RUNNING';

export function IngestionView() {
  const runs = useQuery(() => gql<{ ingestionRuns: { edges: Array<{ node: Run }> } }>(RUNS_QUERY), []);
  const [selectedId, setSelectedId] = useState<string>();
  const selectedFromList = runs.data?.ingestionRuns.edges.find((e) => e.node.id === selectedId)?.node;

  return (
    <div className="stack">
      <div className="grid-2 grid-wide-right">
        <UploadForm onStarted={(id) => { setSelectedId(id); runs.reload(); }} />
        <Panel title="Recent runs" actions={<button type="button" className="button-secondary button-small" onClick={runs.reload}>Refresh</button>}>
          <Async state={runs} loadingLabel="Loading runs…">
            {(data) =>
              data.ingestionRuns.edges.length ? (
                <table className="table">
                  <caption className="sr-only">Ingestion runs, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">File</th>
                      <th scope="col">Status</th>
                      <th scope="col" className="num">Accepted</th>
                      <th scope="col" className="num">Rejected</th>
                      <th scope="col"><span className="sr-only">Details</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.ingestionRuns.edges.map(({ node: r }) => (
                      <tr key={r.id} className={r.id === selectedId ? 'row-selected' : undefined}>
                        <th scope="row">
                          {r.sourceName ?? r.id.slice(0, 8)}
                          <div className="muted small">
                            {label(r.kind)} · {r.format} · {fmt.dateTime(r.createdAt)}
                          </div>
                        </th>
                        <td>
                          <span className={`status-pill status-${r.status.toLowerCase()}`}>{label(r.status)}</span>
                        </td>
                        <td className="num">{fmt.int(r.accepted)}</td>
                        <td className="num">{fmt.int(r.rejected)}</td>
                        <td>
                          <button type="button" className="button-link" onClick={() => setSelectedId(r.id)} aria-label={`Show run ${r.sourceName ?? r.id}`}>
                            Details
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <Empty>No ingestion runs yet.</Empty>
              )
            }
          </Async>
        </Panel>
      </div>
      {selectedId && <RunDetails key={selectedId} id={selectedId} initial={selectedFromList} onFinished={runs.reload} />}
    </div>
  );
}

function UploadForm({ onStarted }: { onStarted: (runId: string) => void }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState('postings');
  const [preset, setPreset] = useState('');
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const form = new FormData();
      form.append('kind', kind);
      if (preset) form.append('preset', preset);
      if (source.trim()) form.append('source', source.trim());
      form.append('file', file, file.name);
      const { runId } = await uploadFile(form);
      onStarted(runId);
      if (fileInput.current) fileInput.current.value = '';
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel title="Upload a file">
      <form className="stack-tight" onSubmit={submit}>
        <div className="field">
          <label htmlFor="ingest-file">File</label>
          <input id="ingest-file" ref={fileInput} type="file" required accept=".csv,.tsv,.txt,.json,.jsonld,.ndjson,.jsonl,.html,.htm" aria-describedby="ingest-file-help" />
          <span id="ingest-file-help" className="help">
            CSV, JSON-LD, NDJSON or HTML with JobPosting blocks. The file streams to the server; processing runs in the background.
          </span>
        </div>
        <div className="field">
          <label htmlFor="ingest-kind">Kind</label>
          <select id="ingest-kind" value={kind} onChange={(e) => { setKind(e.target.value); setPreset(''); }}>
            <option value="postings">Job postings</option>
            <option value="survey">Salary survey</option>
            <option value="series">Monthly demand series</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="ingest-preset">Column preset</label>
          <select id="ingest-preset" value={preset} onChange={(e) => setPreset(e.target.value)}>
            <option value="">Recognise from the header</option>
            {PRESETS[kind].map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ingest-source">Source name (optional)</label>
          <input id="ingest-source" value={source} maxLength={100} onChange={(e) => setSource(e.target.value)} placeholder="defaults to the file name" />
        </div>
        {error && <ErrorMessage error={error} />}
        <div>
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? 'Uploading…' : 'Upload and ingest'}
          </button>
        </div>
      </form>
    </Panel>
  );
}

function RunDetails({ id, initial, onFinished }: { id: string; initial?: Run; onFinished: () => void }) {
  const run = useQuery(() => gql<{ ingestionRun: Run }>(RUN_QUERY, { id }).then((r) => r.ingestionRun), [id]);
  const current = run.data ?? initial;
  const [wasRunning, setWasRunning] = useState(false);
  usePolling(
    () => {
      setWasRunning(true);
      run.reload();
    },
    1000,
    running(current),
  );
  const finished = wasRunning && current !== undefined && !running(current);
  useEffect(() => {
    if (!finished) return;
    setWasRunning(false);
    onFinished();
  }, [finished, onFinished]);

  return (
    <Panel title={`Run ${current?.sourceName ?? id.slice(0, 8)}`}>
      <Async state={{ ...run, data: current, loading: run.loading && !current }} loadingLabel="Loading run…">
        {(r) => (
          <div className="stack-tight">
            {running(r) ? <ProgressBar value={r.progress * 100} label="Ingestion progress" /> : <span className={`status-pill status-${r.status.toLowerCase()}`}>{label(r.status)}</span>}
            {r.error && <p className="form-error" role="alert">{r.error}</p>}
            <dl className="facts facts-inline" aria-live="polite">
              <div><dt>Rows read</dt><dd>{fmt.int(r.rowsRead)}</dd></div>
              <div><dt>Accepted</dt><dd>{fmt.int(r.accepted)}</dd></div>
              <div><dt>Duplicates</dt><dd>{fmt.int(r.duplicates)}</dd></div>
              <div><dt>Rejected</dt><dd>{fmt.int(r.rejected)}</dd></div>
              <div><dt>Warnings</dt><dd>{fmt.int(r.warnings)}</dd></div>
              <div><dt>File size</dt><dd>{fmt.fileSize(r.fileSize)}</dd></div>
              <div><dt>Duration</dt><dd>{r.durationMs === null ? '—' : `${fmt.decimal(r.durationMs / 1000)} s`}</dd></div>
              <div><dt>Throughput</dt><dd>{r.rowsPerSecond === null ? '—' : `${fmt.int(r.rowsPerSecond)} rows/s`}</dd></div>
            </dl>
            {!running(r) && r.rejected > 0 && <RejectedRows id={r.id} />}
          </div>
        )}
      </Async>
    </Panel>
  );
}

function RejectedRows({ id }: { id: string }) {
  const [after, setAfter] = useState<string | null>(null);
  const [history, setHistory] = useState<Array<string | null>>([]);
  const page = useQuery(
    () =>
      gql<{ ingestionRun: { errors: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: Issue }> } } }>(ISSUES_QUERY, { id, after }).then(
        (r) => r.ingestionRun.errors,
      ),
    [id, after],
  );
  return (
    <section aria-labelledby="rejected-title">
      <h3 id="rejected-title">Rejected rows</h3>
      <Async state={page} loadingLabel="Loading rejected rows…">
        {(errors) =>
          errors.edges.length ? (
            <>
              <div className="table-scroll table-tall">
                <table className="table table-dense">
                  <caption className="sr-only">Rejected rows with their reasons</caption>
                  <thead>
                    <tr>
                      <th scope="col">Where</th>
                      <th scope="col">Field</th>
                      <th scope="col">Value</th>
                      <th scope="col">Reason</th>
                    </tr>
                  </thead>
                  <tbody>
                    {errors.edges.map(({ node: i }) => (
                      <tr key={i.id}>
                        <td>{i.line !== null ? `line ${fmt.int(i.line)}` : i.pointer ?? '—'}</td>
                        <td>{i.field ?? '—'}</td>
                        <td className="cell-value" title={i.value || undefined}>{i.value || <span className="muted">(empty)</span>}</td>
                        <td>
                          <code>{i.code}</code> {i.message}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="pager">
                <span className="muted small">{fmt.int(errors.totalCount)} rejected rows</span>
                <button type="button" className="button-secondary button-small" disabled={!history.length} onClick={() => { setAfter(history[history.length - 1]); setHistory(history.slice(0, -1)); }}>
                  Previous
                </button>
                <button type="button" className="button-secondary button-small" disabled={!errors.pageInfo.hasNextPage} onClick={() => { setHistory([...history, after]); setAfter(errors.pageInfo.endCursor); }}>
                  Next
                </button>
              </div>
            </>
          ) : (
            <Empty>No rejected rows.</Empty>
          )
        }
      </Async>
    </section>
  );
}
