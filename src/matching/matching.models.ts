import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { JobPostingModel } from '../postings/job-posting.model';

export enum FairnessAttribute {
  GENDER = 'GENDER',
  AGE_GROUP = 'AGE_GROUP',
}
registerEnumType(FairnessAttribute, { name: 'FairnessAttribute' });

@ObjectType()
export class RelatedSkillMatch {
  @Field({ description: "the candidate's skill" }) have: string;
  @Field({ description: 'the posting skill it stands in for' }) for: string;
  @Field(() => Float) similarity: number;
}

@ObjectType()
export class MatchExplanationModel {
  @Field(() => [String]) matchedSkills: string[];
  @Field(() => [RelatedSkillMatch]) relatedSkills: RelatedSkillMatch[];
  @Field(() => [String]) missingSkills: string[];
  @Field(() => Float, { description: '0–1; 0.5 when unknown' }) salaryFit: number;
  @Field() salaryStatus: string;
  @Field(() => Float) locationFit: number;
  @Field() locationReason: string;
  @Field(() => Float) seniorityFit: number;
  @Field(() => Float) experienceFit: number;
  @Field(() => Float) roleFamilyFit: number;
}

@ObjectType()
export class RoleMatch {
  @Field(() => JobPostingModel) posting: JobPostingModel;
  @Field(() => Int) rank: number;
  @Field(() => Float, { description: 'match probability from the scoring model, 0–1' }) score: number;
  @Field(() => MatchExplanationModel) explanation: MatchExplanationModel;
}

@ObjectType()
export class RoleMatches {
  @Field(() => [RoleMatch]) matches: RoleMatch[];
  @Field(() => [String], { description: 'e.g. NO_SKILLS: the ranking then rests on context features only' }) issues: string[];
  @Field(() => [String], { description: 'skills on the profile the taxonomy does not know (not used)' }) unknownSkills: string[];
  @Field(() => Int) modelVersion: number;
  @Field({ description: 'false when the scoring model did not beat the BM25 baseline' }) modelPromoted: boolean;
  @Field(() => Int) scoredPostings: number;
}

@ObjectType()
export class CandidateMatch {
  @Field(() => ID) candidateId: string;
  @Field(() => String, { nullable: true }) externalRef: string | null;
  @Field(() => Int) rank: number;
  @Field(() => Float) score: number;
  @Field(() => MatchExplanationModel) explanation: MatchExplanationModel;
}

@ObjectType()
export class StoredMatch {
  @Field(() => ID) candidateId: string;
  @Field(() => ID) postingId: string;
  @Field(() => Int) rank: number;
  @Field(() => Float) score: number;
  @Field(() => Int, { nullable: true }) modelVersion: number | null;
  @Field(() => MatchExplanationModel) explanation: MatchExplanationModel;
  @Field() createdAt: Date;
}

@ObjectType()
export class SkillSimilarity {
  @Field() skill: string;
  @Field(() => Float, { description: 'cosine similarity of the learned skill vectors' }) similarity: number;
}

@ObjectType()
export class FairnessGroup {
  @Field() group: string;
  @Field(() => Int) candidates: number;
  @Field(() => Int, { description: 'top-k selections over the audited postings' }) selected: number;
  @Field(() => Float) selectionRate: number;
  @Field({ description: 'false for UNKNOWN or too-small groups, left out of the ratios' }) compared: boolean;
}

@ObjectType()
export class FairnessReportModel {
  @Field(() => FairnessAttribute) attribute: FairnessAttribute;
  @Field(() => Int) topK: number;
  @Field(() => Int) postings: number;
  @Field(() => Int) candidates: number;
  @Field(() => [FairnessGroup]) groups: FairnessGroup[];
  @Field(() => Float, { description: 'max − min selection rate' }) demographicParityDifference: number;
  @Field(() => Float, { description: 'min / max selection rate; below 0.8 is flagged (four-fifths rule)' }) disparateImpactRatio: number;
  @Field() flag: boolean;
  @Field(() => Int) modelVersion: number;
}

@ObjectType()
export class MatchingJob {
  @Field(() => ID, { description: 'job id, for job(id: ...)' }) jobId: string;
  @Field(() => GraphQLJSON, { nullable: true }) result: unknown;
}
