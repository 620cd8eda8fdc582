import { prepareRuntime } from '../../src/config/runtime';

describe('start-up checks (e2e)', () => {
  it('fails fast with one clear line when Postgres is unreachable', async () => {
    const started = Date.now();
    await expect(prepareRuntime({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/x' })).rejects.toThrow(
      /^Cannot connect to Postgres at postgres:\/\/nobody@127\.0\.0\.1:1\/x: .*ECONNREFUSED/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('names the bad variable when the environment is malformed', async () => {
    await expect(prepareRuntime({ PORT: 'abc' })).rejects.toThrow('Invalid environment variable PORT: must be an integer (got "abc")');
    await expect(prepareRuntime({ DATABASE_URL: 'mysql://x' })).rejects.toThrow(/Invalid environment variable DATABASE_URL/);
    await expect(prepareRuntime({ PROCESS_ROLE: 'both' })).rejects.toThrow(/PROCESS_ROLE must be one of api, worker, all/);
  });

  it('tells the user how to get Redis when REDIS_URL points nowhere', async () => {
    await expect(
      prepareRuntime({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', REDIS_URL: 'redis://127.0.0.1:1' }),
    ).rejects.toThrow('Cannot connect to Redis at 127.0.0.1:1 (REDIS_URL)');
  });
});
