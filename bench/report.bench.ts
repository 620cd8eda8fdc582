import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createDataSource } from '../src/database/data-source';
import { AppModule } from '../src/app.module';
import { buildAppConfig } from '../src/config/app-config';
import { ProcessRole, validateEnvironment } from '../src/config/env.validation';
import { parseFlags } from '../src/cli/cli-context';
import { ReportBuilderService } from '../src/reports/report-builder.service';
import { renderReport } from '../src/reports/render/report.renderer';
import { ReportKindEnum } from '../src/reports/report.enums';
import { BENCH_ADMIN_URL, machine, printTable } from './bench-env';

/**
 * npm run bench:report -- --db <database with postings>   (e.g. one kept by `npm run bench:api -- --keep`)
 * Builds each report kind (all formats) over the whole database and prints the time split.
 */
async function main(): Promise<void> {
  const { flags } = parseFlags(process.argv.slice(2));
  if (!flags.db) throw new Error('pass --db <name> of a database holding postings (npm run bench:api -- --keep prints one)');
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${flags.db}`;
  const ds = createDataSource(url.toString());
  await ds.initialize();
  const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM job_postings');
  await ds.destroy();
  const env = validateEnvironment({ ...process.env, LOG_LEVEL: 'warn' });
  const config = { ...buildAppConfig(env, { databaseUrl: url.toString(), redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }), role: ProcessRole.API, queuePrefix: `hsbench_${Date.now()}` };
  const app = await NestFactory.createApplicationContext(AppModule.forRole(config), { logger: ['error', 'warn'] });
  const builder = app.get(ReportBuilderService);
  const rows: Array<Array<string | number>> = [];
  process.stdout.write(`machine: ${machine()}\npostings in ${flags.db}: ${n}\n`);
  try {
    for (const kind of [ReportKindEnum.SALARY, ReportKindEnum.DEMAND, ReportKindEnum.MARKET_OVERVIEW]) {
      const started = Date.now();
      const { doc } = await builder.build(kind, `${kind} bench`, undefined, async () => undefined);
      const built = Date.now();
      const files = await renderReport(doc, ['PDF', 'HTML', 'CSV', 'JSON']);
      const done = Date.now();
      rows.push([kind, n, ((built - started) / 1000).toFixed(2), ((done - built) / 1000).toFixed(2), ((done - started) / 1000).toFixed(2), `${(files.PDF.length / 1024).toFixed(0)} KiB`]);
    }
  } finally {
    await app.close();
  }
  printTable(['report', 'postings', 'queries s', 'render s', 'total s', 'PDF size'], rows);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
