import { MigrationInterface, QueryRunner } from 'typeorm';

/** Ingestion runs and their per-row errors; created before the data tables so those can reference a run. */
export class IngestionRuns1764000001000 implements MigrationInterface {
  name = 'IngestionRuns1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ingestion_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        kind text NOT NULL,
        format text NOT NULL,
        preset text,
        mapping jsonb,
        source_name text,
        file_path text,
        file_hash text,
        file_size bigint,
        status text NOT NULL DEFAULT 'QUEUED',
        rows_read integer NOT NULL DEFAULT 0,
        bytes_read bigint NOT NULL DEFAULT 0,
        accepted integer NOT NULL DEFAULT 0,
        duplicates integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        warnings integer NOT NULL DEFAULT 0,
        committed_line integer NOT NULL DEFAULT 0,
        timings jsonb NOT NULL DEFAULT '{}',
        error text,
        job_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX ingestion_runs_created_at_idx ON ingestion_runs (created_at DESC, id)`);
    await q.query(`CREATE INDEX ingestion_runs_file_hash_idx ON ingestion_runs (file_hash)`);
    await q.query(`
      CREATE TABLE ingestion_errors (
        id bigserial PRIMARY KEY,
        run_id uuid NOT NULL REFERENCES ingestion_runs(id) ON DELETE CASCADE,
        line integer,
        pointer text,
        field text,
        value text,
        code text NOT NULL,
        message text NOT NULL,
        severity text NOT NULL DEFAULT 'ERROR'
      )`);
    // A resumed run re-reports the rows of its last uncommitted batch; this key keeps each report once.
    await q.query(
      `CREATE UNIQUE INDEX ingestion_errors_dedup_idx ON ingestion_errors (run_id, coalesce(line, -1), coalesce(pointer, ''), coalesce(field, ''), code)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ingestion_errors`);
    await q.query(`DROP TABLE ingestion_runs`);
  }
}
