import { Inject, Injectable } from '@nestjs/common';
import { DataSource as Db } from 'typeorm';
import { MarketFilter } from '../analytics/dto/market-filter.input';
import { MarketFilterSql } from '../analytics/market-filter.sql';
import { DataSource, SalaryGroupBy, TrendGroupBy, TrendInterval } from '../analytics/models/analytics.enums';
import { PostingFactsMemoryService } from '../analytics/memory/posting-facts-memory.service';
import { PostingTrendsService } from '../analytics/posting-trends.service';
import { SalaryStatsService } from '../analytics/salary-stats.service';
import { SkillDemandService } from '../analytics/skill-demand.service';
import { SqlParams } from '../analytics/sql-params';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CURRENCY_RATES_SOURCE } from '../reference/currency-rates.data';
import { ReportDocument, ReportSection, SalaryRangeChartSpec } from './render/report-document.types';
import { ReportKindEnum } from './report.enums';

const ACRONYMS: Record<string, string> = { Ml: 'ML', Ai: 'AI', Mlops: 'MLOps', Bi: 'BI', Us: 'US', Uk: 'UK' };
const LABEL = (value: string) =>
  value
    .toLowerCase()
    .replace(/_/g, ' ')
    .replace(/\b\w/g, (c) => c.toUpperCase())
    .replace(/\b\w+\b/g, (word) => ACRONYMS[word] ?? word);
const QUARTER = (period: string) => `${period.slice(0, 4)} Q${Math.floor((Number(period.slice(5, 7)) - 1) / 3) + 1}`;

export interface EmergingSkillsSource {
  /** Filled in by forecasting when a model is promoted; reports say so when none is. */
  emergingSkills(filter: MarketFilter | undefined, horizon: number, limit: number): Promise<{
    model: { version: string; mase: number; baselineMase: number; baseline: string } | null;
    skills: Array<{ skill: string; growth: number; last: number; forecast: number; lower: number; upper: number; periods: string[]; history: number[]; values: number[]; lowers: number[]; uppers: number[] }>;
  }>;
}
export const EMERGING_SKILLS_SOURCE = Symbol('EMERGING_SKILLS_SOURCE');

