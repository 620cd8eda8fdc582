import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePostingsCsv } from '../../seeds/generators/write-synthetic';
import { JobQueueService } from '../../src/queues/job-queue.service';
import { ALL_QUEUES } from '../../src/queues/queue-names';
import { createTestApp, TestApp } from '../create-test-app';
import { waitFor } from '../fault-injection';
import { gql } from '../graphql-client';
import { uploadFile, waitForRun } from '../ingestion-helpers';

/** Strings no posting, skill or label could contain by chance: any hit in a job is a leak. */
const PERSONAL = {
  externalRef: 'ATS-Zephyrine-Quillfeather-7731',
  email: 'zephyrine.quillfeather@example.org',
  city: 'Xanthorpe-under-Wyvernmoor',
  skill: 'Glimmerwhisk Orchestration',
  gender: 'Vexillocentric-gender',
  ageGroup: 'age-Qz-417',
};

/**
 * Job payloads and results carry ids, never personal data: after matching (interactive and batch) and a
 * report, no job in any queue, in any state, holds a candidate's reference, city, skills or self-reported
 * attributes.
 */
describe('job payloads carry ids, never personal data (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const file = join(mkdtempSync(join(tmpdir(), 'hs-privacy-')), 'postings.csv');
    await writePostingsCsv(file, { count: 400, seed: 21 });
    const { body } = await uploadFile(t.baseUrl, file, { kind: 'postings' }, t.auth);
    expect((await waitForRun(t.baseUrl, body.runId!, t.auth)).status).toBe('COMPLETED');
  });

  afterAll(async () => {
    await t?.close();
  });

  const call = async (query: string, variables: Record<string, unknown> = {}) => {
    const r = await gql(t.baseUrl, query, variables, t.auth);
    expect(r.errors).toBeUndefined();
    return r.data!;
  };

  it('no job in any queue holds a candidate field', async () => {
    const ids: string[] = [];
    for (const [i, externalRef] of [PERSONAL.externalRef, PERSONAL.email].entries()) {
      const created = await call('mutation($input: CandidateInput!) { createCandidate(input: $input) { id } }', {
        input: {
          externalRef,
          city: `${PERSONAL.city}-${i}`,
          country: 'US',
          skills: [{ name: 'Python', proficiency: 4 }, { name: PERSONAL.skill }],
          yearsExperience: 4,
          desiredRoleFamilies: ['ML_ENGINEER'],
          gender: PERSONAL.gender,
          ageGroup: PERSONAL.ageGroup,
        },
      });
      ids.push(created.createCandidate.id);
    }
    // Interactive matching (a request/response job) and batch matching (a stored-results job).
    const matched = await call('query($id: ID!) { matchRolesForCandidate(candidateId: $id, first: 5) { matches { posting { id } } } }', { id: ids[0] });
    expect(matched.matchRolesForCandidate.matches.length).toBeGreaterThan(0);
    const batch = await call('mutation($ids: [ID!]!) { runMatching(candidateIds: $ids) { jobId } }', { ids });
    await waitFor('the batch matching job', async () => {
      const j = (await call('query($id: ID!) { job(id: $id) { state failedReason } }', { id: batch.runMatching.jobId })).job;
      if (j.state === 'failed') throw new Error(`matching failed: ${j.failedReason}`);
      return j.state === 'completed';
    }, 45_000, 250);
    const report = await call('mutation { requestReport(input: { kind: MARKET_OVERVIEW, formats: [JSON] }) { id } }');
    await waitFor('the report', async () => {
      const r = (await call('query($id: ID!) { report(id: $id) { status error } }', { id: report.requestReport.id })).report;
      if (r.status === 'FAILED') throw new Error(`report failed: ${r.error}`);
      return r.status === 'COMPLETED';
    }, 45_000, 250);

    const queues = t.app.get(JobQueueService);
    const seen: Array<{ queue: string; id: string; text: string }> = [];
    for (const name of ALL_QUEUES) {
      const jobs = await queues.queue(name).getJobs(['waiting', 'active', 'completed', 'failed', 'delayed', 'paused'], 0, -1, true);
      for (const job of jobs.filter(Boolean)) {
        seen.push({ queue: name, id: String(job.id), text: JSON.stringify({ data: job.data, result: job.returnvalue, failedReason: job.failedReason, progress: job.progress() }) });
      }
    }
    // The work above really went through the queues, so the check below has something to look at.
    expect([...new Set(seen.map((s) => s.queue))]).toEqual(expect.arrayContaining(['ingest', 'match', 'report']));
    expect(seen.some((s) => s.text.includes(ids[0]))).toBe(true);
    const leaks = seen.flatMap((s) => Object.values(PERSONAL).filter((value) => s.text.includes(value)).map((value) => `${s.queue}:${s.id} holds "${value}"`));
    expect(leaks).toEqual([]);
  });
});
