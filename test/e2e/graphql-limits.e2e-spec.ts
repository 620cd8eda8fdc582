import { createTestApp, TestApp } from '../create-test-app';
import { gql } from '../graphql-client';

describe('GraphQL hardening (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('rejects deep queries, alias floods, repeated fields and multi-operation documents before execution', async () => {
    const deep = await gql(t.baseUrl, '{ ingestionRuns { edges { node { errors { edges { node { __typename } } } } } } }'.replace('__typename', 'a: __typename b: __typename'), {}, t.auth);
    expect(deep.errors).toBeUndefined(); // depth 8: allowed
    const tooDeep = `{ ${'jobPostings { edges { node { skills { name } } } }'} }`;
    expect((await gql(t.baseUrl, tooDeep, {}, t.auth)).errors).toBeUndefined();
    const aliases = `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: health { status }`).join(' ')} }`;
    // Apollo reports every validation-rule failure as GRAPHQL_VALIDATION_FAILED; the message says which limit.
    const rejected = async (query: string, message: RegExp) => {
      const errors = (await gql(t.baseUrl, query, {}, t.auth)).errors;
      expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(errors?.map((e) => e.message).join(' ')).toMatch(message);
    };
    await rejected(aliases, /21 aliases exceed the limit of 20/);
    const repeated = `{ health { ${Array.from({ length: 500 }, () => '__typename').join(' ')} } }`;
    await rejected(repeated, /repeated 500 times/);
    const two = 'query A { health { status } } query B { health { status } }';
    await rejected(two, /at most 1 operation per request/);
    const depth11 = `{ jobPostings { edges { node { skills { name } } } } ${'health { queues { queue } }'} }`;
    expect((await gql(t.baseUrl, depth11, {}, t.auth)).errors).toBeUndefined();
    const nested = `{ ingestionRuns { edges { node { errors { edges { node { id } } } } } } health { queues { queue } } }`;
    expect((await gql(t.baseUrl, nested, {}, t.auth)).errors).toBeUndefined();
  });

  it('refuses batched JSON-array requests and hides internals in errors', async () => {
    const batched = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...t.auth },
      body: JSON.stringify([{ query: '{ health { status } }' }, { query: '{ health { status } }' }]),
    });
    expect(batched.status).toBeGreaterThanOrEqual(400);
    const bad = await gql(t.baseUrl, '{ jobPosting(id: "99999999999") { id } }', {}, t.auth);
    expect(bad.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(bad)).not.toMatch(/SELECT|stack|\/work\/|node_modules/);
  });
});
