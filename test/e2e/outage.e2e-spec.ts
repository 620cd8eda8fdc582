import { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { writeSurveyCsv } from '../../seeds/generators/write-synthetic';
import { ProcessRole } from '../../src/config/env.validation';
import { createTestApp, TestApp } from '../create-test-app';
import { PrivateRedis, startWorkerProcess, TcpProxy, waitFor } from '../fault-injection';
import { gql } from '../graphql-client';
import { uploadFile, waitForRun } from '../ingestion-helpers';
import { TEST_ADMIN_DATABASE_URL } from '../test-env';

/*
 * Outages of the services Hirescope stands on, and a polite stop. Each case: the service says it is
 * unhealthy while the fault lasts, recovers on its own afterwards, and every accepted run ends
 * COMPLETED with exactly its file's rows, none twice.
 */
// Large enough that a run lasts seconds even at full ingestion speed, so faults land mid-run.
const BIG = 400_000;
const SMALL = 20_000;

async function surveyFile(rows: number, seed: number): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'hs-outage-')), `surveys-${seed}.csv`);
  await writeSurveyCsv(file, { count: rows, seed });
  return file;
}

async function health(t: TestApp): Promise<{ status: number; body: any }> {
  const response = await fetch(`${t.baseUrl}/health`);
  return { status: response.status, body: await response.json() };
}

async function runRow(db: Client, runId: string): Promise<{ status: string; rows_read: number; committed_line: number }> {
  const { rows } = await db.query('SELECT status, rows_read, committed_line FROM ingestion_runs WHERE id = $1', [runId]);
  return rows[0];
}

/** Rows the run stored, and how many distinct source lines they cover (equal when nothing is doubled). */
async function storedSurveys(db: Client, runId: string): Promise<{ n: number; lines: number }> {
  const { rows } = await db.query(
    'SELECT count(*)::int AS n, count(DISTINCT source_line)::int AS lines FROM survey_responses WHERE ingestion_run_id = $1',
    [runId],
  );
  return rows[0];
}

async function expectExactRun(t: TestApp, db: Client, runId: string, rows: number): Promise<void> {
  const run = await waitForRun(t.baseUrl, runId, t.auth, 90_000);
  expect(run).toMatchObject({ status: 'COMPLETED', rowsRead: rows, accepted: rows, duplicates: 0, rejected: 0 });
  expect(await storedSurveys(db, runId)).toEqual({ n: rows, lines: rows });
}

/** Straight to the test database, never through the proxy under test. */
function directClient(t: TestApp): Client {
  return new Client({ connectionString: t.db.url });
}

describe('Redis restarted (empty) during an ingestion run (e2e)', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    t = await createTestApp({ redisUrl: redis.url });
    db = directClient(t);
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await t?.close();
    await redis?.kill();
  });

  it('reports Redis down, recovers when it is back, and both the running and the queued run complete exactly once', async () => {
    const [big, small] = await Promise.all([surveyFile(BIG, 11), surveyFile(SMALL, 12)]);
    const running = (await uploadFile(t.baseUrl, big, { kind: 'survey' }, t.auth)).body.runId!;
    // One job at a time per worker: this one waits in Redis, so the restart loses its job outright.
    const queued = (await uploadFile(t.baseUrl, small, { kind: 'survey' }, t.auth)).body.runId!;
    await waitFor('first batches committed', async () => (await runRow(db, running)).committed_line >= 10_000, 60_000);

    await redis.kill();
    const down = await waitFor('health to report Redis down', async () => {
      const answer = await health(t);
      return answer.status === 503 ? answer : undefined;
    });
    expect(down.body.details.redis.status).toBe('down');
    expect(down.body.details.database.status).toBe('up');
    // Postgres-only reads keep working while Redis is away.
    const during = await gql(t.baseUrl, 'query($id: ID!) { ingestionRun(id: $id) { status } }', { id: queued }, t.auth);
    expect(during.errors).toBeUndefined();
    expect(during.data!.ingestionRun.status).toBe('QUEUED');

    await redis.restart();
    await waitFor('health to recover', async () => (await health(t)).status === 200, 30_000);

    await expectExactRun(t, db, running, BIG);
    await expectExactRun(t, db, queued, SMALL);
  }, 120_000);
});

