import { Type } from '@nestjs/common';
import { AnalyticsModule } from './analytics/analytics.module';
import { AuditModule } from './audit/audit.module';
import { CandidatesModule } from './candidates/candidates.module';
import { ForecastingModule } from './forecasting/forecasting.module';
import { IngestionModule } from './ingestion/ingestion.module';
import { JobsModule } from './jobs/jobs.module';
import { MatchingModule } from './matching/matching.module';
import { MlModule } from './ml/ml.module';
import { PostingsModule } from './postings/postings.module';
import { ReportsModule } from './reports/reports.module';
import { SkillsModule } from './skills/skills.module';

/** Feature modules shared by every role; processors live in WorkerModule. */
export const DOMAIN_MODULES: Type[] = [AuditModule, MlModule, SkillsModule, IngestionModule, AnalyticsModule, PostingsModule, CandidatesModule, ReportsModule, JobsModule, MatchingModule, ForecastingModule];
