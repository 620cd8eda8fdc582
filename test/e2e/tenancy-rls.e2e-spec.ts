import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { writePostingsCsv } from '../../seeds/generators/write-synthetic';
import { createDataSource } from '../../src/database/data-source';
import { APP_DATABASE_ROLE, checkRowLevelSecurity, TENANT_TABLES } from '../../src/database/row-level-security';
import { RowLevelSecurityOffError, RowLevelSecurityService } from '../../src/database/row-level-security.service';
import { withTenant } from '../../src/database/tenant-transaction';
import { createTestApp, TestApp } from '../create-test-app';
import { gql } from '../graphql-client';
import { uploadFile, waitForRun } from '../ingestion-helpers';

type Headers = Record<string, string>;

/**
 * Tenancy has two walls: the services' `organization_id = $1`, and Postgres row-level security on
 * candidates, match_results, reports and report_files. These tests go through the API as org A and
 * then straight at the database as the app role, where the services' WHERE clauses do not help.
 */
describe('tenancy and row-level security (e2e)', () => {
  let t: TestApp;
  let owner: Client; // superuser: sees every row, to prove the rows the app does not see exist
  let db: DataSource; // the app's own pool (2 connections), acting as the app role
  const keys: Record<'a' | 'b', Headers> = { a: {}, b: {} };
  const orgId: Record<'a' | 'b', string> = { a: '', b: '' };
  const candidates: Record<'a' | 'b', string[]> = { a: [], b: [] };
  const reports: Record<'a' | 'b', string> = { a: '', b: '' };

  const key = async (organization: string) => {
    const r = await gql(t.baseUrl, `mutation { createApiKey(input: { name: "recruiter", role: RECRUITER, organization: "${organization}" }) { key } }`, {}, t.auth);
    return { authorization: `Bearer ${r.data!.createApiKey.key}` };
  };

  const ok = async (query: string, variables: Record<string, unknown>, headers: Headers) => {
    const r = await gql(t.baseUrl, query, variables, headers);
    expect(r.errors).toBeUndefined();
    return r.data!;
  };

  const createCandidate = async (headers: Headers, input: Record<string, unknown>) =>
    (await ok('mutation($input: CandidateInput!) { createCandidate(input: $input) { id } }', { input }, headers)).createCandidate.id as string;

  const waitFor = async (check: () => Promise<boolean>, what: string) => {
    for (let i = 0; i < 600; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${what} did not finish`);
  };

  const requestReport = async (headers: Headers) => {
    const { requestReport: report } = await ok(
      'mutation($input: RequestReportInput!) { requestReport(input: $input) { id } }',
      { input: { kind: 'SALARY', formats: ['JSON', 'CSV'] } },
      headers,
    );
    await waitFor(async () => (await ok('query($id: ID!) { report(id: $id) { status } }', { id: report.id }, headers)).report.status === 'COMPLETED', `report ${report.id}`);
    return report.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp({ databasePoolSize: 2 });
    db = t.app.get(DataSource);
    owner = new Client({ connectionString: t.db.url });
    await owner.connect();
    const file = join(mkdtempSync(join(tmpdir(), 'hs-rls-')), 'postings.csv');
    await writePostingsCsv(file, { count: 600, seed: 8 });
    const { body } = await uploadFile(t.baseUrl, file, { kind: 'postings' }, t.auth);
    expect((await waitForRun(t.baseUrl, body.runId!, t.auth)).status).toBe('COMPLETED');

    keys.a = await key('RLS Org A');
    keys.b = await key('RLS Org B');
    const { rows } = await owner.query(`SELECT id, name FROM organizations WHERE name LIKE 'RLS Org %'`);
    orgId.a = rows.find((r) => r.name === 'RLS Org A').id;
    orgId.b = rows.find((r) => r.name === 'RLS Org B').id;

    const profile = { skills: [{ name: 'Python' }, { name: 'PyTorch' }], yearsExperience: 4, country: 'US', desiredRoleFamilies: ['ML_ENGINEER'] };
    candidates.a.push(await createCandidate(keys.a, { ...profile, externalRef: 'a-1', gender: 'Woman' }));
    candidates.a.push(await createCandidate(keys.a, { ...profile, externalRef: 'a-2', gender: 'Man' }));
    for (let i = 0; i < 3; i++) candidates.b.push(await createCandidate(keys.b, { ...profile, externalRef: `b-secret-${i}`, gender: 'Nonbinary' }));

    // Org B: stored match results (trains the models once) and a finished report with files.
    const started = await ok('mutation($ids: [ID!]!) { runMatching(candidateIds: $ids) { jobId } }', { ids: candidates.b }, keys.b);
    await waitFor(async () => {
      const { job } = await ok('query($id: ID!) { job(id: $id) { state failedReason } }', { id: started.runMatching.jobId }, t.auth);
      if (job.state === 'failed') throw new Error(`runMatching failed: ${job.failedReason}`);
      return job.state === 'completed';
    }, 'runMatching');
    reports.b = await requestReport(keys.b);
    reports.a = await requestReport(keys.a);
  });

  afterAll(async () => {
    await owner?.end();
    await t?.close();
  });

  it('has org B rows in every tenant table (so the tests below prove something)', async () => {
    for (const table of TENANT_TABLES) {
      const column = table === 'report_files' ? `(SELECT organization_id FROM reports r WHERE r.id = report_id)` : 'organization_id';
      const { rows } = await owner.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [orgId.b]);
      expect({ table, n: rows[0].n > 0 }).toEqual({ table, n: true });
    }
  });

  it("gives org A's recruiter no row of org B by list, count, id guess, filter or aggregate", async () => {
    const list = await ok('{ candidates(first: 100) { totalCount edges { node { id externalRef } } } }', {}, keys.a);
    expect(list.candidates.totalCount).toBe(candidates.a.length);
    expect(list.candidates.edges.map((e: any) => e.node.id).sort()).toEqual([...candidates.a].sort());

    const theirs = candidates.b[0];
    for (const query of [
      'query($id: ID!) { candidate(id: $id) { id } }',
      'query($id: ID!) { matchResults(candidateId: $id) { rank } }',
      'query($id: ID!) { matchRolesForCandidate(candidateId: $id) { issues } }',
      'mutation($id: ID!) { runMatching(candidateIds: [$id]) { jobId } }',
      'mutation($id: ID!) { updateCandidate(id: $id, input: { skills: [] }) { id } }',
      'mutation($id: ID!) { eraseCandidate(id: $id) }',
      'query($id: ID!) { report(id: $id) { id } }',
    ]) {
      const r = await gql(t.baseUrl, query, { id: query.includes('report(') ? reports.b : theirs }, keys.a);
      expect({ query, code: r.errors?.[0].extensions?.code }).toEqual({ query, code: 'NOT_FOUND' });
    }

    const posting = (await ok('{ jobPostings(first: 1, filter: { roleFamilies: [ML_ENGINEER] }) { edges { node { id } } } }', {}, keys.a)).jobPostings.edges[0].node.id;
    const ranked = await ok('query($id: ID!) { matchCandidatesForRole(postingId: $id, first: 100) { candidateId } }', { id: posting }, keys.a);
    const rankedIds: string[] = ranked.matchCandidatesForRole.map((m: any) => m.candidateId);
    expect(rankedIds.length).toBeGreaterThan(0);
    expect(rankedIds.filter((id) => !candidates.a.includes(id))).toEqual([]);

    const fairness = await ok('{ matchingFairnessReport(attribute: GENDER, topK: 1) { candidates groups { group candidates } } }', {}, keys.a);
    expect(fairness.matchingFairnessReport.candidates).toBe(candidates.a.length);
    expect(fairness.matchingFairnessReport.groups.map((g: any) => g.group)).not.toContain('Nonbinary');

    const reportList = await ok('{ reports(first: 100) { totalCount edges { node { id } } } }', {}, keys.a);
    expect(reportList.reports.totalCount).toBe(1);
    expect(reportList.reports.edges.map((e: any) => e.node.id)).toEqual([reports.a]);
    for (const format of ['json', 'csv']) {
      const theirFile = await fetch(`${t.baseUrl}/reports/${reports.b}/${format}`, { headers: keys.a });
      expect(theirFile.status).toBe(404);
      const myFile = await fetch(`${t.baseUrl}/reports/${reports.a}/${format}`, { headers: keys.a });
      expect(myFile.status).toBe(200);
    }

    // Org B still has everything.
    expect((await ok('{ candidates(first: 100) { totalCount } }', {}, keys.b)).candidates.totalCount).toBe(candidates.b.length);
    expect((await ok('query($id: ID!) { matchResults(candidateId: $id) { rank } }', { id: theirs }, keys.b)).matchResults.length).toBeGreaterThan(0);
  });

  it('hides every row from the app role unless the transaction names the organization, even without a WHERE clause', async () => {
    const [{ user }] = await db.query('SELECT current_user AS user');
    expect(user).toBe(APP_DATABASE_ROLE);
    for (const table of TENANT_TABLES) {
      expect(await db.query(`SELECT * FROM ${table}`)).toEqual([]);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
      expect(n).toBe(0);
    }
    const seen = await withTenant(db, orgId.a, async (m) => ({
      candidates: (await m.query(`SELECT id FROM candidates`)).map((r: { id: string }) => r.id).sort(),
      reports: (await m.query(`SELECT DISTINCT organization_id FROM reports`)).map((r: any) => r.organization_id),
      files: (await m.query(`SELECT DISTINCT report_id FROM report_files`)).map((r: any) => r.report_id),
      matches: (await m.query(`SELECT count(*)::int AS n FROM match_results`))[0].n,
      guess: await m.query(`SELECT id FROM candidates WHERE id = $1`, [candidates.b[0]]),
      erase: (await m.query(`DELETE FROM candidates WHERE id = ANY($1::uuid[]) RETURNING id`, [candidates.b]))[0],
    }));
    expect(seen).toEqual({ candidates: [...candidates.a].sort(), reports: [orgId.a], files: [reports.a], matches: 0, guess: [], erase: [] });

    // Writing another organization's row is refused outright, not just filtered.
    await expect(
      withTenant(db, orgId.a, (m) => m.query(`INSERT INTO candidates (organization_id, skills) VALUES ($1, '[]')`, [orgId.b])),
    ).rejects.toMatchObject({ driverError: { code: '42501' } });
    await expect(withTenant(db, orgId.a, (m) => m.query(`UPDATE candidates SET organization_id = $1`, [orgId.b]))).rejects.toMatchObject({
      driverError: { code: '42501' },
    });
    const { rows } = await owner.query(`SELECT count(*)::int AS n FROM candidates WHERE organization_id = $1`, [orgId.b]);
    expect(rows[0].n).toBe(candidates.b.length);
  });

  it('keeps organizations apart when the 2 pooled connections are reused by alternating tenants', async () => {
    // Straight at the pool: interleaved transactions, one of them failing half-way.
    const runs = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 'a' : 'b') as 'a' | 'b');
    const results = await Promise.all(
      runs.map((org, i) =>
        withTenant(db, orgId[org], async (m) => {
          const [{ pid }] = await m.query('SELECT pg_backend_pid() AS pid');
          const ids = (await m.query('SELECT id FROM candidates ORDER BY id')).map((r: { id: string }) => r.id);
          if (i % 7 === 3) throw new Error('rolled back');
          return { org, pid, ids };
        }).catch(() => null),
      ),
    );
    const done = results.filter((r): r is { org: 'a' | 'b'; pid: number; ids: string[] } => r !== null);
    expect(done.length).toBeGreaterThan(30);
    for (const r of done) expect(r.ids).toEqual([...candidates[r.org]].sort());
    expect(new Set(done.map((r) => r.pid)).size).toBeLessThanOrEqual(2);
    expect(await db.query('SELECT id FROM candidates')).toEqual([]);

    // Through the API: concurrent requests from both organizations on the same two connections.
    const responses = await Promise.all(
      runs.map(async (org) => ({ org, data: await ok('{ candidates(first: 100) { totalCount edges { node { id } } } }', {}, keys[org]) })),
    );
    for (const { org, data } of responses) {
      expect(data.candidates.totalCount).toBe(candidates[org].length);
      expect(data.candidates.edges.map((e: any) => e.node.id).sort()).toEqual([...candidates[org]].sort());
    }
  });

  it('reports row-level security in health, and the boot check catches a superuser connection', async () => {
    expect((await ok('{ health { rowLevelSecurity } }', {}, {})).health.rowLevelSecurity).toBe(true);
    expect(await checkRowLevelSecurity((sql, params) => db.query(sql, params))).toEqual({ enforced: true, user: APP_DATABASE_ROLE, problems: [] });

    const superuser = createDataSource(t.db.url); // the owner's URL, without the app role
    await superuser.initialize();
    try {
      const status = await checkRowLevelSecurity((sql, params) => superuser.query(sql, params));
      expect(status.enforced).toBe(false);
      expect(status.problems).toEqual(expect.arrayContaining([expect.stringMatching(/superuser/), expect.stringMatching(/owns candidates/)]));
      // Silently off: the superuser sees org B's rows with no organization set.
      expect((await superuser.query('SELECT count(*)::int AS n FROM candidates'))[0].n).toBeGreaterThan(0);

      const warnOnly = new RowLevelSecurityService(superuser, { ...t.config, requireRowLevelSecurity: false });
      await expect(warnOnly.onModuleInit()).resolves.toBeUndefined();
      expect(warnOnly.enforced).toBe(false);
      const strict = new RowLevelSecurityService(superuser, { ...t.config, requireRowLevelSecurity: true });
      await expect(strict.onModuleInit()).rejects.toThrow(RowLevelSecurityOffError);
    } finally {
      await superuser.destroy();
    }
  });
});
