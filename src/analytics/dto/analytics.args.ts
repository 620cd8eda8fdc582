import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { RoleFamily } from '../../common/market.enums';
import { DataSource, SalaryGroupBy, SurveyDimension, TrendGroupBy, TrendInterval } from '../models/analytics.enums';
import { MarketFilter } from './market-filter.input';

@ArgsType()
export class FilterArgs {
  @Field(() => MarketFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MarketFilter)
  filter?: MarketFilter;
}

@ArgsType()
export class PostingTrendsArgs extends FilterArgs {
  @Field(() => TrendGroupBy) @IsEnum(TrendGroupBy) groupBy: TrendGroupBy;
  @Field(() => TrendInterval, { defaultValue: TrendInterval.MONTH }) @IsEnum(TrendInterval) interval: TrendInterval = TrendInterval.MONTH;
  @Field(() => Int, { defaultValue: 10, description: 'series for the top keys by postings, at most 50' }) @IsInt() @Min(1) @Max(50) limit = 10;
}

@ArgsType()
export class SalaryStatsArgs extends FilterArgs {
  @Field(() => SalaryGroupBy) @IsEnum(SalaryGroupBy) groupBy: SalaryGroupBy;
  @Field(() => DataSource, { defaultValue: DataSource.POSTINGS }) @IsEnum(DataSource) source: DataSource = DataSource.POSTINGS;
  @Field(() => Int, { defaultValue: 5, description: 'groups with fewer rows are flagged lowSample' }) @IsInt() @Min(1) @Max(10_000) minSample = 5;
}

@ArgsType()
export class TopSkillsArgs extends FilterArgs {
  @Field(() => Int, { defaultValue: 20 }) @IsInt() @Min(1) @Max(100) limit = 20;
}

@ArgsType()
export class SkillCooccurrenceArgs extends TopSkillsArgs {
  @Field() @IsString() @MaxLength(100) skill: string;
}

@ArgsType()
export class SurveyDistributionArgs extends FilterArgs {
  @Field(() => SurveyDimension) @IsEnum(SurveyDimension) dimension: SurveyDimension;
}

@ArgsType()
export class CompareRolesArgs extends FilterArgs {
  @Field(() => RoleFamily) @IsEnum(RoleFamily) a: RoleFamily;
  @Field(() => RoleFamily) @IsEnum(RoleFamily) b: RoleFamily;
  @Field(() => Int, { defaultValue: 10 }) @IsInt() @Min(1) @Max(50) limit = 10;
}
