import { Client } from 'pg';

export class DatabaseUnreachableError extends Error {}

/** Connect once with a short timeout so a wrong DATABASE_URL fails in seconds with one clear line. */
export async function assertDatabaseReachable(url: string, timeoutMs = 5000): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    const reason = error instanceof Error ? error.message || (error as NodeJS.ErrnoException).code : String(error);
    throw new DatabaseUnreachableError(`Cannot connect to Postgres at ${redactUrl(url)}: ${reason}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable url>';
  }
}
