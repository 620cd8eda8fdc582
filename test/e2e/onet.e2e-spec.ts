import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { importOnet } from '../../src/occupations/onet-import.util';
import { createTestApp, TestApp } from '../create-test-app';
import { gql } from '../graphql-client';
import { SHARED_DATA, uploadFile, waitForRun } from '../ingestion-helpers';

const ONET_DIR = join(SHARED_DATA, 'onet-29.2');
const FIXTURES = join(__dirname, '../../seeds/fixtures');
const REPO_ROOT = join(__dirname, '../..');

function dataRows(file: string): string[] {
  return readFileSync(join(ONET_DIR, file), 'utf8').split(/\r?\n/).slice(1).filter((l) => l !== '');
}

describe('O*NET import and title mapping (e2e)', () => {
  let t: TestApp;
  let db: Client;
  let work: string;

  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.db.url });
    await db.connect();
    work = mkdtempSync(join(tmpdir(), 'hirescope-onet-'));
  });

  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await db.end();
    await t.close();
  });

  const count = async (sql: string) => Number((await db.query(sql)).rows[0].count);

  /** A postings CSV with one row per title; ids are unique per call so each file adds new postings. */
  async function ingestTitles(name: string, titles: string[]): Promise<Map<string, { id: string; onet_soc: string | null }>> {
    const path = join(work, `${name}.csv`);
    writeFileSync(path, ['source_id,title,company,location', ...titles.map((title, i) => `${name}-${i},"${title}",Acme,"Berlin, Germany"`)].join('\n') + '\n');
    const { body } = await uploadFile(t.baseUrl, path, { kind: 'postings', source: name }, t.auth);
    const run = await waitForRun(t.baseUrl, body.runId!, t.auth);
    expect(run).toMatchObject({ status: 'COMPLETED', accepted: titles.length });
    const { rows } = await db.query(`SELECT id::text, title_raw, onet_soc FROM job_postings WHERE source = $1`, [name]);
    return new Map(rows.map((r) => [r.title_raw, { id: r.id, onet_soc: r.onet_soc }]));
  }

  it('without an import, ingestion maps nothing', async () => {
    const postings = await ingestTitles('before', ['Data Scientist', 'Registered Nurse']);
    expect([...postings.values()].map((p) => p.onet_soc)).toEqual([null, null]);
  });

  it('imports occupations and titles, and a second import changes nothing', async () => {
    const first = await importOnet(t.db.url, ONET_DIR);
    const occupations = dataRows('Occupation Data.txt').length;
    expect(first.version).toBe('29.2');
    expect(first.occupations).toEqual({ total: occupations, inserted: occupations, updated: 0, deleted: 0 });
    expect(await count('SELECT count(*) FROM onet_occupations')).toBe(occupations);
    const titles = await count('SELECT count(*) FROM onet_titles');
    expect(titles).toBe(first.titles.total);
    // Alternate titles repeat across occupations and spellings fold together, but most survive as keys.
    expect(titles).toBeGreaterThan(dataRows('Alternate Titles.txt').length * 0.8);
    const { rows: [scientists] } = await db.query(`SELECT title FROM onet_occupations WHERE soc_code = '15-2051.00'`);
    expect(scientists.title).toBe('Data Scientists');

    const releaseBefore = (await db.query('SELECT changed_at FROM onet_release')).rows[0];
    const again = await importOnet(t.db.url, ONET_DIR);
    expect(again.occupations).toEqual({ total: occupations, inserted: 0, updated: 0, deleted: 0 });
    expect(again.titles).toEqual({ total: first.titles.total, inserted: 0, updated: 0, deleted: 0 });
    expect((await db.query('SELECT changed_at FROM onet_release')).rows[0]).toEqual(releaseBefore);
  });

  it('lets the app role read the O*NET tables', async () => {
    await db.query('BEGIN');
    try {
      await db.query('SET LOCAL ROLE hirescope_app');
      expect(await count('SELECT count(*) FROM onet_occupations')).toBeGreaterThan(1000);
      expect(await count('SELECT count(*) FROM onet_titles')).toBeGreaterThan(1000);
      expect(await count('SELECT count(*) FROM onet_release')).toBe(1);
    } finally {
      await db.query('ROLLBACK');
    }
  });

  it('maps posting and survey titles during ingestion, and serves them over GraphQL', async () => {
    const postings = await ingestTitles('after', ['Senior Data Scientist', 'Machine Learning Engineer', 'Registered Nurse', 'Xyzzy Blorf Wrangler']);
    expect(Object.fromEntries([...postings].map(([title, p]) => [title, p.onet_soc]))).toEqual({
      'Senior Data Scientist': '15-2051.00',
      'Machine Learning Engineer': '15-1221.00',
      'Registered Nurse': '29-1141.00',
      'Xyzzy Blorf Wrangler': null,
    });

    const query = `query($id: ID!) { jobPosting(id: $id) { titleRaw onetSoc onetTitle } }`;
    const scientist = await gql(t.baseUrl, query, { id: postings.get('Senior Data Scientist')!.id }, t.auth);
    expect(scientist.errors).toBeUndefined();
    expect(scientist.data!.jobPosting).toEqual({ titleRaw: 'Senior Data Scientist', onetSoc: '15-2051.00', onetTitle: 'Data Scientists' });
    const nurse = await gql(t.baseUrl, query, { id: postings.get('Registered Nurse')!.id }, t.auth);
    expect(nurse.data!.jobPosting).toMatchObject({ onetSoc: '29-1141.00', onetTitle: 'Registered Nurses' });
    const unknown = await gql(t.baseUrl, query, { id: postings.get('Xyzzy Blorf Wrangler')!.id }, t.auth);
    expect(unknown.data!.jobPosting).toMatchObject({ onetSoc: null, onetTitle: null });
    const page = await gql(t.baseUrl, `{ jobPostings(first: 10) { edges { node { onetSoc onetTitle } } } }`, {}, t.auth);
    expect(page.data!.jobPostings.edges.map((e: any) => e.node.onetTitle)).toContain('Data Scientists');

    const { body } = await uploadFile(t.baseUrl, join(FIXTURES, 'survey-small.csv'), { kind: 'survey' }, t.auth);
    expect((await waitForRun(t.baseUrl, body.runId!, t.auth)).status).toBe('COMPLETED');
    const { rows } = await db.query(`SELECT DISTINCT job_title, onet_soc FROM survey_responses WHERE job_title IN ('Data Scientist', 'Machine Learning Engineer') ORDER BY 1`);
    expect(rows).toEqual([
      { job_title: 'Data Scientist', onet_soc: '15-2051.00' },
      { job_title: 'Machine Learning Engineer', onet_soc: '15-1221.00' },
    ]);
  });

  it('a newer release replaces changed and retired rows, and ingestion picks it up', async () => {
    const newer = join(work, 'onet-next');
    rmSync(newer, { recursive: true, force: true });
    mkdirSync(newer);
    for (const file of ['Alternate Titles.txt', 'Sample of Reported Titles.txt']) copyFileSync(join(ONET_DIR, file), join(newer, file));
    writeFileSync(join(newer, 'Read Me.txt'), 'O*NET 99.9 Database\n');
    // Registered Nurses retired (with their titles), Data Scientists renamed.
    const occupations = readFileSync(join(ONET_DIR, 'Occupation Data.txt'), 'utf8')
      .split('\r\n')
      .filter((line) => !line.startsWith('29-1141.00\t'))
      .map((line) => (line.startsWith('15-2051.00\t') ? line.replace('\tData Scientists\t', '\tData Scientists (renamed)\t') : line));
    writeFileSync(join(newer, 'Occupation Data.txt'), occupations.join('\r\n'));

    const result = await importOnet(t.db.url, newer);
    expect(result.version).toBe('99.9');
    expect(result.occupations).toMatchObject({ inserted: 0, updated: 1, deleted: 1 });
    expect(result.titles.deleted).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) FROM onet_titles WHERE soc_code = '29-1141.00'`)).toBe(0);

    const postings = await ingestTitles('newer', ['Registered Nurse', 'Data Scientist']);
    expect(postings.get('Registered Nurse')!.onet_soc).not.toBe('29-1141.00');
    expect(postings.get('Data Scientist')!.onet_soc).toBe('15-2051.00');

    // And back: the shared release restores what it had.
    const restored = await importOnet(t.db.url, ONET_DIR);
    expect(restored.occupations).toMatchObject({ inserted: 1, updated: 1, deleted: 0 });
  });

  it('the CLI rejects a directory without O*NET files in one line', () => {
    const missing = join(work, 'does-not-exist');
    const cli = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/import-onet.cli.ts', missing], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^hirescope: .*does-not-exist is not a directory/)]);
    const empty = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/import-onet.cli.ts', work], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(empty.status).toBe(1);
    expect(empty.stderr.trim()).toMatch(/^hirescope: .* lacks "Occupation Data.txt", "Alternate Titles.txt", "Sample of Reported Titles.txt": is it an unpacked O\*NET text release\?$/);
  });
});
