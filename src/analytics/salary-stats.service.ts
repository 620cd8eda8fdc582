import { Injectable } from '@nestjs/common';
import { DataSource as TypeOrmDataSource } from 'typeorm';
import { SkillTaxonomyService } from '../skills/skill-taxonomy.service';
import { AnalyticsException, AnalyticsExceptionCode } from './analytics.exception';
import { MarketFilter } from './dto/market-filter.input';
import { MarketFilterSql, ResolvedFilter } from './market-filter.sql';
import { factFilterOf } from './memory/fact-filter';
import { FactsView, GroupKey } from './memory/facts-view';
import { PostingFactsMemoryService } from './memory/posting-facts-memory.service';
import { DataSource, SalaryGroupBy } from './models/analytics.enums';
import { SalaryStats } from './models/market.models';
import { SqlParams } from './sql-params';

const SENIORITY_AS_EXPERIENCE = `CASE WHEN p.seniority IN ('INTERN','ENTRY') THEN 'ENTRY' WHEN p.seniority = 'MID' THEN 'MID'
  WHEN p.seniority IN ('SENIOR','STAFF','LEAD') THEN 'SENIOR' WHEN p.seniority = 'DIRECTOR' THEN 'EXECUTIVE' END`;

const POSTING_KEYS: Record<SalaryGroupBy, string> = {
  [SalaryGroupBy.ROLE_FAMILY]: 'p.role_family',
  [SalaryGroupBy.SENIORITY]: 'p.seniority',
  [SalaryGroupBy.EXPERIENCE_LEVEL]: SENIORITY_AS_EXPERIENCE,
  [SalaryGroupBy.COUNTRY]: 'p.country',
  [SalaryGroupBy.REGION]: 'p.region',
  [SalaryGroupBy.INDUSTRY]: 'p.industry',
  [SalaryGroupBy.SKILL]: 'sk.skill_id::text',
  [SalaryGroupBy.YEAR]: `extract(year FROM p.posted_date)::int::text`,
  [SalaryGroupBy.REMOTE]: 'p.remote_type',
  [SalaryGroupBy.COMPANY_SIZE]: 'p.company_size',
  [SalaryGroupBy.EMPLOYMENT_TYPE]: 'p.employment_type',
};

const SURVEY_KEYS: Partial<Record<SalaryGroupBy, string>> = {
  [SalaryGroupBy.ROLE_FAMILY]: 's.role_family',
  [SalaryGroupBy.SENIORITY]: 's.seniority',
  [SalaryGroupBy.EXPERIENCE_LEVEL]: 's.experience_level',
  [SalaryGroupBy.COUNTRY]: 's.country',
  [SalaryGroupBy.REGION]: 's.region',
  [SalaryGroupBy.INDUSTRY]: 's.industry',
  [SalaryGroupBy.YEAR]: 's.year::text',
  [SalaryGroupBy.REMOTE]: 's.remote_type',
  [SalaryGroupBy.COMPANY_SIZE]: 's.company_size',
  [SalaryGroupBy.EMPLOYMENT_TYPE]: 's.employment_type',
};

const POSTING_GROUPS: Record<SalaryGroupBy, GroupKey> = {
  [SalaryGroupBy.ROLE_FAMILY]: { kind: 'dimension', dimension: 'role_family' },
  [SalaryGroupBy.SENIORITY]: { kind: 'dimension', dimension: 'seniority' },
  [SalaryGroupBy.EXPERIENCE_LEVEL]: { kind: 'experience' },
  [SalaryGroupBy.COUNTRY]: { kind: 'dimension', dimension: 'country' },
  [SalaryGroupBy.REGION]: { kind: 'dimension', dimension: 'region' },
  [SalaryGroupBy.INDUSTRY]: { kind: 'dimension', dimension: 'industry' },
  [SalaryGroupBy.SKILL]: { kind: 'skill' },
  [SalaryGroupBy.YEAR]: { kind: 'year' },
  [SalaryGroupBy.REMOTE]: { kind: 'dimension', dimension: 'remote_type' },
  [SalaryGroupBy.COMPANY_SIZE]: { kind: 'dimension', dimension: 'company_size' },
  [SalaryGroupBy.EMPLOYMENT_TYPE]: { kind: 'dimension', dimension: 'employment_type' },
};

