import { Client } from 'pg';

/** The role app connections act as (created by migration 1764000012000). */
export const APP_DATABASE_ROLE = 'hirescope_app';
/** Transaction-local setting the row-level security policies compare organization_id with. */
export const TENANT_SETTING = 'hirescope.organization_id';
export const TENANT_TABLES = ['candidates', 'match_results', 'reports', 'report_files'] as const;

export interface RowLevelSecurityStatus {
  /** True when the policies bind this connection: RLS enabled and forced, and the user can bypass neither. */
  enforced: boolean;
  user: string;
  problems: string[];
}

type Query = (sql: string, params?: unknown[]) => Promise<any[]>;

/**
 * pg connection options that make every pooled connection act as the app role from its first
 * statement (a startup `-c role=…`, which `RESET ROLE` and `DISCARD ALL` return to). Empty when the
 * role is missing or this user may not switch to it; the boot check then reports RLS as off.
 */
export async function appRoleConnectionOptions(url: string): Promise<{ options?: string }> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT pg_has_role(current_user, oid, 'MEMBER') AS member FROM pg_roles WHERE rolname = $1`, [APP_DATABASE_ROLE]);
    return rows[0]?.member ? { options: `-c role=${APP_DATABASE_ROLE}` } : {};
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Row-level security is silently off for a superuser, a BYPASSRLS role and (without FORCE, or by
 * turning it off) the tables' owner. Reports every reason the current connection escapes it.
 */
export async function checkRowLevelSecurity(query: Query): Promise<RowLevelSecurityStatus> {
  const [role] = await query(`SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
  const tables: Array<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; owner: boolean; policies: number }> = await query(
    `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_has_role(current_user, c.relowner, 'MEMBER') AS owner,
            (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
       FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY($1)`,
    [[...TENANT_TABLES]],
  );
  const problems: string[] = [];
  if (role.rolsuper) problems.push(`${role.name} is a superuser`);
  if (role.rolbypassrls) problems.push(`${role.name} has BYPASSRLS`);
  for (const name of TENANT_TABLES) {
    const table = tables.find((t) => t.relname === name);
    if (!table) problems.push(`table ${name} is missing`);
    else if (table.owner) problems.push(`${role.name} owns ${name}`);
    else if (!table.relrowsecurity || !table.relforcerowsecurity || table.policies === 0) problems.push(`${name} has no forced row-level security policy`);
  }
  return { enforced: problems.length === 0, user: role.name, problems };
}
