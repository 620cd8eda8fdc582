import { useMemo, useState } from 'react';
import { gql } from '../api/api-client';
import { useQuery } from '../api/use-query';
import { Chart, ChartOption, PALETTE } from '../components/chart';
import { MarketFilter, MarketFilterForm } from '../components/market-filter-form';
import { Async, Empty, Panel } from '../components/status';
import { fmt } from '../format';
import { label, SENIORITIES } from '../vocabulary';

interface SkillDemand {
  skill: string;
  postings: number;
  share: number;
  growth: number | null;
  medianSalary: number | null;
  salaryPremium: number | null;
}
interface SalaryRow { key: string; count: number; lowSample: boolean; p10: number; p25: number; median: number; p75: number; p90: number }
interface TrendSeries { key: string; total: number; points: Array<{ period: string; count: number }> }
interface MarketData {
  marketSummary: {
    postings: number;
    previousPostings: number;
    postingsChange: number | null;
    medianSalary: number | null;
    previousMedianSalary: number | null;
    salaryCount: number;
    topRegions: Array<{ key: string; count: number; share: number }>;
    from: string | null;
    to: string | null;
  };
  postingTrends: TrendSeries[];
  salaryStats: SalaryRow[];
  topSkills: SkillDemand[];
}

const MARKET_QUERY = `query Market($filter: MarketFilter, $interval: TrendInterval!) {
  marketSummary(filter: $filter) { postings previousPostings postingsChange medianSalary previousMedianSalary salaryCount from to topRegions { key count share } }
  postingTrends(filter: $filter, groupBy: ROLE_FAMILY, interval: $interval, limit: 6) { key total points { period count } }
  salaryStats(filter: $filter, groupBy: SENIORITY) { key count lowSample p10 p25 median p75 p90 }
  topSkills(filter: $filter, limit: 15) { skill postings share growth medianSalary salaryPremium }
}`;

type Interval = 'MONTH' | 'QUARTER' | 'YEAR';

export function MarketView() {
  const [filter, setFilter] = useState<MarketFilter>({});
  const [interval, setTrendInterval] = useState<Interval>('QUARTER');
  const state = useQuery(() => gql<MarketData>(MARKET_QUERY, { filter, interval }), [filter, interval]);

  return (
    <div className="stack">
      <MarketFilterForm idPrefix="market" onApply={setFilter} />
      <Async state={state} loadingLabel="Loading market figures…">
        {(data) => (
          <div className="stack">
            <Headline summary={data.marketSummary} topSkill={data.topSkills[0]} />
            <div className="grid-2">
              <Panel
                title="Postings over time"
                actions={
                  <div className="segmented" role="group" aria-label="Interval">
                    {(['MONTH', 'QUARTER', 'YEAR'] as const).map((i) => (
                      <button key={i} type="button" aria-pressed={interval === i} onClick={() => setTrendInterval(i)}>
                        {label(i)}
                      </button>
                    ))}
                  </div>
                }
              >
                <TrendChart series={data.postingTrends} interval={interval} />
              </Panel>
              <Panel title="Salary by seniority">
                <SalaryChart rows={data.salaryStats} />
              </Panel>
            </div>
            <div className="grid-2 grid-wide-left">
              <Panel title="Top skills">
                <SkillsTable skills={data.topSkills} />
              </Panel>
              <Panel title="World regions">
                <RegionChart regions={data.marketSummary.topRegions} />
              </Panel>
            </div>
          </div>
        )}
      </Async>
    </div>
  );
}

function Change({ value, suffix }: { value: number | null; suffix?: string }) {
  if (value === null) return suffix ? <span className="muted">no earlier period to compare</span> : <span className="muted" title="no postings in the previous period">new</span>;
  const cls = value > 0 ? 'up' : value < 0 ? 'down' : 'muted';
  return (
    <span className={cls}>
      <span aria-hidden="true">{value > 0 ? '▲ ' : value < 0 ? '▼ ' : ''}</span>
      {fmt.change(value)}
      {suffix && ` ${suffix}`}
    </span>
  );
}

function Headline({ summary, topSkill }: { summary: MarketData['marketSummary']; topSkill?: SkillDemand }) {
  const salaryChange = summary.medianSalary !== null && summary.previousMedianSalary ? summary.medianSalary / summary.previousMedianSalary - 1 : null;
  return (
    <section className="headline" aria-label="Headline figures">
      <div className="stat" data-testid="stat-postings">
        <span className="stat-label">Postings{summary.from && summary.to ? ` (${fmt.dateRange(summary.from, summary.to)})` : ''}</span>
        <span className="stat-value">{fmt.int(summary.postings)}</span>
        <span className="stat-note">
          <Change value={summary.postingsChange} suffix="vs previous period" />
        </span>
      </div>
      <div className="stat" data-testid="stat-median-salary">
        <span className="stat-label">Median salary (annual)</span>
        <span className="stat-value">{fmt.usd(summary.medianSalary)}</span>
        <span className="stat-note">
          <Change value={salaryChange} suffix="vs previous period" />
        </span>
      </div>
      <div className="stat">
        <span className="stat-label">Postings with salary</span>
        <span className="stat-value">{fmt.int(summary.salaryCount)}</span>
        <span className="stat-note muted">{summary.postings ? `${fmt.percent(summary.salaryCount / summary.postings)} of postings` : '—'}</span>
      </div>
      <div className="stat">
        <span className="stat-label">Most asked-for skill</span>
        <span className="stat-value stat-value-text">{topSkill?.skill ?? '—'}</span>
        <span className="stat-note muted">{topSkill ? `in ${fmt.percent(topSkill.share)} of postings` : 'no postings'}</span>
      </div>
    </section>
  );
}

