/** Where tests find their services; CI and developers' machines run Postgres and Redis locally. */
export const TEST_ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEMPLATE_DB_ENV = 'HIRESCOPE_TEST_TEMPLATE_DB';
/** Set by global-setup; per-file databases carry it so a teardown drops only its own run's leftovers. */
export const TEST_RUN_ENV = 'HIRESCOPE_TEST_RUN';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function randomSuffix(): string {
  return `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
