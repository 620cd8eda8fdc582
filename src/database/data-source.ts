import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';

/** One set of options for the app, the migration CLI and tests. Migrations are the schema. */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    extra: { max: 10, connectionTimeoutMillis: 10_000 },
    ...extra,
  } as DataSourceOptions;
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
