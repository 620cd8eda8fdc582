import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MarketFilter } from './dto/market-filter.input';
import { filterColumns, MarketFilterSql } from './market-filter.sql';
import { SurveyDimension } from './models/analytics.enums';
import { SurveyDistribution } from './models/market.models';
import { SurveyFactsMemoryService, SurveyField, SurveyList } from './memory/survey-facts-memory.service';
import { SqlParams } from './sql-params';

/** Single-valued dimensions are a column; LANGUAGE and CERTIFICATION are arrays (one respondent, many answers). */
const COLUMN: Record<SurveyDimension, { expr: string; multi?: boolean; field: SurveyField | SurveyList }> = {
  [SurveyDimension.INDUSTRY]: { expr: 's.industry', field: 'industry' },
  [SurveyDimension.EXPERIENCE_LEVEL]: { expr: 's.experience_level', field: 'experience_level' },
  [SurveyDimension.LANGUAGE]: { expr: 's.languages', multi: true, field: 'languages' },
  [SurveyDimension.COUNTRY]: { expr: 's.country', field: 'country' },
  [SurveyDimension.REGION]: { expr: 's.region', field: 'region' },
  [SurveyDimension.EDUCATION]: { expr: 's.education', field: 'education' },
  [SurveyDimension.SATISFACTION]: { expr: 's.satisfaction::text', field: 'satisfaction' },
  [SurveyDimension.GENDER]: { expr: 's.gender', field: 'gender' },
  [SurveyDimension.CERTIFICATION]: { expr: 's.certifications', multi: true, field: 'certifications' },
  [SurveyDimension.AGE_GROUP]: { expr: 's.age_group', field: 'age_group' },
  [SurveyDimension.COMPANY_SIZE]: { expr: 's.company_size', field: 'company_size' },
  [SurveyDimension.REMOTE]: { expr: 's.remote_type', field: 'remote_type' },
};

@Injectable()
export class SurveyAnalyticsService {
  constructor(
    private readonly db: DataSource,
    private readonly filters: MarketFilterSql,
    private readonly memory: SurveyFactsMemoryService,
  ) {}

  /**
   * How respondents answer one question. Shares are of respondents who answered it, so a question
   * that only part of a survey asked is not diluted by the rest (answered vs respondents says how many).
   */
  async surveyDistribution(dimension: SurveyDimension, filter?: MarketFilter): Promise<SurveyDistribution> {
    const resolved = await this.filters.resolve(filter);
    const params = new SqlParams();
    const where = this.filters.survey(resolved, params); // also refuses filters surveys cannot answer
    const { expr, multi, field } = COLUMN[dimension];
    const facts = await this.memory.current();
    if (facts) {
      const answer = this.memory.distribution(facts, {
        fromYear: resolved.from ? Number(resolved.from.slice(0, 4)) : undefined,
        toYear: resolved.to ? Number(resolved.to.slice(0, 4)) : undefined,
        fields: filterColumns(resolved.filter),
      }, field);
      return { ...answer, buckets: answer.buckets.map((b) => ({ ...b, share: answer.answered ? b.count / answer.answered : 0 })) };
    }
    const answeredExpr = multi ? `cardinality(${expr}) > 0` : `${expr} IS NOT NULL`;
    const [totals] = await this.db.query(
      `SELECT count(*)::int AS respondents, count(*) FILTER (WHERE ${answeredExpr})::int AS answered FROM survey_responses s WHERE ${where}`,
      params.values,
    );
    const rows: Array<{ key: string; count: number }> = await this.db.query(
      multi
        ? // Lists are de-duplicated at ingestion (survey.normalizer), so each answer counts a respondent once.
          `SELECT v AS key, count(*)::int AS count FROM survey_responses s CROSS JOIN LATERAL unnest(${expr}) AS v WHERE ${where} GROUP BY v ORDER BY 2 DESC, 1`
        : `SELECT ${expr} AS key, count(*)::int AS count FROM survey_responses s WHERE ${where} AND ${expr} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`,
      params.values,
    );
    return {
      respondents: totals.respondents,
      answered: totals.answered,
      buckets: rows.map((r) => ({ key: r.key, count: r.count, share: totals.answered ? r.count / totals.answered : 0 })),
    };
  }
}
