import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { JobPostingsArgs } from './dto/job-postings.args';
import { JobPostingConnection, JobPostingModel } from './job-posting.model';
import { PostingsService } from './postings.service';

@Resolver(() => JobPostingModel)
export class PostingsResolver {
  constructor(private readonly postings: PostingsService) {}

  @Query(() => JobPostingConnection, { description: 'Postings under a filter, newest first; page size at most 100. Descriptions via jobPosting(id).' })
  jobPostings(@Args() args: JobPostingsArgs): Promise<JobPostingConnection> {
    return this.postings.list(args.filter, args.first, args.after);
  }

  @Query(() => JobPostingModel, { description: 'One posting with its normalised fields, skills, description and raw source record.' })
  jobPosting(@Args('id', { type: () => ID }) id: string): Promise<JobPostingModel> {
    return this.postings.find(id);
  }
}
