import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FactsView } from '../analytics/memory/facts-view';
import { PostingFactsMemoryService } from '../analytics/memory/posting-facts-memory.service';
import { SkillTaxonomyService } from '../skills/skill-taxonomy.service';
import { MonthlySeries } from './core/series.util';

export type ForecastMeasure = 'COUNT' | 'SHARE';

export interface SeriesScope {
  region?: string | null;
  roleFamily?: string | null;
}

/** Series keys: "<skill>|<region or *>|<role family or *>|<measure>"; imported series start with "import:". */
export function seriesKey(skill: string, scope: SeriesScope, measure: ForecastMeasure): string {
  return `${skill}|${scope.region ?? '*'}|${scope.roleFamily ?? '*'}|${measure}`;
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** YYYY-MM-DD of the last day before the current (UTC) month: the current month is still filling up. */
function lastDayOfPreviousMonth(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)).toISOString().slice(0, 10);
}

function monthOf(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Monthly demand per skill, from stored postings or imported aggregate series, gap-free (missing months are 0). */
@Injectable()
export class ForecastSeriesService {
  // Optional: the training sandbox builds series in SQL, without the in-memory copy.
  constructor(
    private readonly db: DataSource,
    @Optional() private readonly memory?: PostingFactsMemoryService,
    @Optional() private readonly taxonomy?: SkillTaxonomyService,
  ) {}

  /**
   * Postings asking for each skill per month (COUNT) or their share of all postings that month
   * (SHARE), for every skill, under an optional region / role family scope. The current month is
   * left out: it is still filling up and would read as a collapse.
   */
  async postingSeries(scope: SeriesScope, measure: ForecastMeasure): Promise<Array<MonthlySeries & { skill: string }>> {
    if (!this.memory || !this.taxonomy) return this.postingSeriesInSql(scope, measure);
    const cutoff = lastDayOfPreviousMonth(new Date());
    return this.memory.remember(['postingSeries', scope.region ?? null, scope.roleFamily ?? null, measure, cutoff], (view) =>
      view ? this.postingSeriesInMemory(view, scope, measure, cutoff) : this.postingSeriesInSql(scope, measure),
    );
  }

  private async postingSeriesInMemory(view: FactsView, scope: SeriesScope, measure: ForecastMeasure, cutoff: string): Promise<Array<MonthlySeries & { skill: string }>> {
    const names = (await this.taxonomy!.current()).namesById;
    const rows = view.select({
      to: cutoff,
      dims: { region: scope.region ? [scope.region] : undefined, role_family: scope.roleFamily ? [scope.roleFamily] : undefined },
      skillIds: [],
      skillMatchAny: false,
      includeOutliers: true,
    });
    const { periodTotals, series } = view.trends(rows, { kind: 'skill' }, 'month', Number.MAX_SAFE_INTEGER);
    const points: Array<{ month: string; skill: string; value: number }> = [];
    for (const s of series) {
      const skill = names.get(Number(s.key))?.name;
      if (!skill) continue;
      for (const [period, n] of s.counts) points.push({ month: period.slice(0, 7), skill, value: measure === 'SHARE' ? n / periodTotals.get(period)! : n });
    }
    return this.assemble(points, (skill) => seriesKey(skill, scope, measure), measure === 'SHARE');
  }

  /** The source of truth the in-memory path is tested against. */
  async postingSeriesInSql(scope: SeriesScope, measure: ForecastMeasure): Promise<Array<MonthlySeries & { skill: string }>> {
    const rows: Array<{ month: string; skill: string; n: number; total: number }> = await this.db.query(
      `WITH f AS (
         SELECT to_char(date_trunc('month', p.posted_date), 'YYYY-MM') AS month, p.skill_ids FROM posting_facts p
          WHERE p.posted_date IS NOT NULL AND p.posted_date < date_trunc('month', now())
            AND ($1::text IS NULL OR p.region = $1) AND ($2::text IS NULL OR p.role_family = $2)),
       totals AS (SELECT month, count(*)::int AS total FROM f GROUP BY month)
       SELECT f.month, s.name AS skill, count(*)::int AS n, t.total
         FROM f CROSS JOIN LATERAL unnest(f.skill_ids) AS sk JOIN skills s ON s.id = sk JOIN totals t ON t.month = f.month
        GROUP BY f.month, s.name, t.total`,
      [scope.region ?? null, scope.roleFamily ?? null],
    );
    return this.assemble(rows.map((r) => ({ month: r.month, skill: r.skill, value: measure === 'SHARE' ? r.n / r.total : r.n })), (skill) => seriesKey(skill, scope, measure), measure === 'SHARE');
  }

  /** An imported series (CSV month, skill, postings[, total_postings]) as count or share. */
  async importedSeries(name: string, measure: ForecastMeasure): Promise<Array<MonthlySeries & { skill: string }>> {
    const rows: Array<{ month: string; skill: string; postings: number; total: number | null }> = await this.db.query(
      `SELECT to_char(month, 'YYYY-MM') AS month, skill, postings, total_postings AS total FROM imported_series WHERE series_name = $1`,
      [name],
    );
    const usable = measure === 'SHARE' ? rows.filter((r) => r.total) : rows;
    return this.assemble(
      usable.map((r) => ({ month: r.month, skill: r.skill, value: measure === 'SHARE' ? r.postings / r.total! : r.postings })),
      (skill) => `import:${name}|${skill}|${measure}`,
      measure === 'SHARE',
    );
  }

  private assemble(points: Array<{ month: string; skill: string; value: number }>, key: (skill: string) => string, _share: boolean): Array<MonthlySeries & { skill: string }> {
    if (points.length === 0) return [];
    let first = Infinity;
    let last = -Infinity;
    for (const p of points) {
      const i = monthIndex(p.month);
      first = Math.min(first, i);
      last = Math.max(last, i);
    }
    const bySkill = new Map<string, number[]>();
    for (const p of points) {
      let values = bySkill.get(p.skill);
      if (!values) bySkill.set(p.skill, (values = new Array(last - first + 1).fill(0)));
      values[monthIndex(p.month) - first] = p.value;
    }
    return [...bySkill.entries()].map(([skill, values]) => ({ key: key(skill), skill, start: monthOf(first), values }));
  }
}
