import { Logger, LoggerService } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { writePostingsCsv } from '../../seeds/generators/write-synthetic';
import { createTestApp, TestApp } from '../create-test-app';
import { gql } from '../graphql-client';
import { uploadFile, waitForRun } from '../ingestion-helpers';

/** Records every Nest log call at every level, with its parameters (stacks included). */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  private record = (level: string) => (message: unknown, ...params: unknown[]) => {
    this.lines.push(`${level} ${[message, ...params].map((p) => (typeof p === 'string' ? p : inspect(p, { depth: 6 }))).join(' ')}`);
  };
  log = this.record('log');
  error = this.record('error');
  warn = this.record('warn');
  debug = this.record('debug');
  verbose = this.record('verbose');
  fatal = this.record('fatal');
}

describe('logs never contain personal data (e2e)', () => {
  let t: TestApp;
  const logger = new CapturingLogger();
  const written: string[] = [];
  const writes: jest.SpyInstance[] = [];
  // Every personal value below carries this marker; it must appear in no log line.
  const marker = `zqpriv${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    t = await createTestApp();
    const file = join(mkdtempSync(join(tmpdir(), 'hs-privacy-')), 'postings.csv');
    await writePostingsCsv(file, { count: 400, seed: 11 });
    const { body } = await uploadFile(t.baseUrl, file, { kind: 'postings' }, t.auth);
    expect((await waitForRun(t.baseUrl, body.runId!, t.auth)).status).toBe('COMPLETED');
    // From here on, every log level goes to the capture, and anything printed directly too.
    t.app.useLogger(logger);
    Logger.overrideLogger(['error', 'warn', 'log', 'debug', 'verbose', 'fatal']);
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      writes.push(
        jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
          written.push(String(chunk));
          return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
        }) as typeof stream.write),
      );
    }
  });

  afterAll(async () => {
    for (const spy of writes) spy.mockRestore();
    await t.close();
  });

  const call = (query: string, variables: Record<string, unknown> = {}) => gql(t.baseUrl, query, variables, t.auth);
  const person = (n: number) => ({
    externalRef: `${marker}-ats-${n}-jane.doe${n}@example.test`,
    city: `${marker}ville${n}`,
    gender: `${marker}g${n}`,
    ageGroup: `${marker.slice(0, 12)}a${n}`,
    country: 'DE',
    yearsExperience: 4,
    remotePreference: 'ANY',
    desiredRoleFamilies: ['ML_ENGINEER', 'DATA_SCIENTIST'],
    skills: [{ name: 'Python', proficiency: 4 }, { name: 'PyTorch' }, { name: `${marker}skill${n}` }],
    salaryExpectation: { amount: 123457, currency: 'EUR', period: 'YEAR' },
  });

  it('creates, updates, matches and erases candidates, and fails on purpose, without logging their data', async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const created = await call('mutation($i: CandidateInput!) { createCandidate(input: $i) { id unknownSkills } }', { i: person(n) });
      expect(created.errors).toBeUndefined();
      ids.push(created.data!.createCandidate.id);
    }
    const updated = await call('mutation($id: ID!, $i: CandidateInput!) { updateCandidate(id: $id, input: $i) { id city } }', { id: ids[0], i: { ...person(4), city: `${marker}moved` } });
    expect(updated.errors).toBeUndefined();

    // Matching, synchronous and as a stored job (its outcome is not the point; its logs are).
    await call('query($id: ID!) { matchRolesForCandidate(candidateId: $id, first: 5) { matches { score } } }', { id: ids[1] });
    const job = await call('mutation($ids: [ID!]!) { runMatching(candidateIds: $ids) { jobId } }', { ids });
    const jobId = job.data?.runMatching?.jobId;
    for (let i = 0; jobId && i < 150; i++) {
      const state = (await call('query($id: ID!) { job(id: $id) { state } }', { id: jobId })).data?.job?.state;
      if (state === 'COMPLETED' || state === 'FAILED') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await call('{ matchingFairnessReport(attribute: GENDER) { flag } }');
    await call('query($id: ID!) { matchResults(candidateId: $id) { score } }', { id: ids[1] });
    await call('{ candidates(first: 10) { edges { node { id city gender ageGroup externalRef } } } }');

    // Errors carrying personal values: duplicate reference, invalid fields, unknown ids, over-long values.
    await call('mutation($i: CandidateInput!) { createCandidate(input: $i) { id } }', { i: person(2) });
    await call('mutation($i: CandidateInput!) { createCandidate(input: $i) { id } }', { i: { ...person(5), country: `${marker}-land` } });
    await call('mutation($i: CandidateInput!) { createCandidate(input: $i) { id } }', { i: { ...person(6), city: `${marker}${'x'.repeat(200)}` } });
    await call('mutation($i: CandidateInput!) { createCandidate(input: $i) { id } }', { i: { ...person(7), salaryExpectation: { amount: 1, currency: `${marker}` } } });
    await call('mutation($id: ID!, $i: CandidateInput!) { updateCandidate(id: $id, input: $i) { id } }', { id: '00000000-0000-0000-0000-000000000000', i: person(8) });
    await call('mutation($id: ID!, $i: CandidateInput!) { updateCandidate(id: $id, input: $i) { id } }', { id: `${marker}-not-an-id`, i: person(9) });
    await call(`{ candidate(id: "${marker}") { id } }`);
    await call(`{ relatedSkills(skill: "${marker}-skill\\u0000") { skill } }`);

    const erased = await call('mutation($id: ID!) { eraseCandidate(id: $id) }', { id: ids[2] });
    expect(erased.data?.eraseCandidate).toBe(true);
    await call('mutation($id: ID!) { eraseCandidate(id: $id) }', { id: ids[2] });

    await new Promise((r) => setTimeout(r, 500)); // let queued log lines from the worker arrive
    const captured = [...logger.lines, ...written].join('\n');
    expect(captured).toMatch(/run-matching correlation=\S+ candidates=3/); // the capture is live
    const leaks = [...logger.lines, ...written].filter((line) => line.toLowerCase().includes(marker));
    expect(leaks).toEqual([]);
    expect(captured).not.toMatch(/jane\.doe\d@example\.test|123457/);
  });
});
