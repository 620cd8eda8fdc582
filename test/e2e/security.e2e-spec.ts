import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../create-test-app';
import { gql } from '../graphql-client';

const CSV = 'job_title,salary_in_usd,work_year\nData Scientist,120000,2024\n';

async function post(baseUrl: string, body: unknown, headers: Record<string, string>) {
  const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> } };
}

/** A multipart upload whose file part declares `type` (omitted entirely when null). */
async function upload(baseUrl: string, content: Buffer | string, type: string | null, headers: Record<string, string>, name = 'data.csv') {
  const boundary = `----hirescope${Date.now()}`;
  const parts = [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nsurvey\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n${type === null ? '' : `Content-Type: ${type}\r\n`}\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ];
  const response = await fetch(`${baseUrl}/ingest`, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers },
    body: Buffer.concat(parts),
  });
  return { status: response.status, body: (await response.json()) as { runId?: string; message?: string } };
}

describe('rate limiting per API key (e2e)', () => {
  let t: TestApp;
  const LIMIT = 6;

  beforeAll(async () => {
    t = await createTestApp({ rateLimitPerMinute: LIMIT });
  });

  afterAll(async () => {
    await t.close();
  });

  it('counts one GraphQL request once, answers 429 + Retry-After + RATE_LIMITED over the limit, per key, health exempt', async () => {
    const created = await post(t.baseUrl, { query: 'mutation { createApiKey(input: { name: "other", role: VIEWER }) { key } }' }, t.auth);
    expect(created.headers.get('x-ratelimit-remaining')).toBe(String(LIMIT - 1));
    const otherKey = { authorization: `Bearer ${created.body.data.createApiKey.key}` };

    // Several top-level fields and field resolvers, still one request.
    const several = await post(t.baseUrl, { query: '{ me { role } apiKeys { name } again: me { organizationName } }' }, t.auth);
    expect(several.status).toBe(200);
    expect(several.headers.get('x-ratelimit-remaining')).toBe(String(LIMIT - 2));
    for (let i = 2; i < LIMIT; i++) expect((await post(t.baseUrl, { query: '{ me { role } }' }, t.auth)).status).toBe(200);

    const limited = await post(t.baseUrl, { query: '{ me { role } apiKeys { name } }' }, t.auth);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter });
    expect(limited.body.errors?.[0].message).toMatch(/rate limit exceeded: at most 6 requests per minute per API key; retry in \d+ s/);
    expect(JSON.stringify(limited.body)).not.toContain('"http"');

    // Another key has its own budget; health stays open for load balancers and the limited key.
    expect((await post(t.baseUrl, { query: '{ me { role } }' }, otherKey)).status).toBe(200);
    const health = await post(t.baseUrl, { query: '{ health { status } }' }, t.auth);
    expect(health.status).toBe(200);
    expect(health.body.errors).toBeUndefined();
    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);

    // REST endpoints share the same per-key budget.
    const rest = await upload(t.baseUrl, CSV, 'text/csv', t.auth);
    expect(rest.status).toBe(429);
    expect(rest.body.message).toMatch(/rate limit exceeded/);
  });
});

describe('production hardening and uploads (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: 'production' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('turns off introspection and GraphiQL when NODE_ENV=production', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Query") { fields { name } } }']) {
      const result = await post(t.baseUrl, { query }, t.auth);
      expect(result.status).toBe(400);
      expect(result.body.errors?.[0].message).toMatch(/introspection is not allowed/i);
    }
    const page = await fetch(`${t.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
    expect((await post(t.baseUrl, { query: '{ me { role } }' }, t.auth)).body.data.me.role).toBe('ADMIN');
  });

  it('puts the request id in every GraphQL error and the X-Request-Id header', async () => {
    const notFound = await post(t.baseUrl, { query: '{ jobPosting(id: "999999") { id } }' }, t.auth);
    const requestId = notFound.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(notFound.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', requestId });
    const given = await post(t.baseUrl, { query: '{ jobPostings(first: 101) { totalCount } }' }, { ...t.auth, 'x-request-id': 'client-trace-0001' });
    expect(given.headers.get('x-request-id')).toBe('client-trace-0001');
    expect(given.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', requestId: 'client-trace-0001' });
    const forged = await post(t.baseUrl, { query: '{ nope }' }, { ...t.auth, 'x-request-id': 'bad id\twith spaces' });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('limits String/ID arguments to 1000 characters, as literals and as variables', async () => {
    const long = 'x'.repeat(1001);
    const literal = await post(t.baseUrl, { query: `{ relatedSkills(skill: "${long}") { skill } }` }, t.auth);
    expect(literal.status).toBe(400);
    expect(literal.body.errors?.[0].message).toMatch(/1001 characters long; string arguments are limited to 1000/);
    const variable = await post(t.baseUrl, { query: 'query($s: String!) { relatedSkills(skill: $s) { skill } }', variables: { s: long } }, t.auth);
    expect(variable.status).toBe(400);
    expect(variable.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const nested = await post(
      t.baseUrl,
      { query: 'mutation($i: CandidateInput!) { createCandidate(input: $i) { id } }', variables: { i: { skills: [{ name: long }] } } },
      t.auth,
    );
    expect(nested.status).toBe(400);
    expect(nested.body.errors?.[0].message).toMatch(/variable \$i holds a string that is 1001 characters long/);
  });

  it('refuses uploads that are not data files with 415, and accepts the text types curl and browsers send', async () => {
    const uploads = join(t.config.dataDir, 'uploads');
    const before = readdirSync(uploads).length;
    const refused: Array<[string, Buffer | string, string | null]> = [
      ['declared image', CSV, 'image/png'],
      ['declared PDF', CSV, 'application/pdf'],
      ['declared zip', CSV, 'application/zip'],
      ['declared video', CSV, 'video/mp4'],
      ['PDF bytes as text/csv', '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'text/csv'],
      ['ZIP bytes as octet-stream', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]), 'application/octet-stream'],
      ['NUL bytes without a type', Buffer.from('a,b\n1,\u0000\n'), null],
    ];
    for (const [name, content, type] of refused) {
      const response = await upload(t.baseUrl, content, type, t.auth);
      expect({ name, status: response.status }).toEqual({ name, status: 415 });
      expect(response.body.message).toMatch(/unsupported file type|not text|looks binary/);
    }
    expect(readdirSync(uploads).length).toBe(before); // refused files are deleted

    const accepted = ['text/csv', 'application/json', 'application/ld+json', 'application/x-ndjson', 'text/plain', 'text/html', 'application/octet-stream', 'application/vnd.ms-excel', 'text/csv; charset=utf-8', null];
    for (const type of accepted) {
      const response = await upload(t.baseUrl, CSV, type, t.auth);
      expect({ type, status: response.status }).toEqual({ type, status: 202 });
      expect(response.body.runId).toBeDefined();
    }
  });
});
