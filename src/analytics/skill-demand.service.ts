import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RoleFamily, SkillCategory } from '../common/market.enums';
import { SkillTaxonomyService } from '../skills/skill-taxonomy.service';
import { MarketFilter } from './dto/market-filter.input';
import { MarketFilterSql, ResolvedFilter } from './market-filter.sql';
import { factFilterOf } from './memory/fact-filter';
import { compareKeys, FactsView } from './memory/facts-view';
import { PostingFactsMemoryService } from './memory/posting-facts-memory.service';
import { MarketSummary, RoleComparison, RoleProfile, SkillDemand, SkillPairing } from './models/market.models';
import { round } from './salary-stats.service';
import { SqlParams } from './sql-params';

const DAY_MS = 86_400_000;

interface SkillRows {
  rows: Array<{ skill_id: number; postings: number; median: number | null; salary_count: number }>;
  previousCounts: Map<number, number>;
}

interface Period {
  from?: string;
  to?: string;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Skill demand: shares, growth, salary premium, co-occurrence, role comparisons and the dashboard summary. */
@Injectable()
export class SkillDemandService {
  constructor(
    private readonly db: DataSource,
    private readonly filters: MarketFilterSql,
    private readonly taxonomy: SkillTaxonomyService,
    private readonly memory: PostingFactsMemoryService,
  ) {}

  /** The filter's period (its dates, else the data's first and last posting) and the equally long one before it. */
  private async periods(resolved: ResolvedFilter, view: FactsView | null): Promise<{ current: Period; previous: Period | null }> {
    let { from, to } = resolved;
    if ((!from || !to) && view) {
      const range = view.dateRange(view.select(factFilterOf(resolved)));
      from ??= range.min;
      to ??= range.max;
    } else if (!from || !to) {
      const params = new SqlParams();
      const [range] = await this.db.query(
        `SELECT to_char(min(p.posted_date), 'YYYY-MM-DD') AS min, to_char(max(p.posted_date), 'YYYY-MM-DD') AS max FROM posting_facts p WHERE ${this.filters.postings(resolved, params)}`,
        params.values,
      );
      from ??= range.min ?? undefined;
      to ??= range.max ?? undefined;
    }
    if (!from || !to) return { current: { from, to }, previous: null };
    const start = Date.parse(`${from}T00:00:00Z`);
    const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / DAY_MS) + 1;
    return { current: { from, to }, previous: { from: isoDay(start - days * DAY_MS), to: isoDay(start - DAY_MS) } };
  }

  private async totals(resolved: ResolvedFilter, view: FactsView | null, period?: Period): Promise<{ postings: number; median: number | null; salaryCount: number }> {
    if (view) {
      const ff = factFilterOf(resolved);
      return view.totals(view.select(ff, period), ff.includeOutliers);
    }
    const params = new SqlParams();
    const [row] = await this.db.query(
      `SELECT count(*)::int AS postings,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN ${this.filters.postingSalaries(resolved)} THEN p.annual_usd_mid END)::float8 AS median,
              count(*) FILTER (WHERE ${this.filters.postingSalaries(resolved)})::int AS salary_count
         FROM posting_facts p WHERE ${this.filters.postings(resolved, params, period ? { period } : {})}`,
      params.values,
    );
    return { postings: row.postings, median: row.median, salaryCount: row.salary_count };
  }

  async topSkills(filter: MarketFilter | undefined, limit: number): Promise<SkillDemand[]> {
    const resolved = await this.filters.resolve(filter);
    return this.memory.remember(['topSkills', resolved, limit], (view) => this.topSkillsResolved(resolved, limit, view));
  }

  private async topSkillsResolved(resolved: ResolvedFilter, limit: number, view: FactsView | null, withGrowth = true): Promise<SkillDemand[]> {
    const { previous } = withGrowth ? await this.periods(resolved, view) : { previous: null };
    const overall = await this.totals(resolved, view);
    const { rows, previousCounts } = view ? this.skillRowsInMemory(view, resolved, limit, previous) : await this.skillRowsInSql(resolved, limit, previous);
    const names = (await this.taxonomy.current()).namesById;
    return rows.map((r) => {
      const prev = previousCounts.get(r.skill_id) ?? 0;
      const skill = names.get(r.skill_id);
      return {
        skill: skill?.name ?? String(r.skill_id),
        category: (skill?.category ?? SkillCategory.CONCEPT) as SkillCategory,
        postings: r.postings,
        share: overall.postings ? r.postings / overall.postings : 0,
        growth: prev > 0 ? (r.postings - prev) / prev : null,
        previousPostings: prev,
        medianSalary: r.median === null ? null : round(r.median),
        salaryPremium: r.median !== null && overall.median ? r.median / overall.median : null,
        salaryCount: r.salary_count,
      };
    });
  }

