import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { SkillCategory } from '../../common/market.enums';

@ObjectType()
export class TrendPoint {
  @Field({ description: 'first day of the period, YYYY-MM-DD' }) period: string;
  @Field(() => Int) count: number;
  @Field(() => Float, { description: "this key's share of all postings in the period under the filter, 0–1" }) share: number;
}

@ObjectType()
export class TrendSeries {
  @Field() key: string;
  @Field(() => Int) total: number;
  @Field(() => [TrendPoint]) points: TrendPoint[];
}

@ObjectType()
export class SalaryStats {
  @Field() key: string;
  @Field(() => Int, { description: 'rows this figure rests on' }) count: number;
  @Field(() => Boolean, { description: 'fewer rows than minSample: read with care' }) lowSample: boolean;
  @Field(() => Float) mean: number;
  @Field(() => Float) min: number;
  @Field(() => Float) p10: number;
  @Field(() => Float) p25: number;
  @Field(() => Float) median: number;
  @Field(() => Float) p75: number;
  @Field(() => Float) p90: number;
  @Field(() => Float) max: number;
}

@ObjectType()
export class SkillDemand {
  @Field() skill: string;
  @Field(() => SkillCategory) category: SkillCategory;
  @Field(() => Int, { description: 'postings asking for the skill' }) postings: number;
  @Field(() => Float, { description: 'share of the filtered postings asking for it, 0–1' }) share: number;
  @Field(() => Float, { nullable: true, description: 'relative change of postings against the equally long previous period (0.25 = +25%)' })
  growth: number | null;
  @Field(() => Int, { description: 'postings in the previous period' }) previousPostings: number;
  @Field(() => Float, { nullable: true, description: 'median annual USD of postings asking for it' }) medianSalary: number | null;
  @Field(() => Float, { nullable: true, description: 'medianSalary / median of all filtered postings' }) salaryPremium: number | null;
  @Field(() => Int) salaryCount: number;
}

@ObjectType()
export class SkillPairing {
  @Field() skill: string;
  @Field(() => Int, { description: 'postings asking for both' }) together: number;
  @Field(() => Float, { description: 'P(both) / (P(a)·P(b)); above 1 means they go together more than chance' }) lift: number;
}

@ObjectType()
export class DistributionBucket {
  @Field() key: string;
  @Field(() => Int) count: number;
  @Field(() => Float, { description: 'share of respondents, 0–1 (multi-valued dimensions can add up to more than 1)' }) share: number;
}

@ObjectType()
export class SurveyDistribution {
  @Field(() => Int, { description: 'respondents under the filter' }) respondents: number;
  @Field(() => Int, { description: 'respondents who answered this question' }) answered: number;
  @Field(() => [DistributionBucket]) buckets: DistributionBucket[];
}

@ObjectType()
export class RoleProfile {
  @Field() roleFamily: string;
  @Field(() => Int) postings: number;
  @Field(() => Float, { nullable: true }) medianSalary: number | null;
  @Field(() => Int) salaryCount: number;
  @Field(() => [SkillDemand]) topSkills: SkillDemand[];
}

@ObjectType()
export class SkillContrast {
  @Field() skill: string;
  @Field(() => Float) shareA: number;
  @Field(() => Float) shareB: number;
  @Field(() => Float, { description: 'shareA − shareB' }) difference: number;
}

@ObjectType()
export class RoleComparison {
  @Field(() => RoleProfile) a: RoleProfile;
  @Field(() => RoleProfile) b: RoleProfile;
  @Field(() => [SkillContrast], { description: 'skills whose share differs most between the two roles' }) distinguishingSkills: SkillContrast[];
}

@ObjectType()
export class KeyCount {
  @Field() key: string;
  @Field(() => Int) count: number;
  @Field(() => Float) share: number;
}

@ObjectType()
export class MarketSummary {
  @Field(() => Int) postings: number;
  @Field(() => Int, { description: 'postings in the equally long previous period' }) previousPostings: number;
  @Field(() => Float, { nullable: true }) postingsChange: number | null;
  @Field(() => Float, { nullable: true }) medianSalary: number | null;
  @Field(() => Float, { nullable: true }) previousMedianSalary: number | null;
  @Field(() => Int) salaryCount: number;
  @Field(() => [SkillDemand]) topSkills: SkillDemand[];
  @Field(() => [KeyCount]) topRegions: KeyCount[];
  @Field({ nullable: true }) from?: string;
  @Field({ nullable: true }) to?: string;
}
