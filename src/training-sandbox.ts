import 'reflect-metadata';
import { INestApplicationContext, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AppConfig } from './config/app-config';
import { ForecastProcessor } from './forecasting/forecast.processor';
import { MatchTrainingProcessor } from './matching/match-training.processor';
import { selectTfBackend } from './ml/tfjs-backend';
import type { Job } from './queues/job-queue.service';
import { JobName, QueueName } from './queues/queue-names';
import { TrainingSandboxModule } from './training-sandbox.module';

/**
 * CPU-heavy TensorFlow.js jobs. WASM computes on the calling thread, so Bull runs these in a child
 * process (a sandboxed processor): the worker's event loop, and with it the job-lock renewal, stays free.
 */
const SANDBOXED: Record<string, { queue: QueueName; run: (app: INestApplicationContext, job: Job) => Promise<object> }> = {
  [JobName.TRAIN_FORECAST]: { queue: QueueName.FORECAST, run: (app, job) => app.get(ForecastProcessor).handle(job) },
  [JobName.TRAIN_MATCHING]: { queue: QueueName.MATCH, run: (app, job) => app.get(MatchTrainingProcessor).handle(job) },
};

export const SANDBOXED_JOBS: ReadonlyArray<{ queue: QueueName; name: string }> = Object.entries(SANDBOXED).map(([name, { queue }]) => ({ queue, name }));

const PROCESSOR_DIR_PREFIX = 'hirescope-training-';

/** A worker killed with SIGKILL never removes its file: the next worker on the machine does. */
function removeStaleProcessorFiles(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = name.startsWith(PROCESSOR_DIR_PREFIX) ? Number(name.slice(PROCESSOR_DIR_PREFIX.length).split('-')[0]) : 0;
    if (!pid || isAlive(pid)) continue;
    try {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    } catch {
      // another user's, or already gone
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface TrainingProcessorFile {
  path: string;
  remove(): void;
}

/**
 * Parent side. Bull forks a generic child and `require`s the processor file in it, passing nothing else,
 * so this process's config (the database chosen at boot, the backend preference) goes into a small
 * generated file, readable by this user only and removed at shutdown. Under ts-node or ts-jest, where
 * this module is TypeScript, the file registers ts-node before loading it.
 */
export function writeTrainingProcessorFile(config: AppConfig): TrainingProcessorFile {
  removeStaleProcessorFiles();
  const dir = mkdtempSync(join(tmpdir(), `${PROCESSOR_DIR_PREFIX}${process.pid}-`));
  const path = join(dir, 'training-processor.js');
  const childConfig: AppConfig = { ...config, adminApiKey: undefined };
  // ts-node is a devDependency: resolved only when this module is TypeScript (tests, ts-node).
  const registerTs = __filename.endsWith('.ts')
    ? [`  if (!process[Symbol.for('ts-node.register.instance')]) require(${JSON.stringify(require.resolve('ts-node'))}).register({ transpileOnly: true, projectSearchDir: ${JSON.stringify(dirname(__filename))} });`]
    : [];
  const source = [
    'try {',
    ...registerTs,
    `  module.exports = require(${JSON.stringify(__filename)}).createTrainingProcessor(${JSON.stringify(childConfig)});`,
    '} catch (error) {',
    "  // Bull reports the error but keeps a child that failed to load; it must not outlive the worker.",
    '  setTimeout(() => process.exit(1), 100);',
    '  throw error;',
    '}',
  ];
  writeFileSync(path, `${source.join('\n')}\n`, { mode: 0o600 });
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const LOG_LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Child side: the processor Bull calls with each job. Bull keeps the child for later jobs, so the Nest
 * context (database pool, registry, trainers) and the TensorFlow.js backend are set up once, on the
 * first job. The result carries the child's pid and backend, so the sandboxing is visible in `job(id)`.
 */
export function createTrainingProcessor(config: AppConfig): (job: Job) => Promise<object> {
  let context: Promise<INestApplicationContext> | undefined;
  let backend = 'unknown';
  const boot = async () => {
    // Same preference, so the same selection as the worker's heartbeat probe reports.
    backend = (await selectTfBackend(config.tfjsBackend)).backend;
    const app = await NestFactory.createApplicationContext(TrainingSandboxModule.forConfig(config), {
      logger: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.logLevel) + 1),
      abortOnError: false,
    });
    Logger.log(`training sandbox pid=${process.pid} ready, TensorFlow.js backend ${backend}`, 'TrainingSandbox');
    return app;
  };
  // The worker that forked this child is gone (killed, say): stop too; its job is retried once the lock lapses.
  process.once('disconnect', () => {
    setTimeout(() => process.exit(0), 5_000).unref();
    void Promise.resolve(context)
      .then((app) => app?.close())
      .catch(() => undefined)
      .finally(() => process.exit(0));
  });
  return async (job) => {
    const sandboxed = SANDBOXED[job.name];
    if (!sandboxed) throw new Error(`no sandboxed processor for job ${job.name}`);
    context ??= boot().catch((error: unknown) => {
      context = undefined;
      throw error;
    });
    const result = await sandboxed.run(await context, job);
    return { ...result, pid: process.pid, backend };
  };
}