function TrendChart({ series, interval }: { series: TrendSeries[]; interval: Interval }) {
  const option = useMemo<ChartOption>(() => {
    const periods = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort();
    const periodLabel = (p: string) => (interval === 'YEAR' ? p.slice(0, 4) : interval === 'QUARTER' ? `Q${Math.floor(Number(p.slice(5, 7)) / 3) + 1} ${p.slice(0, 4)}` : fmt.month(p));
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${fmt.int(Number(v))} postings` },
      legend: { type: 'scroll', top: 0 },
      xAxis: { type: 'category', data: periods.map(periodLabel), boundaryGap: false },
      yAxis: { type: 'value', name: 'postings', nameTextStyle: { align: 'left' }, axisLabel: { formatter: (v: number) => fmt.compact(v) } },
      series: series.map((s) => {
        const byPeriod = new Map(s.points.map((p) => [p.period, p.count]));
        return { name: label(s.key), type: 'line', showSymbol: periods.length < 30, smooth: false, data: periods.map((p) => byPeriod.get(p) ?? 0) };
      }),
    };
  }, [series, interval]);
  if (!series.length) return <Empty>No postings match these filters.</Empty>;
  return <Chart option={option} label="Postings per period for the largest role families" />;
}

function SalaryChart({ rows }: { rows: SalaryRow[] }) {
  const ordered = useMemo(() => [...rows].filter((r) => r.key !== 'UNKNOWN').sort((a, b) => SENIORITIES.indexOf(a.key as never) - SENIORITIES.indexOf(b.key as never)), [rows]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const r = ordered[p.dataIndex];
          return `<strong>${label(r.key)}</strong> (${fmt.int(r.count)} salaries${r.lowSample ? ', low sample' : ''})<br/>90th percentile: ${fmt.usd(r.p90)}<br/>75th: ${fmt.usd(r.p75)}<br/>Median: ${fmt.usd(r.median)}<br/>25th: ${fmt.usd(r.p25)}<br/>10th percentile: ${fmt.usd(r.p10)}`;
        },
      },
      xAxis: { type: 'category', data: ordered.map((r) => label(r.key)) },
      yAxis: { type: 'value', name: 'USD / year', nameTextStyle: { align: 'left' }, axisLabel: { formatter: (v: number) => fmt.usdCompact(v) } },
      series: [
        {
          name: 'Salary percentiles (10th–90th)',
          type: 'boxplot',
          itemStyle: { color: '#dbeafe', borderColor: PALETTE[0] },
          data: ordered.map((r) => [r.p10, r.p25, r.median, r.p75, r.p90]),
        },
      ],
    }),
    [ordered],
  );
  if (!ordered.length) return <Empty>No salaries under these filters.</Empty>;
  return (
    <>
      <Chart option={option} label="Annual salary percentiles (10th, 25th, median, 75th, 90th) by seniority" />
      <p className="chart-note">Boxes span the 25th–75th percentile with the median line; whiskers reach the 10th and 90th. USD per year.</p>
    </>
  );
}

function SkillsTable({ skills }: { skills: SkillDemand[] }) {
  if (!skills.length) return <Empty>No skills under these filters.</Empty>;
  return (
    <div className="table-scroll">
      <table className="table table-skills">
        <caption className="sr-only">Most asked-for skills</caption>
        <thead>
          <tr>
            <th scope="col">Skill</th>
            <th scope="col" className="num">Postings</th>
            <th scope="col" className="num">Share</th>
            <th scope="col" className="num">Growth</th>
            <th scope="col" className="num">Median salary</th>
            <th scope="col" className="num">Premium</th>
          </tr>
        </thead>
        <tbody>
          {skills.map((s) => (
            <tr key={s.skill}>
              <th scope="row">{s.skill}</th>
              <td className="num">{fmt.int(s.postings)}</td>
              <td className="num">
                <span className="share-bar" aria-hidden="true">
                  <span style={{ width: `${Math.round(s.share * 100)}%` }} />
                </span>
                <span className="share-value">{fmt.percent(s.share)}</span>
              </td>
              <td className="num">
                <Change value={s.growth} />
              </td>
              <td className="num">{fmt.usd(s.medianSalary)}</td>
              <td className="num">{s.salaryPremium === null ? '—' : fmt.change(s.salaryPremium - 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RegionChart({ regions }: { regions: MarketData['marketSummary']['topRegions'] }) {
  const ordered = useMemo(() => [...regions].sort((a, b) => a.count - b.count), [regions]);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${fmt.int(Number(v))} postings` },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt.compact(v) } },
      yAxis: { type: 'category', data: ordered.map((r) => label(r.key)) },
      series: [
        {
          name: 'Postings',
          type: 'bar',
          barMaxWidth: 22,
          data: ordered.map((r) => r.count),
          label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => fmt.percent(ordered[p.dataIndex].share) },
        },
      ],
    }),
    [ordered],
  );
  if (!regions.length) return <Empty>No postings under these filters.</Empty>;
  return <Chart option={option} label="Postings by world region, with each region's share" height={280} />;
}
