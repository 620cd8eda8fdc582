import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { writePostingsCsv } from '../../seeds/generators/write-synthetic';
import { DEFAULT_JOB_OPTIONS } from '../../src/queues/queues.module';
import { JobQueueService } from '../../src/queues/job-queue.service';
import { QueueName } from '../../src/queues/queue-names';
import { createTestApp, TestApp } from '../create-test-app';
import { waitFor } from '../fault-injection';
import { gql } from '../graphql-client';
import { uploadFile, waitForRun } from '../ingestion-helpers';

const JOB_FIELDS = 'id queue name state attemptsMade failedReason createdAt finishedAt';
/** The least time three attempts take with the default exponential backoff (2 s, then 4 s). */
const BACKOFF_FLOOR_MS = DEFAULT_JOB_OPTIONS.backoff.delay * (1 + 2);

/**
 * Jobs that fail for real (a missing table, an unreadable upload) are listed by jobs(state: FAILED) with
 * their reason and attempts, and once the cause is fixed retryJob takes them through to completion.
 */
describe('failed jobs are visible and retryable (e2e)', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.db.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  const failedJobs = async (queue: string) => {
    const r = await gql(t.baseUrl, `query($queue: String) { jobs(state: FAILED, queue: $queue) { ${JOB_FIELDS} } }`, { queue }, t.auth);
    expect(r.errors).toBeUndefined();
    return r.data!.jobs as Array<Record<string, any>>;
  };
  const job = async (id: string) => {
    const r = await gql(t.baseUrl, `query($id: ID!) { job(id: $id) { ${JOB_FIELDS} } }`, { id }, t.auth);
    expect(r.errors).toBeUndefined();
    return r.data!.job as Record<string, any>;
  };
  const retryJob = async (id: string) => {
    const r = await gql(t.baseUrl, `mutation($id: ID!) { retryJob(id: $id) { ${JOB_FIELDS} } }`, { id }, t.auth);
    expect(r.errors).toBeUndefined();
    return r.data!.retryJob as Record<string, any>;
  };

  it('a report whose storage table is gone fails after backed-off attempts, and completes on retry once it is back', async () => {
    // As after a botched migration: the report files cannot be stored.
    await db.query('ALTER TABLE report_files RENAME TO report_files_away');
    const requested = await gql(t.baseUrl, 'mutation { requestReport(input: { kind: SALARY, formats: [CSV] }) { id } }', {}, t.auth);
    expect(requested.errors).toBeUndefined();
    const reportId = requested.data!.requestReport.id as string;
    const jobId = `${QueueName.REPORT}:${reportId}`;

    const failed = await waitFor('the report job in jobs(state: FAILED)', async () => (await failedJobs(QueueName.REPORT)).find((j) => j.id === jobId), 40_000, 250);
    expect(failed).toMatchObject({ queue: 'report', name: 'build-report', state: 'failed', attemptsMade: DEFAULT_JOB_OPTIONS.attempts });
    expect(failed.failedReason).toMatch(/report_files/);
    expect(new Date(failed.finishedAt).getTime() - new Date(failed.createdAt).getTime()).toBeGreaterThanOrEqual(BACKOFF_FLOOR_MS);
    // Across every queue too, which is what an operator looks at first.
    expect((await failedJobs(undefined as never)).map((j) => j.id)).toContain(jobId);
    const report = await gql(t.baseUrl, 'query($id: ID!) { report(id: $id) { status error } }', { id: reportId }, t.auth);
    expect(report.data!.report).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/report_files/) });

    await db.query('ALTER TABLE report_files_away RENAME TO report_files');
    const retried = await retryJob(jobId);
    expect(['waiting', 'active']).toContain(retried.state);
    expect(retried.failedReason).toBeNull();

    const done = await waitFor('the retried report job to complete', async () => {
      const j = await job(jobId);
      return j.state === 'completed' ? j : undefined;
    }, 30_000, 250);
    expect(done.failedReason).toBeNull();
    expect((await failedJobs(QueueName.REPORT)).map((j) => j.id)).not.toContain(jobId);
    const built = await gql(t.baseUrl, 'query($id: ID!) { report(id: $id) { status error downloads { format size } } }', { id: reportId }, t.auth);
    expect(built.data!.report).toMatchObject({ status: 'COMPLETED', error: null, downloads: [{ format: 'CSV', size: expect.any(Number) }] });
  });

  it('an ingestion whose upload cannot be read fails after backed-off attempts, and ingests on retry once the file is back', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'hs-jobs-')), 'postings.csv');
    await writePostingsCsv(file, { count: 50, seed: 9 });
    // Hold this worker so the upload can be damaged before it is read: a directory where the file should be
    // (a volume mounted over it, say) passes the existence check but cannot be read.
    const ingest = t.app.get(JobQueueService).queue(QueueName.INGEST);
    await ingest.pause(true);
    const runId = (await uploadFile(t.baseUrl, file, { kind: 'postings' }, t.auth)).body.runId!;
    const [{ file_path: stored }] = (await db.query('SELECT file_path FROM ingestion_runs WHERE id = $1', [runId])).rows;
    await rename(stored, `${stored}.aside`);
    await mkdir(stored);
    await ingest.resume(true);
    const jobId = `${QueueName.INGEST}:${runId}`;

    const failed = await waitFor('the ingest job in jobs(state: FAILED)', async () => (await failedJobs(QueueName.INGEST)).find((j) => j.id === jobId), 40_000, 250);
    expect(failed).toMatchObject({ name: 'ingest-file', state: 'failed', attemptsMade: DEFAULT_JOB_OPTIONS.attempts });
    expect(failed.failedReason).toMatch(/EISDIR/);
    expect(new Date(failed.finishedAt).getTime() - new Date(failed.createdAt).getTime()).toBeGreaterThanOrEqual(BACKOFF_FLOOR_MS);
    expect((await waitForRun(t.baseUrl, runId, t.auth)).status).toBe('FAILED');

    await rm(stored, { recursive: true });
    await rename(`${stored}.aside`, stored);
    const retried = await retryJob(jobId);
    expect(['waiting', 'active']).toContain(retried.state);

    const done = await waitFor('the retried ingest job to complete', async () => {
      const j = await job(jobId);
      return j.state === 'completed' ? j : undefined;
    }, 30_000, 250);
    expect(done.failedReason).toBeNull();
    // The job completing is not enough: the run it stands for must have ingested the file.
    const run = await waitForRun(t.baseUrl, runId, t.auth);
    expect(run).toMatchObject({ status: 'COMPLETED', error: null, rowsRead: 50 });
    expect(run.accepted).toBeGreaterThan(0);
  });

  it('retryJob on an unknown job is NOT_FOUND', async () => {
    const r = await gql(t.baseUrl, 'mutation { retryJob(id: "report:00000000-0000-0000-0000-000000000000") { id } }', {}, t.auth);
    expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
