import { Logger } from '@nestjs/common';
import { INestApplicationContext } from '@nestjs/common';
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppConfig } from '../src/config/app-config';
import { createDataSource } from '../src/database/data-source';
import { IngestionFormat, IngestionKind } from '../src/ingestion/ingestion.enums';
import { IngestionService } from '../src/ingestion/ingestion.service';
import { writePostingsCsv, writeSurveyCsv } from './generators/write-synthetic';
import { seedReferenceData } from './reference.seeder';

const logger = new Logger('Seed');
export const SAMPLE_SEED = 42;

/** Reference data before anything else runs: ingestion needs the skill taxonomy. */
export async function seedReferenceOnStart(config: AppConfig): Promise<void> {
  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  try {
    const result = await seedReferenceData(dataSource);
    logger.log(`Reference data: ${result.skills} skills, ${result.aliases} aliases, ${result.countries} countries, ${result.currencyRates} currency rates`);
  } finally {
    await dataSource.destroy();
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * On an empty database, queue synthetic sample postings and survey responses through the normal
 * ingest job, so a first `npm start` has data to query within seconds. Runs once: later starts
 * see the sample runs and skip.
 */
export async function queueSampleData(app: INestApplicationContext, config: AppConfig): Promise<void> {
  const ingestion = app.get(IngestionService);
  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  try {
    const [{ runs }] = await dataSource.query(`SELECT count(*)::int AS runs FROM ingestion_runs WHERE source_name LIKE 'sample:%'`);
    const [{ postings }] = await dataSource.query(`SELECT count(*)::int AS postings FROM job_postings`);
    if (runs > 0 || postings > 0) return;
  } finally {
    await dataSource.destroy();
  }
  const dir = resolve(config.dataDir, 'sample');
  await mkdir(dir, { recursive: true });
  if (config.samplePostings > 0) {
    const file = join(dir, `postings-${config.samplePostings}-seed${SAMPLE_SEED}.csv`);
    if (!(await exists(file))) await writePostingsCsv(file, { count: config.samplePostings, seed: SAMPLE_SEED });
    await ingestion.startFileRun({ kind: IngestionKind.POSTINGS, format: IngestionFormat.CSV, filePath: file, sourceName: 'sample:postings' });
  }
  if (config.sampleSurveys > 0) {
    const file = join(dir, `surveys-${config.sampleSurveys}-seed${SAMPLE_SEED}.csv`);
    if (!(await exists(file))) await writeSurveyCsv(file, { count: config.sampleSurveys, seed: SAMPLE_SEED });
    await ingestion.startFileRun({ kind: IngestionKind.SURVEY, format: IngestionFormat.CSV, filePath: file, sourceName: 'sample:surveys' });
  }
  logger.log(`Queued sample data: ${config.samplePostings} postings, ${config.sampleSurveys} survey responses (watch ingestionRuns)`);
}
