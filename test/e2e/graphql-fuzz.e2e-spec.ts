import {
  buildClientSchema, getIntrospectionQuery, getNamedType, GraphQLArgument, GraphQLField, GraphQLInputType, GraphQLNamedType, GraphQLObjectType,
  GraphQLOutputType, GraphQLSchema, IntrospectionQuery, isAbstractType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType,
  isObjectType, isScalarType,
} from 'graphql';
import { createTestApp, TestApp } from '../create-test-app';
import { gql } from '../graphql-client';

/**
 * Random documents built from the live schema, sent to the real endpoint for a fixed time budget.
 * Seeded: FUZZ_SEED=<n> reproduces a run, FUZZ_MS changes the budget. Asserts that no response is a
 * 5xx, no error is an unexpected (masked) internal error, and nothing leaks stack traces, paths or SQL.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_125);
const BUDGET_MS = Math.min(Number(process.env.FUZZ_MS ?? 25_000), 45_000);
// Model training jobs would eat the shared CPU for minutes; their inputs go through the same ValidationPipe.
const SKIPPED = new Set(['trainForecastModel', 'trainMatchingModel']);
// Each queues a background job: enough calls to reach the validation and service paths, not a flood.
const JOB_STARTERS = new Set(['ingestRecords', 'requestReport', 'runMatching', 'retryIngestionRun', 'retryJob']);
const MAX_JOB_CALLS = 15;

const LEAKS: Array<[string, RegExp]> = [
  ['stack frame', /\bat [\w$.<>]+ \(|\bat (async )?\/|\n\s+at /],
  ['source path', /\.(ts|js):\d+/],
  ['server path', /\/work\/|node_modules/],
  ['SQL', /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM) /],
  ['SQL error', /QueryFailedError|violates|syntax error at or near|invalid input syntax|duplicate key|relation "|column "/],
  ['driver', /\bpg-protocol\b|ECONNREFUSED|TypeORM/],
];

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class DocumentFuzzer {
  private vars: Array<{ name: string; type: string; value: unknown }> = [];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly random: () => number,
    private readonly ids: string[],
  ) {}

  private chance = (p: number) => this.random() < p;
  private int = (n: number) => Math.floor(this.random() * n);
  private pick = <T>(items: readonly T[]): T => items[this.int(items.length)];

  strings(): string[] {
    const cursor = Buffer.from(JSON.stringify([this.int(1e6), 'x'])).toString('base64url');
    return [
      '', ' ', 'pytorch', 'PyTorch', 'k8s', 'DE', 'USD', '2024-01-01', '2024-13-45', 'not a date', cursor, 'eyJ', '!!!notbase64',
      Buffer.from('{"a":1}').toString('base64'), Buffer.from('[null,null,null]').toString('base64url'), 'ingest:1', 'nope:1', 'report:abc',
      "' OR 1=1 --", '"; drop table x; --', '%_\\', '\u0000', 'ñíçødé 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u202e RTL 😀', '<script>alert(1)</script>', '${jndi:x}', '../../etc/passwd',
      'x'.repeat(999), 'y'.repeat(1001), '-1', '1e309', 'NaN', 'true', 'null', '__proto__', 'constructor',
    ];
  }

  private scalar(name: string): unknown {
    switch (name) {
      case 'Int':
        return this.pick([0, 1, -1, 2, 5, 10, 20, 50, 99, 100, 101, 1000, 2 ** 31 - 1, -(2 ** 31), 123_456]);
      case 'Float':
        return this.pick([0, -0.5, 0.5, 1, 3.7, 1e6, -1e6, 1e308, -1e308, 59.9, 61]);
      case 'Boolean':
        return this.chance(0.5);
      case 'ID':
        return this.pick([...this.ids, '0', '-1', '1', '999999999999999999999', '00000000-0000-0000-0000-000000000000', 'abc', '', 'ingest:1', 'report:999']);
      case 'JSON':
      case 'JSONObject':
        return this.pick<unknown>([{}, [], 'x', 1, null, { title: 'Data Scientist', '@type': 'JobPosting' }, { a: { b: { c: [1, 2, { d: 'e' }] } } }, { job_title: 'ML Engineer', salary_in_usd: -5, work_year: 'abc' }]);
      default: // Date, DateTime and other string-shaped scalars
        return this.pick(['2024-01-01', '2024-01-01T00:00:00Z', '1970-01-01', '9999-12-31', '0000-00-00', 'yesterday', '', ...this.strings().slice(0, 5)]);
    }
  }

  /** A value for an input type: usually well-typed, sometimes wrong, null or malformed. */
  value(type: GraphQLInputType, depth = 0): unknown {
    if (this.chance(0.03)) return this.pick<unknown>([null, 'wrong', 42, true, [], {}, { unknownField: 1 }]);
    if (isNonNullType(type)) return this.value(type.ofType, depth);
    if (isListType(type)) {
      if (this.chance(0.1)) return this.value(type.ofType, depth + 1); // single value where a list is expected
      const length = this.chance(0.01) ? 150 : this.int(4);
      return Array.from({ length }, () => this.value(type.ofType, depth + 1));
    }
    if (isEnumType(type)) return this.chance(0.85) ? this.pick(type.getValues()).name : this.pick(['BAD_ENUM', 'admin', '', 'null']);
    if (isInputObjectType(type)) {
      if (depth > 6) return {};
      const out: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        if (isNonNullType(field.type) || this.chance(0.5)) out[field.name] = this.value(field.type, depth + 1);
      }
      if (this.chance(0.05)) out.notAField = 'x';
      return out;
    }
    if (isScalarType(type)) {
      if (this.chance(0.005)) return 'z'.repeat(200_000); // over the body limit: 413
      return type.name === 'String' ? this.pick(this.strings()) : this.scalar(type.name);
    }
    return null;
  }

  private literal(value: unknown): string {
    if (value === null || value === undefined) return 'null';
    if (Array.isArray(value)) return `[${value.map((v) => this.literal(v)).join(', ')}]`;
    if (typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${this.literal(v)}`).join(', ')} }`;
    if (typeof value === 'number' && !Number.isFinite(value)) return '0';
    return JSON.stringify(value);
  }

  private enumLiteral(type: GraphQLInputType, value: unknown): string | null {
    const named = getNamedType(type);
    return isEnumType(named) && typeof value === 'string' && /^[A-Za-z_]\w*$/.test(value) ? value : null;
  }

  private args(args: readonly GraphQLArgument[]): string {
    const parts: string[] = [];
    for (const arg of args) {
      if (!isNonNullType(arg.type) && this.chance(0.4)) continue;
      if (this.chance(0.03)) continue; // a required argument left out
      const value = this.value(arg.type);
      if (this.chance(0.5)) {
        const name = `v${this.vars.length}`;
        this.vars.push({ name, type: this.chance(0.95) ? String(arg.type) : 'String', value });
        parts.push(`${arg.name}: $${name}`);
      } else {
        parts.push(`${arg.name}: ${this.enumLiteral(arg.type, value) ?? this.literal(value)}`);
      }
    }
    if (this.chance(0.03)) parts.push('bogusArg: 1');
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  private selection(type: GraphQLOutputType, depth: number): string {
    const named = getNamedType(type) as GraphQLNamedType;
    if (isLeafType(named)) return this.chance(0.02) ? '{ __typename }' : '';
    if (depth > 12) return '{ __typename }';
    if (isAbstractType(named)) {
      const fragments = this.schema.getPossibleTypes(named).map((t) => `... on ${t.name} ${this.selection(t, depth)}`);
      return `{ __typename ${fragments.join(' ')} }`;
    }
    const fields = Object.values((named as GraphQLObjectType).getFields());
    const chosen = new Set(Array.from({ length: 1 + this.int(Math.min(4, fields.length)) }, () => this.pick(fields)));
    const parts = [...chosen].map((f) => this.field(f, depth + 1));
    if (this.chance(0.05)) parts.push('notAField');
    return `{ ${parts.join(' ')} }`;
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number): string {
    const alias = this.chance(0.05) ? `a${this.int(100)}: ` : '';
    return `${alias}${field.name}${this.args(field.args)} ${this.selection(field.type, depth)}`;
  }

  document(jobCalls: Map<string, number>): { query: string; variables: Record<string, unknown>; fields: string[] } {
    this.vars = [];
    const mutation = this.chance(0.35);
    const root = (mutation ? this.schema.getMutationType() : this.schema.getQueryType())!;
    const candidates = Object.values(root.getFields()).filter((f) => !SKIPPED.has(f.name) && (jobCalls.get(f.name) ?? 0) < MAX_JOB_CALLS);
    const fields = Array.from({ length: mutation ? 1 : 1 + this.int(3) }, () => this.pick(candidates));
    for (const f of fields) if (JOB_STARTERS.has(f.name)) jobCalls.set(f.name, (jobCalls.get(f.name) ?? 0) + 1);
    const body = fields.map((f, i) => `f${i}: ${this.field(f, 1)}`).join(' ');
    const variables: Record<string, unknown> = {};
    for (const v of this.vars) variables[v.name] = v.value;
    const definitions = this.vars.length ? `(${this.vars.map((v) => `$${v.name}: ${v.type}`).join(', ')})` : '';
    return { query: `${mutation ? 'mutation' : 'query'} Fuzz${definitions} { ${body} }`, variables, fields: fields.map((f) => f.name) };
  }
}

const RAW_BODIES: Array<{ body: string; contentType: string }> = [
  { body: '{', contentType: 'application/json' },
  { body: '', contentType: 'application/json' },
  { body: 'null', contentType: 'application/json' },
  { body: '[]', contentType: 'application/json' },
  { body: '"query"', contentType: 'application/json' },
  { body: '{"query": 5}', contentType: 'application/json' },
  { body: '{"query": "{ health { status } }", "variables": "not an object"}', contentType: 'application/json' },
  { body: '{"query": "{ health { status } }", "variables": {"__proto__": {"polluted": true}}}', contentType: 'application/json' },
  { body: '{"query": "{ health { status } }", "operationName": "Nope"}', contentType: 'application/json' },
  { body: '{"query": "{ health { status } }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}', contentType: 'application/json' },
  { body: '{"query": "{", "variables": null}', contentType: 'application/json' },
  { body: `{"query": "${'{ health '.repeat(300)}"}`, contentType: 'application/json' },
  { body: `${'['.repeat(50_000)}${']'.repeat(50_000)}`, contentType: 'application/json' },
  { body: JSON.stringify({ query: `{ ${'a: '.repeat(10)}health { status } }` }), contentType: 'application/json' },
  { body: JSON.stringify({ query: `query { ${'__typename '.repeat(5_000)} }` }), contentType: 'application/json' },
  { body: JSON.stringify({ query: '{ health { status } }', padding: 'p'.repeat(2_000_000) }), contentType: 'application/json' },
  // Each fragment spreads the next twice: 2^40 paths if a rule walks spreads naively.
  { body: JSON.stringify({ query: `{ health { ...F0 } } ${Array.from({ length: 40 }, (_, i) => `fragment F${i} on Health { status ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F40 on Health { status }` }), contentType: 'application/json' },
  { body: 'query=%7B%20health%20%7B%20status%20%7D%20%7D', contentType: 'application/x-www-form-urlencoded' },
  { body: '{ health { status } }', contentType: 'text/plain' },
  { body: '{ health { status } }', contentType: 'application/graphql' },
  { body: '\u0000\u0001\u0002', contentType: 'application/octet-stream' },
];

describe('GraphQL fuzzing against the live endpoint (e2e)', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const introspection = await gql<IntrospectionQuery>(t.baseUrl, getIntrospectionQuery(), {}, t.auth);
    schema = buildClientSchema(introspection.data!);
    const me = await gql(t.baseUrl, '{ me { apiKeyId organizationId } }', {}, t.auth);
    ids.push(me.data!.me.organizationId);
    const candidate = await gql(t.baseUrl, 'mutation { createCandidate(input: { skills: [{ name: "python" }], country: "DE" }) { id } }', {}, t.auth);
    ids.push(candidate.data!.createCandidate.id);
  });

  afterAll(async () => {
    await t.close();
  });

  function leaks(text: string): string[] {
    return LEAKS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
  }

  it(`survives ${BUDGET_MS / 1000} s of random documents (seed ${SEED})`, async () => {
    const random = prng(SEED);
    const fuzzer = new DocumentFuzzer(schema, random, ids);
    const failures: string[] = [];
    const jobCalls = new Map<string, number>();
    const deadline = Date.now() + BUDGET_MS;
    let sent = 0;
    const codes = new Map<string, number>();
    while (Date.now() < deadline && failures.length < 10) {
      const { query, variables, fields } = fuzzer.document(jobCalls);
      const response = await fetch(`${t.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...t.auth },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      sent++;
      const problems = leaks(text);
      try {
        for (const error of (JSON.parse(text) as { errors?: Array<{ message: string; extensions?: { code?: string } }> }).errors ?? []) {
          const code = error.extensions?.code ?? 'none';
          codes.set(code, (codes.get(code) ?? 0) + 1);
          if (code === 'INTERNAL_SERVER_ERROR') problems.push(`internal error: ${error.message}`);
        }
      } catch {
        problems.push('not JSON');
      }
      if (response.status >= 500 || problems.length) {
        failures.push(`#${sent} [${fields.join(',')}] status ${response.status} ${problems.join('; ')}\n  query: ${query.slice(0, 600)}\n  variables: ${JSON.stringify(variables).slice(0, 600)}`);
      }
    }
    process.stdout.write(`graphql fuzz: seed ${SEED}, ${sent} documents in ${BUDGET_MS} ms, error codes ${JSON.stringify(Object.fromEntries(codes))}\n`);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(100);
  }, 90_000);

  // Documents the fuzzer once broke the server with; each now answers with a client error.
  const cursor = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
  it.each<[string, string, Record<string, unknown>, Record<string, string>]>([
    ['forged cursor with a number where a timestamp goes', `{ candidates(after: "${cursor([164347, 'x'])}") { totalCount } }`, {}, { code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' }],
    ['forged cursor with a bad date', `{ ingestionRuns(after: "${cursor(['2024-13-45 00:00:00+00', '00000000-0000-0000-0000-000000000000'])}") { totalCount } }`, {}, { code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' }],
    ['forged cursor out of int range', `{ forecastModels(after: "${cursor([99999999999])}") { totalCount } }`, {}, { code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' }],
    ['forged cursor on reports', `{ reports(after: "${cursor(['x', 'y'])}") { totalCount } }`, {}, { code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' }],
    ['NUL character bound for Postgres', 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key } }', { i: { name: 'a\u0000b', role: 'VIEWER' } }, { code: 'BAD_USER_INPUT' }],
    ['NUL character in a literal', '{ relatedSkills(skill: "py\\u0000") { skill } }', {}, { code: 'GRAPHQL_VALIDATION_FAILED' }],
    ['more than 50 invalid variable values', 'query($f: MarketFilter) { marketSummary(filter: $f) { postings } }', { f: { industries: Array.from({ length: 60 }, () => 'BAD_ENUM') } }, { code: 'BAD_USER_INPUT' }],
    ['retrying a job that does not exist', 'mutation { retryJob(id: "ingest:1") { id } }', {}, { code: 'NOT_FOUND' }],
  ])('regression: %s', async (_name, query, variables, extensions) => {
    const result = await gql(t.baseUrl, query, variables, t.auth);
    expect(result.status).toBeLessThan(500);
    expect(result.errors?.[0].extensions).toMatchObject(extensions);
    expect(result.errors?.map((e) => e.extensions?.code)).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('regression: filter: null reads as no filter on every market query', async () => {
    const fields = [
      'topSkills(filter: null) { skill }',
      'marketSummary(filter: null) { postings }',
      'postingTrends(groupBy: ROLE_FAMILY, filter: null) { key }',
      'salaryStats(groupBy: SENIORITY, filter: null) { key }',
      'skillCooccurrence(skill: "Python", filter: null) { skill }',
      'surveyDistribution(dimension: REGION, filter: null) { respondents }',
      'jobPostings(filter: null) { totalCount }',
      'compareRoles(a: DATA_SCIENTIST, b: ML_ENGINEER, filter: null) { a { postings } }',
    ];
    for (const field of fields) {
      const result = await gql(t.baseUrl, `{ ${field} }`, {}, t.auth);
      expect({ field, errors: result.errors ?? [] }).toEqual({ field, errors: [] });
    }
  });

  it('answers malformed request bodies with 4xx and no internals', async () => {
    const failures: string[] = [];
    for (const { body, contentType } of RAW_BODIES) {
      const started = Date.now();
      const response = await fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': contentType, ...t.auth }, body });
      const text = await response.text();
      const found = leaks(text);
      const ms = Date.now() - started;
      if (response.status >= 500 || found.length || ms > 3000) failures.push(`${body.slice(0, 80)} (${contentType}): ${response.status} in ${ms} ms ${found.join(',')} ${text.slice(0, 300)}`);
    }
    for (const search of ['?query=%7B', '?query=mutation%20%7B%20eraseCandidate(id%3A%221%22)%20%7D', '?query=%7Bhealth%7Bstatus%7D%7D&variables=%7B', '?extensions=xyz']) {
      const response = await fetch(`${t.baseUrl}/graphql${search}`, { headers: { ...t.auth, 'apollo-require-preflight': 'true' } });
      const text = await response.text();
      if (response.status >= 500 || leaks(text).length) failures.push(`GET ${search}: ${response.status} ${text.slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
  });
});
