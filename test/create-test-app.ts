import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import { AppConfig, buildAppConfig } from '../src/config/app-config';
import { ProcessRole, validateEnvironment } from '../src/config/env.validation';
import { ApiKeysService } from '../src/auth/api-keys.service';
import { configureApp } from '../src/configure-app';
import { createTestDatabase, TestDatabase } from './test-database';
import { randomSuffix, TEST_REDIS_URL } from './test-env';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  db: TestDatabase;
  baseUrl: string;
  /** The bootstrap admin key and its ready-made Authorization header. */
  adminKey: string;
  auth: Record<string, string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Route the app's Postgres connections elsewhere (through a fault-injecting proxy, say). */
  databaseUrl?: (directUrl: string) => string;
}

/**
 * The real app (HTTP + GraphQL + workers) on a database cloned from the migrated template and a
 * Bull prefix of its own, listening on a random port. Nothing is mocked.
 */
export async function createTestApp(
  overrides: Partial<AppConfig> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  // A limit no test reaches (the limit itself is tested with a small one); 0 would skip the guard's code.
  const env = validateEnvironment({ NODE_ENV: 'test', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000' });
  const adminKey = `hs_test_admin_${randomSuffix()}_${randomSuffix()}`;
  const config: AppConfig = {
    ...buildAppConfig(env, { databaseUrl: options.databaseUrl?.(db.url) ?? db.url, redisUrl: TEST_REDIS_URL }),
    queuePrefix: `hstest_${randomSuffix()}`,
    role: ProcessRole.ALL,
    adminApiKey: adminKey,
    ...overrides,
  };
  const app = await NestFactory.create(AppModule.forRole(config), { logger: ['error', 'warn'] });
  configureApp(app, config);
  await app.get(ApiKeysService).bootstrapAdminKey();
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    config,
    db,
    baseUrl: `http://127.0.0.1:${address.port}`,
    adminKey,
    auth: { authorization: `Bearer ${adminKey}` },
    async close() {
      // fetch() keeps sockets alive; Apollo's drain would wait for them to time out.
      app.getHttpServer().closeAllConnections();
      await app.close();
      await db.drop();
    },
  };
}
