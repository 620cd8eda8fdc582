import { registerEnumType } from '@nestjs/graphql';

export enum IngestionKind {
  POSTINGS = 'POSTINGS',
  SURVEY = 'SURVEY',
  /** Aggregate monthly demand series (month, skill, postings[, total_postings]) from other trackers. */
  SERIES = 'SERIES',
}

export enum IngestionFormat {
  CSV = 'CSV',
  JSONLD = 'JSONLD',
  NDJSON = 'NDJSON',
  HTML = 'HTML',
}

export enum IngestionStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}

export enum IssueSeverity {
  ERROR = 'ERROR',
  WARNING = 'WARNING',
}

registerEnumType(IngestionKind, { name: 'IngestionKind' });
registerEnumType(IngestionFormat, { name: 'IngestionFormat' });
registerEnumType(IngestionStatus, { name: 'IngestionStatus' });
registerEnumType(IssueSeverity, { name: 'IssueSeverity' });

export function parseKind(value: string | undefined): IngestionKind | undefined {
  const upper = (value ?? '').trim().toUpperCase();
  if (upper === 'POSTING' || upper === 'JOBS') return IngestionKind.POSTINGS;
  if (upper === 'SURVEYS') return IngestionKind.SURVEY;
  return (Object.values(IngestionKind) as string[]).includes(upper) ? (upper as IngestionKind) : undefined;
}

export function parseFormat(value: string | undefined): IngestionFormat | undefined {
  const upper = (value ?? '').trim().toUpperCase().replace('JSON-LD', 'JSONLD');
  if (upper === 'JSON') return IngestionFormat.JSONLD;
  if (upper === 'JSONL') return IngestionFormat.NDJSON;
  return (Object.values(IngestionFormat) as string[]).includes(upper) ? (upper as IngestionFormat) : undefined;
}

/** Guess the format from a file name; the content sniffing in the runner has the last word. */
export function formatFromFileName(name: string): IngestionFormat | undefined {
  const lower = name.toLowerCase();
  if (/\.(csv|tsv|txt)$/.test(lower)) return IngestionFormat.CSV;
  if (/\.(ndjson|jsonl)$/.test(lower)) return IngestionFormat.NDJSON;
  if (/\.(jsonld|json)$/.test(lower)) return IngestionFormat.JSONLD;
  if (/\.html?$/.test(lower)) return IngestionFormat.HTML;
  return undefined;
}
