import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngestionService } from '../../src/ingestion/ingestion.service';
import { createTestApp, TestApp } from '../create-test-app';
import { gql } from '../graphql-client';
import { uploadFile, waitForRun } from '../ingestion-helpers';

/** A listing of runs with their rejected rows reads all first pages in one query (no N+1), with the same answers. */
describe('ingestion run issues (e2e)', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'hirescope-issues-'));
  const runIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    for (let i = 0; i < 3; i++) {
      const file = join(dir, `postings-${i}.csv`);
      const bad = Array.from({ length: i + 2 }, (_, k) => `,Acme ${i}-${k},Berlin,2024-01-0${k + 1},no title here`);
      writeFileSync(file, ['title,company,location,date_posted,description', `Data Scientist,Acme ${i},Berlin,2024-01-01,Python and SQL`, ...bad].join('\n'));
      const { body } = await uploadFile(t.baseUrl, file, { kind: 'postings' }, t.auth);
      expect((await waitForRun(t.baseUrl, body.runId!, t.auth)).status).toBe('COMPLETED');
      runIds.push(body.runId!);
    }
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads every listed run’s first page of issues in one query, with the answers of one run at a time', async () => {
    const service = t.app.get(IngestionService);
    const batched = jest.spyOn(service as any, 'firstIssuePages');
    const page = 'errors(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { line field code message severity } } }';
    const listing = await gql(t.baseUrl, `{ ingestionRuns(first: 10) { edges { node { id ${page} } } } }`, {}, t.auth);
    expect(listing.errors).toBeUndefined();
    expect(batched).toHaveBeenCalledTimes(1);
    const nodes = listing.data!.ingestionRuns.edges.map((e: any) => e.node).filter((n: any) => runIds.includes(n.id));
    expect(nodes).toHaveLength(3);
    for (const node of nodes) {
      const one = await gql(t.baseUrl, `query($id: ID!) { ingestionRun(id: $id) { ${page} } }`, { id: node.id }, t.auth);
      expect(node.errors).toEqual(one.data!.ingestionRun.errors);
      expect(node.errors.totalCount).toBeGreaterThanOrEqual(2);
      expect(node.errors.edges[0].node.code).toBe('TITLE_MISSING');
    }
    // The next page (a cursor belongs to one run) still reads that run alone.
    const withMore = nodes.find((n: any) => n.errors.pageInfo.hasNextPage);
    const next = await gql(t.baseUrl, `query($id: ID!, $after: String) { ingestionRun(id: $id) { errors(first: 2, after: $after) { edges { node { line } } } } }`, { id: withMore.id, after: withMore.errors.pageInfo.endCursor }, t.auth);
    expect(next.data!.ingestionRun.errors.edges.length).toBeGreaterThan(0);
    batched.mockRestore();
  });
});
