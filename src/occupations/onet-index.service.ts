import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OnetTitleRow } from './onet-files.util';
import { OnetTitleMatcher } from './onet-title-matcher';

/**
 * The title matcher over the imported O*NET titles, built once and rebuilt only when an import changed
 * them (onet_release.changed_at), so each ingestion run pays one small query for it. Null when no
 * O*NET release is imported: ingestion then leaves onet_soc empty.
 */
@Injectable()
export class OnetIndexService {
  private readonly logger = new Logger(OnetIndexService.name);
  private cached: { changedAt: string; matcher: Promise<OnetTitleMatcher> } | null = null;

  constructor(private readonly db: DataSource) {}

  async current(): Promise<OnetTitleMatcher | null> {
    const [release]: Array<{ changed_at: string; version: string }> = await this.db.query(`SELECT changed_at::text, version FROM onet_release`);
    if (!release) return null;
    if (this.cached?.changedAt !== release.changed_at) {
      const matcher = this.load(release.version);
      this.cached = { changedAt: release.changed_at, matcher };
      matcher.catch(() => (this.cached = null)); // a failed load is retried by the next run
    }
    return this.cached.matcher;
  }

  private async load(version: string): Promise<OnetTitleMatcher> {
    const started = Date.now();
    const rows: OnetTitleRow[] = await this.db.query(`SELECT title_key AS "titleKey", soc_code AS "socCode", source FROM onet_titles`);
    const matcher = new OnetTitleMatcher(rows);
    this.logger.log(`O*NET ${version}: ${matcher.titleCount} titles indexed in ${Date.now() - started} ms`);
    return matcher;
  }
}
