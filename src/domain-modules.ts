import { Type } from '@nestjs/common';
import { AnalyticsModule } from './analytics/analytics.module';
import { IngestionModule } from './ingestion/ingestion.module';
import { PostingsModule } from './postings/postings.module';
import { SkillsModule } from './skills/skills.module';

/** Feature modules shared by every role; processors live in WorkerModule. */
export const DOMAIN_MODULES: Type[] = [SkillsModule, IngestionModule, AnalyticsModule, PostingsModule];
