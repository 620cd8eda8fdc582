import { DataSource, EntityManager } from 'typeorm';
import { TENANT_SETTING } from './row-level-security';

/**
 * Run `work` in a transaction whose row-level security organization is `organizationId`. The setting
 * is transaction-local (`set_config(…, true)`), so a pooled connection carries nothing to its next user.
 * Keep the work short: it holds a pooled connection (never wait on a queue inside it).
 */
export function withTenant<T>(db: DataSource, organizationId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (!organizationId) throw new Error('withTenant needs an organization id');
  return db.transaction(async (manager) => {
    await manager.query(`SELECT set_config($1, $2, true)`, [TENANT_SETTING, organizationId]);
    return work(manager);
  });
}
