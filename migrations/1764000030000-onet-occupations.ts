import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * O*NET-SOC occupations and the titles that point at them, loaded by `npm run import:onet` (the
 * product ships no O*NET files). Titles are keyed by their normalised text for exact lookup; one text
 * can name several occupations ("Data Analyst" appears under eight), so the key is not unique.
 *
 * job_postings.onet_code was reserved in 1764000002000 and never written: it becomes onet_soc rather
 * than living on beside it. No foreign keys from postings or survey rows: a newer release may retire a
 * code, and the per-row check would slow bulk loads (see 1764000020000).
 * The tables are readable by hirescope_app through the default privileges of 1764000012000.
 */
export class OnetOccupations1764000030000 implements MigrationInterface {
  name = 'OnetOccupations1764000030000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE onet_occupations (
        soc_code text PRIMARY KEY CHECK (soc_code ~ '^\\d{2}-\\d{4}\\.\\d{2}$'),
        title text NOT NULL,
        description text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE onet_titles (
        title_key text NOT NULL,
        soc_code text NOT NULL REFERENCES onet_occupations(soc_code) ON DELETE CASCADE,
        source text NOT NULL CHECK (source IN ('occupation', 'reported', 'alternate')),
        PRIMARY KEY (title_key, soc_code)
      )`);
    await q.query(`CREATE INDEX onet_titles_soc_code_idx ON onet_titles (soc_code)`);
    // One row: the loaded release, and when its rows last changed (the ingestion index reloads on change).
    await q.query(`
      CREATE TABLE onet_release (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        version text NOT NULL,
        occupations integer NOT NULL,
        titles integer NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE job_postings RENAME COLUMN onet_code TO onet_soc`);
    await q.query(`ALTER TABLE survey_responses ADD COLUMN onet_soc text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE survey_responses DROP COLUMN onet_soc`);
    await q.query(`ALTER TABLE job_postings RENAME COLUMN onet_soc TO onet_code`);
    await q.query(`DROP TABLE onet_release`);
    await q.query(`DROP TABLE onet_titles`);
    await q.query(`DROP TABLE onet_occupations`);
  }
}
