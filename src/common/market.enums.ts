/**
 * Canonical vocabularies shared by ingestion, storage and the GraphQL schema.
 * String values are what we store in Postgres, so renaming a value needs a migration.
 */

export enum RoleFamily {
  ML_ENGINEER = 'ML_ENGINEER',
  DATA_SCIENTIST = 'DATA_SCIENTIST',
  DATA_ENGINEER = 'DATA_ENGINEER',
  DATA_ANALYST = 'DATA_ANALYST',
  RESEARCH_SCIENTIST = 'RESEARCH_SCIENTIST',
  MLOPS_ENGINEER = 'MLOPS_ENGINEER',
  AI_ENGINEER = 'AI_ENGINEER',
  ANALYTICS_ENGINEER = 'ANALYTICS_ENGINEER',
  DATA_MANAGER = 'DATA_MANAGER',
  OTHER = 'OTHER',
}

export enum Seniority {
  INTERN = 'INTERN',
  ENTRY = 'ENTRY',
  MID = 'MID',
  SENIOR = 'SENIOR',
  STAFF = 'STAFF',
  LEAD = 'LEAD',
  DIRECTOR = 'DIRECTOR',
}

/** aijobs.net style survey experience codes (EN/MI/SE/EX). */
export enum ExperienceLevel {
  ENTRY = 'ENTRY',
  MID = 'MID',
  SENIOR = 'SENIOR',
  EXECUTIVE = 'EXECUTIVE',
}

export enum EmploymentType {
  FULL_TIME = 'FULL_TIME',
  PART_TIME = 'PART_TIME',
  CONTRACT = 'CONTRACT',
  FREELANCE = 'FREELANCE',
  INTERNSHIP = 'INTERNSHIP',
  TEMPORARY = 'TEMPORARY',
}

export enum RemoteType {
  ONSITE = 'ONSITE',
  HYBRID = 'HYBRID',
  REMOTE = 'REMOTE',
}

export enum CompanySize {
  SMALL = 'SMALL',
  MEDIUM = 'MEDIUM',
  LARGE = 'LARGE',
}

export enum WorldRegion {
  NORTH_AMERICA = 'NORTH_AMERICA',
  LATIN_AMERICA = 'LATIN_AMERICA',
  EUROPE = 'EUROPE',
  ASIA_PACIFIC = 'ASIA_PACIFIC',
  MIDDLE_EAST = 'MIDDLE_EAST',
  AFRICA = 'AFRICA',
}

export enum PayPeriod {
  HOUR = 'HOUR',
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}

export enum EducationLevel {
  NONE = 'NONE',
  HIGH_SCHOOL = 'HIGH_SCHOOL',
  ASSOCIATE = 'ASSOCIATE',
  BACHELOR = 'BACHELOR',
  MASTER = 'MASTER',
  DOCTORATE = 'DOCTORATE',
}

export enum Industry {
  TECHNOLOGY = 'TECHNOLOGY',
  FINANCE = 'FINANCE',
  HEALTHCARE = 'HEALTHCARE',
  RETAIL = 'RETAIL',
  MANUFACTURING = 'MANUFACTURING',
  CONSULTING = 'CONSULTING',
  EDUCATION = 'EDUCATION',
  GOVERNMENT = 'GOVERNMENT',
  MEDIA = 'MEDIA',
  TELECOM = 'TELECOM',
  ENERGY = 'ENERGY',
  TRANSPORTATION = 'TRANSPORTATION',
  INSURANCE = 'INSURANCE',
  OTHER = 'OTHER',
}

export enum SkillCategory {
  LANGUAGE = 'LANGUAGE',
  ML_FRAMEWORK = 'ML_FRAMEWORK',
  LIBRARY = 'LIBRARY',
  CLOUD = 'CLOUD',
  MLOPS = 'MLOPS',
  DATA_TOOL = 'DATA_TOOL',
  DATABASE = 'DATABASE',
  VISUALIZATION = 'VISUALIZATION',
  CONCEPT = 'CONCEPT',
  DEVOPS = 'DEVOPS',
  GENAI = 'GENAI',
  SOFT_SKILL = 'SOFT_SKILL',
}

export const ANNUALISATION_FACTORS: Record<PayPeriod, number> = {
  [PayPeriod.HOUR]: 2080,
  [PayPeriod.DAY]: 260,
  [PayPeriod.WEEK]: 52,
  [PayPeriod.MONTH]: 12,
  [PayPeriod.YEAR]: 1,
};
