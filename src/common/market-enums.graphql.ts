import { registerEnumType } from '@nestjs/graphql';
import {
  CompanySize, EducationLevel, EmploymentType, ExperienceLevel, Industry, PayPeriod, RemoteType, RoleFamily, Seniority, SkillCategory, WorldRegion,
} from './market.enums';

/** The market vocabularies as GraphQL enums: unknown values are validation errors before any resolver runs. */
registerEnumType(RoleFamily, { name: 'RoleFamily' });
registerEnumType(Seniority, { name: 'Seniority' });
registerEnumType(ExperienceLevel, { name: 'ExperienceLevel' });
registerEnumType(EmploymentType, { name: 'EmploymentType' });
registerEnumType(RemoteType, { name: 'RemoteType' });
registerEnumType(CompanySize, { name: 'CompanySize' });
registerEnumType(WorldRegion, { name: 'WorldRegion' });
registerEnumType(PayPeriod, { name: 'PayPeriod' });
registerEnumType(EducationLevel, { name: 'EducationLevel' });
registerEnumType(Industry, { name: 'Industry' });
registerEnumType(SkillCategory, { name: 'SkillCategory' });
