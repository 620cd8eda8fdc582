import { Logger } from '@nestjs/common';
import { createDataSource } from './data-source';

/** Apply pending migrations. Postgres advisory lock inside TypeORM keeps concurrent starters safe. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) new Logger('Migrations').log(`Applied ${applied.map((m) => m.name).join(', ')}`);
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

export async function revertLastMigration(url: string): Promise<void> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
