import 'reflect-metadata';
import 'dotenv/config';
import { resolve } from 'node:path';
import { prepareRuntime } from '../config/runtime';
import { runMigrations } from '../database/migrate';
import { readOnetRelease } from '../occupations/onet-files.util';
import { importOnet, OnetTableChanges } from '../occupations/onet-import.util';
import { fail, parseFlags } from './cli-context';

const USAGE = 'usage: npm run import:onet -- <dir>   (an unpacked O*NET text release, e.g. db_29_2_text/ from https://www.onetcenter.org/database.html)';

/** `npm run import:onet -- <dir>`: loads O*NET-SOC occupations and titles; later ingestion runs map titles to them. */
async function main(): Promise<void> {
  const { positional, flags } = parseFlags(process.argv.slice(2));
  if (!positional[0] || flags.help) fail(USAGE);
  const dir = resolve(positional[0]);
  await readOnetRelease(dir); // checks the files before starting a database
  const runtime = await prepareRuntime({ LOG_LEVEL: 'warn', ...process.env });
  try {
    await runMigrations(runtime.config.databaseUrl);
    const result = await importOnet(runtime.config.databaseUrl, dir);
    const line = (name: string, c: OnetTableChanges) =>
      `${name.padEnd(12)} ${c.total} (inserted ${c.inserted}, updated ${c.updated}, deleted ${c.deleted})`;
    process.stdout.write(`O*NET ${result.version}\n${line('occupations', result.occupations)}\n${line('titles', result.titles)}\n`);
    process.stdout.write('titles are mapped to occupations by ingestion runs started from now on\n');
  } finally {
    await runtime.stop();
  }
}

main().catch((error: Error) => fail(error.message));