  private skillRowsInMemory(view: FactsView, resolved: ResolvedFilter, limit: number, previous: Period | null): SkillRows {
    const ff = factFilterOf(resolved);
    const selection = view.select(ff);
    const rows = view
      .topSkillsWithMedians(selection, ff.includeOutliers, limit)
      .map((s) => ({ skill_id: s.skillId, postings: s.postings, median: s.median, salary_count: s.salaryCount }));
    const previousCounts = previous && rows.length ? view.skillCounts(view.select(ff, previous)) : new Map<number, number>();
    return { rows, previousCounts };
  }

  /** The source of truth the in-memory path is tested against. */
  async skillRowsInSql(resolved: ResolvedFilter, limit: number, previous: Period | null): Promise<SkillRows> {
    const params = new SqlParams();
    const where = this.filters.postings(resolved, params);
    const rows: Array<{ skill_id: number; postings: number; median: number | null; salary_count: number }> = await this.db.query(
      `SELECT sk AS skill_id, count(*)::int AS postings,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN ${this.filters.postingSalaries(resolved)} THEN p.annual_usd_mid END)::float8 AS median,
              count(*) FILTER (WHERE ${this.filters.postingSalaries(resolved)})::int AS salary_count
         FROM posting_facts p CROSS JOIN LATERAL unnest(p.skill_ids) AS sk
        WHERE ${where}
        GROUP BY sk ORDER BY count(*) DESC, sk LIMIT ${params.add(limit)}`,
      params.values,
    );
    const previousCounts = new Map<number, number>();
    if (previous && rows.length) {
      const prevParams = new SqlParams();
      const prevWhere = this.filters.postings(resolved, prevParams, { period: previous });
      const prevRows: Array<{ skill_id: number; n: number }> = await this.db.query(
        `SELECT sk AS skill_id, count(*)::int AS n FROM posting_facts p CROSS JOIN LATERAL unnest(p.skill_ids) AS sk
          WHERE ${prevWhere} AND sk = ANY(${prevParams.add(rows.map((r) => r.skill_id))}::int[]) GROUP BY sk`,
        prevParams.values,
      );
      for (const r of prevRows) previousCounts.set(r.skill_id, r.n);
    }
    return { rows, previousCounts };
  }

  async skillCooccurrence(skill: string, filter: MarketFilter | undefined, limit: number): Promise<SkillPairing[]> {
    const resolved = await this.filters.resolve(filter);
    const [skillId] = await this.filters.skillIds([skill]);
    return this.memory.remember(['skillCooccurrence', resolved, skillId, limit], (view) => this.cooccurrence(resolved, skillId, limit, view));
  }

  private async cooccurrence(resolved: ResolvedFilter, skillId: number, limit: number, view: FactsView | null): Promise<SkillPairing[]> {
    const names = (await this.taxonomy.current()).namesById;
    if (view) {
      const { total, withA, pairs } = view.cooccurrence(view.select(factFilterOf(resolved)), skillId);
      return [...pairs.entries()]
        .filter(([, p]) => p.together > 0)
        .sort((a, b) => b[1].together - a[1].together || a[0] - b[0])
        .slice(0, limit)
        .map(([id, p]) => ({ skill: names.get(id)?.name ?? String(id), together: p.together, lift: (p.together * total) / (withA * p.withB) }));
    }
    const params = new SqlParams();
    const where = this.filters.postings(resolved, params);
    const a = params.add([skillId]);
    const rows: Array<{ skill_id: number; together: number; with_b: number; total: number; with_a: number }> = await this.db.query(
      `WITH f AS (SELECT p.skill_ids FROM posting_facts p WHERE ${where}),
            n AS (SELECT count(*)::int AS total, count(*) FILTER (WHERE skill_ids @> ${a}::int[])::int AS with_a FROM f)
       SELECT sk AS skill_id, count(*) FILTER (WHERE f.skill_ids @> ${a}::int[])::int AS together, count(*)::int AS with_b, n.total, n.with_a
         FROM f CROSS JOIN LATERAL unnest(f.skill_ids) AS sk CROSS JOIN n
        WHERE sk <> ${params.add(skillId)}
        GROUP BY sk, n.total, n.with_a
       HAVING count(*) FILTER (WHERE f.skill_ids @> ${a}::int[]) > 0
        ORDER BY together DESC, sk LIMIT ${params.add(limit)}`,
      params.values,
    );
    return rows.map((r) => ({
      skill: names.get(r.skill_id)?.name ?? String(r.skill_id),
      together: r.together,
      lift: (r.together * r.total) / (r.with_a * r.with_b),
    }));
  }

