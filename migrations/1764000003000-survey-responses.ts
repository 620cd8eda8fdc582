import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Survey responses have no natural key and identical answers are distinct respondents, so a row is
 * identified by the file it came from and its line: re-ingesting a file adds nothing.
 */
export class SurveyResponses1764000003000 implements MigrationInterface {
  name = 'SurveyResponses1764000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE survey_responses (
        id bigserial PRIMARY KEY,
        source_file_hash text NOT NULL,
        source_line integer NOT NULL,
        ingestion_run_id uuid REFERENCES ingestion_runs(id) ON DELETE SET NULL,
        year smallint NOT NULL,
        experience_level text,
        seniority text,
        employment_type text,
        job_title text,
        role_family text NOT NULL DEFAULT 'OTHER',
        salary numeric(16, 2),
        salary_currency char(3),
        annual_usd numeric(14, 2),
        salary_outlier boolean NOT NULL DEFAULT false,
        country char(2),
        company_country char(2),
        region text,
        remote_ratio smallint,
        remote_type text,
        company_size text,
        industry text,
        education text,
        satisfaction smallint,
        gender text,
        age_group text,
        languages text[] NOT NULL DEFAULT '{}',
        certifications text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (source_file_hash, source_line)
      )`);
    await q.query(`CREATE INDEX survey_responses_year_idx ON survey_responses (year)`);
    await q.query(`CREATE INDEX survey_responses_experience_idx ON survey_responses (experience_level)`);
    await q.query(`CREATE INDEX survey_responses_region_idx ON survey_responses (region)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE survey_responses`);
  }
}
