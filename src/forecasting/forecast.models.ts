import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import GraphQLJSON from 'graphql-type-json';
import { ConnectionType } from '../graphql/pagination';

export enum ForecastMeasureEnum {
  COUNT = 'COUNT',
  SHARE = 'SHARE',
}
registerEnumType(ForecastMeasureEnum, { name: 'ForecastMeasure', description: 'COUNT: postings asking for the skill; SHARE: their share of all postings' });

@ObjectType()
export class HistoryPoint {
  @Field() period: string;
  @Field(() => Float) value: number;
}

@ObjectType()
export class ForecastPointModel {
  @Field() period: string;
  @Field(() => Float, { description: 'median forecast' }) value: number;
  @Field(() => Float, { description: '10th percentile (80% interval)' }) lower: number;
  @Field(() => Float, { description: '90th percentile (80% interval)' }) upper: number;
}

@ObjectType()
export class ForecastModelInfo {
  @Field(() => Int) version: number;
  @Field({ description: 'quantile-mlp, or baseline-<method> when no model beat the baselines' }) kind: string;
  @Field(() => Float, { nullable: true, description: 'backtest MASE of what serves' }) mase: number | null;
  @Field(() => Float, { nullable: true, description: 'backtest MASE of the seasonal naive baseline' }) baselineMase: number | null;
  @Field(() => String, { nullable: true }) bestBaseline: string | null;
  @Field(() => Float, { nullable: true }) bestBaselineMase: number | null;
  @Field(() => Date, { nullable: true }) promotedAt: Date | null;
}

@ObjectType()
export class SkillDemandForecast {
  @Field() skill: string;
  @Field(() => String, { nullable: true }) region: string | null;
  @Field(() => String, { nullable: true }) roleFamily: string | null;
  @Field(() => ForecastMeasureEnum) measure: ForecastMeasureEnum;
  @Field(() => [HistoryPoint]) history: HistoryPoint[];
  @Field(() => [ForecastPointModel]) forecast: ForecastPointModel[];
  @Field(() => ForecastModelInfo) model: ForecastModelInfo;
}

@ObjectType()
export class EmergingSkill {
  @Field() skill: string;
  @Field(() => Float, { description: 'last observed month' }) last: number;
  @Field(() => Float, { description: 'median forecast at the end of the horizon' }) forecast: number;
  @Field(() => Float) lower: number;
  @Field(() => Float) upper: number;
  @Field(() => Float, { description: 'forecast / mean of the last 3 months − 1' }) growth: number;
}

@ObjectType()
export class EmergingSkills {
  @Field(() => [EmergingSkill]) skills: EmergingSkill[];
  @Field(() => ForecastModelInfo) model: ForecastModelInfo;
}

@ObjectType('ForecastModel')
export class ForecastModelRecord {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field() architecture: string;
  @Field() backend: string;
  @Field() status: string;
  @Field(() => GraphQLJSON) hyperparameters: unknown;
  @Field(() => GraphQLJSON, { description: 'backtest: MASE, sMAPE and 80% coverage for the model and each baseline' }) metrics: unknown;
  @Field(() => String, { nullable: true }) trainingFrom: string | null;
  @Field(() => String, { nullable: true }) trainingTo: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) promotedAt: Date | null;
}

@ObjectType()
export class ForecastModelConnection extends ConnectionType(ForecastModelRecord, 'ForecastModel') {}

@InputType()
export class TrainForecastInput {
  @Field(() => Int, { defaultValue: 6, description: 'months ahead, 1–24' }) @IsInt() @Min(1) @Max(24) horizon = 6;
  @Field(() => Int, { defaultValue: 6, description: 'rolling backtest origins' }) @IsInt() @Min(1) @Max(24) origins = 6;
  @Field(() => ForecastMeasureEnum, { defaultValue: ForecastMeasureEnum.COUNT }) @IsEnum(ForecastMeasureEnum) measure: ForecastMeasureEnum = ForecastMeasureEnum.COUNT;
  @Field(() => String, { nullable: true, description: 'forecast an imported series (ingested with kind series) instead of stored postings' })
  @IsOptional() @IsString() @MaxLength(100) importedSeries?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(500) epochs?: number;
}

@ObjectType()
export class ForecastTrainingJob {
  @Field(() => ID, { description: 'for job(id:): state, progress ({ epoch, loss }), result, error' }) jobId: string;
}
