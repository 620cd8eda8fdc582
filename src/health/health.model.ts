import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class QueueDepthModel {
  @Field() queue: string;
  @Field(() => Int) waiting: number;
  @Field(() => Int) active: number;
  @Field(() => Int) delayed: number;
  @Field(() => Int) failed: number;
  @Field(() => Int) completed: number;
}

@ObjectType()
export class WorkerModel {
  @Field() id: string;
  @Field() backend: string;
  @Field() lastSeen: string;
}

@ObjectType()
export class HealthModel {
  @Field({ description: 'ok when database and Redis answer, else error' }) status: string;
  @Field() version: string;
  @Field() role: string;
  @Field() database: string;
  @Field(() => Float, { nullable: true }) databaseLatencyMs?: number;
  @Field() redis: string;
  @Field(() => Float, { nullable: true }) redisLatencyMs?: number;
  @Field(() => [QueueDepthModel]) queues: QueueDepthModel[];
  @Field({ description: 'TensorFlow.js backend used by model jobs (tensorflow, wasm or cpu)' }) tfBackend: string;
  @Field(() => [WorkerModel]) workers: WorkerModel[];
  @Field({ description: "true when Postgres row-level security binds this process's connections (organization tenancy's second wall)" })
  rowLevelSecurity: boolean;
}
