import type { ClientBase } from 'pg';

/**
 * `work` inside a transaction on a raw pg client (bulk loads, snapshots, imports: where TypeORM's
 * transaction wrapper does not reach). Commits what `work` returns; on any error rolls back and
 * rethrows that error, not a failure of the rollback on a broken connection.
 */
export async function inTransaction<T>(client: ClientBase, work: () => Promise<T>, begin = 'BEGIN'): Promise<T> {
  await client.query(begin);
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