export interface StatsRow {
  key: string | null;
  count: number;
  mean: number;
  min: number;
  pct: number[];
  max: number;
}

/** Annual-USD salary distributions, with continuous percentiles computed in Postgres. */
@Injectable()
export class SalaryStatsService {
  constructor(
    private readonly db: TypeOrmDataSource,
    private readonly filters: MarketFilterSql,
    private readonly taxonomy: SkillTaxonomyService,
    private readonly memory: PostingFactsMemoryService,
  ) {}

  async salaryStats(filter: MarketFilter | undefined, groupBy: SalaryGroupBy, source: DataSource, minSample: number): Promise<SalaryStats[]> {
    const resolved = await this.filters.resolve(filter);
    if (source !== DataSource.POSTINGS) return this.stats(resolved, groupBy, source, minSample, null);
    return this.memory.remember(['salaryStats', resolved, groupBy, source, minSample], (view) => this.stats(resolved, groupBy, source, minSample, view));
  }

  private async stats(resolved: ResolvedFilter, groupBy: SalaryGroupBy, source: DataSource, minSample: number, view: FactsView | null): Promise<SalaryStats[]> {
    let rows: StatsRow[];
    if (view) {
      const ff = factFilterOf(resolved);
      rows = view.salaryStats(view.select(ff), ff.includeOutliers, POSTING_GROUPS[groupBy]);
    } else {
      rows = await this.statsInSql(resolved, groupBy, source);
    }
    const names = groupBy === SalaryGroupBy.SKILL ? (await this.taxonomy.current()).namesById : undefined;
    return rows.map((r) => ({
      key: r.key === null ? 'UNKNOWN' : names ? names.get(Number(r.key))?.name ?? r.key : r.key,
      count: r.count,
      lowSample: r.count < minSample,
      mean: round(r.mean),
      min: round(r.min),
      p10: round(r.pct[0]),
      p25: round(r.pct[1]),
      median: round(r.pct[2]),
      p75: round(r.pct[3]),
      p90: round(r.pct[4]),
      max: round(r.max),
    }));
  }

  /** The source of truth the in-memory path is tested against. */
  async statsInSql(resolved: ResolvedFilter, groupBy: SalaryGroupBy, source: DataSource): Promise<StatsRow[]> {
    const params = new SqlParams();
    let sql: string;
    if (source === DataSource.POSTINGS) {
      const key = POSTING_KEYS[groupBy];
      const skillJoin = groupBy === SalaryGroupBy.SKILL ? 'CROSS JOIN LATERAL unnest(p.skill_ids) AS sk(skill_id)' : '';
      sql = this.statsSql('p.annual_usd_mid', key, `posting_facts p ${skillJoin}`, `${this.filters.postings(resolved, params)} AND ${this.filters.postingSalaries(resolved)}`);
    } else {
      const key = SURVEY_KEYS[groupBy];
      if (!key) throw new AnalyticsException(`survey data cannot be grouped by ${groupBy}`, AnalyticsExceptionCode.UNSUPPORTED_GROUPING);
      sql = this.statsSql('s.annual_usd', key, 'survey_responses s', `${this.filters.survey(resolved, params)} AND ${this.filters.surveySalaries(resolved)}`);
    }
    return this.db.query(sql, params.values);
  }

  private statsSql(value: string, key: string, from: string, where: string): string {
    return `
      SELECT ${key} AS key, count(*)::int AS count, avg(${value})::float8 AS mean, min(${value})::float8 AS min,
             percentile_cont(ARRAY[0.1, 0.25, 0.5, 0.75, 0.9]) WITHIN GROUP (ORDER BY ${value})::float8[] AS pct,
             max(${value})::float8 AS max
        FROM ${from}
       WHERE ${where}
       GROUP BY 1
       ORDER BY count(*) DESC, 1`;
  }
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
