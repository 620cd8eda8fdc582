/** Queue and job names in one place; nothing else spells them. */
export const QueueName = {
  INGEST: 'ingest',
  FORECAST: 'forecast',
  MATCH: 'match',
  REPORT: 'report',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);

export const JobName = {
  INGEST_FILE: 'ingest-file',
  TRAIN_FORECAST: 'train-forecast',
  RUN_MATCHING: 'run-matching',
  TRAIN_MATCHING: 'train-matching',
  BUILD_REPORT: 'build-report',
} as const;
