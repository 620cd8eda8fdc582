import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rendered report files live in Postgres, so any API instance can serve a download a worker produced. */
export class ReportFiles1764000007000 implements MigrationInterface {
  name = 'ReportFiles1764000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_files (
        report_id uuid NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        format text NOT NULL,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size integer NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (report_id, format)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_files`);
  }
}
