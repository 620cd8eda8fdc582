import { Injectable } from '@nestjs/common';
import { SkillTaxonomyService } from '../skills/skill-taxonomy.service';
import { AnalyticsException, AnalyticsExceptionCode } from './analytics.exception';
import { MarketFilter, SkillMatch } from './dto/market-filter.input';
import { SqlParams } from './sql-params';

export interface ResolvedFilter {
  filter: MarketFilter;
  skillIds: number[];
  from?: string;
  to?: string;
}

/**
 * The filter's value lists by the column they restrict: postings and survey rows name these columns
 * alike, and every path (SQL, the in-memory copies) reads them from here.
 */
export function filterColumns(f: MarketFilter): Record<string, string[] | undefined> {
  return {
    role_family: f.roleFamilies,
    seniority: f.seniorities,
    country: f.countries?.map((c) => c.toUpperCase()),
    region: f.regions,
    industry: f.industries,
    remote_type: f.remoteTypes,
    employment_type: f.employmentTypes,
    company_size: f.companySizes,
  };
}

/** Validates a MarketFilter beyond its field rules and turns it into WHERE clauses for each source. */
@Injectable()
export class MarketFilterSql {
  constructor(private readonly taxonomy: SkillTaxonomyService) {}

  async resolve(filter?: MarketFilter | null): Promise<ResolvedFilter> {
    filter ??= {}; // `filter: null` in a query means no filter, as leaving it out does
    if (filter.from && filter.to && filter.from > filter.to) {
      throw new AnalyticsException(`impossible date range: from ${filter.from} is after to ${filter.to}`, AnalyticsExceptionCode.INVALID_FILTER);
    }
    return { filter, skillIds: await this.skillIds(filter.skills ?? []), from: filter.from, to: filter.to };
  }

  /** Skill names or aliases → ids; unknown ones are listed back to the caller. */
  async skillIds(names: string[]): Promise<number[]> {
    if (names.length === 0) return [];
    const taxonomy = await this.taxonomy.current();
    const ids: number[] = [];
    const unknown: string[] = [];
    for (const name of names) {
      const id = taxonomy.idOf(name);
      if (id === undefined) unknown.push(name);
      else ids.push(id);
    }
    if (unknown.length) throw new AnalyticsException(`unknown skill(s): ${unknown.join(', ')}`, AnalyticsExceptionCode.UNKNOWN_SKILL);
    return [...new Set(ids)];
  }

  /** WHERE clause over posting_facts aliased `p`. Salary outliers are excluded only where salaries are used. */
  postings(resolved: ResolvedFilter, params: SqlParams, options: { period?: { from?: string; to?: string } } = {}): string {
    const f = resolved.filter;
    const clauses: string[] = [];
    const from = options.period ? options.period.from : resolved.from;
    const to = options.period ? options.period.to : resolved.to;
    if (from) clauses.push(`p.posted_date >= ${params.add(from)}::date`);
    if (to) clauses.push(`p.posted_date <= ${params.add(to)}::date`);
    for (const [column, values] of Object.entries(filterColumns(f))) {
      if (values && values.length) clauses.push(`p.${column} = ANY(${params.add(values)}::text[])`);
    }
    if (resolved.skillIds.length) {
      const op = f.skillMatch === SkillMatch.ANY ? '&&' : '@>';
      clauses.push(`p.skill_ids ${op} ${params.add(resolved.skillIds)}::int[]`);
    }
    return clauses.length ? clauses.join(' AND ') : 'true';
  }

  /** Salary rows among the filtered postings: a salary, and not an outlier unless asked. */
  postingSalaries(resolved: ResolvedFilter): string {
    return `p.annual_usd_mid IS NOT NULL${resolved.filter.includeOutliers ? '' : ' AND NOT p.salary_outlier'}`;
  }

  /**
   * WHERE clause over survey_responses aliased `s`. Survey rows have a year, not a date: a date range
   * keeps the years it touches. Skills do not exist in surveys, so a skill filter is an error.
   */
  survey(resolved: ResolvedFilter, params: SqlParams): string {
    const f = resolved.filter;
    if (resolved.skillIds.length) {
      throw new AnalyticsException('survey data has no skills; drop the skills filter for source SURVEY', AnalyticsExceptionCode.INVALID_FILTER);
    }
    const clauses: string[] = [];
    if (resolved.from) clauses.push(`s.year >= ${params.add(Number(resolved.from.slice(0, 4)))}`);
    if (resolved.to) clauses.push(`s.year <= ${params.add(Number(resolved.to.slice(0, 4)))}`);
    for (const [column, values] of Object.entries(filterColumns(f))) {
      if (values && values.length) clauses.push(`s.${column} = ANY(${params.add(values)}::text[])`);
    }
    return clauses.length ? clauses.join(' AND ') : 'true';
  }

  surveySalaries(resolved: ResolvedFilter): string {
    return `s.annual_usd IS NOT NULL${resolved.filter.includeOutliers ? '' : ' AND NOT s.salary_outlier'}`;
  }
}
