import { MigrationInterface, QueryRunner } from 'typeorm';

/** Versioned model registry (weights in Postgres so every worker can load them) and stored forecasts. */
export class ModelsAndForecasts1764000004000 implements MigrationInterface {
  name = 'ModelsAndForecasts1764000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ml_models (
        id serial PRIMARY KEY,
        kind text NOT NULL,
        version integer NOT NULL,
        architecture text NOT NULL,
        backend text NOT NULL,
        hyperparameters jsonb NOT NULL DEFAULT '{}',
        metrics jsonb NOT NULL DEFAULT '{}',
        topology jsonb,
        weights bytea,
        training_from date,
        training_to date,
        status text NOT NULL DEFAULT 'TRAINED',
        created_at timestamptz NOT NULL DEFAULT now(),
        promoted_at timestamptz,
        UNIQUE (kind, version)
      )`);
    await q.query(`CREATE INDEX ml_models_promoted_idx ON ml_models (kind, promoted_at DESC NULLS LAST)`);
    await q.query(`
      CREATE TABLE skill_demand_forecasts (
        id bigserial PRIMARY KEY,
        model_id integer NOT NULL REFERENCES ml_models(id) ON DELETE CASCADE,
        series_key text NOT NULL,
        skill_id integer REFERENCES skills(id) ON DELETE CASCADE,
        skill_name text NOT NULL,
        region text,
        role_family text,
        measure text NOT NULL,
        period date NOT NULL,
        value double precision NOT NULL,
        lower double precision,
        upper double precision,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (model_id, series_key, measure, period)
      )`);
    await q.query(`CREATE INDEX skill_demand_forecasts_lookup_idx ON skill_demand_forecasts (skill_name, measure, model_id)`);
    await q.query(`
      CREATE TABLE imported_series (
        id bigserial PRIMARY KEY,
        series_name text NOT NULL,
        skill text NOT NULL,
        month date NOT NULL,
        postings double precision NOT NULL,
        total_postings double precision,
        ingestion_run_id uuid REFERENCES ingestion_runs(id) ON DELETE SET NULL,
        UNIQUE (series_name, skill, month)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE imported_series`);
    await q.query(`DROP TABLE skill_demand_forecasts`);
    await q.query(`DROP TABLE ml_models`);
  }
}
