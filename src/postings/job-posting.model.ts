import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import '../common/market-enums.graphql';
import {
  CompanySize, EducationLevel, EmploymentType, Industry, PayPeriod, RemoteType, RoleFamily, Seniority, SkillCategory, WorldRegion,
} from '../common/market.enums';
import { ConnectionType } from '../graphql/pagination';

@ObjectType()
export class PostingSkill {
  @Field() name: string;
  @Field(() => SkillCategory) category: SkillCategory;
  @Field({ description: 'the text that matched (an alias or the name)' }) matchedAlias: string;
}

@ObjectType('JobPosting')
export class JobPostingModel {
  @Field(() => ID) id: string;
  @Field() source: string;
  @Field(() => String, { nullable: true }) sourceId: string | null;
  @Field() titleRaw: string;
  @Field() title: string;
  @Field(() => RoleFamily) roleFamily: RoleFamily;
  @Field(() => Seniority, { nullable: true }) seniority: Seniority | null;
  @Field(() => String, { nullable: true, description: 'O*NET-SOC code of the title (e.g. 15-2051.00); null unless O*NET was imported before ingestion' })
  onetSoc: string | null;
  @Field(() => String, { nullable: true, description: 'title of the O*NET-SOC occupation (e.g. Data Scientists)' }) onetTitle: string | null;
  @Field(() => String, { nullable: true }) company: string | null;
  @Field(() => Industry, { nullable: true }) industry: Industry | null;
  @Field(() => String, { nullable: true }) country: string | null;
  @Field(() => WorldRegion, { nullable: true }) region: WorldRegion | null;
  @Field(() => String, { nullable: true }) city: string | null;
  @Field(() => String, { nullable: true }) locationRaw: string | null;
  @Field(() => RemoteType, { nullable: true }) remoteType: RemoteType | null;
  @Field(() => EmploymentType, { nullable: true }) employmentType: EmploymentType | null;
  @Field(() => CompanySize, { nullable: true }) companySize: CompanySize | null;
  @Field(() => String, { nullable: true }) salaryRaw: string | null;
  @Field(() => Float, { nullable: true }) salaryMin: number | null;
  @Field(() => Float, { nullable: true }) salaryMax: number | null;
  @Field(() => String, { nullable: true }) salaryCurrency: string | null;
  @Field(() => PayPeriod, { nullable: true }) payPeriod: PayPeriod | null;
  @Field(() => Float, { nullable: true }) annualUsdMin: number | null;
  @Field(() => Float, { nullable: true }) annualUsdMax: number | null;
  @Field() salaryOutlier: boolean;
  @Field(() => String, { nullable: true }) postedDate: string | null;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => EducationLevel, { nullable: true }) education: EducationLevel | null;
  @Field(() => Float, { nullable: true }) experienceYears: number | null;
  @Field(() => [PostingSkill]) skills: PostingSkill[];
  @Field(() => GraphQLJSON, { nullable: true, description: 'the record as read from the source (description omitted)' }) raw: unknown;
  @Field() firstSeen: Date;
  @Field() lastSeen: Date;
}

@ObjectType()
export class JobPostingConnection extends ConnectionType(JobPostingModel, 'JobPosting') {}
