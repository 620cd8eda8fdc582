import { getQueueToken } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bull';
import { ALL_QUEUES, QueueName } from './queue-names';

export interface QueueDepth {
  queue: QueueName;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

/** Read-side view of the queues for health and monitoring; keeps Bull types inside src/queues. */
@Injectable()
export class QueueDepthService {
  constructor(private readonly moduleRef: ModuleRef) {}

  private queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  async depths(): Promise<QueueDepth[]> {
    return Promise.all(
      ALL_QUEUES.map(async (queue) => {
        const counts = await this.queue(queue).getJobCounts();
        return {
          queue,
          waiting: counts.waiting,
          active: counts.active,
          delayed: counts.delayed,
          failed: counts.failed,
          completed: counts.completed,
        };
      }),
    );
  }

  async pingRedis(): Promise<number> {
    const started = Date.now();
    await this.queue(QueueName.INGEST).client.ping();
    return Date.now() - started;
  }

  /** Workers publish their heartbeat (and TensorFlow.js backend) here; see WorkerHeartbeatService. */
  async workerHeartbeats(prefix: string): Promise<Array<{ id: string; backend: string; lastSeen: string }>> {
    const client = this.queue(QueueName.INGEST).client;
    const keys = await client.keys(`${prefix}:workers:*`);
    if (keys.length === 0) return [];
    const values = await client.mget(...keys);
    return values.filter((v): v is string => !!v).map((v) => JSON.parse(v));
  }
}
