import { Logger } from '@nestjs/common';
import { createConnection } from 'node:net';
import { JobQueueService } from '../../src/queues/job-queue.service';
import { createTestApp, TestApp } from '../create-test-app';
import { PrivateRedis, waitFor } from '../fault-injection';

const WARNING = /maxmemory-policy is "allkeys-lru".*evict queued jobs.*noeviction/;

/** One inline command over a fresh socket; the reply's first line. */
function redisCommand(port: number, command: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => socket.write(`${command}\r\n`));
    socket.once('data', (data) => {
      socket.destroy();
      done(data.toString());
    });
    socket.once('error', fail);
  });
}

/**
 * Boot warning for a Redis that may evict jobs. Each case runs on a private redis-server: the shared one
 * on 6379 keeps its configuration. Nest's Logger instances share the prototype, so a spy on it sees the
 * heartbeat service's warning.
 */
describe('Redis maxmemory-policy check at boot (e2e)', () => {
  let redis: PrivateRedis | undefined;
  let t: TestApp | undefined;
  let warn: jest.SpyInstance;

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn');
  });

  afterEach(async () => {
    warn.mockRestore();
    await t?.close();
    await redis?.kill();
    t = undefined;
    redis = undefined;
  });

  const workerHeartbeatSeen = (port: number, prefix: string) =>
    waitFor('the worker heartbeat in Redis', async () => (await redisCommand(port, `KEYS ${prefix}:workers:*`)).includes(`${prefix}:workers:`), 20_000);

  const policyWarnings = () => warn.mock.calls.filter(([message]) => typeof message === 'string' && /maxmemory-policy/.test(message));

  it('warns once when Redis may evict keys (allkeys-lru)', async () => {
    redis = await PrivateRedis.start(['--maxmemory-policy', 'allkeys-lru', '--maxmemory', '64mb']);
    t = await createTestApp({ redisUrl: redis.url });
    expect(await t.app.get(JobQueueService).redisEvictionPolicy()).toBe('allkeys-lru');
    await waitFor('the eviction warning', async () => policyWarnings().length > 0, 20_000);
    expect(policyWarnings()).toHaveLength(1);
    expect(policyWarnings()[0][0]).toMatch(WARNING);
    // The message names the setting, not the connection (no URL, no credentials).
    expect(policyWarnings()[0][0]).not.toContain(redis.url);
  });

  it('stays quiet with noeviction', async () => {
    redis = await PrivateRedis.start(['--maxmemory-policy', 'noeviction']);
    t = await createTestApp({ redisUrl: redis.url });
    expect(await t.app.get(JobQueueService).redisEvictionPolicy()).toBe('noeviction');
    // The policy is read before the first heartbeat is written, on the same connection: once the
    // heartbeat is in Redis, the check has had its answer. A short grace covers the reply's callback.
    await workerHeartbeatSeen(redis.port, t.config.queuePrefix);
    await new Promise((r) => setTimeout(r, 500));
    expect(policyWarnings()).toEqual([]);
    // Nor does a late heartbeat (after the TensorFlow.js probe answers) complain about a closed connection.
    await t.close();
    t = undefined;
    expect(warn.mock.calls.filter(([message]) => /heartbeat failed/.test(String(message)))).toEqual([]);
  });
});