/** Turns a MarketFilter into a ReportDocument by asking the same services the GraphQL API answers from. */
@Injectable()
export class ReportBuilderService {
  constructor(
    private readonly db: Db,
    private readonly filters: MarketFilterSql,
    private readonly salaries: SalaryStatsService,
    private readonly trends: PostingTrendsService,
    private readonly skills: SkillDemandService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EMERGING_SKILLS_SOURCE) private readonly forecasts: EmergingSkillsSource,
    private readonly memory: PostingFactsMemoryService,
  ) {}

  async build(kind: ReportKindEnum, title: string, filter: MarketFilter | undefined, onProgress: (p: number) => Promise<void>): Promise<{ doc: ReportDocument; modelVersions: Record<string, string> }> {
    // A report asks a dozen market questions: worth waiting for the in-memory copy (seconds at a million
    // postings, once per worker) rather than answering them all in SQL. Without it, SQL answers.
    if (this.memory.enabled) await this.memory.ready().catch(() => undefined);
    const snapshotAt = new Date().toISOString();
    const resolved = await this.filters.resolve(filter);
    const summary = await this.skills.marketSummary(filter);
    const params = new SqlParams();
    const [survey] = await this.db.query(`SELECT count(*)::int AS n FROM survey_responses s WHERE ${resolved.skillIds.length ? 'false' : this.filters.survey(resolved, params)}`, params.values);
    await onProgress(15);
    const sections: ReportSection[] = [];
    const modelVersions: Record<string, string> = {};
    if (kind === ReportKindEnum.SALARY || kind === ReportKindEnum.MARKET_OVERVIEW) sections.push(...(await this.salarySections(filter, resolved.skillIds.length === 0)));
    await onProgress(50);
    if (kind === ReportKindEnum.DEMAND || kind === ReportKindEnum.MARKET_OVERVIEW) sections.push(...(await this.demandSections(filter, modelVersions)));
    await onProgress(80);
    const doc: ReportDocument = {
      kind,
      title,
      generatedAt: new Date().toISOString(),
      snapshotAt,
      filterSummary: describeFilter(filter),
      coverage: { postings: summary.postings, surveyResponses: survey.n, from: summary.from, to: summary.to, sources: await this.sources(filter) },
      modelVersions,
      methodNotes: [
        `Salaries are annual USD. Local currencies converted with ${CURRENCY_RATES_SOURCE.name} yearly averages (table retrieved ${CURRENCY_RATES_SOURCE.retrieved}), using the rate of the posting's year.`,
        `Salaries below ${this.config.salaryOutlierBounds.min.toLocaleString('en-US')} or above ${this.config.salaryOutlierBounds.max.toLocaleString('en-US')} USD a year are flagged as outliers at ingestion and excluded from these figures${filter?.includeOutliers ? ' (this report includes them on request)' : ''}.`,
        'A posting with a salary range counts at the middle of its range. Percentiles are continuous (linear interpolation), computed over every matching row.',
        'Groups with fewer than 5 rows are marked "low sample" and should be read with care.',
      ],
      sections,
    };
    return { doc, modelVersions };
  }

  private async sources(filter: MarketFilter | undefined): Promise<string[]> {
    const resolved = await this.filters.resolve(filter);
    const params = new SqlParams();
    const rows: Array<{ source: string; n: number }> = await this.db.query(
      `SELECT p.source, count(*)::int AS n FROM posting_facts p WHERE ${this.filters.postings(resolved, params)} GROUP BY 1 ORDER BY 2 DESC LIMIT 8`,
      params.values,
    );
    return rows.map((r) => `${r.source} (${r.n.toLocaleString('en-US')} postings)`);
  }

  private async salarySections(filter: MarketFilter | undefined, withSurvey: boolean): Promise<ReportSection[]> {
    const byRole = await this.salaries.salaryStats(filter, SalaryGroupBy.ROLE_FAMILY, DataSource.POSTINGS, 5);
    const bySeniority = await this.salaries.salaryStats(filter, SalaryGroupBy.SENIORITY, DataSource.POSTINGS, 5);
    const byYear = (await this.salaries.salaryStats(filter, SalaryGroupBy.YEAR, DataSource.POSTINGS, 5)).filter((r) => r.key !== 'UNKNOWN').sort((a, b) => a.key.localeCompare(b.key));
    const cross = await this.crossStats(filter);
    const skills = (await this.skills.topSkills(filter, 60)).filter((s) => s.salaryCount >= 20 && s.salaryPremium !== null).sort((a, b) => b.salaryPremium! - a.salaryPremium!).slice(0, 15);
    const range = (rows: typeof byRole) => rows.filter((r) => r.key !== 'UNKNOWN' && !r.lowSample).slice(0, 12).map((r) => ({ label: LABEL(r.key), p10: r.p10, p25: r.p25, median: r.median, p75: r.p75, p90: r.p90, count: r.count }));
    // A filter with too few salaried postings leaves a chart without groups: leave it out and say so, rather than fail the report.
    const rangeCharts: SalaryRangeChartSpec[] = [
      { type: 'salary-range' as const, title: 'Salary by role family', unitLabel: 'USD per year', groups: range(byRole) },
      { type: 'salary-range' as const, title: 'Salary by seniority', unitLabel: 'USD per year', groups: range(bySeniority) },
    ].filter((chart) => chart.groups.length > 0);
    const sections: ReportSection[] = [
      {
        heading: 'Salary by role family and seniority',
        paragraphs: [
          'Annual salary in USD: the box spans the 25th–75th percentile, whiskers the 10th–90th, the line is the median.',
          ...(rangeCharts.length ? [] : ['Too few salaried postings under this filter for a salary range chart (each group needs at least 5).']),
        ],
        charts: rangeCharts,
        tables: [
          {
            title: 'Median and p10–p90 by role family × seniority × region',
            columns: [
              { header: 'Role family', format: 'text' }, { header: 'Seniority', format: 'text' }, { header: 'Region', format: 'text' },
              { header: 'n', format: 'integer' }, { header: 'p10', format: 'currency-usd' }, { header: 'Median', format: 'currency-usd' }, { header: 'p90', format: 'currency-usd' },
            ],
            rows: cross.map((r) => [LABEL(r.role_family), r.seniority ? LABEL(r.seniority) : 'Unspecified', r.region ? LABEL(r.region) : 'Unknown', r.n, r.p10, r.median, r.p90]),
          },
        ],
      },
      {
        heading: 'Salary trend',
        charts: byYear.length
          ? [{ type: 'line', title: 'Median posted salary by year (band: 25th–75th percentile)', unitLabel: 'USD per year', valueFormat: 'currency-usd', periods: byYear.map((r) => r.key), series: [{ name: 'Median', values: byYear.map((r) => r.median), lower: byYear.map((r) => r.p25), upper: byYear.map((r) => r.p75) }], intervalLabel: 'p25–p75' }]
          : [],
        tables: [{ title: 'Salary by year', columns: [{ header: 'Year', format: 'text' }, { header: 'n', format: 'integer' }, { header: 'Median', format: 'currency-usd' }, { header: 'p25', format: 'currency-usd' }, { header: 'p75', format: 'currency-usd' }], rows: byYear.map((r) => [r.key, r.count, r.median, r.p25, r.p75]) }],
      },
      {
        heading: 'Top-paying skills',
        paragraphs: ['Salary premium: median salary of postings asking for the skill divided by the median of all postings under the filter (1.10 = 10% above).'],
        tables: [{ title: 'Skills by salary premium (at least 20 salaried postings)', columns: [{ header: 'Skill', format: 'text' }, { header: 'Postings', format: 'integer' }, { header: 'With salary', format: 'integer' }, { header: 'Median', format: 'currency-usd' }, { header: 'Premium', format: 'number' }], rows: skills.map((s) => [s.skill, s.postings, s.salaryCount, s.medianSalary, Math.round(s.salaryPremium! * 100) / 100]) }],
      },
    ];
    if (withSurvey) {
      const posted = await this.salaries.salaryStats(filter, SalaryGroupBy.EXPERIENCE_LEVEL, DataSource.POSTINGS, 5);
      const surveyed = await this.salaries.salaryStats(filter, SalaryGroupBy.EXPERIENCE_LEVEL, DataSource.SURVEY, 5);
      const levels = ['ENTRY', 'MID', 'SENIOR', 'EXECUTIVE'];
      sections.push({
        heading: 'Survey figures beside posting figures',
        paragraphs: ['Postings state what employers offer; surveys what people report earning. Posting seniority is mapped to survey experience levels (intern/entry → entry, staff/lead → senior, director → executive).'],
        tables: [{
          title: 'Median salary by experience level: postings vs survey',
          columns: [{ header: 'Experience level', format: 'text' }, { header: 'Postings n', format: 'integer' }, { header: 'Postings median', format: 'currency-usd' }, { header: 'Survey n', format: 'integer' }, { header: 'Survey median', format: 'currency-usd' }],
          rows: levels.map((level) => {
            const p = posted.find((r) => r.key === level);
            const s = surveyed.find((r) => r.key === level);
            return [LABEL(level), p?.count ?? 0, p?.median ?? null, s?.count ?? 0, s?.median ?? null];
          }),
        }],
      });
    }
    return sections;
  }

  private async crossStats(filter: MarketFilter | undefined): Promise<Array<{ role_family: string; seniority: string | null; region: string | null; n: number; p10: number; median: number; p90: number }>> {
    const resolved = await this.filters.resolve(filter);
    const params = new SqlParams();
    return this.db.query(
      `SELECT p.role_family, p.seniority, p.region, count(*)::int AS n,
              round(percentile_cont(0.1) WITHIN GROUP (ORDER BY p.annual_usd_mid)::numeric, 2)::float8 AS p10,
              round(percentile_cont(0.5) WITHIN GROUP (ORDER BY p.annual_usd_mid)::numeric, 2)::float8 AS median,
              round(percentile_cont(0.9) WITHIN GROUP (ORDER BY p.annual_usd_mid)::numeric, 2)::float8 AS p90
         FROM posting_facts p WHERE ${this.filters.postings(resolved, params)} AND ${this.filters.postingSalaries(resolved)}
        GROUP BY 1, 2, 3 HAVING count(*) >= 5 ORDER BY 1, 2 NULLS LAST, 3 NULLS LAST`,
      params.values,
    );
  }

  private async demandSections(filter: MarketFilter | undefined, modelVersions: Record<string, string>): Promise<ReportSection[]> {
    const byRole = await this.trends.postingTrends(filter, TrendGroupBy.ROLE_FAMILY, TrendInterval.QUARTER, 6);
    const periods = byRole[0]?.points.map((p) => QUARTER(p.period)) ?? [];
    const top = await this.skills.topSkills(filter, 20);
    const regions = await this.trends.postingTrends(filter, TrendGroupBy.REGION, TrendInterval.YEAR, 8);
    const industries = await this.trends.postingTrends(filter, TrendGroupBy.INDUSTRY, TrendInterval.YEAR, 10);
    const emerging = await this.forecasts.emergingSkills(filter, 6, 8);
    const sections: ReportSection[] = [
      {
        heading: 'Postings over time',
        charts: [{ type: 'line', title: 'Postings per quarter by role family', unitLabel: 'postings', valueFormat: 'integer', yFromZero: true, periods, series: byRole.map((s) => ({ name: LABEL(s.key), values: s.points.map((p) => p.count) })) }],
      },
      {
        heading: 'Top skills',
        paragraphs: ['Share: postings asking for the skill over all postings under the filter. Growth: against the equally long period before.'],
        charts: [{ type: 'bar', title: 'Share of postings asking for each skill', unitLabel: 'share of postings', valueFormat: 'percent', bars: top.slice(0, 12).map((s) => ({ label: s.skill, value: s.share })) }],
        tables: [{ title: 'Top skills', columns: [{ header: 'Skill', format: 'text' }, { header: 'Category', format: 'text' }, { header: 'Postings', format: 'integer' }, { header: 'Share', format: 'percent' }, { header: 'Growth', format: 'percent' }], rows: top.map((s) => [s.skill, LABEL(s.category), s.postings, s.share, s.growth]) }],
      },
    ];
    if (emerging.model) {
      modelVersions.forecast = emerging.model.version;
      sections.push({
        heading: 'Emerging skills (forecast)',
        paragraphs: [`Forecast model ${emerging.model.version}; backtest MASE ${emerging.model.mase.toFixed(3)} against ${emerging.model.baselineMase.toFixed(3)} for the best baseline (${emerging.model.baseline}). Bands are 80% prediction intervals.`],
        charts: emerging.skills.slice(0, 4).length
          ? [{ type: 'line', title: 'History and forecast for the fastest-growing skills', unitLabel: 'postings per month', valueFormat: 'number', intervalLabel: '80% interval', periods: emerging.skills[0].periods, series: emerging.skills.slice(0, 4).map((s) => ({ name: s.skill, values: s.values, lower: s.lowers, upper: s.uppers })) }]
          : [],
        tables: [{ title: 'Skills ranked by forecast growth', columns: [{ header: 'Skill', format: 'text' }, { header: 'Last month', format: 'number' }, { header: 'Forecast (end of horizon)', format: 'number' }, { header: 'Low (10%)', format: 'number' }, { header: 'High (90%)', format: 'number' }, { header: 'Growth', format: 'percent' }], rows: emerging.skills.map((s) => [s.skill, s.last, s.forecast, s.lower, s.upper, s.growth]) }],
      });
    } else {
      sections.push({ heading: 'Emerging skills (forecast)', paragraphs: ['No forecast model has been trained and promoted yet (run trainForecastModel), so no forecast is shown.'] });
    }
    const totalBy = (series: typeof regions) => series.map((s) => ({ label: LABEL(s.key), value: s.total }));
    sections.push({
      heading: 'Demand by region and industry',
      charts: [
        { type: 'bar', title: 'Postings by world region', unitLabel: 'postings', valueFormat: 'integer', bars: totalBy(regions) },
        { type: 'bar', title: 'Postings by industry', unitLabel: 'postings', valueFormat: 'integer', bars: totalBy(industries) },
      ],
    });
    return sections;
  }
}

function describeFilter(filter: MarketFilter | undefined): string[] {
  if (!filter) return ['All postings and survey responses (no filter)'];
  const lines: string[] = [];
  if (filter.from || filter.to) lines.push(`Dates: ${filter.from ?? 'start'} to ${filter.to ?? 'latest'}`);
  const list = (label: string, values?: string[]) => values?.length && lines.push(`${label}: ${values.map(LABEL).join(', ')}`);
  list('Role families', filter.roleFamilies);
  list('Seniorities', filter.seniorities);
  if (filter.skills?.length) lines.push(`Skills (${filter.skillMatch === 'ANY' ? 'any of' : 'all of'}): ${filter.skills.join(', ')}`);
  if (filter.countries?.length) lines.push(`Countries: ${filter.countries.join(', ')}`);
  list('Regions', filter.regions);
  list('Industries', filter.industries);
  list('Remote', filter.remoteTypes);
  list('Employment', filter.employmentTypes);
  list('Company size', filter.companySizes);
  if (filter.includeOutliers) lines.push('Salary outliers included');
  return lines.length ? lines : ['All postings and survey responses (no filter)'];
}
