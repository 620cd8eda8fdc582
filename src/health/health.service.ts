import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RowLevelSecurityService } from '../database/row-level-security.service';
import { QueueDepthService } from '../queues/queue-depth.service';
import { HealthModel } from './health.model';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out`)), CHECK_TIMEOUT_MS).unref()),
  ]);
}

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueDepthService,
    private readonly rowLevelSecurity: RowLevelSecurityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthModel> {
    const [database, redis] = await Promise.all([this.checkDatabase(), this.checkRedis()]);
    const queues = redis.ok ? await withTimeout(this.queues.depths(), 'queue depths').catch(() => []) : [];
    const workers = redis.ok ? await this.queues.workerHeartbeats(this.config.queuePrefix).catch(() => []) : [];
    const backends = [...new Set(workers.map((w) => w.backend))];
    return {
      status: database.ok && redis.ok ? 'ok' : 'error',
      version: this.config.version,
      role: this.config.role,
      database: database.ok ? 'up' : `down: ${database.error}`,
      databaseLatencyMs: database.latencyMs,
      redis: redis.ok ? 'up' : `down: ${redis.error}`,
      redisLatencyMs: redis.latencyMs,
      queues,
      tfBackend: backends.length > 0 ? backends.join(',') : 'no worker running',
      workers,
      rowLevelSecurity: this.rowLevelSecurity.enforced,
    };
  }

  private async checkDatabase(): Promise<{ ok: boolean; latencyMs?: number; error?: string }> {
    const started = Date.now();
    try {
      await withTimeout(this.dataSource.query('select 1'), 'database');
      return { ok: true, latencyMs: Date.now() - started };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }

  private async checkRedis(): Promise<{ ok: boolean; latencyMs?: number; error?: string }> {
    try {
      return { ok: true, latencyMs: await withTimeout(this.queues.pingRedis(), 'redis') };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }
}
