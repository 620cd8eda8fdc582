import { plainToInstance } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsNumberString, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

export enum ProcessRole {
  API = 'api',
  WORKER = 'worker',
  ALL = 'all',
}

/** Every environment variable the service reads. Validated once at boot; see .env.example. */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsEnum(ProcessRole, { message: 'PROCESS_ROLE must be one of api, worker, all' })
  PROCESS_ROLE: ProcessRole = ProcessRole.ALL;

  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must look like postgres://user[:password]@host[:port]/database' })
  DATABASE_URL?: string;

  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @IsString()
  DATA_DIR = '.data';

  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must look like redis://host:port[/db]' })
  REDIS_URL?: string;

  @IsOptional()
  @Matches(/^[a-zA-Z0-9_:-]+$/, { message: 'QUEUE_PREFIX may hold letters, digits, _ : - only' })
  QUEUE_PREFIX?: string;

  @IsIn(['true', 'false'])
  SEED_ON_START: 'true' | 'false' = 'true';

  @IsInt()
  @Min(0)
  @Max(1_000_000)
  SAMPLE_POSTINGS = 20_000;

  @IsInt()
  @Min(0)
  @Max(1_000_000)
  SAMPLE_SURVEYS = 5_000;

  @IsIn(['auto', 'tensorflow', 'wasm', 'cpu'])
  TFJS_BACKEND: 'auto' | 'tensorflow' | 'wasm' | 'cpu' = 'auto';

  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY = 1;

  @IsInt()
  @Min(1)
  @Max(10_240)
  MAX_UPLOAD_MB = 200;

  /** How long a job stays locked to a worker without renewal; a killed worker's job is retried after it. */
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  QUEUE_LOCK_MS = 60_000;

  @IsInt()
  @Min(0)
  SALARY_OUTLIER_MIN_USD = 5_000;

  @IsInt()
  @Min(1)
  SALARY_OUTLIER_MAX_USD = 2_000_000;

  @IsOptional()
  @Matches(/^\S{24,200}$/, { message: 'ADMIN_API_KEY must be 24–200 characters without spaces' })
  ADMIN_API_KEY?: string;

  /** Cron for the repeatable forecast retraining job; "off" disables it. */
  @IsString()
  @Matches(/^(off|(\S+\s+){4}\S+)$/, { message: 'FORECAST_RETRAIN_CRON must be a 5-field cron expression or "off"' })
  FORECAST_RETRAIN_CRON = '0 3 * * 1';

  /** Retrain forecasts after an ingestion run adds more than this share of new postings (0–1). */
  @IsNumberString({}, { message: 'FORECAST_RETRAIN_SHARE must be a number between 0 and 1' })
  FORECAST_RETRAIN_SHARE = '0.1';

  /** Requests per minute per API key (per IP without one); 0 disables rate limiting. */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE = 600;

  /** Connections in the API/worker Postgres pool (migrations and ingestion COPY use their own). */
  @IsInt()
  @Min(1)
  @Max(1000)
  DATABASE_POOL_SIZE = 10;

  /** Stop at boot when row-level security would not bind the app's connections (else a loud warning). */
  @IsIn(['true', 'false'])
  REQUIRE_RLS: 'true' | 'false' = 'false';

  /** Keep posting facts in memory for market queries (~45 MB per million postings); false answers every query in SQL. */
  @IsIn(['true', 'false'])
  ANALYTICS_IN_MEMORY: 'true' | 'false' = 'true';

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

export class InvalidEnvironmentError extends Error {}

const INTEGER_KEYS = new Set(
  Object.entries(new EnvironmentVariables()).filter(([, value]) => typeof value === 'number').map(([key]) => key),
);

/**
 * Validate process.env into a typed object. Throws InvalidEnvironmentError whose message is one line
 * naming the first bad variable, so start-up can print it without a stack trace.
 */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const cleaned: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === '' || value === undefined) continue; // empty means unset, like docker compose's ${VAR:-}
    if (INTEGER_KEYS.has(key) && !/^-?\d+$/.test(String(value))) {
      throw new InvalidEnvironmentError(`Invalid environment variable ${key}: must be an integer (got "${String(value).slice(0, 60)}")`);
    }
    cleaned[key] = INTEGER_KEYS.has(key) && typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  const env = plainToInstance(EnvironmentVariables, cleaned, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const first = errors[0];
    const detail = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    const shown = typeof raw[first.property] === 'string' ? ` (got "${String(raw[first.property]).slice(0, 60)}")` : '';
    throw new InvalidEnvironmentError(`Invalid environment variable ${first.property}: ${detail}${shown}`);
  }
  return env;
}
