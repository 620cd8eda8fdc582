import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createCliContext, fail, parseFlags } from '../src/cli/cli-context';
import { printRunSummary, waitForRun } from '../src/cli/wait-for-run';
import { IngestionFormat, IngestionKind } from '../src/ingestion/ingestion.enums';
import { IngestionService } from '../src/ingestion/ingestion.service';
import { writePostingsCsv, writeSurveyCsv } from './generators/write-synthetic';

/**
 * `npm run seed`: reference data (always), plus synthetic postings/surveys when asked, generated to
 * files and ingested through the real job:  npm run seed -- --postings 1000000 --surveys 200000 [--seed 42]
 */
async function main(): Promise<void> {
  const { flags } = parseFlags(process.argv.slice(2));
  const postings = Number(flags.postings ?? 0);
  const surveys = Number(flags.surveys ?? 0);
  const seed = Number(flags.seed ?? 42);
  if (![postings, surveys, seed].every(Number.isInteger)) fail('usage: npm run seed -- [--postings N] [--surveys N] [--seed N]');

  const { app, config, close } = await createCliContext(); // migrates and seeds reference data
  try {
    const ingestion = app.get(IngestionService);
    const dir = resolve(config.dataDir, 'generated');
    await mkdir(dir, { recursive: true });
    for (const [kind, count] of [[IngestionKind.POSTINGS, postings], [IngestionKind.SURVEY, surveys]] as const) {
      if (count <= 0) continue;
      const file = join(dir, `${kind.toLowerCase()}-${count}-seed${seed}.csv`);
      const started = Date.now();
      if (kind === IngestionKind.POSTINGS) await writePostingsCsv(file, { count, seed });
      else await writeSurveyCsv(file, { count, seed });
      process.stdout.write(`generated ${count} ${kind.toLowerCase()} rows in ${Date.now() - started} ms → ${file}\n`);
      const run = await ingestion.startFileRun({ kind, format: IngestionFormat.CSV, filePath: file, sourceName: `synthetic:seed${seed}` });
      printRunSummary(await waitForRun(ingestion, run.id, kind.toLowerCase()));
    }
    process.stdout.write('reference data seeded\n');
  } finally {
    await close();
  }
}

main().catch((error: Error) => fail(error.message));
