import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter bumped by every statement that changes posting_facts, in the same transaction: processes
 * that keep the facts in memory read it before each query and catch up when it has moved.
 */
export class AnalyticsDataVersion1764000010000 implements MigrationInterface {
  name = 'AnalyticsDataVersion1764000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE analytics_data_version (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        version bigint NOT NULL
      )`);
    await q.query(`INSERT INTO analytics_data_version (id, version) VALUES (1, 1)`);
    await q.query(`
      CREATE FUNCTION bump_analytics_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE analytics_data_version SET version = version + 1 WHERE id = 1;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER posting_facts_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON posting_facts
        FOR EACH STATEMENT EXECUTE FUNCTION bump_analytics_data_version()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER posting_facts_changed ON posting_facts`);
    await q.query(`DROP FUNCTION bump_analytics_data_version()`);
    await q.query(`DROP TABLE analytics_data_version`);
  }
}
