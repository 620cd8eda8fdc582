import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { writePostingsCsv } from '../../seeds/generators/write-synthetic';
import { dashboardRoot } from '../../src/dashboard/dashboard.controller';
import { createTestApp, TestApp } from '../create-test-app';
import { gql } from '../graphql-client';
import { uploadFile, waitForRun } from '../ingestion-helpers';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(__dirname, '../..');
const SCREENSHOTS = join(ROOT, 'test-output/screenshots');
const DOCS_SCREENSHOTS = join(ROOT, 'docs/screenshots');
const describeWithBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) {
  console.warn(`dashboard e2e skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
}

function newestMtime(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }, 0);
}

/** Builds web/ into dist/web when the build is missing or older than the sources (npm run build does it too). */
function ensureWebBuild(): void {
  const index = join(dashboardRoot(), 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(ROOT, 'web'))) return;
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}

const FILTER = { from: '2023-01-01', to: '2025-12-31', roleFamilies: ['ML_ENGINEER'] };

describeWithBrowser('dashboard (e2e, Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  let forecastJobId: string;

  beforeAll(async () => {
    ensureWebBuild();
    await Promise.all([
      createTestApp().then((app) => (t = app)),
      chromium
        .launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
        .then((b) => (browser = b)),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'hs-dashboard-')), 'postings.csv');
    await writePostingsCsv(file, { count: 1500, seed: 21 });
    const { body } = await uploadFile(t.baseUrl, file, { kind: 'postings' }, t.auth);
    expect((await waitForRun(t.baseUrl, body.runId!, t.auth)).status).toBe('COMPLETED');
    mkdirSync(SCREENSHOTS, { recursive: true });
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC', acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Full page into test-output/screenshots; `docsHeight` also writes the top of it to docs/screenshots (committed). */
  const shoot = async (name: string, docsHeight?: number) => {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    if (docsHeight) await page.screenshot({ path: join(DOCS_SCREENSHOTS, `dashboard-${name}.png`), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: docsHeight } });
  };

  it('serves the dashboard at / without breaking the other routes', async () => {
    const index = await fetch(`${t.baseUrl}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await index.text();
    expect(html).not.toMatch(/(src|href)="https?:/); // no CDN: everything from this server
    const script = /src="(\/dashboard-assets\/[^"]+\.js)"/.exec(html)![1];
    expect((await fetch(`${t.baseUrl}${script}`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/dashboard-assets/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
    expect(await (await fetch(`${t.baseUrl}/graphql`, { headers: { accept: 'text/html' } })).text()).toContain('/graphiql-assets/graphiql.js');
    expect((await gql(t.baseUrl, '{ me { role } }', {}, t.auth)).data!.me.role).toBe('ADMIN');
    expect((await fetch(`${t.baseUrl}/reports/00000000-0000-0000-0000-000000000000/pdf`)).status).toBe(401);
  });

  it('signs in with the key, filters the market and shows the API’s figures', async () => {
    await page.goto(`${t.baseUrl}/`);
    await page.getByLabel('API key').fill('not-a-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: /invalid|revoked/i }).waitFor();
    await shoot('login');
    await page.getByLabel('API key').fill(t.adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('stat-postings').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('hirescope-api-key'))).toBe(t.adminKey);

    await page.getByLabel('From').fill(FILTER.from);
    await page.getByLabel('To', { exact: true }).fill(FILTER.to);
    await page.getByLabel('Role family').selectOption('ML_ENGINEER');
    const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('ML_ENGINEER'));
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await answered;
    await page.locator('[aria-busy="false"]').first().waitFor();

    const expected = await gql(t.baseUrl, 'query($f: MarketFilter) { marketSummary(filter: $f) { postings medianSalary } }', { f: FILTER }, t.auth);
    const { postings, medianSalary } = expected.data!.marketSummary;
    expect(postings).toBeGreaterThan(0);
    await expectFigure(page, 'stat-postings', postings.toLocaleString('en-US'));
    const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(medianSalary);
    await expectFigure(page, 'stat-median-salary', usd);
    await page.getByRole('table').getByRole('row').nth(3).waitFor();
    await page.waitForTimeout(400); // chart animations
    await shoot('market', 1620);

    // Reload keeps the session (the key lives in sessionStorage).
    await page.reload();
    await page.getByTestId('stat-postings').waitFor();
  });

  it('explains that no forecast model is trained yet', async () => {
    await page.getByRole('link', { name: 'Forecasts' }).click();
    await page.getByRole('heading', { name: 'No forecast model has been trained yet' }).waitFor();
    await page.getByRole('button', { name: 'Train the forecast model now' }).waitFor();
    await shoot('forecasts-no-model');
    // Train a small model in the background while the next steps run; the last step shows its forecast.
    const started = await gql(t.baseUrl, 'mutation { trainForecastModel(input: { horizon: 6, origins: 3, epochs: 5 }) { jobId } }', {}, t.auth);
    expect(started.errors).toBeUndefined();
    forecastJobId = started.data!.trainForecastModel.jobId;
  });

  it('creates a candidate, runs matching and shows ranked, explained roles', async () => {
    await page.getByRole('link', { name: 'Candidates' }).click();
    await page.getByRole('button', { name: 'New candidate' }).click();
    await page.getByLabel('Reference').fill('Ada (ML platform)');
    await page.getByLabel('Skills').fill('Python:5, PyTorch:4, k8s, MLflow, Underwater basket weaving');
    await page.getByLabel('Years of experience').fill('6');
    await page.getByLabel('Country').fill('US');
    await page.getByLabel('Salary expectation').fill('170000');
    await page.getByLabel('ML engineer').check();
    await page.getByRole('button', { name: 'Create candidate' }).click();
    await page.getByRole('heading', { name: 'Ada (ML platform)' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Underwater basket weaving' }).waitFor();

    const created = await gql(t.baseUrl, '{ candidates(first: 10) { edges { node { externalRef skills { name known } } } } }', {}, t.auth);
    const candidate = created.data!.candidates.edges[0].node;
    expect(candidate.externalRef).toBe('Ada (ML platform)');
    expect(candidate.skills.filter((s: any) => s.known).map((s: any) => s.name)).toEqual(expect.arrayContaining(['Python', 'PyTorch', 'Kubernetes', 'MLflow']));

    await page.getByRole('button', { name: 'Run matching' }).click();
    const ranked = page.getByRole('list', { name: 'Ranked roles' });
    await ranked.waitFor({ timeout: 60_000 });
    expect(await ranked.locator(':scope > li').count()).toBe(10);
    await page.getByRole('list', { name: 'Matched skills' }).first().waitFor();
    await shoot('candidates', 1052);

    // Edit: the profile changes and the match panel resets.
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Years of experience').fill('7');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('7 years').waitFor();
  });

  it('requests a report, watches it finish and downloads the PDF with the key', async () => {
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByLabel('Title (optional)').fill('Dashboard salary report');
    await page.getByRole('button', { name: 'Request report' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Dashboard salary report' });
    await row.getByText('Completed').waitFor({ timeout: 60_000 });
    await shoot('reports');
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /as PDF/ }).click()]);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  });

  it('uploads a file, follows the run and lists rejected rows with reasons', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hs-dashboard-upload-')), 'small-postings.csv');
    await writePostingsCsv(file, { count: 30, seed: 77 });
    appendFileSync(file, 'bad-1,,Acme,,Berlin,,,,2024-05-01,,python,,\r\nbad-2,,Acme,,Paris,,,,2024-05-02,,sql,,\r\n');
    await page.getByRole('link', { name: 'Ingestion' }).click();
    await page.getByLabel('File', { exact: true }).setInputFiles(file);
    await page.getByLabel('Kind').selectOption('postings');
    await page.getByRole('button', { name: 'Upload and ingest' }).click();
    await page.getByRole('heading', { name: 'Rejected rows' }).waitFor({ timeout: 30_000 });
    await page.getByRole('cell', { name: /TITLE_MISSING/ }).first().waitFor();
    await shoot('ingestion');
  });

  it('shows history, forecast with its interval band, the backtest and emerging skills once a model is trained', async () => {
    const deadline = Date.now() + 90_000;
    let state = '';
    while (state !== 'completed' && state !== 'failed' && Date.now() < deadline) {
      state = (await gql(t.baseUrl, 'query($id: ID!) { job(id: $id) { state } }', { id: forecastJobId }, t.auth)).data!.job.state;
      if (state !== 'completed') await new Promise((r) => setTimeout(r, 500));
    }
    expect(state).toBe('completed');
    await page.getByRole('link', { name: 'Forecasts' }).click();
    await page.getByLabel('Skills (up to 6)').fill('Python, SQL');
    await page.getByRole('button', { name: 'Show forecast' }).click();
    await page.getByRole('figure', { name: /Monthly postings asking for Python/ }).waitFor();
    await page.getByRole('figure', { name: /Monthly postings asking for SQL/ }).waitFor();
    await page.getByText('Seasonal naive MASE').waitFor();
    // With 1,500 synthetic postings the list may be empty; either way it has finished loading.
    await page.getByRole('region', { name: 'Emerging skills' }).locator('table, .status-empty').first().waitFor();
    await page.waitForTimeout(400);
    await shoot('forecasts');
  }, 120_000);

  it('logged no browser errors (CSP, React, failed requests)', () => {
    expect(pageErrors.filter((e) => !/Failed to load resource.*401/.test(e))).toEqual([]);
  });
});

/** Waits until the stat's figure reads exactly `text` (the UI formats with Intl.NumberFormat, en-US here). */
async function expectFigure(page: Page, testId: string, text: string): Promise<void> {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.getByTestId(testId).locator('.stat-value', { hasText: new RegExp(`^${escaped}$`) }).waitFor({ timeout: 10_000 });
}
