import 'reflect-metadata';
import 'dotenv/config';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { seedReferenceOnStart } from '../../seeds/seed-on-start';
import { AppModule } from '../app.module';
import { AppConfig } from '../config/app-config';
import { ProcessRole } from '../config/env.validation';
import { prepareRuntime } from '../config/runtime';
import { runMigrations } from '../database/migrate';

/**
 * A worker-capable application context for command-line tools: same database resolution, migrations
 * and queues as `npm start`, so CLI work goes through the real Bull jobs.
 */
export async function createCliContext(): Promise<{ app: INestApplicationContext; config: AppConfig; close: () => Promise<void> }> {
  const runtime = await prepareRuntime({ LOG_LEVEL: 'warn', ...process.env });
  const config = { ...runtime.config, role: ProcessRole.WORKER };
  await runMigrations(config.databaseUrl);
  await seedReferenceOnStart(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRole(config), { logger: ['error', 'warn'] });
  return {
    app,
    config,
    close: async () => {
      await app.close();
      await runtime.stop();
    },
  };
}

export function parseFlags(argv: string[]): { positional: string[]; flags: Record<string, string> } {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const [key, inline] = arg.slice(2).split('=', 2);
      flags[key] = inline ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true');
    } else positional.push(arg);
  }
  return { positional, flags };
}

export function fail(message: string): never {
  process.stderr.write(`hirescope: ${message}\n`);
  process.exit(1);
}
