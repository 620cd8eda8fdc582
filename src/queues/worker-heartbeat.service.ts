import { getQueueToken } from '@nestjs/bull';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bull';
import { hostname } from 'node:os';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { probeTfBackendInChild } from '../ml/tfjs-backend';
import { QueueName } from './queue-names';

const HEARTBEAT_MS = 10_000;

/** Each worker announces itself and its TensorFlow.js backend in Redis, so /health on any API can show them. */
@Injectable()
export class WorkerHeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHeartbeatService.name);
  private readonly id = `${hostname()}-${process.pid}`;
  private timer?: NodeJS.Timeout;
  private backend = 'probing';
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    void this.checkRedisPolicy();
    void this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.timer.unref();
    void probeTfBackendInChild(this.config.tfjsBackend).then((backend) => {
      this.backend = backend;
      this.logger.log(`TensorFlow.js backend for model jobs: ${backend}`);
      void this.beat();
    });
  }

  private async checkRedisPolicy(): Promise<void> {
    const reply = (await this.client().config('GET', 'maxmemory-policy').catch(() => null)) as string[] | null;
    const policy = reply?.[1];
    if (policy && policy !== 'noeviction') {
      this.logger.warn(`Redis maxmemory-policy is "${policy}": under memory pressure Redis may evict queued jobs. Set it to noeviction.`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // The backend probe may answer after this: its beat must not bring the deleted key back.
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.client()
      .del(this.key())
      .catch(() => undefined);
  }

  private key(): string {
    return `${this.config.queuePrefix}:workers:${this.id}`;
  }

  private client() {
    return this.moduleRef.get<Queue>(getQueueToken(QueueName.INGEST), { strict: false }).client;
  }

  private async beat(): Promise<void> {
    if (this.stopped) return;
    const value = JSON.stringify({ id: this.id, backend: this.backend, lastSeen: new Date().toISOString() });
    await this.client()
      .set(this.key(), value, 'PX', HEARTBEAT_MS * 3)
      .catch((error: Error) => this.logger.warn(`heartbeat failed: ${error.message}`));
  }
}
