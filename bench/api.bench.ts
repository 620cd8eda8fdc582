import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PostingFactsMemoryService } from '../src/analytics/memory/posting-facts-memory.service';
import { AppModule } from '../src/app.module';
import { ApiKeysService } from '../src/auth/api-keys.service';
import { parseFlags } from '../src/cli/cli-context';
import { waitForRun } from '../src/cli/wait-for-run';
import { AppConfig, buildAppConfig } from '../src/config/app-config';
import { ProcessRole, validateEnvironment } from '../src/config/env.validation';
import { configureApp } from '../src/configure-app';
import { createDataSource } from '../src/database/data-source';
import { runMigrations } from '../src/database/migrate';
import { IngestionFormat, IngestionKind } from '../src/ingestion/ingestion.enums';
import { IngestionService } from '../src/ingestion/ingestion.service';
import { writePostingsCsv, writeSurveyCsv } from '../seeds/generators/write-synthetic';
import { Prng } from '../seeds/generators/prng';
import { seedReferenceData } from '../seeds/reference.seeder';
import { BENCH_ADMIN_URL, createBenchDatabase, machine, printTable } from './bench-env';

/**
 * npm run bench:api [-- --postings 1000000 --surveys 200000 --requests 200 --concurrency 32 --duration 10
 *                      --reuse-db NAME --keep --sql]
 *
 * Loads synthetic postings and survey rows through the real ingestion job into a fresh database (or reuses
 * one loaded before), starts the real HTTP server on it, then measures every analytics query over GraphQL:
 * sequential latency with varied filters, and throughput of one repeated dashboard request under concurrent
 * clients. Prints the table, the machine and EXPLAIN (ANALYZE, BUFFERS) of the slowest SQL statement seen.
 */

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SEED = 7;

// Fixed lists the random filters draw from, so runs are comparable.
const ROLE_FAMILIES = ['ML_ENGINEER', 'DATA_SCIENTIST', 'DATA_ENGINEER', 'DATA_ANALYST', 'AI_ENGINEER', 'MLOPS_ENGINEER', 'RESEARCH_SCIENTIST', 'ANALYTICS_ENGINEER'];
const REGIONS = ['NORTH_AMERICA', 'EUROPE', 'ASIA_PACIFIC', 'LATIN_AMERICA'];
const SKILLS = ['Python', 'SQL', 'PyTorch', 'TensorFlow', 'Kubernetes', 'AWS', 'Spark', 'Docker', 'scikit-learn', 'Airflow', 'LangChain', 'dbt'];
const DATE_RANGES: Array<[string, string]> = [
  ['2025-07-01', '2025-12-31'],
  ['2025-01-01', '2025-12-31'],
  ['2024-01-01', '2024-12-31'],
  ['2024-04-01', '2024-06-30'],
  ['2023-01-01', '2024-06-30'],
  ['2019-01-01', '2025-12-31'],
];
const SURVEY_DIMENSIONS = ['EXPERIENCE_LEVEL', 'LANGUAGE', 'REMOTE', 'COMPANY_SIZE', 'REGION', 'CERTIFICATION'];

/** The dashboard request the concurrency phase repeats: the last twelve months. */
const DASHBOARD = {
  query: `query($f: MarketFilter) { marketSummary(filter: $f) { postings previousPostings postingsChange medianSalary previousMedianSalary salaryCount
    topSkills { skill postings share growth medianSalary salaryPremium } topRegions { key count share } from to } }`,
  variables: { f: { from: '2025-01-01', to: '2025-12-31' } },
};

type Filter = Record<string, unknown>;

interface QueryCase {
  name: string;
  table: 'job_postings' | 'survey_responses';
  build(prng: Prng): { query: string; variables: Record<string, unknown> };
}

function pick<T>(prng: Prng, items: readonly T[]): T {
  return items[prng.int(0, items.length - 1)];
}

