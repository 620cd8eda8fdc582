import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * survey_responses.ingestion_run_id becomes provenance only, like job_postings.ingestion_run_id: the
 * foreign-key check ran once per row on bulk loads (~40% of the COPY's cost). Runs are never deleted.
 */
export class SurveyResponsesProvenance1764000020000 implements MigrationInterface {
  name = 'SurveyResponsesProvenance1764000020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE survey_responses DROP CONSTRAINT IF EXISTS survey_responses_ingestion_run_id_fkey`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE survey_responses
        ADD CONSTRAINT survey_responses_ingestion_run_id_fkey FOREIGN KEY (ingestion_run_id) REFERENCES ingestion_runs(id) ON DELETE SET NULL`);
  }
}
