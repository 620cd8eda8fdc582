import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePostingsCsv } from '../../seeds/generators/write-synthetic';
import { createTestApp, TestApp } from '../create-test-app';
import { gql, healthLatency } from '../graphql-client';
import { uploadFile, waitForRun } from '../ingestion-helpers';

describe('forecasting (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const file = join(mkdtempSync(join(tmpdir(), 'hs-forecast-')), 'postings.csv');
    await writePostingsCsv(file, { count: 4000, seed: 3 });
    const { body } = await uploadFile(t.baseUrl, file, { kind: 'postings' }, t.auth);
    expect((await waitForRun(t.baseUrl, body.runId!, t.auth)).status).toBe('COMPLETED');
  });

  afterAll(async () => {
    await t.close();
  });

  it('says clearly when no model has been trained', async () => {
    const r = await gql(t.baseUrl, '{ skillDemandForecast(skill: "Python") { skill } }', {}, t.auth);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NO_FORECAST_MODEL' });
  });

  it('trains through the forecast queue, with progress, and serves stored forecasts', async () => {
    const started = await gql(t.baseUrl, 'mutation { trainForecastModel(input: { horizon: 6, origins: 3, epochs: 5 }) { jobId } }', {}, t.auth);
    expect(started.errors).toBeUndefined();
    const jobId = started.data!.trainForecastModel.jobId;
    let job: any;
    const healthWhileTraining: number[] = [];
    for (let i = 0; i < 900; i++) {
      job = (await gql(t.baseUrl, 'query($id: ID!) { job(id: $id) { state progress result failedReason } }', { id: jobId }, t.auth)).data!.job;
      if (job.state === 'completed' || job.state === 'failed') break;
      if (job.state === 'active') healthWhileTraining.push(await healthLatency(t.baseUrl, t.auth));
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(job.failedReason).toBeNull();
    expect(job.state).toBe('completed');
    expect(job.result).toMatchObject({ modelVersion: 1 });
    expect(job.result.forecastSeries).toBeGreaterThan(10);
    // Trained in a sandboxed child process, while this process (API and worker) kept answering.
    expect(job.result.pid).toEqual(expect.any(Number));
    expect(job.result.pid).not.toBe(process.pid);
    expect(healthWhileTraining.length).toBeGreaterThan(0);
    expect(Math.max(...healthWhileTraining)).toBeLessThan(1000);

    const models = await gql(t.baseUrl, '{ forecastModels(first: 5) { totalCount edges { node { version architecture status backend metrics promotedAt } } } }', {}, t.auth);
    const trained = models.data!.forecastModels.edges.map((e: any) => e.node);
    expect(trained.find((m: any) => m.version === 1).metrics.overall.map((o: any) => o.method)).toEqual(expect.arrayContaining(['model', 'naive', 'seasonal-naive', 'drift', 'ses']));
    // Exactly one serving version: the model if it beat the best baseline, else that baseline.
    expect(trained.filter((m: any) => m.promotedAt)).toHaveLength(1);

    const f = await gql(t.baseUrl, '{ skillDemandForecast(skill: "python", horizon: 6) { skill history { period value } forecast { period value lower upper } model { version kind mase baselineMase } } }', {}, t.auth);
    expect(f.errors).toBeUndefined();
    const forecast = f.data!.skillDemandForecast;
    expect(forecast.skill).toBe('Python');
    expect(forecast.forecast).toHaveLength(6);
    expect(forecast.history.length).toBeGreaterThan(24);
    for (const p of forecast.forecast) {
      expect(p.lower).toBeLessThanOrEqual(p.value + 1e-9);
      expect(p.upper).toBeGreaterThanOrEqual(p.value - 1e-9);
      expect(p.lower).toBeGreaterThanOrEqual(0);
    }
    expect(forecast.model.mase).toBeGreaterThan(0);

    const emerging = await gql(t.baseUrl, '{ emergingSkills(horizon: 6, limit: 5) { skills { skill growth forecast lower upper } model { version } } }', {}, t.auth);
    expect(emerging.errors).toBeUndefined();
    expect(emerging.data!.emergingSkills.skills.length).toBeGreaterThan(0);
  });

  it('answers an unknown skill and a too-long horizon with clear errors', async () => {
    const unknown = await gql(t.baseUrl, '{ skillDemandForecast(skill: "Cobol on Rails") { skill } }', {}, t.auth);
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const long = await gql(t.baseUrl, '{ skillDemandForecast(skill: "Python", horizon: 12) { skill } }', {}, t.auth);
    expect(long.errors?.[0].message).toMatch(/forecasts 6 months ahead/);
    const thin = await gql(t.baseUrl, '{ skillDemandForecast(skill: "COBOL") { skill } }', {}, t.auth);
    if (thin.errors) expect(thin.errors[0].message).toMatch(/insufficient history for .* \(\d+ months, need \d+\)|unknown skill/);
  });
});
