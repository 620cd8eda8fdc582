import 'reflect-metadata';
import 'dotenv/config';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { prepareRuntime } from './config/runtime';
import { ProcessRole } from './config/env.validation';
import { ApiKeysService } from './auth/api-keys.service';
import { configureApp } from './configure-app';
import { runMigrations } from './database/migrate';
import { queueSampleData, seedReferenceOnStart } from '../seeds/seed-on-start';

async function bootstrap(): Promise<void> {
  const runtime = await prepareRuntime();
  const { config } = runtime;
  await runMigrations(config.databaseUrl);
  if (config.seedOnStart && config.role !== ProcessRole.WORKER) await seedReferenceOnStart(config);

  const module = AppModule.forRole(config);
  const logger = [...LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.logLevel) + 1)];
  let app: INestApplicationContext;
  if (config.role === ProcessRole.WORKER) {
    app = await NestFactory.createApplicationContext(module, { logger });
    Logger.log('Worker started: consuming queues ingest, forecast, match, report', 'Bootstrap');
  } else {
    const httpApp = await NestFactory.create(module, { logger });
    configureApp(httpApp, config);
    await httpApp.get(ApiKeysService).bootstrapAdminKey();
    await httpApp.listen(config.port, '0.0.0.0');
    app = httpApp;
    if (config.seedOnStart) await queueSampleData(app, config);
    Logger.log(`Hirescope ${config.version} (${config.role}) on http://localhost:${config.port}/graphql`, 'Bootstrap');
  }
  // Graceful stop: a running ingestion stops at its next committed batch and goes back to the queue;
  // Bull takes no new jobs and waits for the others; Nest closes the HTTP server and the pools; then
  // the embedded Postgres, which is our child process. A stop that hangs (a query on a dead network,
  // a long model job) is cut short: its job is picked up again once its lock lapses.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      Logger.log(`${signal} received, shutting down`, 'Bootstrap');
      setTimeout(() => {
        Logger.error(`shutdown took over ${SHUTDOWN_TIMEOUT_MS / 1000} s, exiting anyway`, 'Bootstrap');
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS).unref();
      void app
        .close()
        .catch((error: Error) => Logger.error(`shutdown: ${error.message}`, 'Bootstrap'))
        .then(() => runtime.stop())
        .finally(() => process.exit(0));
    });
  }
}

/** Inside the usual 30 s grace period of orchestrators (docker stop, Kubernetes) before they SIGKILL. */
const SHUTDOWN_TIMEOUT_MS = 25_000;
const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

bootstrap().catch((error: Error) => {
  // Start-up failures are configuration problems: one line, no stack trace.
  process.stderr.write(`hirescope: ${error.message}\n`);
  process.exit(1);
});
