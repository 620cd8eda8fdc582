import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { SkillsModule } from '../skills/skills.module';
import { PostingsResolver } from './postings.resolver';
import { PostingsService } from './postings.service';

@Module({
  imports: [SkillsModule, AnalyticsModule],
  providers: [PostingsService, PostingsResolver],
  exports: [PostingsService],
})
export class PostingsModule {}
