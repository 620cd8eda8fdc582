import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { CandidatesModule } from '../candidates/candidates.module';
import { PostingsModule } from '../postings/postings.module';
import { SkillsModule } from '../skills/skills.module';
import { MatchingEngineService } from './matching-engine.service';
import { MatchingResolver } from './matching.resolver';
import { MatchingService } from './matching.service';

@Module({
  imports: [SkillsModule, AnalyticsModule, CandidatesModule, PostingsModule],
  providers: [MatchingService, MatchingResolver, MatchingEngineService],
  exports: [MatchingEngineService],
})
export class MatchingModule {}
