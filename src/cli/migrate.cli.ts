import 'reflect-metadata';
import 'dotenv/config';
import { prepareRuntime } from '../config/runtime';
import { revertLastMigration, runMigrations } from '../database/migrate';
import { fail } from './cli-context';

/** `npm run migration:run` / `migration:revert`, against DATABASE_URL or the embedded Postgres. */
async function main(): Promise<void> {
  const command = process.argv[2];
  if (command !== 'run' && command !== 'revert') fail('usage: migrate.cli.ts run|revert');
  const runtime = await prepareRuntime({ LOG_LEVEL: 'warn', ...process.env });
  try {
    if (command === 'run') {
      const applied = await runMigrations(runtime.config.databaseUrl);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'no pending migrations\n');
    } else {
      await revertLastMigration(runtime.config.databaseUrl);
      process.stdout.write('reverted the last migration\n');
    }
  } finally {
    await runtime.stop();
  }
}

main().catch((error: Error) => fail(error.message));