/** A realistic filter: usually a date range, often a role family, sometimes a region or a skill. */
function randomFilter(prng: Prng, options: { skills?: boolean } = {}): Filter {
  const filter: Filter = {};
  if (prng.chance(0.7)) [filter.from, filter.to] = pick(prng, DATE_RANGES);
  if (prng.chance(0.5)) filter.roleFamilies = [pick(prng, ROLE_FAMILIES)];
  if (prng.chance(0.4)) filter.regions = [pick(prng, REGIONS)];
  if (options.skills !== false && prng.chance(0.25)) filter.skills = [pick(prng, SKILLS)];
  return filter;
}

const SKILL_FIELDS = 'skill category postings share growth previousPostings medianSalary salaryPremium salaryCount';
const SALARY_FIELDS = 'key count lowSample mean min p10 p25 median p75 p90 max';

const CASES: QueryCase[] = [
  { name: 'marketSummary (counts)', table: 'job_postings', build: (prng) => ({ ...DASHBOARD, variables: { f: randomFilter(prng) } }) },
  {
    name: 'postingTrends SKILL by MONTH',
    table: 'job_postings',
    build: (prng) => ({
      query: `query($f: MarketFilter) { postingTrends(groupBy: SKILL, interval: MONTH, limit: 10, filter: $f) { key total points { period count share } } }`,
      variables: { f: randomFilter(prng) },
    }),
  },
  {
    name: 'postingTrends ROLE_FAMILY by MONTH',
    table: 'job_postings',
    build: (prng) => ({
      query: `query($f: MarketFilter) { postingTrends(groupBy: ROLE_FAMILY, interval: MONTH, limit: 10, filter: $f) { key total points { period count share } } }`,
      variables: { f: randomFilter(prng) },
    }),
  },
  {
    name: 'salaryStats ROLE_FAMILY',
    table: 'job_postings',
    build: (prng) => ({ query: `query($f: MarketFilter) { salaryStats(groupBy: ROLE_FAMILY, filter: $f) { ${SALARY_FIELDS} } }`, variables: { f: randomFilter(prng) } }),
  },
  {
    name: 'salaryStats SKILL',
    table: 'job_postings',
    build: (prng) => ({ query: `query($f: MarketFilter) { salaryStats(groupBy: SKILL, filter: $f) { ${SALARY_FIELDS} } }`, variables: { f: randomFilter(prng) } }),
  },
  {
    name: 'topSkills',
    table: 'job_postings',
    build: (prng) => ({ query: `query($f: MarketFilter) { topSkills(limit: 20, filter: $f) { ${SKILL_FIELDS} } }`, variables: { f: randomFilter(prng) } }),
  },
  {
    name: 'skillCooccurrence',
    table: 'job_postings',
    build: (prng) => ({
      query: `query($s: String!, $f: MarketFilter) { skillCooccurrence(skill: $s, limit: 20, filter: $f) { skill together lift } }`,
      variables: { s: pick(prng, SKILLS), f: randomFilter(prng, { skills: false }) },
    }),
  },
  {
    name: 'surveyDistribution',
    table: 'survey_responses',
    build: (prng) => ({
      query: `query($d: SurveyDimension!, $f: MarketFilter) { surveyDistribution(dimension: $d, filter: $f) { respondents answered buckets { key count share } } }`,
      variables: { d: pick(prng, SURVEY_DIMENSIONS), f: randomFilter(prng, { skills: false }) },
    }),
  },
  {
    name: 'jobPostings first page',
    table: 'job_postings',
    build: (prng) => ({
      query: `query($f: MarketFilter) { jobPostings(first: 20, filter: $f) { totalCount pageInfo { hasNextPage endCursor }
        edges { node { id title roleFamily seniority company country region postedDate annualUsdMin annualUsdMax skills { name } } } } }`,
      variables: { f: randomFilter(prng) },
    }),
  },
];

// ------------------------------------------------------------------------------------------------ loading

