import { registerEnumType } from '@nestjs/graphql';

export enum TrendGroupBy {
  SKILL = 'SKILL',
  ROLE_FAMILY = 'ROLE_FAMILY',
  SENIORITY = 'SENIORITY',
  COUNTRY = 'COUNTRY',
  REGION = 'REGION',
  INDUSTRY = 'INDUSTRY',
}

export enum TrendInterval {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

export enum SalaryGroupBy {
  ROLE_FAMILY = 'ROLE_FAMILY',
  SENIORITY = 'SENIORITY',
  EXPERIENCE_LEVEL = 'EXPERIENCE_LEVEL',
  COUNTRY = 'COUNTRY',
  REGION = 'REGION',
  INDUSTRY = 'INDUSTRY',
  SKILL = 'SKILL',
  YEAR = 'YEAR',
  REMOTE = 'REMOTE',
  COMPANY_SIZE = 'COMPANY_SIZE',
  EMPLOYMENT_TYPE = 'EMPLOYMENT_TYPE',
}

export enum DataSource {
  POSTINGS = 'POSTINGS',
  SURVEY = 'SURVEY',
}

export enum SurveyDimension {
  INDUSTRY = 'INDUSTRY',
  EXPERIENCE_LEVEL = 'EXPERIENCE_LEVEL',
  LANGUAGE = 'LANGUAGE',
  COUNTRY = 'COUNTRY',
  REGION = 'REGION',
  EDUCATION = 'EDUCATION',
  SATISFACTION = 'SATISFACTION',
  GENDER = 'GENDER',
  CERTIFICATION = 'CERTIFICATION',
  AGE_GROUP = 'AGE_GROUP',
  COMPANY_SIZE = 'COMPANY_SIZE',
  REMOTE = 'REMOTE',
}

registerEnumType(TrendGroupBy, { name: 'TrendGroupBy' });
registerEnumType(TrendInterval, { name: 'TrendInterval' });
registerEnumType(SalaryGroupBy, { name: 'SalaryGroupBy' });
registerEnumType(DataSource, { name: 'DataSource' });
registerEnumType(SurveyDimension, { name: 'SurveyDimension' });
