import { Module } from '@nestjs/common';
import { SkillsModule } from '../skills/skills.module';
import { AnalyticsResolver } from './analytics.resolver';
import { MarketFilterSql } from './market-filter.sql';
import { PostingFactsMemoryService } from './memory/posting-facts-memory.service';
import { SurveyFactsMemoryService } from './memory/survey-facts-memory.service';
import { PostingTrendsService } from './posting-trends.service';
import { SalaryStatsService } from './salary-stats.service';
import { SkillDemandService } from './skill-demand.service';
import { SurveyAnalyticsService } from './survey-analytics.service';

@Module({
  imports: [SkillsModule],
  providers: [MarketFilterSql, PostingFactsMemoryService, SurveyFactsMemoryService, PostingTrendsService, SalaryStatsService, SkillDemandService, SurveyAnalyticsService, AnalyticsResolver],
  exports: [MarketFilterSql, PostingFactsMemoryService, SurveyFactsMemoryService, PostingTrendsService, SalaryStatsService, SkillDemandService, SurveyAnalyticsService],
})
export class AnalyticsModule {}
