import { FormEvent, useMemo, useState } from 'react';
import { ApiError, gql } from '../api/api-client';
import { usePolling, useQuery } from '../api/use-query';
import { Chart, ChartOption, PALETTE } from '../components/chart';
import { Async, Empty, ErrorMessage, Loading, Panel } from '../components/status';
import { VocabularySelect } from '../components/vocabulary-select';
import { fmt } from '../format';
import { can, useSession } from '../session';
import { REGIONS, ROLE_FAMILIES, splitList } from '../vocabulary';

interface ModelInfo { version: number; kind: string; mase: number | null; baselineMase: number | null; bestBaseline: string | null; bestBaselineMase: number | null; promotedAt: string | null }
interface Forecast {
  skill: string;
  history: Array<{ period: string; value: number }>;
  forecast: Array<{ period: string; value: number; lower: number; upper: number }>;
  model: ModelInfo;
}
interface Emerging { skills: Array<{ skill: string; last: number; forecast: number; lower: number; upper: number; growth: number }>; model: ModelInfo }

const MODEL_FIELDS = 'model { version kind mase baselineMase bestBaseline bestBaselineMase promotedAt }';
const FORECAST_QUERY = `query Forecast($skill: String!, $horizon: Int!, $region: WorldRegion, $roleFamily: RoleFamily) {
  skillDemandForecast(skill: $skill, horizon: $horizon, region: $region, roleFamily: $roleFamily) {
    skill history { period value } forecast { period value lower upper } ${MODEL_FIELDS}
  }
}`;
const EMERGING_QUERY = `query Emerging($horizon: Int!) { emergingSkills(horizon: $horizon, limit: 10) { skills { skill last forecast lower upper growth } ${MODEL_FIELDS} } }`;

const isNoModel = (error: unknown) => error instanceof ApiError && (error.reason === 'NO_FORECAST_MODEL' || (error.code === 'NOT_FOUND' && /model/i.test(error.message)));

interface Selection { skills: string[]; horizon: number; region: string; roleFamily: string }

export function ForecastsView() {
  const [draft, setDraft] = useState({ skills: 'PyTorch, LangChain', horizon: 6, region: '', roleFamily: '' });
  const [selection, setSelection] = useState<Selection>({ skills: ['PyTorch', 'LangChain'], horizon: 6, region: '', roleFamily: '' });
  const forecasts = useQuery(
    () =>
      Promise.all(
        selection.skills.map((skill) =>
          gql<{ skillDemandForecast: Forecast }>(FORECAST_QUERY, { skill, horizon: selection.horizon, region: selection.region || null, roleFamily: selection.roleFamily || null }).then(
            (r) => ({ skill, forecast: r.skillDemandForecast, error: undefined as Error | undefined }),
            (error: Error) => {
              if (isNoModel(error)) throw error;
              return { skill, forecast: undefined, error };
            },
          ),
        ),
      ),
    [selection],
  );
  const emerging = useQuery(() => gql<{ emergingSkills: Emerging }>(EMERGING_QUERY, { horizon: selection.horizon }).then((r) => r.emergingSkills), [selection.horizon]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSelection({ skills: splitList(draft.skills).slice(0, 6), horizon: draft.horizon, region: draft.region, roleFamily: draft.roleFamily });
  }

  const noModel = isNoModel(forecasts.error) || isNoModel(emerging.error);
  const reloadAll = () => {
    forecasts.reload();
    emerging.reload();
  };

  return (
    <div className="stack">
      <form className="filters" onSubmit={submit} aria-label="Forecast options">
        <div className="field field-wide">
          <label htmlFor="forecast-skills">Skills (up to 6)</label>
          <input id="forecast-skills" value={draft.skills} onChange={(e) => setDraft({ ...draft, skills: e.target.value })} placeholder="PyTorch, LangChain" />
        </div>
        <div className="field field-narrow">
          <label htmlFor="forecast-horizon">Horizon</label>
          <select id="forecast-horizon" value={draft.horizon} onChange={(e) => setDraft({ ...draft, horizon: Number(e.target.value) })}>
            {[3, 6, 12, 18, 24].map((h) => (
              <option key={h} value={h}>
                {h} months
              </option>
            ))}
          </select>
        </div>
        <VocabularySelect id="forecast-region" text="Region" value={draft.region} options={REGIONS} onChange={(v) => setDraft({ ...draft, region: v })} emptyLabel="All" />
        <VocabularySelect id="forecast-role" text="Role family" value={draft.roleFamily} options={ROLE_FAMILIES} onChange={(v) => setDraft({ ...draft, roleFamily: v })} emptyLabel="All" />
        <div className="filter-actions">
          <button type="submit" className="button-primary">
            Show forecast
          </button>
        </div>
      </form>

      {noModel ? (
        <NoModel onTrained={reloadAll} />
      ) : (
        <>
          <Panel title="Demand history and forecast">
            <Async state={forecasts} loadingLabel="Loading forecasts…">
              {(results) => <ForecastCharts results={results} />}
            </Async>
          </Panel>
          <div className="grid-2">
            <Panel title="Model backtest">
              <Async state={emerging}>{(data) => <ModelCard model={data.model} />}</Async>
            </Panel>
            <Panel title="Emerging skills">
              <Async state={emerging}>{(data) => <EmergingTable data={data} horizon={selection.horizon} />}</Async>
            </Panel>
          </div>
        </>
      )}
    </div>
  );
}

