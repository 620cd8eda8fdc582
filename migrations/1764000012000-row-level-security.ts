import { MigrationInterface, QueryRunner } from 'typeorm';

// Keep in step with src/database/row-level-security.ts (migrations never import app code).
const APP_ROLE = 'hirescope_app';
const CURRENT_ORGANIZATION = `nullif(current_setting('hirescope.organization_id', true), '')::uuid`;
const OWNED_TABLES = ['candidates', 'match_results', 'reports'];

/**
 * Row-level security as a second wall behind the services' `organization_id = $1`: the app runs as
 * `hirescope_app` (neither superuser, owner nor BYPASSRLS) and sees only the rows of the organization
 * set for its transaction; with none set it sees nothing.
 *
 * The role is cluster-wide and shared by every Hirescope database of the cluster, so it is created
 * only if missing and `down` never drops it (drop it by hand once no database grants to it).
 * FORCE makes the policies apply to the table owner too: a later data migration on these tables
 * must run as superuser or lift FORCE for its own transaction.
 */
export class RowLevelSecurity1764000012000 implements MigrationInterface {
  name = 'RowLevelSecurity1764000012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      BEGIN
        IF to_regrole('${APP_ROLE}') IS NULL THEN
          BEGIN
            CREATE ROLE ${APP_ROLE} NOLOGIN;
          EXCEPTION
            -- Another database of this cluster migrating at the same moment created it.
            WHEN duplicate_object OR unique_violation THEN NULL;
            WHEN insufficient_privilege THEN
              RAISE WARNING 'cannot create role ${APP_ROLE} (needs CREATEROLE): create it by hand, or row-level security stays off';
              RETURN;
          END;
        END IF;
        -- The migrating user switches to the role on every app connection (SET ROLE needs membership).
        IF NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') THEN
          EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
        END IF;
        EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO ${APP_ROLE}', current_database());
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${APP_ROLE}', current_schema());
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO ${APP_ROLE}', current_schema());
        EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO ${APP_ROLE}', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${APP_ROLE}', current_schema());
        REVOKE ALL ON typeorm_migrations FROM ${APP_ROLE};
      END $$`);

    for (const table of OWNED_TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (organization_id = ${CURRENT_ORGANIZATION}) WITH CHECK (organization_id = ${CURRENT_ORGANIZATION})`);
    }
    // report_files has no organization column: a file belongs to the organization of its report.
    const ownReport = `EXISTS (SELECT 1 FROM reports r WHERE r.id = report_files.report_id AND r.organization_id = ${CURRENT_ORGANIZATION})`;
    await q.query(`ALTER TABLE report_files ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE report_files FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON report_files USING (${ownReport}) WITH CHECK (${ownReport})`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['report_files', ...OWNED_TABLES]) {
      await q.query(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    // Revoke this database's grants; the role itself stays (other databases of the cluster may use it).
    await q.query(`
      DO $$
      BEGIN
        IF to_regrole('${APP_ROLE}') IS NULL THEN RETURN; END IF;
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON SEQUENCES FROM ${APP_ROLE}', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON TABLES FROM ${APP_ROLE}', current_schema());
        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM ${APP_ROLE}', current_schema());
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM ${APP_ROLE}', current_schema());
        EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM ${APP_ROLE}', current_schema());
        EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM ${APP_ROLE}', current_database());
      END $$`);
  }
}
