import { Logger } from '@nestjs/common';
import { assertDatabaseReachable } from '../database/database-connection';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { resolveRedisUrl } from '../queues/redis-connection';
import { AppConfig, buildAppConfig } from './app-config';
import { validateEnvironment } from './env.validation';

export interface Runtime {
  config: AppConfig;
  /** Stops what this process started itself (the embedded Postgres). */
  stop: () => Promise<void>;
}

/**
 * Everything that must be true before Nest starts: a valid environment, a reachable Postgres (ours,
 * embedded, when DATABASE_URL is unset) and a reachable Redis. Each failure throws with one clear line.
 */
export async function prepareRuntime(env: NodeJS.ProcessEnv = process.env): Promise<Runtime> {
  const vars = validateEnvironment(env);
  let databaseUrl = vars.DATABASE_URL;
  let stop = async () => undefined as void;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres(vars.DATA_DIR, vars.EMBEDDED_PG_PORT);
    databaseUrl = embedded.url;
    stop = embedded.stop;
  }
  await assertDatabaseReachable(databaseUrl);
  const redisUrl = await resolveRedisUrl(vars.REDIS_URL, vars.DATA_DIR);
  new Logger('Runtime').log(`role=${vars.PROCESS_ROLE} database=${new URL(databaseUrl).host} redis=${new URL(redisUrl).host}`);
  return { config: buildAppConfig(vars, { databaseUrl, redisUrl }), stop };
}
