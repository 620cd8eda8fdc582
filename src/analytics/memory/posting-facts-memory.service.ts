import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ProcessRole } from '../../config/env.validation';
import { copyField, copyLines, inSnapshot } from './copy-snapshot';
import { BUCKET_SIZE, DIMENSIONS, FactColumns, FactRow, NO_DAY, dayNumber } from './fact-columns';
import { FactsView } from './facts-view';
import { FreshRead } from './fresh-read';

const ANSWER_CACHE_SIZE = 500;

/** The posting_facts columns parseRow reads, in its order. */
export const FACT_COLUMNS = `id, posted_date, ${DIMENSIONS.join(', ')}, annual_usd_mid, salary_outlier, skill_ids`;

/**
 * Keeps posting_facts in memory, column by column, so that market queries scan typed arrays instead of
 * a million table rows. Postgres stays the source of truth: the copy is loaded at start, and before a
 * query it is brought up to date whenever `analytics_data_version` (bumped by a trigger in every
 * transaction that changes posting_facts) has moved, so answers are those of the committed data.
 * New rows are found per id bucket (counts compared with the table's), which also catches rows of a
 * slower transaction that committed after rows with higher ids. Until the first load finishes, and
 * when disabled (ANALYTICS_IN_MEMORY=false), the services answer in SQL.
 */
@Injectable()
export class PostingFactsMemoryService implements OnApplicationBootstrap {
  private readonly logger = new Logger(PostingFactsMemoryService.name);
  private columns: FactColumns | null = null;
  private version: string | null = null;
  private loading: Promise<void> | null = null;
  private refreshing: Promise<void> | null = null;
  private readonly answers = new Map<string, unknown>();
  /** The committed data version, read after the caller arrived (reads shared between concurrent queries). */
  private readonly committedVersion = new FreshRead(async () => {
    const [{ version }] = await this.db.query('SELECT version::text AS version FROM analytics_data_version');
    return version as string;
  });

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.config.analyticsInMemory;
  }

  onApplicationBootstrap(): void {
    // The API answers market queries; workers load on first use (reports).
    if (this.enabled && this.config.role !== ProcessRole.WORKER) void this.ready().catch(() => undefined);
  }

  /** Resolves when the first load is done (tests and benchmarks wait on it). */
  ready(): Promise<void> {
    this.loading ??= this.load().catch((error) => {
      this.loading = null;
      this.logger.warn(`in-memory analytics unavailable, answering in SQL: ${(error as Error).message}`);
      throw error;
    });
    return this.loading;
  }

  /**
   * The answer to one question at the current data version: computed once, then served from a small
   * LRU until the data changes (dashboards repeat the same few requests). Without the in-memory copy,
   * computed every time (in SQL).
   */
  async remember<T>(question: unknown[], compute: (view: FactsView | null) => Promise<T>): Promise<T> {
    const view = await this.view();
    if (!view) return compute(null);
    const key = `${view.version}|${JSON.stringify(question)}`;
    const hit = this.answers.get(key);
    if (hit !== undefined) {
      this.answers.delete(key); // most recently used last
      this.answers.set(key, hit);
      return hit as T;
    }
    const answer = await compute(view);
    this.answers.set(key, answer);
    if (this.answers.size > ANSWER_CACHE_SIZE) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }

  /** An up-to-date view, or null while the first load runs (the caller answers in SQL then). */
  async view(): Promise<FactsView | null> {
    if (!this.enabled) return null;
    if (!this.columns) {
      void this.ready().catch(() => undefined);
      return null;
    }
    await this.refreshIfChanged();
    return new FactsView(this.columns, this.version!);
  }

  private async refreshIfChanged(): Promise<void> {
    // The version committed before this query started; a refresh already under way may predate it.
    const version = await this.committedVersion.get();
    if (BigInt(version) < BigInt(this.version!)) this.version = '-1'; // the database was restored or reset
    while (BigInt(this.version!) < BigInt(version)) {
      // Concurrent queries share one refresh.
      this.refreshing ??= inSnapshot(this.db, (client) => this.catchUp(client)).finally(() => (this.refreshing = null));
      await this.refreshing;
    }
  }

  private async load(): Promise<void> {
    const started = Date.now();
    await inSnapshot(this.db, async (client) => {
      const version = await this.readVersion(client);
      const staging = FactColumns.staging(null);
      await this.copyRows(client, 'true', staging);
      this.columns = staging.seal();
      this.version = version;
    });
    this.logger.log(`in-memory analytics: ${this.columns!.length} postings loaded in ${Date.now() - started} ms`);
  }

  /** Loads the rows of every id bucket whose count differs from the table's; rebuilds if rows vanished. */
  private async catchUp(client: PoolClient): Promise<void> {
    const version = await this.readVersion(client);
    const buckets: Array<{ bucket: string; n: number }> = (
      await client.query(`SELECT floor(id / ${BUCKET_SIZE})::bigint::text AS bucket, count(*)::int AS n FROM posting_facts GROUP BY 1`)
    ).rows;
    const current = this.columns!;
    const changed: number[] = [];
    let vanished = false;
    const seen = new Set<number>();
    for (const b of buckets) {
      const bucket = Number(b.bucket);
      seen.add(bucket);
      const have = current.bucketCounts.get(bucket) ?? 0;
      if (b.n < have) vanished = true;
      else if (b.n > have) changed.push(bucket);
    }
    for (const bucket of current.bucketCounts.keys()) if (!seen.has(bucket)) vanished = true;
    if (vanished) {
      const staging = FactColumns.staging(null);
      await this.copyRows(client, 'true', staging);
      this.columns = staging.seal();
    } else if (changed.length) {
      const ranges = changed.map((b) => `(id >= ${b * BUCKET_SIZE} AND id < ${(b + 1) * BUCKET_SIZE})`).join(' OR ');
      // A new instance: queries holding the current one are not disturbed.
      const staging = FactColumns.staging(current);
      await this.copyRows(client, ranges, staging);
      this.columns = staging.seal();
    }
    this.version = version;
  }

  private async readVersion(client: PoolClient): Promise<string> {
    return (await client.query('SELECT version::text AS version FROM analytics_data_version')).rows[0].version;
  }

  private async copyRows(client: PoolClient, where: string, into: { append(row: FactRow): void }): Promise<void> {
    await copyLines(client, `SELECT ${FACT_COLUMNS} FROM posting_facts WHERE ${where} ORDER BY id`, (line) => into.append(parseRow(line)));
  }
}

const dayCache = new Map<string, number>();

/** One line of COPY text output: tab-separated, \N for NULL, backslash escapes, arrays as {1,2,3}. */
export function parseRow(line: string): FactRow {
  const f = line.split('\t');
  const date = f[1];
  let day = NO_DAY;
  if (date !== '\\N') {
    day = dayCache.get(date) ?? dayNumber(date);
    if (dayCache.size < 100_000) dayCache.set(date, day);
  }
  const dims: Array<string | null> = [];
  for (let d = 0; d < DIMENSIONS.length; d++) dims.push(copyField(f[2 + d]));
  const k = 2 + DIMENSIONS.length;
  const skills = f[k + 2];
  return {
    id: Number(f[0]),
    day,
    dims,
    salary: f[k] === '\\N' ? NaN : Number(f[k]),
    outlier: f[k + 1] === 't',
    skillIds: skills.length > 2 ? skills.slice(1, -1).split(',').map(Number) : [],
  };
}
