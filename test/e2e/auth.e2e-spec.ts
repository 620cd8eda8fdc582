import { join } from 'node:path';
import { AUTH_MATRIX, MatrixRole } from '../auth-matrix';
import { createTestApp, TestApp } from '../create-test-app';
import { gql } from '../graphql-client';
import { uploadFile } from '../ingestion-helpers';

describe('API keys and roles (e2e)', () => {
  let t: TestApp;
  const keys: Record<MatrixRole, string> = { admin: '', recruiter: '', analyst: '', viewer: '' };
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

  beforeAll(async () => {
    t = await createTestApp();
    keys.admin = t.adminKey;
    for (const role of ['recruiter', 'analyst', 'viewer'] as const) {
      const created = await gql(t.baseUrl, `mutation($role: ApiRole!) { createApiKey(input: { name: "${role}", role: $role, organization: "Acme Recruiting" }) { key apiKey { role organizationName keyPrefix } } }`, { role: role.toUpperCase() }, t.auth);
      expect(created.errors).toBeUndefined();
      expect(created.data!.createApiKey.apiKey).toMatchObject({ role: role.toUpperCase(), organizationName: 'Acme Recruiting' });
      keys[role] = created.data!.createApiKey.key;
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers UNAUTHENTICATED without a key, except for the public list', async () => {
    for (const row of AUTH_MATRIX) {
      const result = await gql(t.baseUrl, row.query, row.variables);
      if (row.allowed === 'public') expect({ op: row.name, errors: result.errors }).toEqual({ op: row.name, errors: undefined });
      else expect({ op: row.name, code: result.errors?.[0]?.extensions?.code }).toEqual({ op: row.name, code: 'UNAUTHENTICATED' });
    }
    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
    const upload = await uploadFile(t.baseUrl, join(__dirname, '../../seeds/fixtures/survey-small.csv'), { kind: 'survey' });
    expect(upload.status).toBe(401);
  });

  it('rejects unknown and revoked keys', async () => {
    const unknown = await gql(t.baseUrl, '{ me { role } }', {}, bearer('hs_not_a_real_key'));
    expect(unknown.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const created = await gql(t.baseUrl, 'mutation { createApiKey(input: { name: "temp", role: VIEWER }) { key apiKey { id } } }', {}, t.auth);
    const { key, apiKey } = created.data!.createApiKey;
    expect((await gql(t.baseUrl, '{ me { role } }', {}, bearer(key))).data!.me.role).toBe('VIEWER');
    await gql(t.baseUrl, 'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: apiKey.id }, t.auth);
    const after = await gql(t.baseUrl, '{ me { role } }', {}, bearer(key));
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stores only a hash of each key', async () => {
    const { Client } = await import('pg');
    const db = new Client({ connectionString: t.db.url });
    await db.connect();
    const { rows } = await db.query('SELECT key_hash, key_prefix FROM api_keys');
    await db.end();
    for (const key of Object.values(keys)) {
      expect(rows.some((r) => r.key_hash === key)).toBe(false);
      expect(JSON.stringify(rows)).not.toContain(key);
    }
  });

  it('walks the role × operation matrix', async () => {
    const failures: string[] = [];
    for (const row of AUTH_MATRIX) {
      for (const role of Object.keys(keys) as MatrixRole[]) {
        const result = await gql(t.baseUrl, row.query, row.variables, bearer(keys[role]));
        const code = result.errors?.[0]?.extensions?.code;
        const allowed = row.allowed === 'public' || row.allowed.includes(role);
        const denied = code === 'FORBIDDEN' || code === 'UNAUTHENTICATED';
        if (allowed === denied) failures.push(`${row.name} as ${role}: expected ${allowed ? 'allowed' : 'FORBIDDEN'}, got ${code ?? 'ok'}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('explains that matching needs postings instead of failing with an internal error', async () => {
    const r = await gql(t.baseUrl, '{ matchingFairnessReport(attribute: GENDER) { flag } }', {}, t.auth);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'MATCHING_NOT_READY' });
    expect(r.errors?.[0].message).toMatch(/needs at least 50 postings/);
  });

  it('lets analysts upload and viewers not', async () => {
    const fixture = join(__dirname, '../../seeds/fixtures/survey-small.csv');
    expect((await uploadFile(t.baseUrl, fixture, { kind: 'survey' }, bearer(keys.analyst))).status).toBe(202);
    expect((await uploadFile(t.baseUrl, fixture, { kind: 'survey' }, bearer(keys.viewer))).status).toBe(403);
  });
});
