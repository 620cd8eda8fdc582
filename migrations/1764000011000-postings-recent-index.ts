import { MigrationInterface, QueryRunner } from 'typeorm';

/** Browsing postings newest first (the SQL path of jobPostings) walks this index instead of sorting the table. */
export class PostingsRecentIndex1764000011000 implements MigrationInterface {
  name = 'PostingsRecentIndex1764000011000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX job_postings_recent_idx ON job_postings ((coalesce(posted_date, '0001-01-01'::date)) DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX job_postings_recent_idx`);
  }
}
