import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { ApiRole, Principal } from '../auth/role.enum';
import { PageArgs } from '../graphql/pagination';
import { CandidateConnection, CandidateModel } from './candidate.model';
import { CandidatesService } from './candidates.service';
import { CandidateInput } from './dto/candidate.input';

@Roles(ApiRole.ADMIN, ApiRole.RECRUITER)
@Resolver(() => CandidateModel)
export class CandidatesResolver {
  constructor(private readonly candidateService: CandidatesService) {}

  @Query(() => CandidateModel)
  candidate(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string): Promise<CandidateModel> {
    return this.candidateService.find(principal, id);
  }

  @Query(() => CandidateConnection, { description: "Your organization's candidates, oldest first." })
  candidates(@CurrentPrincipal() principal: Principal, @Args() page: PageArgs): Promise<CandidateConnection> {
    return this.candidateService.list(principal, page.first, page.after);
  }

  @Mutation(() => CandidateModel, { description: 'Create a candidate; unknown skills are kept and listed back in unknownSkills.' })
  createCandidate(@CurrentPrincipal() principal: Principal, @Args('input') input: CandidateInput): Promise<CandidateModel> {
    return this.candidateService.create(principal, input);
  }

  @Mutation(() => CandidateModel, { description: 'Replace a candidate profile.' })
  updateCandidate(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string, @Args('input') input: CandidateInput): Promise<CandidateModel> {
    return this.candidateService.update(principal, id, input);
  }

  @ResolveField(() => String, { nullable: true, description: 'self-reported; only for the fairness audit' })
  gender(@Parent() candidate: CandidateModel): string | null {
    return candidate.gender;
  }

  @ResolveField(() => String, { nullable: true, description: 'self-reported; only for the fairness audit' })
  ageGroup(@Parent() candidate: CandidateModel): string | null {
    return candidate.ageGroup;
  }

  @Mutation(() => Boolean, { description: 'Erase a candidate: profile, match results and report rows. Irreversible.' })
  eraseCandidate(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.candidateService.erase(principal, id);
  }
}
