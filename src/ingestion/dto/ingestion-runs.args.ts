import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { PageArgs } from '../../graphql/pagination';
import { IngestionStatus, IssueSeverity } from '../ingestion.enums';

@ArgsType()
export class IngestionRunsArgs extends PageArgs {
  @Field(() => IngestionStatus, { nullable: true })
  @IsOptional()
  @IsEnum(IngestionStatus)
  status?: IngestionStatus;
}

@ArgsType()
export class IngestionIssuesArgs extends PageArgs {
  @Field(() => IssueSeverity, { nullable: true, description: 'only errors (rejected rows) or only warnings' })
  @IsOptional()
  @IsEnum(IssueSeverity)
  severity?: IssueSeverity;
}
