import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';

export enum JobState {
  WAITING = 'waiting',
  ACTIVE = 'active',
  COMPLETED = 'completed',
  FAILED = 'failed',
  DELAYED = 'delayed',
  PAUSED = 'paused',
}
registerEnumType(JobState, { name: 'JobState' });

@ObjectType('Job')
export class JobModel {
  @Field(() => ID, { description: '"<queue>:<job id>", e.g. "forecast:7c1e…"' }) id: string;
  @Field() queue: string;
  @Field() name: string;
  @Field() state: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'a number (percent) or an object such as { epoch, loss }' }) progress: unknown;
  @Field(() => Int) attemptsMade: number;
  @Field(() => String, { nullable: true }) failedReason: string | null;
  @Field(() => GraphQLJSON, { nullable: true }) result: unknown;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}
