import { MigrationInterface, QueryRunner } from 'typeorm';

/** Normalised job postings and the posting↔skill join, with the indexes the analytics read through. */
export class JobPostings1764000002000 implements MigrationInterface {
  name = 'JobPostings1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_postings (
        id bigserial PRIMARY KEY,
        source text NOT NULL,
        source_id text,
        content_hash text NOT NULL,
        title_raw text,
        title text,
        role_family text NOT NULL DEFAULT 'OTHER',
        seniority text,
        onet_code text,
        company_id integer REFERENCES companies(id),
        company_name text,
        industry text,
        industry_raw text,
        country char(2),
        region text,
        city text,
        location_raw text,
        remote_type text,
        employment_type text,
        company_size text,
        salary_raw text,
        salary_min numeric(14, 2),
        salary_max numeric(14, 2),
        salary_currency char(3),
        pay_period text,
        annual_usd_min numeric(14, 2),
        annual_usd_max numeric(14, 2),
        annual_usd_mid numeric(14, 2) GENERATED ALWAYS AS ((coalesce(annual_usd_min, annual_usd_max) + coalesce(annual_usd_max, annual_usd_min)) / 2) STORED,
        salary_outlier boolean NOT NULL DEFAULT false,
        posted_date date,
        description text,
        education text,
        experience_raw text,
        experience_years numeric(4, 1),
        skill_ids integer[] NOT NULL DEFAULT '{}',
        skill_aliases text[] NOT NULL DEFAULT '{}',
        raw jsonb,
        -- Provenance only, no foreign key: the FK trigger cost ~10 µs per row on bulk loads.
        ingestion_run_id uuid,
        first_seen timestamptz NOT NULL DEFAULT now(),
        last_seen timestamptz NOT NULL DEFAULT now()
      )`);
    // lz4 compresses descriptions several times faster than the default pglz; keep pglz where the
    // server was built without lz4.
    await q.query(`DO $$ BEGIN ALTER TABLE job_postings ALTER COLUMN description SET COMPRESSION lz4; ALTER TABLE job_postings ALTER COLUMN raw SET COMPRESSION lz4; EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL; END $$`);
    await q.query(`CREATE UNIQUE INDEX job_postings_content_hash_key ON job_postings (content_hash)`);
    await q.query(`CREATE UNIQUE INDEX job_postings_source_key ON job_postings (source, source_id) WHERE source_id IS NOT NULL`);
    await q.query(`CREATE INDEX job_postings_posted_date_idx ON job_postings (posted_date)`);
    await q.query(`CREATE INDEX job_postings_role_family_idx ON job_postings (role_family, posted_date)`);
    await q.query(`CREATE INDEX job_postings_region_idx ON job_postings (region, posted_date)`);
    await q.query(`CREATE INDEX job_postings_country_idx ON job_postings (country)`);
    await q.query(`CREATE INDEX job_postings_skill_ids_idx ON job_postings USING gin (skill_ids)`);
    await q.query(`CREATE INDEX job_postings_run_idx ON job_postings (ingestion_run_id)`);
    // The posting↔skill join lives in the posting row as parallel arrays (skill id, alias that matched),
    // GIN-indexed for skill → postings. Writing ~9 join rows per posting as a table cost more than the
    // posting itself at bulk-load rates; the view gives the relational shape for ad-hoc SQL.
    await q.query(`
      CREATE VIEW posting_skills AS
      SELECT p.id AS posting_id, s.skill_id, s.matched_alias
        FROM job_postings p CROSS JOIN LATERAL unnest(p.skill_ids, p.skill_aliases) AS s(skill_id, matched_alias)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW posting_skills`);
    await q.query(`DROP TABLE job_postings`);
  }
}