describe('Postgres unreachable for 10 s during an ingestion run (e2e)', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    const target = new URL(TEST_ADMIN_DATABASE_URL);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    t = await createTestApp({}, {
      databaseUrl: (direct) => {
        const url = new URL(direct);
        url.host = `127.0.0.1:${proxy.port}`;
        return url.toString();
      },
    });
    db = directClient(t);
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await t?.close();
    await proxy?.close();
  });

  it('reports the database down, retries, and completes the run with exact counts once it is back', async () => {
    const file = await surveyFile(BIG, 21);
    const runId = (await uploadFile(t.baseUrl, file, { kind: 'survey' }, t.auth)).body.runId!;
    await waitFor('first batches committed', async () => (await runRow(db, runId)).committed_line >= 10_000, 60_000);

    await proxy.cut();
    const cutAt = Date.now();
    const down = await waitFor('health to report the database down', async () => {
      const answer = await health(t);
      return answer.status === 503 ? answer : undefined;
    });
    expect(down.body.details.database.status).toBe('down');
    expect(down.body.details.redis.status).toBe('up');
    await new Promise((r) => setTimeout(r, Math.max(0, 10_000 - (Date.now() - cutAt))));
    const during = await runRow(db, runId);
    expect(during.status).toBe('RUNNING'); // waiting to retry, not failed
    expect(during.committed_line).toBeLessThan(BIG);

    await proxy.restore();
    await waitFor('health to recover', async () => (await health(t)).status === 200, 30_000);
    await expectExactRun(t, db, runId, BIG);
    const after = await gql(t.baseUrl, '{ ingestionRuns(first: 5) { totalCount } health { status database } }', {}, t.auth);
    expect(after.errors).toBeUndefined();
    expect(after.data).toMatchObject({ ingestionRuns: { totalCount: 1 }, health: { status: 'ok', database: 'up' } });
  }, 120_000);
});

function exitCode(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`worker still running ${timeoutMs} ms after SIGTERM`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done(code);
    });
  });
}

describe('SIGTERM to a worker in the middle of a run (e2e)', () => {
  let t: TestApp;
  let db: Client;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    // The API alone: only the spawned worker processes consume jobs.
    t = await createTestApp({ role: ProcessRole.API });
    db = directClient(t);
    await db.connect();
  });

  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await db?.end();
    await t?.close();
  });

  it('releases the run at a committed batch, takes no other job and exits 0 promptly; the next worker finishes both exactly', async () => {
    const [big, small] = await Promise.all([surveyFile(BIG, 31), surveyFile(SMALL, 32)]);
    const running = (await uploadFile(t.baseUrl, big, { kind: 'survey' }, t.auth)).body.runId!;
    const waiting = (await uploadFile(t.baseUrl, small, { kind: 'survey' }, t.auth)).body.runId!;
    const first = startWorkerProcess(t);
    workers.push(first);
    await waitFor('first batches committed', async () => (await runRow(db, running)).committed_line >= 10_000, 60_000);

    const signalledAt = Date.now();
    first.kill('SIGTERM');
    expect(await exitCode(first, 30_000)).toBe(0);
    // Seconds, not the run's remaining minutes; loose enough for a loaded CI machine, and under main.ts's 25 s cap.
    expect(Date.now() - signalledAt).toBeLessThan(15_000);

    const released = await runRow(db, running);
    expect(released.status).toBe('QUEUED');
    expect(released.committed_line).toBeLessThan(BIG);
    expect(released.rows_read).toBe(released.committed_line); // nothing half-written beyond the checkpoint
    expect(await storedSurveys(db, running)).toEqual({ n: released.committed_line, lines: released.committed_line });
    expect(await runRow(db, waiting)).toMatchObject({ status: 'QUEUED', rows_read: 0 });
    // Handed back to the queue, and the hand-back spent none of the job's attempts.
    const job = await gql(t.baseUrl, 'query($id: ID!) { job(id: $id) { state attemptsMade } }', { id: `ingest:${running}` }, t.auth);
    expect(job.errors).toBeUndefined();
    expect(['waiting', 'delayed']).toContain(job.data!.job.state);
    expect(job.data!.job.attemptsMade).toBe(0);

    workers.push(startWorkerProcess(t));
    await expectExactRun(t, db, running, BIG);
    await expectExactRun(t, db, waiting, SMALL);
  }, 120_000);
});
