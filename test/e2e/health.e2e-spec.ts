import { createTestApp, TestApp } from '../create-test-app';
import { gql } from '../graphql-client';

describe('health (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('GET /health reports database, Redis, queues and the TensorFlow.js backend', async () => {
    const response = await fetch(`${t.baseUrl}/health`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.status).toBe('ok');
    expect(body.details.database.status).toBe('up');
    expect(body.details.database.rowLevelSecurity).toBe(true);
    expect(body.details.redis.status).toBe('up');
    expect(body.details.queues.depths.map((q: { queue: string }) => q.queue)).toEqual(['ingest', 'forecast', 'match', 'report']);
    expect(body.details.app.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('answers the GraphQL health query', async () => {
    const result = await gql(t.baseUrl, '{ health { status version database redis tfBackend queues { queue waiting active failed } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.health).toMatchObject({ status: 'ok', database: 'up', redis: 'up' });
    expect(result.data!.health.queues).toHaveLength(4);
  });

  it('reports the TensorFlow.js backend chosen by the worker once it has probed it', async () => {
    let backend = '';
    for (let i = 0; i < 60 && !['tensorflow', 'wasm', 'cpu'].includes(backend); i++) {
      const result = await gql(t.baseUrl, '{ health { tfBackend } }');
      backend = result.data!.health.tfBackend;
      if (!['tensorflow', 'wasm', 'cpu'].includes(backend)) await new Promise((r) => setTimeout(r, 500));
    }
    expect(['tensorflow', 'wasm', 'cpu']).toContain(backend);
  });

  it('serves GraphiQL from local assets, not a CDN', async () => {
    const page = await fetch(`${t.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(html).toContain('/graphiql-assets/graphiql.js');
    expect(html).not.toMatch(/https?:\/\/(cdn|unpkg|jsdelivr)/);
    const asset = await fetch(`${t.baseUrl}/graphiql-assets/graphiql.js`);
    expect(asset.status).toBe(200);
  });
});
