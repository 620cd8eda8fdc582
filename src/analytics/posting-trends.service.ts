import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SkillTaxonomyService } from '../skills/skill-taxonomy.service';
import { MarketFilter } from './dto/market-filter.input';
import { MarketFilterSql, ResolvedFilter } from './market-filter.sql';
import { factFilterOf } from './memory/fact-filter';
import { Dimension } from './memory/fact-columns';
import { FactsView } from './memory/facts-view';
import { PostingFactsMemoryService } from './memory/posting-facts-memory.service';
import { TrendGroupBy, TrendInterval } from './models/analytics.enums';
import { TrendSeries } from './models/market.models';
import { SqlParams } from './sql-params';

const KEY_COLUMN: Record<TrendGroupBy, string> = {
  [TrendGroupBy.SKILL]: 'sk.skill_id::text',
  [TrendGroupBy.ROLE_FAMILY]: 'p.role_family',
  [TrendGroupBy.SENIORITY]: 'p.seniority',
  [TrendGroupBy.COUNTRY]: 'p.country',
  [TrendGroupBy.REGION]: 'p.region',
  [TrendGroupBy.INDUSTRY]: 'p.industry',
};

const DIMENSION: Record<Exclude<TrendGroupBy, TrendGroupBy.SKILL>, Dimension> = {
  [TrendGroupBy.ROLE_FAMILY]: 'role_family',
  [TrendGroupBy.SENIORITY]: 'seniority',
  [TrendGroupBy.COUNTRY]: 'country',
  [TrendGroupBy.REGION]: 'region',
  [TrendGroupBy.INDUSTRY]: 'industry',
};

/** Counts per period and per top key, from either path; keys are the raw values (skill ids as text). */
interface TrendCounts {
  periodTotals: Map<string, number>;
  series: Array<{ key: string | null; total: number; counts: Map<string, number> }>;
}

const TRUNC: Record<TrendInterval, 'month' | 'quarter' | 'year'> = {
  [TrendInterval.MONTH]: 'month',
  [TrendInterval.QUARTER]: 'quarter',
  [TrendInterval.YEAR]: 'year',
};

/** Postings over time per key, with each key's share of all postings in the period. */
@Injectable()
export class PostingTrendsService {
  constructor(
    private readonly db: DataSource,
    private readonly filters: MarketFilterSql,
    private readonly taxonomy: SkillTaxonomyService,
    private readonly memory: PostingFactsMemoryService,
  ) {}

  async postingTrends(filter: MarketFilter | undefined, groupBy: TrendGroupBy, interval: TrendInterval, limit: number): Promise<TrendSeries[]> {
    const resolved = await this.filters.resolve(filter);
    return this.memory.remember(['postingTrends', resolved, groupBy, interval, limit], (view) => this.trends(resolved, groupBy, interval, limit, view));
  }

  private async trends(resolved: ResolvedFilter, groupBy: TrendGroupBy, interval: TrendInterval, limit: number, view: FactsView | null): Promise<TrendSeries[]> {
    const found = view
      ? view.trends(view.select(factFilterOf(resolved)), groupBy === TrendGroupBy.SKILL ? { kind: 'skill' } : { kind: 'dimension', dimension: DIMENSION[groupBy] }, TRUNC[interval], limit)
      : await this.trendsInSql(resolved, groupBy, interval, limit);
    const names = groupBy === TrendGroupBy.SKILL ? (await this.taxonomy.current()).namesById : undefined;
    // Every period under the filter appears in every series (zeros included), so charts have no gaps.
    const periods = [...found.periodTotals.keys()].sort();
    return found.series.map((s) => ({
      key: s.key === null ? 'UNKNOWN' : names ? (names.get(Number(s.key))?.name ?? s.key) : s.key,
      total: s.total,
      points: periods.map((period) => {
        const count = s.counts.get(period) ?? 0;
        return { period, count, share: count / found.periodTotals.get(period)! };
      }),
    }));
  }

  /** The source of truth the in-memory path is tested against. */
  async trendsInSql(resolved: ResolvedFilter, groupBy: TrendGroupBy, interval: TrendInterval, limit: number): Promise<TrendCounts> {
    const params = new SqlParams();
    const where = `${this.filters.postings(resolved, params)} AND p.posted_date IS NOT NULL`;
    const trunc = `date_trunc('${TRUNC[interval]}', p.posted_date)::date`;
    const key = KEY_COLUMN[groupBy];
    const skillJoin = groupBy === TrendGroupBy.SKILL ? 'CROSS JOIN LATERAL unnest(p.skill_ids) AS sk(skill_id)' : '';
    const periodTotals = await this.periodTotals(where, trunc, params.values);
    const limitParam = params.add(limit);
    const rows: Array<{ key: string | null; period: string; count: number; key_total: number }> = await this.db.query(
      `WITH counts AS (
         SELECT ${trunc} AS period, ${key} AS key, count(*)::int AS n
           FROM posting_facts p ${skillJoin} WHERE ${where} GROUP BY 1, 2),
       top AS (SELECT key, sum(n)::int AS total FROM counts GROUP BY key ORDER BY sum(n) DESC, key LIMIT ${limitParam})
       SELECT c.key, to_char(c.period, 'YYYY-MM-DD') AS period, c.n AS count, top.total AS key_total
         FROM counts c JOIN top ON top.key IS NOT DISTINCT FROM c.key
        ORDER BY top.total DESC, c.key, c.period`,
      params.values,
    );
    const series = new Map<string | null, TrendCounts['series'][number]>();
    for (const r of rows) {
      if (!series.has(r.key)) series.set(r.key, { key: r.key, total: r.key_total, counts: new Map() });
      series.get(r.key)!.counts.set(r.period, r.count);
    }
    return { periodTotals, series: [...series.values()] };
  }

  private async periodTotals(where: string, trunc: string, values: unknown[]): Promise<Map<string, number>> {
    const rows: Array<{ period: string; n: number }> = await this.db.query(
      `SELECT to_char(${trunc}, 'YYYY-MM-DD') AS period, count(*)::int AS n FROM posting_facts p WHERE ${where} GROUP BY 1`,
      values,
    );
    return new Map(rows.map((r) => [r.period, r.n]));
  }
}