  async compareRoles(a: RoleFamily, b: RoleFamily, filter: MarketFilter | undefined, limit: number): Promise<RoleComparison> {
    return this.memory.remember(['compareRoles', a, b, filter ?? null, limit], (view) => this.comparison(a, b, filter, limit, view));
  }

  private async comparison(a: RoleFamily, b: RoleFamily, filter: MarketFilter | undefined, limit: number, view: FactsView | null): Promise<RoleComparison> {
    const profile = async (role: RoleFamily): Promise<RoleProfile & { shares: Map<string, number> }> => {
      const resolved = await this.filters.resolve({ ...(filter ?? {}), roleFamilies: [role] });
      const totals = await this.totals(resolved, view);
      // Every skill's share (not just the top ones), so a skill missing from one role's top list still compares right.
      const skills = await this.topSkillsResolved(resolved, 10_000, view, false);
      return {
        roleFamily: role,
        postings: totals.postings,
        medianSalary: totals.median === null ? null : round(totals.median),
        salaryCount: totals.salaryCount,
        topSkills: skills.slice(0, limit),
        shares: new Map(skills.map((s) => [s.skill, s.share])),
      };
    };
    const [pa, pb] = await Promise.all([profile(a), profile(b)]);
    const skills = new Set([...pa.shares.keys(), ...pb.shares.keys()]);
    const contrasts = [...skills]
      .map((skill) => {
        const shareA = pa.shares.get(skill) ?? 0;
        const shareB = pb.shares.get(skill) ?? 0;
        return { skill, shareA, shareB, difference: shareA - shareB };
      })
      .sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference) || x.skill.localeCompare(y.skill))
      .slice(0, limit);
    const strip = ({ shares: _shares, ...rest }: RoleProfile & { shares: Map<string, number> }): RoleProfile => rest;
    return { a: strip(pa), b: strip(pb), distinguishingSkills: contrasts };
  }

  async marketSummary(filter: MarketFilter | undefined): Promise<MarketSummary> {
    const resolved = await this.filters.resolve(filter);
    return this.memory.remember(['marketSummary', resolved], (view) => this.summary(resolved, view));
  }

  private async summary(resolved: ResolvedFilter, view: FactsView | null): Promise<MarketSummary> {
    const { current, previous } = await this.periods(resolved, view);
    const [now, before, topSkills, regions] = await Promise.all([
      this.totals(resolved, view),
      previous ? this.totals(resolved, view, previous) : Promise.resolve({ postings: 0, median: null, salaryCount: 0 }),
      this.topSkillsResolved(resolved, 5, view),
      this.topRegions(resolved, view),
    ]);
    return {
      postings: now.postings,
      previousPostings: before.postings,
      postingsChange: before.postings ? (now.postings - before.postings) / before.postings : null,
      medianSalary: now.median === null ? null : round(now.median),
      previousMedianSalary: before.median === null ? null : round(before.median),
      salaryCount: now.salaryCount,
      topSkills,
      topRegions: regions.map((r) => ({ key: r.key, count: r.count, share: now.postings ? r.count / now.postings : 0 })),
      from: current.from,
      to: current.to,
    };
  }

  private async topRegions(resolved: ResolvedFilter, view: FactsView | null): Promise<Array<{ key: string; count: number }>> {
    if (view) {
      return view
        .dimensionCounts(view.select(factFilterOf(resolved)), 'region')
        .map((r) => ({ key: r.key ?? 'UNKNOWN', count: r.count }))
        .sort((a, b) => b.count - a.count || compareKeys(a.key, b.key))
        .slice(0, 6);
    }
    const params = new SqlParams();
    return this.db.query(
      `SELECT coalesce(p.region, 'UNKNOWN') AS key, count(*)::int AS count FROM posting_facts p WHERE ${this.filters.postings(resolved, params)} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 6`,
      params.values,
    );
  }
}
