/**
 * Writes synthetic datasets to disk and reports throughput.
 *
 *   npx ts-node --transpile-only seeds/generate.ts --postings 1000000 --surveys 200000 --seed 42 --out /tmp/x \
 *     [--format csv|ndjson] [--from 2019-01-01] [--to 2025-12-31]
 *
 * Postings go to <out>/postings-<n>-seed<seed>.<csv|ndjson>, survey responses to <out>/surveys-<n>-seed<seed>.csv.
 */
import { mkdir } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { writePostingsCsv, writePostingsNdjson, writeSurveyCsv, WriteStats } from './generators/write-synthetic';

interface Args {
  postings: number;
  surveys: number;
  seed: number;
  out: string;
  format: 'csv' | 'ndjson';
  from?: string;
  to?: string;
}

const USAGE =
  'usage: generate.ts [--postings N] [--surveys N] [--seed N] [--out DIR] [--format csv|ndjson] [--from YYYY-MM-DD] [--to YYYY-MM-DD]';

function parseArgs(argv: readonly string[]): Args {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = argv[i + 1];
    if (!name.startsWith('--') || value === undefined || value.startsWith('--')) throw new Error(`bad argument "${name}"\n${USAGE}`);
    flags.set(name.slice(2), value);
    i++;
  }
  const known = new Set(['postings', 'surveys', 'seed', 'out', 'format', 'from', 'to']);
  for (const name of flags.keys()) if (!known.has(name)) throw new Error(`unknown flag --${name}\n${USAGE}`);
  const integer = (name: string, fallback: number): number => {
    const value = Number(flags.get(name) ?? fallback);
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer\n${USAGE}`);
    return value;
  };
  const format = flags.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'ndjson') throw new Error(`--format must be csv or ndjson\n${USAGE}`);
  return {
    postings: integer('postings', 0),
    surveys: integer('surveys', 0),
    seed: integer('seed', 42),
    out: resolve(flags.get('out') ?? 'data/generated'),
    format,
    from: flags.get('from'),
    to: flags.get('to'),
  };
}

function report(label: string, stats: WriteStats): void {
  const seconds = stats.ms / 1000;
  const rate = Math.round(stats.rows / seconds).toLocaleString('en-US');
  const mib = (stats.bytes / 1024 / 1024).toFixed(1);
  process.stdout.write(
    `${label.padEnd(9)} ${stats.rows.toLocaleString('en-US').padStart(11)} rows  ${seconds.toFixed(1).padStart(6)} s  ` +
      `${rate.padStart(9)} rows/s  ${mib.padStart(8)} MiB  ${stats.path}\n`,
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  await mkdir(args.out, { recursive: true });
  process.stdout.write(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, seed ${args.seed}\n`);
  if (args.postings > 0) {
    const file = join(args.out, `postings-${args.postings}-seed${args.seed}.${args.format}`);
    const opts = { count: args.postings, seed: args.seed, from: args.from, to: args.to };
    report('postings', args.format === 'csv' ? await writePostingsCsv(file, opts) : await writePostingsNdjson(file, opts));
  }
  if (args.surveys > 0) {
    const file = join(args.out, `surveys-${args.surveys}-seed${args.seed}.csv`);
    report('surveys', await writeSurveyCsv(file, { count: args.surveys, seed: args.seed }));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
