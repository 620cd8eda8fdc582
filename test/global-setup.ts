import { Client } from 'pg';
import { createDataSource } from '../src/database/data-source';
import { runMigrations } from '../src/database/migrate';
import { seedReferenceData } from '../seeds/reference.seeder';
import { databaseUrl, randomSuffix, TEMPLATE_DB_ENV, TEST_ADMIN_DATABASE_URL, TEST_RUN_ENV } from './test-env';

/** Migrate a template database once; each test file clones it (CREATE DATABASE … TEMPLATE) in milliseconds. */
export default async function globalSetup(): Promise<void> {
  const run = Math.random().toString(36).slice(2, 8);
  process.env[TEST_RUN_ENV] = run;
  const name = `hirescope_test_tpl_${run}`;
  if (!name.includes('test')) throw new Error('refusing to use a database whose name lacks "test"');
  const admin = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  await runMigrations(databaseUrl(name));
  const dataSource = createDataSource(databaseUrl(name));
  await dataSource.initialize();
  await seedReferenceData(dataSource);
  await dataSource.destroy();
  process.env[TEMPLATE_DB_ENV] = name;
}
