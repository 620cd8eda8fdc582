import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { ConnectionType } from '../graphql/pagination';
import { ReportFormatEnum, ReportKindEnum, ReportStatus } from './report.enums';

@ObjectType()
export class ReportDownload {
  @Field(() => ReportFormatEnum) format: ReportFormatEnum;
  @Field({ description: 'GET this path with the same Authorization header' }) path: string;
  @Field() fileName: string;
  @Field() contentType: string;
  @Field(() => Int) size: number;
}

@ObjectType('Report')
export class ReportModel {
  @Field(() => ID) id: string;
  @Field(() => ReportKindEnum) kind: ReportKindEnum;
  @Field() title: string;
  @Field(() => ReportStatus) status: ReportStatus;
  @Field(() => Int, { description: '0–100' }) progress: number;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => [ReportFormatEnum]) formats: ReportFormatEnum[];
  @Field(() => GraphQLJSON, { description: 'the MarketFilter the report was built with' }) filter: unknown;
  @Field(() => Date, { nullable: true, description: 'data snapshot time: figures reflect the database at this instant' }) snapshotAt: Date | null;
  @Field(() => GraphQLJSON, { description: 'model versions used (forecasting)' }) modelVersions: unknown;
  @Field(() => [ReportDownload]) downloads: ReportDownload[];
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}

@ObjectType()
export class ReportConnection extends ConnectionType(ReportModel, 'Report') {}