function ForecastCharts({ results }: { results: Array<{ skill: string; forecast?: Forecast; error?: Error }> }) {
  if (!results.length) return <Empty>Enter one or more skills above.</Empty>;
  return (
    <div className="forecast-grid">
      {results.map((r) => (
        <figure key={r.skill} className="forecast-figure">
          <figcaption>{r.forecast?.skill ?? r.skill}</figcaption>
          {r.error ? <ErrorMessage error={r.error} /> : <ForecastChart forecast={r.forecast!} />}
        </figure>
      ))}
    </div>
  );
}

function ForecastChart({ forecast }: { forecast: Forecast }) {
  const option = useMemo<ChartOption>(() => {
    const history = forecast.history.slice(-36);
    const periods = [...history.map((p) => p.period), ...forecast.forecast.map((p) => p.period)];
    const pad = (n: number) => Array<null>(n).fill(null);
    const last = history[history.length - 1];
    // The forecast line starts at the last observation so the two lines join.
    const join = <T,>(values: T[]) => [...pad(history.length - 1), last ? last.value : null, ...values];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${fmt.int(Number(v))} postings`) },
      legend: { top: 0, data: ['History', 'Forecast (median)', '80% interval'] },
      xAxis: { type: 'category', data: periods.map(fmt.month), boundaryGap: false },
      yAxis: { type: 'value', name: 'postings / month', nameTextStyle: { align: 'left' }, axisLabel: { formatter: (v: number) => fmt.compact(v) } },
      series: [
        { name: 'History', type: 'line', showSymbol: false, data: [...history.map((p) => p.value), ...pad(forecast.forecast.length)], color: PALETTE[0] },
        { name: 'band-base', type: 'line', stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, tooltip: { show: false }, data: join(forecast.forecast.map((p) => p.lower)), silent: true },
        {
          name: '80% interval',
          type: 'line',
          stack: 'band',
          symbol: 'none',
          lineStyle: { opacity: 0 },
          areaStyle: { color: 'rgba(194, 65, 12, 0.18)' },
          color: 'rgba(194, 65, 12, 0.35)',
          data: join(forecast.forecast.map((p) => p.upper - p.lower)).map((v, i) => (i === history.length - 1 ? 0 : v)),
          tooltip: { show: false },
        },
        { name: 'Forecast (median)', type: 'line', showSymbol: true, symbolSize: 5, lineStyle: { type: 'dashed', width: 2 }, color: PALETTE[1], data: join(forecast.forecast.map((p) => p.value)) },
      ],
    };
  }, [forecast]);
  if (!forecast.history.length) return <Empty>No history for this skill.</Empty>;
  return (
    <>
      <Chart option={option} label={`Monthly postings asking for ${forecast.skill}: history, median forecast and 80% interval`} height={260} />
      <p className="chart-note">
        Next: {fmt.int(forecast.forecast[0]?.value)} postings ({fmt.int(forecast.forecast[0]?.lower)}–{fmt.int(forecast.forecast[0]?.upper)}, 80% interval)
      </p>
    </>
  );
}

function ModelCard({ model }: { model: ModelInfo }) {
  const gain = model.mase !== null && model.baselineMase ? 1 - model.mase / model.baselineMase : null;
  return (
    <div className="model-card">
      <dl className="facts">
        <div>
          <dt>Serving model</dt>
          <dd>
            {model.kind} <span className="muted">v{model.version}</span>
          </dd>
        </div>
        <div>
          <dt>Backtest MASE</dt>
          <dd>{fmt.decimal(model.mase)}</dd>
        </div>
        <div>
          <dt>Seasonal naive MASE</dt>
          <dd>{fmt.decimal(model.baselineMase)}</dd>
        </div>
        <div>
          <dt>Promoted</dt>
          <dd>{fmt.dateTime(model.promotedAt)}</dd>
        </div>
      </dl>
      {gain !== null && (
        <p className={gain > 0 ? 'callout callout-good' : 'callout'}>
          {gain > 0 ? `${fmt.percent(gain)} lower error than the seasonal naive forecast.` : `The seasonal naive forecast is ${fmt.percent(-gain)} more accurate on the backtest.`} Lower MASE is better; 1.0 equals a
          naive one-step forecast.
        </p>
      )}
    </div>
  );
}

function EmergingTable({ data, horizon }: { data: Emerging; horizon: number }) {
  if (!data.skills.length) return <Empty>No emerging skills yet.</Empty>;
  return (
    <table className="table">
      <caption className="sr-only">Skills with the highest forecast growth over {horizon} months</caption>
      <thead>
        <tr>
          <th scope="col">Skill</th>
          <th scope="col" className="num">Last month</th>
          <th scope="col" className="num">In {horizon} months</th>
          <th scope="col" className="num">Growth</th>
        </tr>
      </thead>
      <tbody>
        {data.skills.map((s) => (
          <tr key={s.skill}>
            <th scope="row">{s.skill}</th>
            <td className="num">{fmt.int(s.last)}</td>
            <td className="num">
              {fmt.int(s.forecast)} <span className="muted">({fmt.int(s.lower)}–{fmt.int(s.upper)})</span>
            </td>
            <td className={`num ${s.growth > 0 ? 'up' : 'down'}`}>{fmt.change(s.growth)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NoModel({ onTrained }: { onTrained: () => void }) {
  const me = useSession();
  const [job, setJob] = useState<{ id: string; state: string; progress?: unknown; failedReason?: string | null }>();
  const [error, setError] = useState<Error>();
  const training = job !== undefined && job.state !== 'completed' && job.state !== 'failed';

  usePolling(
    () => {
      if (!job) return;
      gql<{ job: { state: string; progress: unknown; failedReason: string | null } }>('query($id: ID!) { job(id: $id) { state progress failedReason } }', { id: job.id }).then(
        (r) => {
          setJob({ id: job.id, ...r.job });
          if (r.job.state === 'completed') onTrained();
        },
        setError,
      );
    },
    1500,
    training,
  );

  async function train() {
    setError(undefined);
    try {
      const r = await gql<{ trainForecastModel: { jobId: string } }>('mutation { trainForecastModel { jobId } }');
      setJob({ id: r.trainForecastModel.jobId, state: 'waiting' });
    } catch (e) {
      setError(e as Error);
    }
  }

  const epoch = (job?.progress as { epoch?: number } | undefined)?.epoch;
  return (
    <section className="panel notice" aria-labelledby="no-model-title">
      <h2 id="no-model-title">No forecast model has been trained yet</h2>
      <p>
        Forecasts come from a model trained on the stored postings and backtested against seasonal naive and other baselines. It retrains weekly and after large
        ingestion runs.
      </p>
      {can.train(me.role) ? (
        <>
          <button type="button" className="button-primary" onClick={train} disabled={training}>
            {training ? 'Training…' : 'Train the forecast model now'}
          </button>
          {training && <Loading label={`Training in the background${epoch ? ` (epoch ${epoch})` : ''}; this takes a minute or two.`} />}
          {job?.state === 'failed' && <p className="form-error" role="alert">Training failed: {job.failedReason}</p>}
        </>
      ) : (
        <p className="muted">Ask an admin or analyst to train it.</p>
      )}
      {error && <ErrorMessage error={error} />}
    </section>
  );
}
