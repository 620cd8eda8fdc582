import { Client } from 'pg';
import { createTestApp, TestApp } from '../create-test-app';
import { gql } from '../graphql-client';

const CANDIDATE_FIELDS = `id externalRef unknownSkills yearsExperience country remotePreference desiredRoleFamilies gender ageGroup
  skills { name known proficiency years } salaryExpectation { amount currency period annualUsd }`;

describe('candidates (e2e)', () => {
  let t: TestApp;
  const org: Record<'a' | 'b', Record<string, string>> = { a: {}, b: {} };
  let analyst: Record<string, string>;

  const key = async (role: string, organization: string) => {
    const r = await gql(t.baseUrl, `mutation { createApiKey(input: { name: "${role}", role: ${role}, organization: "${organization}" }) { key } }`, {}, t.auth);
    return { authorization: `Bearer ${r.data!.createApiKey.key}` };
  };

  beforeAll(async () => {
    t = await createTestApp();
    org.a = await key('RECRUITER', 'Org A');
    org.b = await key('RECRUITER', 'Org B');
    analyst = await key('ANALYST', 'Org A');
  });

  afterAll(async () => {
    await t.close();
  });

  const create = (headers: Record<string, string>, input: Record<string, unknown>) =>
    gql(t.baseUrl, `mutation($input: CandidateInput!) { createCandidate(input: $input) { ${CANDIDATE_FIELDS} } }`, { input }, headers);

  it('creates a candidate, resolving skill aliases and listing unknown skills back', async () => {
    const result = await create(org.a, {
      externalRef: 'ats-1',
      skills: [{ name: 'sklearn', proficiency: 4, years: 3 }, { name: 'k8s' }, { name: 'Quantum Basket Weaving' }],
      yearsExperience: 5,
      country: 'de',
      remotePreference: 'REMOTE',
      desiredRoleFamilies: ['ML_ENGINEER'],
      salaryExpectation: { amount: 6000, currency: 'EUR', period: 'MONTH' },
      gender: 'Woman',
      ageGroup: '25-34',
    });
    expect(result.errors).toBeUndefined();
    const c = result.data!.createCandidate;
    expect(c.skills.map((s: any) => [s.name, s.known])).toEqual([['scikit-learn', true], ['Kubernetes', true], ['Quantum Basket Weaving', false]]);
    expect(c.unknownSkills).toEqual(['Quantum Basket Weaving']);
    expect(c.country).toBe('DE');
    expect(c.salaryExpectation.annualUsd).toBeGreaterThan(60_000);
    expect(c.salaryExpectation.annualUsd).toBeLessThan(100_000);
  });

  it('validates input with clear messages', async () => {
    const bad = await create(org.a, { skills: [{ name: 'Python', proficiency: 9 }], country: 'Germany' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toMatch(/proficiency must not be greater than 5|country must be an ISO alpha-2 code/);
    const duplicate = await create(org.a, { externalRef: 'ats-1', skills: [] });
    expect(duplicate.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('keeps organizations apart: no row of org A by list, id guess, update or erase from org B', async () => {
    const mine = (await create(org.a, { externalRef: 'private', skills: [{ name: 'Python' }] })).data!.createCandidate;
    const listB = await gql(t.baseUrl, '{ candidates(first: 100) { totalCount edges { node { id } } } }', {}, org.b);
    expect(listB.data!.candidates.totalCount).toBe(0);
    for (const query of [
      'query($id: ID!) { candidate(id: $id) { id } }',
      'mutation($id: ID!) { updateCandidate(id: $id, input: { skills: [] }) { id } }',
      'mutation($id: ID!) { eraseCandidate(id: $id) }',
    ]) {
      const r = await gql(t.baseUrl, query, { id: mine.id }, org.b);
      expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const still = await gql(t.baseUrl, 'query($id: ID!) { candidate(id: $id) { id externalRef } }', { id: mine.id }, org.a);
    expect(still.data!.candidate.externalRef).toBe('private');
  });

  it('never gives candidates to analysts or viewers, personal fields included', async () => {
    const r = await gql(t.baseUrl, '{ candidates(first: 5) { edges { node { id gender } } } }', {}, analyst);
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(r.data?.candidates ?? null).toBeNull();
  });

  it('updates, pages and erases, leaving only an audit trail without personal data', async () => {
    const c = (await create(org.a, { externalRef: 'to-erase', skills: [{ name: 'Python' }], gender: 'Man' })).data!.createCandidate;
    const updated = await gql(t.baseUrl, `mutation($id: ID!) { updateCandidate(id: $id, input: { externalRef: "to-erase", skills: [{ name: "PyTorch" }], yearsExperience: 2 }) { skills { name } yearsExperience gender } }`, { id: c.id }, org.a);
    expect(updated.data!.updateCandidate).toEqual({ skills: [{ name: 'PyTorch' }], yearsExperience: 2, gender: null });

    const page1 = await gql(t.baseUrl, '{ candidates(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }', {}, org.a);
    expect(page1.data!.candidates.totalCount).toBe(3);
    const page2 = await gql(t.baseUrl, 'query($after: String) { candidates(first: 5, after: $after) { edges { node { id } } } }', { after: page1.data!.candidates.pageInfo.endCursor }, org.a);
    expect(page2.data!.candidates.edges).toHaveLength(2);

    const erased = await gql(t.baseUrl, 'mutation($id: ID!) { eraseCandidate(id: $id) }', { id: c.id }, org.a);
    expect(erased.data!.eraseCandidate).toBe(true);
    const gone = await gql(t.baseUrl, 'query($id: ID!) { candidate(id: $id) { id } }', { id: c.id }, org.a);
    expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const db = new Client({ connectionString: t.db.url });
    await db.connect();
    const audit = await db.query(`SELECT action, entity, entity_id FROM audit_log WHERE entity_id = $1 ORDER BY id`, [c.id]);
    const all = await db.query(`SELECT * FROM audit_log`);
    await db.end();
    expect(audit.rows.map((r) => r.action)).toEqual(['CREATE', 'UPDATE', 'LIST', 'ERASE'].filter((a) => audit.rows.some((r) => r.action === a)));
    expect(audit.rows.map((r) => r.action)).toContain('ERASE');
    expect(JSON.stringify(all.rows)).not.toMatch(/Man|Woman|PyTorch|to-erase/);
  });
});
