import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organizations, skills taxonomy, countries and currency rates: the reference data everything else points at. */
export class ReferenceData1764000000000 implements MigrationInterface {
  name = 'ReferenceData1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE skills (
        id serial PRIMARY KEY,
        name text NOT NULL UNIQUE,
        category text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE skill_aliases (
        id serial PRIMARY KEY,
        skill_id integer NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
        alias text NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX skill_aliases_skill_id_idx ON skill_aliases (skill_id)`);
    await q.query(`
      CREATE TABLE countries (
        code char(2) PRIMARY KEY,
        alpha3 char(3) NOT NULL UNIQUE,
        name text NOT NULL,
        region text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE currency_rates (
        currency char(3) NOT NULL,
        year smallint NOT NULL,
        usd_per_unit numeric(20, 10) NOT NULL CHECK (usd_per_unit > 0),
        source text NOT NULL,
        PRIMARY KEY (currency, year)
      )`);
    await q.query(`
      CREATE TABLE companies (
        id serial PRIMARY KEY,
        name text NOT NULL,
        normalized_name text NOT NULL UNIQUE,
        industry text,
        company_size text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE companies`);
    await q.query(`DROP TABLE currency_rates`);
    await q.query(`DROP TABLE countries`);
    await q.query(`DROP TABLE skill_aliases`);
    await q.query(`DROP TABLE skills`);
    await q.query(`DROP TABLE organizations`);
  }
}
