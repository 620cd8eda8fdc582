import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsEnum, IsIn, IsInt, IsNumber, IsOptional, IsPositive, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { EducationLevel, PayPeriod, RoleFamily } from '../../common/market.enums';

@InputType()
export class CandidateSkillInput {
  @Field() @IsString() @Length(1, 100) name: string;
  @Field(() => Int, { nullable: true, description: '1–5' }) @IsOptional() @IsInt() @Min(1) @Max(5) proficiency?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(60) years?: number;
}

@InputType()
export class SalaryExpectationInput {
  @Field(() => Float) @IsNumber() @IsPositive() @Max(100_000_000) amount: number;
  @Field(() => String, { defaultValue: 'USD' }) @Matches(/^[A-Za-z]{3}$/, { message: 'currency must be an ISO 4217 code like USD' }) currency = 'USD';
  @Field(() => PayPeriod, { defaultValue: PayPeriod.YEAR }) @IsEnum(PayPeriod) period: PayPeriod = PayPeriod.YEAR;
}

@InputType()
export class CandidateInput {
  @Field({ nullable: true, description: 'your own reference (ATS id); unique per organization' })
  @IsOptional() @IsString() @Length(1, 100) externalRef?: string;

  @Field(() => [CandidateSkillInput], { defaultValue: [] })
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => CandidateSkillInput)
  skills: CandidateSkillInput[] = [];

  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(60) yearsExperience?: number;
  @Field(() => EducationLevel, { nullable: true }) @IsOptional() @IsEnum(EducationLevel) education?: EducationLevel;
  @Field({ nullable: true, description: 'ISO 3166-1 alpha-2' }) @IsOptional() @Matches(/^[A-Za-z]{2}$/, { message: 'country must be an ISO alpha-2 code like DE' }) country?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) city?: string;
  @Field({ nullable: true, description: 'ONSITE, HYBRID, REMOTE or ANY' }) @IsOptional() @IsIn(['ONSITE', 'HYBRID', 'REMOTE', 'ANY']) remotePreference?: string;

  @Field(() => [RoleFamily], { defaultValue: [] })
  @IsArray() @ArrayMaxSize(10) @IsEnum(RoleFamily, { each: true })
  desiredRoleFamilies: RoleFamily[] = [];

  @Field(() => SalaryExpectationInput, { nullable: true })
  @IsOptional() @ValidateNested() @Type(() => SalaryExpectationInput)
  salaryExpectation?: SalaryExpectationInput;

  @Field({ nullable: true, description: 'self-reported; used only for the fairness audit' })
  @IsOptional() @IsString() @MaxLength(40) gender?: string;

  @Field({ nullable: true, description: 'self-reported, e.g. 25-34; used only for the fairness audit' })
  @IsOptional() @IsString() @MaxLength(20) ageGroup?: string;
}
