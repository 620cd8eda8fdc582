import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { isPortOpen } from '../database/embedded-postgres';

export class RedisUnavailableError extends Error {}

const LOCAL_REDIS_PORT = 6379;

/**
 * REDIS_URL when given; else a Redis already answering on 127.0.0.1:6379; else a redis-server we
 * start ourselves (daemonised, data-less). Otherwise one line telling the user how to get one.
 */
export async function resolveRedisUrl(configured: string | undefined, dataDir: string): Promise<string> {
  if (configured) {
    const { hostname, port } = new URL(configured);
    if (!(await isPortOpen(Number(port || 6379), hostname, 2000))) {
      throw new RedisUnavailableError(`Cannot connect to Redis at ${hostname}:${port || 6379} (REDIS_URL)`);
    }
    return configured;
  }
  const localUrl = `redis://127.0.0.1:${LOCAL_REDIS_PORT}`;
  if (await isPortOpen(LOCAL_REDIS_PORT)) return localUrl;

  if (spawnSync('redis-server', ['--version']).status !== 0) {
    throw new RedisUnavailableError(
      'No Redis found: set REDIS_URL, or run `docker compose up -d redis`, or install redis-server (apt-get install redis-server)',
    );
  }
  const dir = resolve(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  new Logger('Redis').log(`Starting local redis-server on 127.0.0.1:${LOCAL_REDIS_PORT}`);
  spawn(
    'redis-server',
    ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(LOCAL_REDIS_PORT), '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  ).unref();
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await isPortOpen(LOCAL_REDIS_PORT)) return localUrl;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new RedisUnavailableError('Started redis-server but it did not answer on 127.0.0.1:6379 within 5 s');
}
