import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { MarketFilter } from '../../analytics/dto/market-filter.input';
import { ReportFormatEnum, ReportKindEnum } from '../report.enums';

@InputType()
export class RequestReportInput {
  @Field(() => ReportKindEnum) @IsEnum(ReportKindEnum) kind: ReportKindEnum;

  @Field(() => MarketFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MarketFilter)
  filter?: MarketFilter;

  @Field(() => [ReportFormatEnum], { defaultValue: [ReportFormatEnum.PDF] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsEnum(ReportFormatEnum, { each: true })
  formats: ReportFormatEnum[] = [ReportFormatEnum.PDF];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  title?: string;
}
