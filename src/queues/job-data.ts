/** Typed job payloads. They carry ids and a correlation id only, never personal data. */
export interface IngestJobData {
  runId: string;
  correlationId: string;
}

export interface ForecastJobData {
  correlationId: string;
  trainingRequestId: string;
}

export interface MatchJobData {
  correlationId: string;
  organizationId: string;
  candidateIds: string[];
}

export interface ReportJobData {
  correlationId: string;
  reportId: string;
  /** The report's organization: the worker runs as that tenant under row-level security. */
  organizationId: string;
}
