import { ReferenceData1764000000000 } from './1764000000000-reference-data';
import { IngestionRuns1764000001000 } from './1764000001000-ingestion-runs';
import { JobPostings1764000002000 } from './1764000002000-job-postings';
import { SurveyResponses1764000003000 } from './1764000003000-survey-responses';
import { ModelsAndForecasts1764000004000 } from './1764000004000-models-and-forecasts';
import { CandidatesMatchesReports1764000005000 } from './1764000005000-candidates-matches-reports';
import { ApiKeys1764000006000 } from './1764000006000-api-keys';
import { ReportFiles1764000007000 } from './1764000007000-report-files';
import { PostingFacts1764000008000 } from './1764000008000-posting-facts';
import { AnalyticsDataVersion1764000010000 } from './1764000010000-analytics-data-version';
import { PostingsRecentIndex1764000011000 } from './1764000011000-postings-recent-index';
import { SurveyDataVersion1764000013000 } from './1764000013000-survey-data-version';
import { SurveyResponsesProvenance1764000020000 } from './1764000020000-survey-responses-provenance';
import { RowLevelSecurity1764000012000 } from './1764000012000-row-level-security';
import { OnetOccupations1764000030000 } from './1764000030000-onet-occupations';
import { LeanPostingWrites1764000040000 } from './1764000040000-lean-posting-writes';

/** Explicit list (not a glob) so ts-node, jest and the compiled build load the same migrations. */
export const MIGRATIONS = [
  ReferenceData1764000000000,
  IngestionRuns1764000001000,
  JobPostings1764000002000,
  SurveyResponses1764000003000,
  ModelsAndForecasts1764000004000,
  CandidatesMatchesReports1764000005000,
  ApiKeys1764000006000,
  ReportFiles1764000007000,
  PostingFacts1764000008000,
  AnalyticsDataVersion1764000010000,
  PostingsRecentIndex1764000011000,
  RowLevelSecurity1764000012000,
  SurveyDataVersion1764000013000,
  SurveyResponsesProvenance1764000020000,
  OnetOccupations1764000030000,
  LeanPostingWrites1764000040000,
];
