import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePostingsCsv } from '../../seeds/generators/write-synthetic';
import { createTestApp, TestApp } from '../create-test-app';
import { gql, healthLatency } from '../graphql-client';
import { uploadFile, waitForRun } from '../ingestion-helpers';

const MATCH_FIELDS = `issues unknownSkills modelVersion modelPromoted scoredPostings
  matches { rank score posting { id title roleFamily } explanation { matchedSkills missingSkills relatedSkills { have for similarity } salaryFit locationFit seniorityFit } }`;

describe('matching (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const file = join(mkdtempSync(join(tmpdir(), 'hs-match-')), 'postings.csv');
    await writePostingsCsv(file, { count: 2000, seed: 5 });
    const { body } = await uploadFile(t.baseUrl, file, { kind: 'postings' }, t.auth);
    expect((await waitForRun(t.baseUrl, body.runId!, t.auth)).status).toBe('COMPLETED');
  });

  afterAll(async () => {
    await t.close();
  });

  const createCandidate = async (input: Record<string, unknown>) => {
    const r = await gql(t.baseUrl, 'mutation($input: CandidateInput!) { createCandidate(input: $input) { id unknownSkills } }', { input }, t.auth);
    expect(r.errors).toBeUndefined();
    return r.data!.createCandidate as { id: string; unknownSkills: string[] };
  };

  const ml = {
    skills: [{ name: 'Python', proficiency: 5 }, { name: 'PyTorch', proficiency: 4 }, { name: 'Kubernetes' }, { name: 'MLflow' }],
    yearsExperience: 6,
    country: 'US',
    remotePreference: 'ANY',
    desiredRoleFamilies: ['ML_ENGINEER'],
    salaryExpectation: { amount: 170000, currency: 'USD', period: 'YEAR' },
  };

  it('ranks and explains roles for a candidate (training the models on first use)', async () => {
    const c = await createCandidate({ ...ml, externalRef: 'ml-1', gender: 'Woman', ageGroup: '25-34' });
    const r = await gql(t.baseUrl, `query($id: ID!) { matchRolesForCandidate(candidateId: $id, first: 10) { ${MATCH_FIELDS} } }`, { id: c.id }, t.auth);
    expect(r.errors).toBeUndefined();
    const result = r.data!.matchRolesForCandidate;
    expect(result.matches).toHaveLength(10);
    expect(result.scoredPostings).toBeGreaterThan(1500);
    expect(result.matches.map((m: any) => m.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const scores = result.matches.map((m: any) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(result.matches.filter((m: any) => m.posting.roleFamily === 'ML_ENGINEER').length).toBeGreaterThanOrEqual(5);
    expect(result.matches[0].explanation.matchedSkills.length).toBeGreaterThan(0);
  });

  it('gives the same scores whatever the protected attributes say', async () => {
    const a = await createCandidate({ ...ml, gender: 'Man', ageGroup: '55+' });
    const b = await createCandidate({ ...ml, gender: 'Woman', ageGroup: '18-24' });
    const q = `query($id: ID!) { matchRolesForCandidate(candidateId: $id, first: 20) { matches { score posting { id } } } }`;
    const ra = (await gql(t.baseUrl, q, { id: a.id }, t.auth)).data!.matchRolesForCandidate.matches;
    const rb = (await gql(t.baseUrl, q, { id: b.id }, t.auth)).data!.matchRolesForCandidate.matches;
    expect(rb).toEqual(ra);
  });

  it('answers clearly for a candidate with no skills or only unknown skills', async () => {
    const none = await createCandidate({ skills: [], desiredRoleFamilies: ['DATA_ANALYST'] });
    const unknown = await createCandidate({ skills: [{ name: 'Underwater Basket Weaving' }] });
    for (const [c, unknownSkills] of [[none, []], [unknown, ['Underwater Basket Weaving']]] as const) {
      const r = await gql(t.baseUrl, `query($id: ID!) { matchRolesForCandidate(candidateId: $id, first: 5) { ${MATCH_FIELDS} } }`, { id: c.id }, t.auth);
      expect(r.errors).toBeUndefined();
      expect(r.data!.matchRolesForCandidate.issues).toContain('NO_SKILLS');
      expect(r.data!.matchRolesForCandidate.unknownSkills).toEqual(unknownSkills);
    }
  });

  it('runs matching as a job and stores results with their model version', async () => {
    const c = await createCandidate({ ...ml, externalRef: 'batch-1' });
    const started = await gql(t.baseUrl, 'mutation($ids: [ID!]!) { runMatching(candidateIds: $ids) { jobId } }', { ids: [c.id] }, t.auth);
    expect(started.errors).toBeUndefined();
    const jobId = started.data!.runMatching.jobId;
    let state = '';
    for (let i = 0; i < 300 && state !== 'completed' && state !== 'failed'; i++) {
      state = (await gql(t.baseUrl, 'query($id: ID!) { job(id: $id) { state } }', { id: jobId }, t.auth)).data!.job.state;
      if (state !== 'completed') await new Promise((r) => setTimeout(r, 200));
    }
    expect(state).toBe('completed');
    const stored = await gql(t.baseUrl, 'query($id: ID!) { matchResults(candidateId: $id, first: 50) { rank score modelVersion explanation { matchedSkills } } }', { id: c.id }, t.auth);
    expect(stored.data!.matchResults).toHaveLength(20);
    expect(stored.data!.matchResults[0].modelVersion).toBeGreaterThanOrEqual(1);
  });

  it('retrains in a separate process while the worker keeps answering, and the worker serves the new scorer', async () => {
    const c = await createCandidate({ ...ml, externalRef: 'retrain-1' });
    const started = await gql(t.baseUrl, 'mutation { trainMatchingModel { jobId } }', {}, t.auth);
    expect(started.errors).toBeUndefined();
    const jobId = started.data!.trainMatchingModel.jobId;
    let job: any;
    const healthWhileTraining: number[] = [];
    for (let i = 0; i < 600; i++) {
      job = (await gql(t.baseUrl, 'query($id: ID!) { job(id: $id) { state result failedReason } }', { id: jobId }, t.auth)).data!.job;
      if (job.state === 'completed' || job.state === 'failed') break;
      if (job.state === 'active') healthWhileTraining.push(await healthLatency(t.baseUrl, t.auth));
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(job.failedReason).toBeNull();
    expect(job.state).toBe('completed');
    expect(job.result.pid).toEqual(expect.any(Number));
    expect(job.result.pid).not.toBe(process.pid);
    expect(healthWhileTraining.length).toBeGreaterThan(0);
    expect(Math.max(...healthWhileTraining)).toBeLessThan(1000);

    // Same postings and seed, so the new scorer is promoted exactly when the first one was; either way it
    // now serves (a worker serves the latest version while none is promoted), from the next index check on.
    const q = `query($id: ID!) { matchRolesForCandidate(candidateId: $id, first: 3) { modelVersion } }`;
    let served = 0;
    for (let i = 0; i < 30 && served !== job.result.scorerVersion; i++) {
      served = (await gql(t.baseUrl, q, { id: c.id }, t.auth)).data!.matchRolesForCandidate.modelVersion;
      if (served !== job.result.scorerVersion) await new Promise((r) => setTimeout(r, 1000));
    }
    expect(job.result.scorerVersion).toBeGreaterThan(1);
    expect(served).toBe(job.result.scorerVersion);
  });

  it('ranks own candidates for a role, audits fairness, and exposes related skills', async () => {
    const postings = await gql(t.baseUrl, '{ jobPostings(first: 1, filter: { roleFamilies: [ML_ENGINEER] }) { edges { node { id } } } }', {}, t.auth);
    const postingId = postings.data!.jobPostings.edges[0].node.id;
    const ranked = await gql(t.baseUrl, 'query($id: ID!) { matchCandidatesForRole(postingId: $id, first: 3) { candidateId rank score } }', { id: postingId }, t.auth);
    expect(ranked.errors).toBeUndefined();
    expect(ranked.data!.matchCandidatesForRole).toHaveLength(3);

    const fairness = await gql(t.baseUrl, '{ matchingFairnessReport(attribute: GENDER, topK: 2, postingFilter: { roleFamilies: [ML_ENGINEER] }) { groups { group candidates selected selectionRate compared } demographicParityDifference disparateImpactRatio flag postings } }', {}, t.auth);
    expect(fairness.errors).toBeUndefined();
    const report = fairness.data!.matchingFairnessReport;
    expect(report.groups.map((g: any) => g.group).sort()).toEqual(['Man', 'UNKNOWN', 'Woman']);
    expect(report.disparateImpactRatio).toBeGreaterThanOrEqual(0);
    expect(report.flag).toBe(report.disparateImpactRatio < 0.8);

    const related = await gql(t.baseUrl, '{ pt: relatedSkills(skill: "PyTorch", limit: 50) { skill similarity } }', {}, t.auth);
    const sims = Object.fromEntries(related.data!.pt.map((s: any) => [s.skill, s.similarity]));
    expect(sims.TensorFlow ?? -1).toBeGreaterThan(sims.Excel ?? -1);
  });
});
