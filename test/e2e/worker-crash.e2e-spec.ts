import { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { writeSurveyCsv } from '../../seeds/generators/write-synthetic';
import { ProcessRole } from '../../src/config/env.validation';
import { createTestApp, TestApp } from '../create-test-app';
import { startWorkerProcess } from '../fault-injection';
import { uploadFile, waitForRun } from '../ingestion-helpers';

const ROWS = 300_000;

describe('a worker killed mid-ingestion (e2e)', () => {
  let t: TestApp;
  let db: Client;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    // The API alone: only the spawned worker processes consume jobs.
    t = await createTestApp({ role: ProcessRole.API });
    db = new Client({ connectionString: t.db.url });
    await db.connect();
  });

  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await db.end();
    await t.close();
  });

  it(`SIGKILL during a ${ROWS.toLocaleString('en-US')}-row run: after a restart the run completes with exactly the right rows, no duplicates`, async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hs-kill-')), 'surveys.csv');
    await writeSurveyCsv(file, { count: ROWS, seed: 99 });
    const { body } = await uploadFile(t.baseUrl, file, { kind: 'survey' }, t.auth);
    const runId = body.runId!;

    const first = startWorkerProcess(t, { QUEUE_LOCK_MS: '4000' });
    workers.push(first);
    // Kill it once some batches are committed and more are in flight.
    for (let i = 0; i < 1200; i++) {
      const { rows } = await db.query('SELECT rows_read FROM ingestion_runs WHERE id = $1', [runId]);
      if (rows[0].rows_read >= 15_000) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    first.kill('SIGKILL');
    const { rows: atKill } = await db.query('SELECT rows_read, status FROM ingestion_runs WHERE id = $1', [runId]);
    expect(atKill[0].status).toBe('RUNNING');
    expect(atKill[0].rows_read).toBeLessThan(ROWS);

    workers.push(startWorkerProcess(t, { QUEUE_LOCK_MS: '4000' }));
    const run = await waitForRun(t.baseUrl, runId, t.auth, 170_000);
    expect(run).toMatchObject({ status: 'COMPLETED', rowsRead: ROWS, accepted: ROWS, rejected: 0, duplicates: 0 });
    const { rows } = await db.query('SELECT count(*)::int AS n, count(DISTINCT source_line)::int AS lines FROM survey_responses');
    expect(rows[0]).toEqual({ n: ROWS, lines: ROWS });
  }, 240_000);
});
