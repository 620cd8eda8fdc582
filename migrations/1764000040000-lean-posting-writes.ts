import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cheaper posting loads: every index and check on the insert path costs 3–10 µs a row, as much as
 * parsing and storing a 2 KB posting. Analytics read posting_facts in memory; where they read it in
 * SQL (while the copy loads, or with ANALYTICS_IN_MEMORY=false) they scan the narrow facts table.
 *
 * - job_postings keeps its primary key and the two unique keys that de-duplicate; its seven
 *   secondary indexes served SQL analytics that now read posting_facts (jobPostings' SQL path too).
 * - posting_facts keeps its primary key, which the in-memory copy loads id ranges by. Its date, role
 *   and skill indexes cost 12 µs a row (measured on 196k postings) to speed up a fallback that scans
 *   most rows anyway.
 * - posting_facts' foreign key to job_postings checked every inserted fact (~10 µs a row, as much as
 *   the fact itself). Its cascade becomes statement triggers on job_postings (DELETE and TRUNCATE).
 * - job_postings.company_id's foreign key did the same check; the ingest writer takes the id from the
 *   companies row it upserts in the same transaction, and companies are never deleted.
 * - Descriptions (~2 KB) are stored out of line uncompressed: compressing each on insert cost more
 *   CPU than storing it, and the main heap stays narrow for scans that skip descriptions.
 */
export class LeanPostingWrites1764000040000 implements MigrationInterface {
  name = 'LeanPostingWrites1764000040000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX job_postings_posted_date_idx, job_postings_role_family_idx, job_postings_region_idx, job_postings_country_idx,
                 job_postings_skill_ids_idx, job_postings_run_idx, job_postings_recent_idx`);
    await q.query(`DROP INDEX posting_facts_posted_date_idx, posting_facts_role_idx, posting_facts_skill_ids_idx`);

    await q.query(`ALTER TABLE posting_facts DROP CONSTRAINT posting_facts_id_fkey`);
    await q.query(`
      CREATE FUNCTION delete_posting_facts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM posting_facts f USING deleted_postings d WHERE f.id = d.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER job_postings_deleted AFTER DELETE ON job_postings REFERENCING OLD TABLE AS deleted_postings
        FOR EACH STATEMENT EXECUTE FUNCTION delete_posting_facts()`);
    await q.query(`
      CREATE FUNCTION truncate_posting_facts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE posting_facts;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER job_postings_truncated AFTER TRUNCATE ON job_postings FOR EACH STATEMENT EXECUTE FUNCTION truncate_posting_facts()`);
    // Facts whose posting is already gone (none, while the foreign key held; a no-op on a fresh database).
    await q.query(`DELETE FROM posting_facts f WHERE NOT EXISTS (SELECT 1 FROM job_postings p WHERE p.id = f.id)`);

    await q.query(`ALTER TABLE job_postings DROP CONSTRAINT job_postings_company_id_fkey`);
    await q.query(`ALTER TABLE job_postings ALTER COLUMN description SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE job_postings ALTER COLUMN description SET STORAGE EXTENDED`);
    await q.query(`ALTER TABLE job_postings ADD CONSTRAINT job_postings_company_id_fkey FOREIGN KEY (company_id) REFERENCES companies(id)`);
    await q.query(`DROP TRIGGER job_postings_truncated ON job_postings`);
    await q.query(`DROP FUNCTION truncate_posting_facts()`);
    await q.query(`DROP TRIGGER job_postings_deleted ON job_postings`);
    await q.query(`DROP FUNCTION delete_posting_facts()`);
    await q.query(`ALTER TABLE posting_facts ADD CONSTRAINT posting_facts_id_fkey FOREIGN KEY (id) REFERENCES job_postings(id) ON DELETE CASCADE`);
    await q.query(`CREATE INDEX posting_facts_skill_ids_idx ON posting_facts USING gin (skill_ids)`);
    await q.query(`CREATE INDEX posting_facts_role_idx ON posting_facts (role_family, posted_date)`);
    await q.query(`CREATE INDEX posting_facts_posted_date_idx ON posting_facts (posted_date)`);
    await q.query(`CREATE INDEX job_postings_recent_idx ON job_postings ((coalesce(posted_date, '0001-01-01'::date)) DESC, id DESC)`);
    await q.query(`CREATE INDEX job_postings_run_idx ON job_postings (ingestion_run_id)`);
    await q.query(`CREATE INDEX job_postings_skill_ids_idx ON job_postings USING gin (skill_ids)`);
    await q.query(`CREATE INDEX job_postings_country_idx ON job_postings (country)`);
    await q.query(`CREATE INDEX job_postings_region_idx ON job_postings (region, posted_date)`);
    await q.query(`CREATE INDEX job_postings_role_family_idx ON job_postings (role_family, posted_date)`);
    await q.query(`CREATE INDEX job_postings_posted_date_idx ON job_postings (posted_date)`);
  }
}