async function loadDatabase(flags: Record<string, string>, outDir: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const postings = Number(flags.postings ?? 1_000_000);
  const surveys = Number(flags.surveys ?? 200_000);
  const files: Array<{ kind: IngestionKind; path: string; count: number }> = [];
  for (const [kind, count] of [[IngestionKind.POSTINGS, postings], [IngestionKind.SURVEY, surveys]] as const) {
    if (count <= 0) continue;
    // Same names as bench:ingest, so either bench reuses the other's files.
    const path = join(outDir, `${kind.toLowerCase()}-${count}-seed${SEED}.csv`);
    if (!existsSync(path)) {
      const started = Date.now();
      if (kind === IngestionKind.POSTINGS) await writePostingsCsv(path, { count, seed: SEED, workers: Math.max(1, cpus().length) });
      else await writeSurveyCsv(path, { count, seed: SEED });
      log(`generated ${count} ${kind.toLowerCase()} in ${((Date.now() - started) / 1000).toFixed(1)} s (${(statSync(path).size / 2 ** 20).toFixed(0)} MiB)`);
    }
    files.push({ kind, path, count });
  }

  const db = await createBenchDatabase();
  log(`loading into database ${db.name}`);
  await runMigrations(db.url);
  const ds = createDataSource(db.url);
  await ds.initialize();
  await seedReferenceData(ds);
  await ds.destroy();

  const config = { ...baseConfig(db.url, outDir), role: ProcessRole.WORKER };
  const app = await NestFactory.createApplicationContext(AppModule.forRole(config), { logger: ['error', 'warn'] });
  try {
    const ingestion = app.get(IngestionService);
    for (const file of files) {
      const started = Date.now();
      const run = await ingestion.startFileRun({ kind: file.kind, format: IngestionFormat.CSV, filePath: file.path, sourceName: 'bench' });
      const done = await waitForRun(ingestion, run.id, file.kind.toLowerCase());
      if (done.status !== 'COMPLETED') throw new Error(`ingesting ${file.path} ended ${done.status}: ${done.error}`);
      const seconds = (Date.now() - started) / 1000;
      log(`ingested ${file.path}: ${done.accepted} accepted, ${done.duplicates} duplicates, ${done.rejected} rejected in ${seconds.toFixed(0)} s (${Math.round(file.count / seconds)} rows/s)`);
    }
  } finally {
    await app.close();
  }
  return db;
}

function reuseDatabase(name: string): { name: string; url: string; drop: () => Promise<void> } {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`--reuse-db: not a database name: ${name}`);
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: async () => undefined };
}

function baseConfig(databaseUrl: string, outDir: string): AppConfig {
  const env = validateEnvironment({ ...process.env, LOG_LEVEL: 'warn', DATA_DIR: outDir });
  return { ...buildAppConfig(env, { databaseUrl, redisUrl: REDIS_URL }), queuePrefix: `hsbench_${Date.now()}` };
}

// ------------------------------------------------------------------------------------------------ measuring

interface SqlCall {
  label: string;
  sql: string;
  params: unknown[];
  ms: number;
}

/**
 * Times every SQL statement the services send, per query case, to find the statement worth an EXPLAIN.
 * Wraps the app's own DataSource: the services call `dataSource.query(sql, params)`.
 */
function traceSql(ds: DataSource): { label: string; slowest: Map<string, SqlCall> } {
  const trace = { label: '', slowest: new Map<string, SqlCall>() };
  const original = ds.query.bind(ds);
  ds.query = (async (sql: string, params?: unknown[], ...rest: unknown[]) => {
    const started = performance.now();
    try {
      return await (original as (...args: unknown[]) => Promise<unknown>)(sql, params, ...rest);
    } finally {
      const ms = performance.now() - started;
      const current = trace.slowest.get(trace.label);
      if (trace.label && (!current || ms > current.ms)) trace.slowest.set(trace.label, { label: trace.label, sql, params: params ?? [], ms });
    }
  }) as typeof ds.query;
  return trace;
}

