import { Client } from 'pg';
import { databaseUrl, randomSuffix, TEMPLATE_DB_ENV, TEST_ADMIN_DATABASE_URL, TEST_RUN_ENV } from './test-env';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** A database of our own for one test file: a clone of the migrated template, or empty. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `hirescope_test_f_${process.env[TEST_RUN_ENV] ?? 'adhoc'}_${randomSuffix()}`;
  const template = process.env[TEMPLATE_DB_ENV];
  if (!options.empty && !template) throw new Error('template database missing: run through jest e2e project (globalSetup)');
  await withAdmin((admin) => admin.query(options.empty ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: databaseUrl(name),
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
