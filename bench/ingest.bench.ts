import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDataSource } from '../src/database/data-source';
import { runMigrations } from '../src/database/migrate';
import { AppModule } from '../src/app.module';
import { buildAppConfig } from '../src/config/app-config';
import { ProcessRole, validateEnvironment } from '../src/config/env.validation';
import { IngestionFormat, IngestionKind } from '../src/ingestion/ingestion.enums';
import { IngestionService } from '../src/ingestion/ingestion.service';
import { parseFlags } from '../src/cli/cli-context';
import { waitForRun } from '../src/cli/wait-for-run';
import { seedReferenceData } from '../seeds/reference.seeder';
import { writePostingsCsv, writeSurveyCsv } from '../seeds/generators/write-synthetic';
import { Client } from 'pg';
import { readFileSync } from 'node:fs';
import { createBenchDatabase, machine, printTable, trackPeakRss } from './bench-env';

/**
 * CPU seconds used by this database's ingest connections (Postgres backends on this machine), read from /proc while
 * they live: with other work on the machine, CPU time says where the time goes better than wall time.
 */
function trackIngestBackendCpu(databaseUrl: string, database: string): { stop: () => Promise<number> } {
  const ticks = new Map<number, number>();
  const client = new Client({ connectionString: databaseUrl });
  const connected = client.connect().catch(() => undefined);
  const read = (pid: number) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12])); // utime + stime
    } catch {
      // gone, or Postgres is not local
    }
  };
  let pids: number[] = [];
  let asking = false;
  const timer = setInterval(() => {
    pids.forEach(read);
    if (asking) return;
    asking = true;
    void connected
      .then(() => client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'hirescope-ingest'`, [database]))
      .then(({ rows }) => (pids = rows.map((r) => r.pid)))
      .catch(() => undefined)
      .finally(() => (asking = false));
  }, 100);
  return {
    stop: async () => {
      clearInterval(timer);
      pids.forEach(read);
      await client.end().catch(() => undefined);
      return [...ticks.values()].reduce((a, b) => a + b, 0) / 100; // USER_HZ
    },
  };
}

/**
 * npm run bench:ingest [-- --postings 1000000 --surveys 200000 --keep]
 * Generates synthetic files, then ingests them into a fresh database through the real Bull job.
 */
async function main(): Promise<void> {
  const { flags } = parseFlags(process.argv.slice(2));
  const postings = Number(flags.postings ?? 1_000_000);
  const surveys = Number(flags.surveys ?? 200_000);
  const outDir = resolve('bench-output');
  mkdirSync(outDir, { recursive: true });
  process.stdout.write(`machine: ${machine()}\n`);

  const files: Array<{ kind: IngestionKind; path: string; count: number }> = [];
  for (const [kind, count] of [[IngestionKind.POSTINGS, postings], [IngestionKind.SURVEY, surveys]] as const) {
    if (count <= 0) continue;
    const path = join(outDir, `${kind.toLowerCase()}-${count}-seed7.csv`);
    if (!existsSync(path)) {
      const started = Date.now();
      if (kind === IngestionKind.POSTINGS) await writePostingsCsv(path, { count, seed: 7 });
      else await writeSurveyCsv(path, { count, seed: 7 });
      process.stdout.write(`generated ${count} ${kind.toLowerCase()} in ${((Date.now() - started) / 1000).toFixed(1)} s (${(statSync(path).size / 2 ** 20).toFixed(0)} MiB)\n`);
    }
    files.push({ kind, path, count });
  }

  const db = await createBenchDatabase();
  await runMigrations(db.url);
  const ds = createDataSource(db.url);
  await ds.initialize();
  await seedReferenceData(ds);
  await ds.destroy();

  // No model retraining: triggered by the postings run, it would compete with the survey run for the CPUs.
  const env = validateEnvironment({ ...process.env, LOG_LEVEL: 'warn', DATA_DIR: outDir, FORECAST_RETRAIN_CRON: 'off', FORECAST_RETRAIN_SHARE: '1' });
  const config = { ...buildAppConfig(env, { databaseUrl: db.url, redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }), role: ProcessRole.WORKER, queuePrefix: `hsbench_${Date.now()}` };
  const app = await NestFactory.createApplicationContext(AppModule.forRole(config), { logger: ['error', 'warn'] });
  const ingestion = app.get(IngestionService);
  const rows: Array<Array<string | number>> = [];
  try {
    for (const file of files) {
      const rss = trackPeakRss();
      const pgCpu = trackIngestBackendCpu(db.url, db.name);
      const cpuBefore = process.cpuUsage();
      const started = Date.now();
      const run = await ingestion.startFileRun({ kind: file.kind, format: IngestionFormat.CSV, filePath: file.path, sourceName: 'bench' });
      const done = await waitForRun(ingestion, run.id, file.kind.toLowerCase());
      const seconds = (Date.now() - started) / 1000;
      const peak = rss.stop();
      const cpu = process.cpuUsage(cpuBefore);
      const pgSeconds = await pgCpu.stop();
      const t = done.timings as Record<string, number>;
      rows.push([
        file.kind.toLowerCase(), file.count, done.accepted, done.duplicates, done.rejected, seconds.toFixed(1),
        Math.round(file.count / seconds), `${(peak / 2 ** 20).toFixed(0)} MiB`,
        ((cpu.user + cpu.system) / 1e6).toFixed(1), pgSeconds.toFixed(1),
        `${(t.parseMs / 1000).toFixed(1)} / ${(t.normalizeMs / 1000).toFixed(1)} / ${(t.writeWaitMs / 1000).toFixed(1)}`,
      ]);
    }
  } finally {
    await app.close();
    if (!flags.keep) await db.drop();
  }
  printTable(['kind', 'rows', 'accepted', 'duplicates', 'rejected', 'seconds', 'rows/s end to end', 'peak RSS', 'node CPU s', 'postgres CPU s', 'parse / normalise / wait-for-write s'], rows);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
