import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.decorators';
import { ApiRole } from '../auth/role.enum';
import { IngestRecordsArgs } from './dto/ingest-records.input';
import { IngestionIssuesArgs, IngestionRunsArgs } from './dto/ingestion-runs.args';
import { IngestionIssueConnection, IngestionRunConnection, IngestionRunModel, IngestionStarted } from './ingestion-run.model';
import { IngestionService } from './ingestion.service';

@Roles(ApiRole.ADMIN, ApiRole.ANALYST)
@Resolver(() => IngestionRunModel)
export class IngestionResolver {
  constructor(private readonly ingestion: IngestionService) {}

  @Query(() => IngestionRunModel, { description: 'One ingestion run: status, progress, counts, timings.' })
  ingestionRun(@Args('id', { type: () => ID }) id: string): Promise<IngestionRunModel> {
    return this.ingestion.find(id);
  }

  @Query(() => IngestionRunConnection, { description: 'Ingestion runs, newest first.' })
  ingestionRuns(@Args() args: IngestionRunsArgs): Promise<IngestionRunConnection> {
    return this.ingestion.list(args.first, args.after, args.status);
  }

  @ResolveField(() => IngestionIssueConnection, { description: 'Rejected rows and warnings, in file order.' })
  errors(@Parent() run: IngestionRunModel, @Args() args: IngestionIssuesArgs): Promise<IngestionIssueConnection> {
    return this.ingestion.listIssues(run.id, args.first, args.after, args.severity);
  }

  @Mutation(() => IngestionStarted, { description: 'Ingest up to 1,000 records (JSON-LD JobPostings or flat rows) through the ingest job.' })
  async ingestRecords(@Args() args: IngestRecordsArgs): Promise<IngestionStarted> {
    const run = await this.ingestion.startRecordsRun(args.kind, args.records, { preset: args.preset, source: args.source });
    return { runId: run.id, run };
  }

  @Mutation(() => IngestionRunModel, { description: 'Re-queue a failed or interrupted run; it resumes after its last committed batch.' })
  retryIngestionRun(@Args('id', { type: () => ID }) id: string): Promise<IngestionRunModel> {
    return this.ingestion.retry(id);
  }
}
