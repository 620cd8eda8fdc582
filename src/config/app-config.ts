import { createHash } from 'node:crypto';
import { EnvironmentVariables, ProcessRole } from './env.validation';

/** Resolved runtime settings: validated env plus the database/Redis URLs chosen at boot. */
export interface AppConfig {
  env: EnvironmentVariables['NODE_ENV'];
  role: ProcessRole;
  port: number;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  dataDir: string;
  tfjsBackend: EnvironmentVariables['TFJS_BACKEND'];
  workerConcurrency: number;
  maxUploadBytes: number;
  salaryOutlierBounds: { min: number; max: number };
  seedOnStart: boolean;
  samplePostings: number;
  sampleSurveys: number;
  version: string;
  logLevel: EnvironmentVariables['LOG_LEVEL'];
  adminApiKey?: string;
  forecastRetrainCron: string;
  forecastRetrainShare: number;
  queueLockMs: number;
  databasePoolSize: number;
  /** Fail at boot (instead of warning) when row-level security would not bind the app's connections. */
  requireRowLevelSecurity: boolean;
  /** Market queries scan an in-memory copy of posting_facts (kept in step with the table) instead of SQL. */
  analyticsInMemory: boolean;
  /** Requests per minute per API key; 0 = unlimited. */
  rateLimitPerMinute: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export function buildAppConfig(env: EnvironmentVariables, urls: { databaseUrl: string; redisUrl: string }): AppConfig {
  return {
    env: env.NODE_ENV,
    role: env.PROCESS_ROLE,
    port: env.PORT,
    databaseUrl: urls.databaseUrl,
    redisUrl: urls.redisUrl,
    // Default prefix per database: two deployments sharing one Redis must not take each other's jobs.
    queuePrefix: env.QUEUE_PREFIX ?? `hirescope-${createHash('sha1').update(urls.databaseUrl).digest('hex').slice(0, 8)}`,
    dataDir: env.DATA_DIR,
    tfjsBackend: env.TFJS_BACKEND,
    workerConcurrency: env.WORKER_CONCURRENCY,
    maxUploadBytes: env.MAX_UPLOAD_MB * 1024 * 1024,
    salaryOutlierBounds: { min: env.SALARY_OUTLIER_MIN_USD, max: env.SALARY_OUTLIER_MAX_USD },
    seedOnStart: env.SEED_ON_START === 'true',
    samplePostings: env.SAMPLE_POSTINGS,
    sampleSurveys: env.SAMPLE_SURVEYS,
    version: readPackageVersion(),
    logLevel: env.LOG_LEVEL,
    adminApiKey: env.ADMIN_API_KEY,
    forecastRetrainCron: env.FORECAST_RETRAIN_CRON,
    queueLockMs: env.QUEUE_LOCK_MS,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    requireRowLevelSecurity: env.REQUIRE_RLS === 'true',
    analyticsInMemory: env.ANALYTICS_IN_MEMORY === 'true',
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    forecastRetrainShare: Math.min(1, Math.max(0, Number(env.FORECAST_RETRAIN_SHARE))),
  };
}

function readPackageVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    return (require('../../package.json') as { version: string }).version;
  } catch {
    try {
      return (require('../../../package.json') as { version: string }).version; // from dist/src/config
    } catch {
      return 'unknown';
    }
  }
}
