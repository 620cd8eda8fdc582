import { Client } from 'pg';
import { inTransaction } from '../database/client-transaction';
import { OnetRelease, readOnetRelease } from './onet-files.util';

export interface OnetTableChanges {
  total: number;
  inserted: number;
  updated: number;
  deleted: number;
}

export interface OnetImportResult {
  version: string;
  occupations: OnetTableChanges;
  titles: OnetTableChanges;
}

/**
 * Loads an unpacked O*NET text release into onet_occupations and onet_titles in one transaction.
 * Idempotent: rows are upserted only where they differ and rows the release no longer has are
 * deleted, so re-running changes nothing and a newer release replaces the old one. Postings keep the
 * codes they were given; onet_release.changed_at moves only when a row changed.
 */
export async function importOnet(databaseUrl: string, dir: string): Promise<OnetImportResult> {
  const release = await readOnetRelease(dir);
  const client = new Client({ connectionString: databaseUrl, application_name: 'hirescope-import-onet' });
  await client.connect();
  try {
    return await inTransaction(client, async () => {
      await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('import-onet', 0))`);
      return writeRelease(client, release);
    });
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function writeRelease(client: Client, release: OnetRelease): Promise<OnetImportResult> {
  const { occupations, titles } = release;
  const occupationsUp = await client.query<{ inserted: boolean }>(
    `INSERT INTO onet_occupations (soc_code, title, description)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (soc_code) DO UPDATE SET title = excluded.title, description = excluded.description
       WHERE (onet_occupations.title, onet_occupations.description) IS DISTINCT FROM (excluded.title, excluded.description)
     RETURNING (xmax = 0) AS inserted`,
    [occupations.map((o) => o.socCode), occupations.map((o) => o.title), occupations.map((o) => o.description)],
  );
  await client.query(`CREATE TEMP TABLE stage_onet_titles (title_key text, soc_code text, source text) ON COMMIT DROP`);
  await client.query(
    `INSERT INTO stage_onet_titles SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
    [titles.map((t) => t.titleKey), titles.map((t) => t.socCode), titles.map((t) => t.source)],
  );
  const titlesDeleted = await client.query(
    `DELETE FROM onet_titles t WHERE NOT EXISTS (SELECT 1 FROM stage_onet_titles s WHERE s.title_key = t.title_key AND s.soc_code = t.soc_code)`,
  );
  const titlesUp = await client.query<{ inserted: boolean }>(
    `INSERT INTO onet_titles (title_key, soc_code, source) SELECT title_key, soc_code, source FROM stage_onet_titles
     ON CONFLICT (title_key, soc_code) DO UPDATE SET source = excluded.source WHERE onet_titles.source <> excluded.source
     RETURNING (xmax = 0) AS inserted`,
  );
  const occupationsDeleted = await client.query(`DELETE FROM onet_occupations WHERE NOT (soc_code = ANY($1::text[]))`, [occupations.map((o) => o.socCode)]);

  const result: OnetImportResult = {
    version: release.version,
    occupations: changes(occupations.length, occupationsUp.rows, occupationsDeleted.rowCount ?? 0),
    titles: changes(titles.length, titlesUp.rows, titlesDeleted.rowCount ?? 0),
  };
  const changed = [result.occupations, result.titles].some((c) => c.inserted + c.updated + c.deleted > 0);
  await client.query(
    `INSERT INTO onet_release (id, version, occupations, titles) VALUES (true, $1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, occupations = excluded.occupations, titles = excluded.titles,
       changed_at = CASE WHEN $4 THEN now() ELSE onet_release.changed_at END
       WHERE $4 OR onet_release.version <> excluded.version`,
    [release.version, occupations.length, titles.length, changed],
  );
  return result;
}

function changes(total: number, upserted: Array<{ inserted: boolean }>, deleted: number): OnetTableChanges {
  const inserted = upserted.filter((r) => r.inserted).length;
  return { total, inserted, updated: upserted.length - inserted, deleted };
}
