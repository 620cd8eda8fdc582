import type { ClientBase, PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../database/client-transaction';

/**
 * Reading a table into memory: one REPEATABLE READ snapshot (so a version counter read in it and the
 * rows copied describe the same state) and COPY … TO STDOUT streamed line by line.
 */
export async function inSnapshot<T>(db: DataSource, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const runner = db.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    return await inTransaction(client, () => work(client), 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  } finally {
    await runner.release();
  }
}

/** Every line of `COPY (<select>) TO STDOUT` (text format), in order. */
export async function copyLines(client: ClientBase, select: string, onLine: (line: string) => void): Promise<void> {
  const stream = client.query(copyTo(`COPY (${select}) TO STDOUT`));
  let rest = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = rest + chunk.toString('utf8');
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      onLine(text.slice(start, nl));
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  if (rest) onLine(rest);
}

const ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', b: '\b', f: '\f', v: '\v' };

/** One field of COPY text output: `\N` is NULL, backslash escapes decoded. */
export function copyField(value: string): string | null {
  if (value === '\\N') return null;
  return value.includes('\\') ? value.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c) : value;
}
