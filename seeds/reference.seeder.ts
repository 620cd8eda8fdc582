import { DataSource } from 'typeorm';
import { COUNTRIES } from '../src/reference/countries.data';
import { CURRENCY_RATES, CURRENCY_RATES_SOURCE } from '../src/reference/currency-rates.data';
import { SKILL_TAXONOMY } from '../src/reference/skills.data';

export interface ReferenceSeedResult {
  skills: number;
  aliases: number;
  countries: number;
  currencyRates: number;
}

/**
 * Skill taxonomy, countries with world regions, and the dated currency table. Idempotent: upserts by
 * natural key, so it runs on every start and after upgrades that extend the lists.
 */
export async function seedReferenceData(dataSource: DataSource): Promise<ReferenceSeedResult> {
  return dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO skills (name, category) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (name) DO UPDATE SET category = excluded.category`,
      [SKILL_TAXONOMY.map((s) => s.name), SKILL_TAXONOMY.map((s) => s.category)],
    );
    const aliasRows = SKILL_TAXONOMY.flatMap((s) => s.aliases.map((alias) => [s.name, alias.toLowerCase()] as const));
    await manager.query(
      `INSERT INTO skill_aliases (skill_id, alias)
       SELECT s.id, a.alias FROM unnest($1::text[], $2::text[]) AS a(name, alias) JOIN skills s ON s.name = a.name
       ON CONFLICT (alias) DO NOTHING`,
      [aliasRows.map((r) => r[0]), aliasRows.map((r) => r[1])],
    );
    await manager.query(
      `INSERT INTO countries (code, alpha3, name, region) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT (code) DO UPDATE SET alpha3 = excluded.alpha3, name = excluded.name, region = excluded.region`,
      [COUNTRIES.map((c) => c.alpha2), COUNTRIES.map((c) => c.alpha3), COUNTRIES.map((c) => c.name), COUNTRIES.map((c) => c.region)],
    );
    const source = `${CURRENCY_RATES_SOURCE.name} (retrieved ${CURRENCY_RATES_SOURCE.retrieved})`;
    await manager.query(
      `INSERT INTO currency_rates (currency, year, usd_per_unit, source)
       SELECT c, y, r, $4 FROM unnest($1::text[], $2::int[], $3::numeric[]) AS t(c, y, r)
       ON CONFLICT (currency, year) DO UPDATE SET usd_per_unit = excluded.usd_per_unit, source = excluded.source`,
      [CURRENCY_RATES.map((r) => r.currency), CURRENCY_RATES.map((r) => r.year), CURRENCY_RATES.map((r) => r.usdPerUnit), source],
    );
    return { skills: SKILL_TAXONOMY.length, aliases: aliasRows.length, countries: COUNTRIES.length, currencyRates: CURRENCY_RATES.length };
  });
}
