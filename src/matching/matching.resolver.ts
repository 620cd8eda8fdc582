import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { MarketFilter } from '../analytics/dto/market-filter.input';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { ApiRole, Principal } from '../auth/role.enum';
import { CandidateMatch, FairnessAttribute, FairnessReportModel, MatchingJob, RoleMatches, SkillSimilarity, StoredMatch } from './matching.models';
import { MatchingService } from './matching.service';

@ArgsType()
class MatchRolesArgs {
  @Field(() => ID) @IsUUID() candidateId: string;
  @Field(() => MarketFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => MarketFilter) filter?: MarketFilter;
  @Field(() => Int, { defaultValue: 10 }) @IsInt() @Min(1) @Max(100) first = 10;
}

@ArgsType()
class RunMatchingArgs {
  @Field(() => [ID]) @ArrayMinSize(1) @ArrayMaxSize(1000) @IsUUID('all', { each: true }) candidateIds: string[];
}

@ArgsType()
class FairnessArgs {
  @Field(() => FairnessAttribute) @IsEnum(FairnessAttribute) attribute: FairnessAttribute;
  @Field(() => MarketFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => MarketFilter) postingFilter?: MarketFilter;
  @Field(() => Int, { defaultValue: 10 }) @IsInt() @Min(1) @Max(100) topK = 10;
}

@Resolver()
export class MatchingResolver {
  constructor(private readonly matching: MatchingService) {}

  @Roles(ApiRole.ADMIN, ApiRole.RECRUITER)
  @Query(() => RoleMatches, { description: 'Open roles ranked for one of your candidates, each with an explanation.' })
  matchRolesForCandidate(@CurrentPrincipal() principal: Principal, @Args() args: MatchRolesArgs): Promise<RoleMatches> {
    return this.matching.matchRolesForCandidate(principal, args.candidateId, args.filter, args.first);
  }

  @Roles(ApiRole.ADMIN, ApiRole.RECRUITER)
  @Query(() => [CandidateMatch], { description: "Your organization's candidates ranked for one posting." })
  matchCandidatesForRole(
    @CurrentPrincipal() principal: Principal,
    @Args('postingId', { type: () => ID }) postingId: string,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
  ): Promise<CandidateMatch[]> {
    return this.matching.matchCandidatesForRole(principal, postingId, Math.min(Math.max(first, 1), 100));
  }

  @Roles(ApiRole.ADMIN, ApiRole.RECRUITER)
  @Mutation(() => MatchingJob, { description: 'Match candidates in the background and store the results (read with matchResults).' })
  runMatching(@CurrentPrincipal() principal: Principal, @Args() args: RunMatchingArgs): Promise<MatchingJob> {
    return this.matching.runMatching(principal, args.candidateIds);
  }

  @Roles(ApiRole.ADMIN, ApiRole.RECRUITER)
  @Query(() => [StoredMatch], { description: 'Stored match results of a candidate, with the model version that made them.' })
  matchResults(
    @CurrentPrincipal() principal: Principal,
    @Args('candidateId', { type: () => ID }) candidateId: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<StoredMatch[]> {
    return this.matching.storedMatches(principal, candidateId, Math.min(Math.max(first, 1), 100));
  }

  @Roles(ApiRole.ADMIN, ApiRole.RECRUITER)
  @Query(() => FairnessReportModel, { description: 'Selection rates across self-reported groups of your candidates (never model features).' })
  matchingFairnessReport(@CurrentPrincipal() principal: Principal, @Args() args: FairnessArgs): Promise<FairnessReportModel> {
    return this.matching.fairnessReport(principal, args.attribute, args.postingFilter, args.topK);
  }

  @Query(() => [SkillSimilarity], { description: 'Skills whose learned vectors are nearest (from co-occurrence in postings).' })
  relatedSkills(@Args('skill') skill: string, @Args('limit', { type: () => Int, defaultValue: 10 }) limit: number): Promise<SkillSimilarity[]> {
    return this.matching.relatedSkills(skill, Math.min(Math.max(limit, 1), 50));
  }

  @Roles(ApiRole.ADMIN, ApiRole.ANALYST)
  @Mutation(() => MatchingJob, { description: 'Retrain skill embeddings and the scoring model (promoted only if it beats BM25).' })
  trainMatchingModel(): Promise<MatchingJob> {
    return this.matching.train();
  }
}
