import { Client } from 'pg';
import { TEMPLATE_DB_ENV, TEST_ADMIN_DATABASE_URL, TEST_RUN_ENV } from './test-env';

/** Drop the template and any per-file database a crashed test of this run left behind. */
export default async function globalTeardown(): Promise<void> {
  const admin = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    const template = process.env[TEMPLATE_DB_ENV];
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'hirescope\\_test\\_%' AND (datname = $1 OR datname LIKE $2)`,
      [template ?? '', `hirescope_test_f_${process.env[TEST_RUN_ENV] ?? 'none'}_%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
