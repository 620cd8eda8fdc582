import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import '../common/market-enums.graphql';
import { EducationLevel, PayPeriod, RoleFamily } from '../common/market.enums';
import { ConnectionType } from '../graphql/pagination';

@ObjectType()
export class CandidateSkill {
  @Field({ description: 'canonical skill name, or the text given when the skill is unknown' }) name: string;
  @Field({ description: 'false when the skill is not in the taxonomy (listed back, not used for matching)' }) known: boolean;
  @Field(() => Int, { nullable: true }) proficiency: number | null;
  @Field(() => Float, { nullable: true }) years: number | null;
}

@ObjectType()
export class SalaryExpectation {
  @Field(() => Float) amount: number;
  @Field() currency: string;
  @Field(() => PayPeriod) period: PayPeriod;
  @Field(() => Float, { nullable: true, description: 'annualised and converted to USD' }) annualUsd: number | null;
}

@ObjectType('Candidate')
export class CandidateModel {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) externalRef: string | null;
  @Field(() => [CandidateSkill]) skills: CandidateSkill[];
  @Field(() => [String], { description: 'skills given that the taxonomy does not know' }) unknownSkills: string[];
  @Field(() => Float, { nullable: true }) yearsExperience: number | null;
  @Field(() => EducationLevel, { nullable: true }) education: EducationLevel | null;
  @Field(() => String, { nullable: true }) country: string | null;
  @Field(() => String, { nullable: true }) city: string | null;
  @Field(() => String, { nullable: true, description: 'ONSITE, HYBRID, REMOTE or ANY' }) remotePreference: string | null;
  @Field(() => [RoleFamily]) desiredRoleFamilies: RoleFamily[];
  @Field(() => SalaryExpectation, { nullable: true }) salaryExpectation: SalaryExpectation | null;

  // Self-reported gender and age group are resolved by CandidatesResolver field resolvers, so the
  // role guard runs on them too. They are only for the fairness audit, never model features.
  gender: string | null;
  ageGroup: string | null;

  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType()
export class CandidateConnection extends ConnectionType(CandidateModel, 'Candidate') {}
