import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { MarketFilter } from '../../analytics/dto/market-filter.input';
import { PageArgs } from '../../graphql/pagination';

@ArgsType()
export class JobPostingsArgs extends PageArgs {
  @Field(() => MarketFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MarketFilter)
  filter?: MarketFilter;
}
