import { createDataSource } from '../../src/database/data-source';
import { MIGRATIONS } from '../../migrations';
import { createTestDatabase, TestDatabase } from '../test-database';

describe('migrations (e2e)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
  });

  afterAll(async () => {
    await db.drop();
  });

  it('run every migration up and down on an empty database, and up again', async () => {
    const dataSource = createDataSource(db.url);
    await dataSource.initialize();
    const tables = async () =>
      (await dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations' ORDER BY 1`)).map(
        (r: { tablename: string }) => r.tablename,
      );
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      expect(applied).toHaveLength(MIGRATIONS.length);
      const created = await tables();
      expect(created).toEqual(expect.arrayContaining(['job_postings', 'skills', 'survey_responses', 'ml_models', 'candidates', 'reports']));
      const forced = await dataSource.query(`SELECT relname FROM pg_class WHERE relrowsecurity AND relforcerowsecurity AND relkind = 'r' ORDER BY 1`);
      expect(forced.map((r: { relname: string }) => r.relname)).toEqual(['candidates', 'match_results', 'report_files', 'reports']);

      for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      expect(await tables()).toEqual([]);

      const again = await dataSource.runMigrations({ transaction: 'each' });
      expect(again).toHaveLength(MIGRATIONS.length);
      expect(await tables()).toEqual(created);
    } finally {
      await dataSource.destroy();
    }
  });
});
