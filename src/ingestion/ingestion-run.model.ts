import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { ConnectionType } from '../graphql/pagination';
import { IngestionFormat, IngestionKind, IngestionStatus, IssueSeverity } from './ingestion.enums';

@ObjectType({ description: 'A rejected row or a warning, with where it was and why.' })
export class IngestionIssueModel {
  @Field(() => ID) id: string;
  @Field(() => Int, { nullable: true, description: '1-based line in the file (CSV, NDJSON, HTML)' }) line: number | null;
  @Field(() => String, { nullable: true, description: 'JSON pointer inside a JSON-LD document' }) pointer: string | null;
  @Field(() => String, { nullable: true }) field: string | null;
  @Field(() => String, { nullable: true }) value: string | null;
  @Field() code: string;
  @Field() message: string;
  @Field(() => IssueSeverity) severity: IssueSeverity;
}

@ObjectType()
export class IngestionIssueConnection extends ConnectionType(IngestionIssueModel, 'IngestionIssue') {}

@ObjectType('IngestionRun')
export class IngestionRunModel {
  @Field(() => ID) id: string;
  @Field(() => IngestionKind) kind: IngestionKind;
  @Field(() => IngestionFormat) format: IngestionFormat;
  @Field(() => String, { nullable: true }) preset: string | null;
  @Field(() => String, { nullable: true }) sourceName: string | null;
  @Field(() => IngestionStatus) status: IngestionStatus;
  @Field(() => Int, { description: 'source rows read so far (committed)' }) rowsRead: number;
  @Field(() => Float) bytesRead: number;
  @Field(() => Float, { nullable: true }) fileSize: number | null;
  @Field(() => Float, { description: 'bytes read / file size, 0–1' }) progress: number;
  @Field(() => Int, { description: 'new rows stored' }) accepted: number;
  @Field(() => Int, { description: 'rows already stored (same posting, or same file line)' }) duplicates: number;
  @Field(() => Int) rejected: number;
  @Field(() => Int) warnings: number;
  @Field(() => Int, { nullable: true }) durationMs: number | null;
  @Field(() => Float, { nullable: true }) rowsPerSecond: number | null;
  @Field(() => GraphQLJSON, { description: 'time split: parseMs, normalizeMs, writeWaitMs, totalMs' }) timings: Record<string, number>;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}

@ObjectType()
export class IngestionRunConnection extends ConnectionType(IngestionRunModel, 'IngestionRun') {}

@ObjectType()
export class IngestionStarted {
  @Field(() => ID) runId: string;
  @Field(() => IngestionRunModel) run: IngestionRunModel;
}
