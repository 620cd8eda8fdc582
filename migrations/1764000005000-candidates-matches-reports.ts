import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisation-owned data: candidates (personal data), their match results and generated reports. */
export class CandidatesMatchesReports1764000005000 implements MigrationInterface {
  name = 'CandidatesMatchesReports1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE candidates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        external_ref text,
        skills jsonb NOT NULL DEFAULT '[]',
        years_experience numeric(4, 1),
        education text,
        country char(2),
        city text,
        remote_preference text,
        desired_role_families text[] NOT NULL DEFAULT '{}',
        salary_amount numeric(14, 2),
        salary_currency char(3),
        salary_period text,
        salary_annual_usd numeric(14, 2),
        gender text,
        age_group text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, external_ref)
      )`);
    await q.query(`CREATE INDEX candidates_organization_idx ON candidates (organization_id, created_at)`);
    await q.query(`
      CREATE TABLE match_results (
        id bigserial PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        candidate_id uuid NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        posting_id bigint NOT NULL REFERENCES job_postings(id) ON DELETE CASCADE,
        model_id integer REFERENCES ml_models(id) ON DELETE SET NULL,
        rank integer NOT NULL,
        score double precision NOT NULL,
        explanation jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (candidate_id, posting_id, model_id)
      )`);
    await q.query(`CREATE INDEX match_results_candidate_idx ON match_results (candidate_id, rank)`);
    await q.query(`CREATE INDEX match_results_posting_idx ON match_results (posting_id)`);
    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        kind text NOT NULL,
        title text NOT NULL,
        filter jsonb NOT NULL DEFAULT '{}',
        formats text[] NOT NULL,
        status text NOT NULL DEFAULT 'QUEUED',
        progress smallint NOT NULL DEFAULT 0,
        error text,
        files jsonb NOT NULL DEFAULT '{}',
        data jsonb,
        snapshot_at timestamptz,
        model_versions jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX reports_organization_idx ON reports (organization_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reports`);
    await q.query(`DROP TABLE match_results`);
    await q.query(`DROP TABLE candidates`);
  }
}