/** One GraphQL request; returns the error text, if any, so failures are counted rather than fatal. */
async function post(url: string, headers: Record<string, string>, body: string): Promise<string | undefined> {
  const response = await fetch(url, { method: 'POST', headers, body });
  const json = (await response.json()) as { errors?: unknown[] };
  return !response.ok || json.errors ? `HTTP ${response.status}: ${JSON.stringify(json.errors ?? json).slice(0, 300)}` : undefined;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

/**
 * Concurrent clients in a worker thread, so the load generator does not share the server's event loop.
 * Each client sends the same request back to back over a keep-alive connection (fetch's default agent).
 */
function runLoad(url: string, headers: Record<string, string>, body: string, concurrency: number, seconds: number): Promise<{ requests: number; errors: number; firstError?: string; ms: number; latencies: number[] }> {
  const code = `
    const { parentPort, workerData: w } = require('node:worker_threads');
    (async () => {
      const latencies = []; let errors = 0; let firstError;
      const deadline = performance.now() + w.seconds * 1000;
      const started = performance.now();
      await Promise.all(Array.from({ length: w.concurrency }, async () => {
        while (performance.now() < deadline) {
          const t0 = performance.now();
          try {
            const r = await fetch(w.url, { method: 'POST', headers: w.headers, body: w.body });
            const json = await r.json();
            if (!r.ok || json.errors) { errors++; firstError ??= 'HTTP ' + r.status + ': ' + JSON.stringify(json.errors ?? json).slice(0, 300); }
          } catch (e) { errors++; firstError ??= String(e); }
          latencies.push(performance.now() - t0);
        }
      }));
      parentPort.postMessage({ requests: latencies.length, errors, firstError, ms: performance.now() - started, latencies });
    })();`;
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { url, headers, body, concurrency, seconds } });
    worker.once('message', (result) => {
      resolvePromise(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

async function explain(url: string, call: SqlCall): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${call.sql}`, call.params);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.end();
  }
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

// ------------------------------------------------------------------------------------------------ main

async function main(): Promise<void> {
  const { flags } = parseFlags(process.argv.slice(2));
  const requests = Number(flags.requests ?? 200);
  const concurrency = Number(flags.concurrency ?? 32);
  const duration = Number(flags.duration ?? 10);
  const outDir = resolve('bench-output');
  mkdirSync(outDir, { recursive: true });
  log(`machine: ${machine()}`);

  const reused = flags['reuse-db'] && flags['reuse-db'] !== 'true';
  const db = reused ? reuseDatabase(flags['reuse-db']) : await loadDatabase(flags, outDir);
  // A database loaded by an older build gets the migrations added since.
  if (reused) await runMigrations(db.url);
  const keep = reused || flags.keep === 'true';

  const admin = new Client({ connectionString: db.url });
  await admin.connect();
  const rowCounts: Record<string, number> = {};
  try {
    // Freshly bulk-loaded tables have no statistics or visibility map yet; autovacuum would get there later.
    // The whole database, so that tables the analytics read besides these two (posting_facts) are included.
    if (!reused) await admin.query('VACUUM (ANALYZE)');
    for (const table of ['job_postings', 'survey_responses']) {
      rowCounts[table] = Number((await admin.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    }
  } finally {
    await admin.end();
  }
  if (!rowCounts.job_postings) throw new Error(`database ${db.name} has no postings`);
  log(`database ${db.name}: ${rowCounts.job_postings} postings, ${rowCounts.survey_responses} survey responses`);

  const adminKey = `hs_bench_${randomBytes(24).toString('hex')}`;
  const inMemory = flags.sql !== 'true';
  const config: AppConfig = { ...baseConfig(db.url, outDir), role: ProcessRole.API, adminApiKey: adminKey, rateLimitPerMinute: 0, analyticsInMemory: inMemory };
  const app = await NestFactory.create(AppModule.forRole(config), { logger: ['error', 'warn'] });
  configureApp(app, config);
  await app.get(ApiKeysService).bootstrapAdminKey();
  await app.listen(0, '127.0.0.1');
  if (inMemory) {
    const heapBefore = process.memoryUsage().rss;
    const loadStarted = performance.now();
    await app.get(PostingFactsMemoryService).ready();
    log(`in-memory analytics: loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s, RSS +${Math.round((process.memoryUsage().rss - heapBefore) / 2 ** 20)} MiB`);
  } else {
    log('in-memory analytics off (--sql): every query in SQL');
  }
  const { port } = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${port}/graphql`;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` };
  const trace = traceSql(app.get(DataSource));

  const HEADERS = ['query', 'p50 ms', 'p95 ms', 'req/s', 'errors', 'rows in DB'];
  const table: Array<Array<string | number>> = [];
  const p95s = new Map<string, number>();
  const firstErrors = new Map<string, string>();
  try {
    for (const c of CASES) {
      const prng = new Prng(SEED, CASES.indexOf(c) + 1);
      const bodies = Array.from({ length: requests + 5 }, () => JSON.stringify(c.build(prng)));
      trace.label = '';
      for (const body of bodies.slice(0, 5)) await post(url, headers, body); // warm-up: connections, taxonomy cache
      trace.label = c.name;
      const latencies: number[] = [];
      let errors = 0;
      const started = performance.now();
      for (const body of bodies.slice(5)) {
        const t0 = performance.now();
        const error = await post(url, headers, body);
        latencies.push(performance.now() - t0);
        if (error) {
          errors++;
          if (!firstErrors.has(c.name)) firstErrors.set(c.name, error);
        }
      }
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      p95s.set(c.name, percentile(latencies, 0.95));
      const row = [c.name, percentile(latencies, 0.5).toFixed(1), percentile(latencies, 0.95).toFixed(1), `${(requests / seconds).toFixed(2)} (1 client)`, errors, rowCounts[c.table]];
      table.push(row);
      log(`  ${row.join(' | ')}`); // progress, and the figures survive an interrupted run
    }
    trace.label = '';

    const name = `marketSummary dashboard, ${concurrency} clients`;
    const body = JSON.stringify(DASHBOARD);
    await post(url, headers, body);
    const load = await runLoad(url, headers, body, concurrency, duration);
    if (load.firstError) firstErrors.set(name, load.firstError);
    const sorted = load.latencies.sort((a, b) => a - b);
    table.push([
      name, percentile(sorted, 0.5).toFixed(1), percentile(sorted, 0.95).toFixed(1),
      `${(((load.requests - load.errors) * 1000) / load.ms).toFixed(2)} (${concurrency} clients)`, `${load.errors} of ${load.requests}`, rowCounts.job_postings,
    ]);

    log('');
    log(`machine: ${machine()}; database ${db.name}; ${requests} sequential requests per query with seeded random filters, then ${duration} s of one repeated request`);
    log('req/s counts successful requests only; latencies include failed ones');
    printTable(HEADERS, table);
    for (const [query, error] of firstErrors) log(`first error in ${query}: ${error}`);

    const [slowestCase] = [...p95s.entries()].sort((a, b) => b[1] - a[1]);
    const statement = trace.slowest.get(slowestCase[0]);
    if (statement) {
      log(`\nslowest query by p95: ${slowestCase[0]} (${slowestCase[1].toFixed(1)} ms); its slowest SQL statement took ${statement.ms.toFixed(1)} ms:`);
      log(statement.sql.replace(/\s+/g, ' ').trim());
      log(`params: ${JSON.stringify(statement.params)}`);
      log(`\nEXPLAIN (ANALYZE, BUFFERS):\n${await explain(db.url, statement)}`);
    }
  } finally {
    app.getHttpServer().closeAllConnections();
    await app.close();
    if (keep) log(`\nkept database ${db.name} (reuse with --reuse-db ${db.name})`);
    else await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
