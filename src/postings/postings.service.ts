import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AnalyticsException, AnalyticsExceptionCode } from '../analytics/analytics.exception';
import { MarketFilter } from '../analytics/dto/market-filter.input';
import { MarketFilterSql, ResolvedFilter } from '../analytics/market-filter.sql';
import { dayNumber } from '../analytics/memory/fact-columns';
import { factFilterOf } from '../analytics/memory/fact-filter';
import { PostingFactsMemoryService } from '../analytics/memory/posting-facts-memory.service';
import { SqlParams } from '../analytics/sql-params';
import { SkillCategory } from '../common/market.enums';
import { decodeCursor, encodeCursor, InvalidCursorException, toConnection } from '../graphql/pagination';
import { SkillTaxonomyService } from '../skills/skill-taxonomy.service';
import { JobPostingConnection, JobPostingModel } from './job-posting.model';

const COLUMNS = `p.id::text, p.source, p.source_id, p.title_raw, p.title, p.role_family, p.seniority, p.onet_soc,
  (SELECT o.title FROM onet_occupations o WHERE o.soc_code = p.onet_soc) AS onet_title, p.company_name, p.industry, p.country,
  p.region, p.city, p.location_raw, p.remote_type, p.employment_type, p.company_size, p.salary_raw, p.salary_min::float8, p.salary_max::float8,
  p.salary_currency, p.pay_period, p.annual_usd_min::float8, p.annual_usd_max::float8, p.salary_outlier, to_char(p.posted_date, 'YYYY-MM-DD') AS posted_date,
  p.education, p.experience_years::float8, p.skill_ids, p.skill_aliases, p.first_seen, p.last_seen`;

type Row = Record<string, any>;

/** Browsing postings: newest first, keyset-paginated (stable under inserts, no OFFSET scans). */
@Injectable()
export class PostingsService {
  constructor(
    private readonly db: DataSource,
    private readonly filters: MarketFilterSql,
    private readonly taxonomy: SkillTaxonomyService,
    private readonly memory: PostingFactsMemoryService,
  ) {}

  async list(filter: MarketFilter | undefined, first: number, after?: string): Promise<JobPostingConnection> {
    const resolved = await this.filters.resolve(filter);
    const cursor = decodeCursor(after);
    if (cursor && !(/^\d{4}-\d{2}-\d{2}$/.test(String(cursor[0])) && /^\d{1,18}$/.test(String(cursor[1])))) {
      throw new InvalidCursorException(`invalid cursor "${String(after).slice(0, 40)}": pass an endCursor from a previous page`);
    }
    const names = (await this.taxonomy.current()).namesById;
    const toModel = (r: Row) => this.toModel(r, names, false);
    const cursorOf = (r: Row) => encodeCursor([r.sort_date, r.id]);
    // The page's ids and the total come from the analytics facts (in memory, else in SQL); rows come by id.
    const view = await this.memory.view();
    let page: { ids: Array<number | string>; total: number };
    if (view) {
      const selection = view.select(factFilterOf(resolved));
      const ids = view.newest(selection, first + 1, cursor ? { day: dayNumber(String(cursor[0])), id: Number(cursor[1]) } : undefined);
      page = { ids, total: selection.length };
    } else {
      page = await this.newestInSql(resolved, first + 1, cursor);
    }
    const found: Row[] = page.ids.length
      ? await this.db.query(`SELECT ${COLUMNS}, coalesce(p.posted_date, '0001-01-01'::date)::text AS sort_date FROM job_postings p WHERE p.id = ANY($1::bigint[])`, [page.ids])
      : [];
    const byId = new Map(found.map((r) => [r.id, r]));
    const rows = page.ids.map((id) => byId.get(String(id))).filter((r): r is Row => r !== undefined);
    return toConnection(rows, first, page.total, cursorOf, toModel);
  }

  /** The SQL path: posting_facts filtered, newest first (a scan of the narrow facts table and a top-N sort). */
  private async newestInSql(resolved: ResolvedFilter, limit: number, cursor: Array<string | number> | undefined): Promise<{ ids: string[]; total: number }> {
    const params = new SqlParams();
    const where = this.filters.postings(resolved, params);
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM posting_facts p WHERE ${where}`, params.values);
    let keyset = '';
    if (cursor) {
      keyset = ` AND (coalesce(p.posted_date, '0001-01-01'::date), p.id) < (${params.add(cursor[0])}::date, ${params.add(cursor[1])}::bigint)`;
    }
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT p.id::text AS id FROM posting_facts p WHERE ${where}${keyset}
        ORDER BY coalesce(p.posted_date, '0001-01-01'::date) DESC, p.id DESC LIMIT ${params.add(limit)}`,
      params.values,
    );
    return { ids: rows.map((r) => r.id), total: count };
  }

  async find(id: string): Promise<JobPostingModel> {
    const rows: Row[] = /^\d{1,18}$/.test(id)
      ? await this.db.query(`SELECT ${COLUMNS}, p.description, p.raw FROM job_postings p WHERE p.id = $1`, [id])
      : [];
    if (!rows.length) throw new AnalyticsException(`job posting ${id} not found`, AnalyticsExceptionCode.POSTING_NOT_FOUND);
    return this.toModel(rows[0], (await this.taxonomy.current()).namesById, true);
  }

  private toModel(r: Row, names: ReadonlyMap<number, { name: string; category: string }>, full: boolean): JobPostingModel {
    return {
      id: r.id,
      source: r.source,
      sourceId: r.source_id,
      titleRaw: r.title_raw,
      title: r.title,
      roleFamily: r.role_family,
      seniority: r.seniority,
      onetSoc: r.onet_soc,
      onetTitle: r.onet_title,
      company: r.company_name,
      industry: r.industry,
      country: r.country,
      region: r.region,
      city: r.city,
      locationRaw: r.location_raw,
      remoteType: r.remote_type,
      employmentType: r.employment_type,
      companySize: r.company_size,
      salaryRaw: r.salary_raw,
      salaryMin: r.salary_min,
      salaryMax: r.salary_max,
      salaryCurrency: r.salary_currency,
      payPeriod: r.pay_period,
      annualUsdMin: r.annual_usd_min,
      annualUsdMax: r.annual_usd_max,
      salaryOutlier: r.salary_outlier,
      postedDate: r.posted_date,
      description: full ? r.description : null,
      education: r.education,
      experienceYears: r.experience_years,
      skills: (r.skill_ids as number[]).map((id, i) => ({
        name: names.get(id)?.name ?? String(id),
        category: (names.get(id)?.category ?? SkillCategory.CONCEPT) as SkillCategory,
        matchedAlias: (r.skill_aliases as string[])[i] ?? '',
      })),
      raw: full ? r.raw : null,
      firstSeen: r.first_seen,
      lastSeen: r.last_seen,
    };
  }
}
