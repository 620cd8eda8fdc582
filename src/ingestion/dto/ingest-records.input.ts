import { ArgsType, Field } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import GraphQLJSON from 'graphql-type-json';
import { IngestionKind } from '../ingestion.enums';

export const MAX_RECORDS_PER_MUTATION = 1000;

@ArgsType()
export class IngestRecordsArgs {
  @Field(() => IngestionKind)
  @IsEnum(IngestionKind)
  kind: IngestionKind;

  @Field(() => [GraphQLJSON], { description: `schema.org JobPosting objects or flat records; at most ${MAX_RECORDS_PER_MUTATION}` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RECORDS_PER_MUTATION, { message: `at most ${MAX_RECORDS_PER_MUTATION} records per call; upload a file for more` })
  records: unknown[];

  @Field({ nullable: true, description: 'column preset for flat records' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  preset?: string;

  @Field({ nullable: true, description: 'source name stored with postings (default "graphql")' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  source?: string;
}
