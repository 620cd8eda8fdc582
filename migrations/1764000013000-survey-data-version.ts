import { MigrationInterface, QueryRunner } from 'typeorm';

/** As for posting_facts: a counter bumped by every statement that changes survey_responses, in the same transaction. */
export class SurveyDataVersion1764000013000 implements MigrationInterface {
  name = 'SurveyDataVersion1764000013000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE analytics_data_version ADD COLUMN survey_version bigint NOT NULL DEFAULT 1`);
    await q.query(`
      CREATE FUNCTION bump_survey_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE analytics_data_version SET survey_version = survey_version + 1 WHERE id = 1;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER survey_responses_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON survey_responses
        FOR EACH STATEMENT EXECUTE FUNCTION bump_survey_data_version()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER survey_responses_changed ON survey_responses`);
    await q.query(`DROP FUNCTION bump_survey_data_version()`);
    await q.query(`ALTER TABLE analytics_data_version DROP COLUMN survey_version`);
  }
}
