import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SkillTaxonomyService } from '../skills/skill-taxonomy.service';
import { MarketFilter } from './dto/market-filter.input';
import { MarketFilterSql } from './market-filter.sql';
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

const TRUNC: Record<TrendInterval, string> = {
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
  ) {}

  async postingTrends(filter: MarketFilter | undefined, groupBy: TrendGroupBy, interval: TrendInterval, limit: number): Promise<TrendSeries[]> {
    const resolved = await this.filters.resolve(filter);
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
    const names = groupBy === TrendGroupBy.SKILL ? (await this.taxonomy.current()).namesById : undefined;
    const series = new Map<string, TrendSeries>();
    const counts = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const label = r.key === null ? 'UNKNOWN' : names ? (names.get(Number(r.key))?.name ?? r.key) : r.key;
      if (!series.has(label)) {
        series.set(label, { key: label, total: r.key_total, points: [] });
        counts.set(label, new Map());
      }
      counts.get(label)!.set(r.period, r.count);
    }
    // Every period under the filter appears in every series (zeros included), so charts have no gaps.
    const periods = [...periodTotals.keys()].sort();
    for (const [label, s] of series) {
      const byPeriod = counts.get(label)!;
      s.points = periods.map((period) => {
        const count = byPeriod.get(period) ?? 0;
        return { period, count, share: count / periodTotals.get(period)! };
      });
    }
    return [...series.values()];
  }

  private async periodTotals(where: string, trunc: string, values: unknown[]): Promise<Map<string, number>> {
    const rows: Array<{ period: string; n: number }> = await this.db.query(
      `SELECT to_char(${trunc}, 'YYYY-MM-DD') AS period, count(*)::int AS n FROM posting_facts p WHERE ${where} GROUP BY 1`,
      values,
    );
    return new Map(rows.map((r) => [r.period, r.n]));
  }
}
