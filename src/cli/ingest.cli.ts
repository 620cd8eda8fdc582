import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { formatFromFileName, parseFormat, parseKind } from '../ingestion/ingestion.enums';
import { IngestionService } from '../ingestion/ingestion.service';
import { createCliContext, fail, parseFlags } from './cli-context';
import { printRunSummary, waitForRun } from './wait-for-run';

const USAGE = 'usage: npm run ingest -- <file> --kind postings|survey|series [--format csv|jsonld|ndjson|html] [--preset NAME] [--mapping FILE.json] [--source NAME] [--errors N]';

/** Ingest one file through the real `ingest` Bull job, with a progress bar and the run summary. */
async function main(): Promise<void> {
  const { positional, flags } = parseFlags(process.argv.slice(2));
  const file = positional[0];
  if (!file || flags.help) fail(USAGE);
  const path = resolve(file);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    fail(`cannot read ${file}`);
  }
  const kind = parseKind(flags.kind);
  if (!kind) fail(`--kind must be postings, survey or series\n${USAGE}`);
  const format = flags.format ? parseFormat(flags.format) : formatFromFileName(path);
  if (flags.format && !format) fail('--format must be csv, jsonld, ndjson or html');
  const mapping = flags.mapping ? readFileSync(resolve(flags.mapping), 'utf8') : undefined;

  const { app, close } = await createCliContext();
  try {
    const ingestion = app.get(IngestionService);
    const started = await ingestion.startFileRun({ kind, format, preset: flags.preset, mapping, filePath: path, fileSize: size!, sourceName: flags.source ?? basename(path) });
    const run = await waitForRun(ingestion, started.id, basename(path));
    printRunSummary(run);
    const shown = Number(flags.errors ?? 10);
    if (run.rejected > 0 && shown > 0) {
      const issues = await ingestion.listIssues(run.id, Math.min(shown, 100), undefined, 'ERROR' as never);
      for (const { node } of issues.edges) {
        process.stdout.write(`  ${node.line !== null ? `line ${node.line}` : node.pointer ?? ''} ${node.field ?? ''} ${node.code}: ${node.message}\n`);
      }
    }
    process.exitCode = run.status === 'COMPLETED' ? 0 : 1;
  } finally {
    await close();
  }
}

main().catch((error: Error) => fail(error.message));
