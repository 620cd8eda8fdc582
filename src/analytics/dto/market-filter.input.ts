import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import '../../common/market-enums.graphql';
import { CompanySize, EmploymentType, Industry, RemoteType, RoleFamily, Seniority, WorldRegion } from '../../common/market.enums';

export enum SkillMatch {
  ALL = 'ALL',
  ANY = 'ANY',
}
registerEnumType(SkillMatch, { name: 'SkillMatch', description: 'postings must ask for ALL the listed skills, or ANY of them' });

const MAX_LIST = 50;

/** One filter for every market question. Lists are OR within a field and AND across fields. */
@InputType()
export class MarketFilter {
  @Field({ nullable: true, description: 'first day included, YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date like 2024-01-31 (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'from must be a date like 2024-01-31 (a real calendar day)' })
  from?: string;

  @Field({ nullable: true, description: 'last day included, YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date like 2024-12-31 (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'to must be a date like 2024-12-31 (a real calendar day)' })
  to?: string;

  @Field(() => [RoleFamily], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsEnum(RoleFamily, { each: true })
  roleFamilies?: RoleFamily[];

  @Field(() => [Seniority], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsEnum(Seniority, { each: true })
  seniorities?: Seniority[];

  @Field(() => [String], { nullable: true, description: 'skill names or aliases, e.g. ["PyTorch", "k8s"]' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  skills?: string[];

  @Field(() => SkillMatch, { defaultValue: SkillMatch.ALL })
  @IsOptional()
  @IsEnum(SkillMatch)
  skillMatch?: SkillMatch = SkillMatch.ALL;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(300)
  @Matches(/^[A-Za-z]{2}$/, { each: true, message: 'countries must be ISO 3166-1 alpha-2 codes like US or DE' })
  countries?: string[];

  @Field(() => [WorldRegion], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(WorldRegion, { each: true })
  regions?: WorldRegion[];

  @Field(() => [Industry], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(Industry, { each: true })
  industries?: Industry[];

  @Field(() => [RemoteType], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(RemoteType, { each: true })
  remoteTypes?: RemoteType[];

  @Field(() => [EmploymentType], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(EmploymentType, { each: true })
  employmentTypes?: EmploymentType[];

  @Field(() => [CompanySize], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(CompanySize, { each: true })
  companySizes?: CompanySize[];

  @Field({ defaultValue: false, description: 'keep salaries flagged as outliers at ingestion (default: excluded from stats)' })
  @IsOptional()
  @IsBoolean()
  includeOutliers?: boolean = false;
}
