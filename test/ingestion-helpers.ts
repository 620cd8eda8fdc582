import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { gql } from './graphql-client';

export const SHARED_DATA = process.env.HIRESCOPE_SHARED_DATA ?? `${__dirname}/../../shared/data`;

export const RUN_FIELDS = `id status kind format preset rowsRead accepted duplicates rejected warnings error progress
  errors(first: 100) { totalCount edges { node { line pointer field value code message severity } } }`;

export async function uploadFile(baseUrl: string, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', await openAsBlob(path), basename(path));
  const response = await fetch(`${baseUrl}/ingest`, { method: 'POST', body: form, headers });
  return { status: response.status, body: (await response.json()) as { runId?: string; message?: string } };
}

export async function waitForRun(baseUrl: string, runId: string, headers: Record<string, string> = {}, timeoutMs = 120_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await gql(baseUrl, `query($id: ID!) { ingestionRun(id: $id) { ${RUN_FIELDS} } }`, { id: runId }, headers);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    const run = result.data!.ingestionRun;
    if (run.status === 'COMPLETED' || run.status === 'FAILED') return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
